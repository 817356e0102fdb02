/* "Available offline": registers the course's service worker (docs/assets/sw.js), asks it to
 * keep this page's language, and drives the footer's "Update offline copy" button. On the
 * download page it also shows whether this device keeps a copy and lets the reader remove it
 * (the course then keeps none on this device until the reader asks again).
 * Does nothing on file:// (the offline bundle) or in browsers without service workers. */
(function () {
  "use strict";

  var box = document.querySelector("[data-offline]");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) return;
  if (location.protocol !== "https:" && location.protocol !== "http:") return;

  var status = box.querySelector("[data-offline-status]");
  var button = box.querySelector("[data-offline-update]");
  var lang = box.getAttribute("data-offline-lang");
  var workerUrl = box.getAttribute("data-offline-worker");
  var refusal = box.getAttribute("data-offline-store") + ":offline";
  var storage = document.querySelector("[data-offline-storage]");

  /* The reader's "no offline copy here" is kept in the browser's storage (when it has any). */
  function refused() {
    try { return window.localStorage.getItem(refusal) === "refused"; } catch (error) { return false; }
  }
  function refuse(yes) {
    try {
      if (yes) window.localStorage.setItem(refusal, "refused");
      else window.localStorage.removeItem(refusal);
    } catch (error) { /* without storage the choice lasts as long as this page */ }
  }

  function show(state) {
    box.hidden = state === "off";
    box.setAttribute("data-offline-state", state);
    status.textContent = box.getAttribute("data-text-" + state) || "";
    button.hidden = state === "saving";
    button.disabled = state === "updating";
  }

  function showStorage(state) {
    if (!storage) return;
    var text = storage.getAttribute("data-text-" + state) || "";
    storage.hidden = false;
    storage.querySelector("[data-offline-storage-status]").textContent =
      text.replace("#", storage.getAttribute("data-offline-size") || "");
    storage.querySelector("[data-offline-remove]").hidden = state !== "kept";
    storage.querySelector("[data-offline-keep]").hidden = state === "kept";
  }

  function ask(worker, type) {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        (event.data && event.data.ok ? resolve : reject)(event.data);
      };
      worker.postMessage({ type: type, lang: lang }, [channel.port2]);
    });
  }

  /* The newest worker once it is active (after an update it replaces the old one). */
  function newest(registration) {
    var pending = registration.installing || registration.waiting;
    if (!pending) return Promise.resolve(registration.active);
    return new Promise(function (resolve) {
      function check() {
        if (pending.state === "activated") resolve(pending);
        else if (pending.state === "redundant") resolve(registration.active);
      }
      pending.addEventListener("statechange", check);
      check();
    });
  }

  function keep(registration, type) {
    return newest(registration).then(function (worker) {
      return ask(worker, type);
    });
  }

  function start() {
    return navigator.serviceWorker
      .register(workerUrl)
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        show("saving");
        return keep(registration, "cache").then(
          function () { show("ready"); },
          function () { show("failed"); }
        );
      })
      .catch(function () { /* no worker: the indicator stays hidden */ });
  }

  /* Remove this site's saved copies and its worker; nothing is saved again until asked. */
  function forget() {
    refuse(true);
    return navigator.serviceWorker.getRegistration(workerUrl).then(function (registration) {
      if (!registration) return null;
      var worker = registration.active || registration.waiting || registration.installing;
      var cleared = worker ? ask(worker, "forget").catch(function () {}) : Promise.resolve();
      return cleared.then(function () { return registration.unregister(); });
    });
  }

  button.addEventListener("click", function () {
    show("updating");
    navigator.serviceWorker.ready
      .then(function (registration) {
        return registration.update().catch(function () {}).then(function () {
          return keep(registration, "update");
        });
      })
      .then(function () { show("updated"); }, function () { show("failed"); });
  });

  if (storage) {
    storage.querySelector("[data-offline-remove]").addEventListener("click", function () {
      forget().then(
        function () { show("off"); showStorage("removed"); storage.querySelector("[data-offline-keep]").focus(); },
        function () { showStorage("kept"); }
      );
    });
    storage.querySelector("[data-offline-keep]").addEventListener("click", function () {
      refuse(false);
      showStorage("kept");
      storage.querySelector("[data-offline-remove]").focus();
      start();
    });
  }

  if (refused()) {
    showStorage("off");
    return;
  }
  showStorage("kept");
  start();
})();
