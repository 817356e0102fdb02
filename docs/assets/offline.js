/* "Available offline": registers the course's service worker (docs/assets/sw.js), asks it to
 * keep this page's language, and drives the footer's "Update offline copy" button.
 * Does nothing on file:// (the offline bundle) or in browsers without service workers. */
(function () {
  "use strict";

  var box = document.querySelector("[data-offline]");
  if (!box || !("serviceWorker" in navigator) || !("caches" in window)) return;
  if (location.protocol !== "https:" && location.protocol !== "http:") return;

  var status = box.querySelector("[data-offline-status]");
  var button = box.querySelector("[data-offline-update]");
  var lang = box.getAttribute("data-offline-lang");

  function show(state) {
    box.hidden = false;
    box.setAttribute("data-offline-state", state);
    status.textContent = box.getAttribute("data-text-" + state);
    button.hidden = state === "saving";
    button.disabled = state === "updating";
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

  navigator.serviceWorker
    .register(box.getAttribute("data-offline-worker"))
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
})();
