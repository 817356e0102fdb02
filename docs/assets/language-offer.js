/* The English home page offers Russian or Tajik to a browser that prefers one of them
 * (overrides/partials/course-language-offer.html). A notice, never a redirect: redirects
 * loop on file://, and many Tajik speakers' browsers report Russian, so the notice also
 * names the third language. A dismissal or a choice is remembered where storage allows. */
(function () {
  "use strict";

  var KEY = "upr-course:language-offer";
  var notices = document.querySelectorAll("[data-language-offer]");
  if (!notices.length) return;

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (error) { return null; }
  }

  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* storage off: ask again next time */ }
  }

  /* The first of the browser's languages that the course has; null when English comes first. */
  function preferred() {
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < list.length; i++) {
      var code = String(list[i]).toLowerCase().split("-")[0];
      if (code === "en") return null;
      if (code === "ru" || code === "tg") return code;
    }
    return null;
  }

  if (remembered()) return;
  var wanted = preferred();
  if (!wanted) return;

  Array.prototype.forEach.call(notices, function (notice) {
    if (notice.getAttribute("data-language-offer") !== wanted) return;
    notice.hidden = false;
    notice.querySelector("[data-language-dismiss]").addEventListener("click", function () {
      remember("dismissed");
      notice.hidden = true;
    });
    Array.prototype.forEach.call(notice.querySelectorAll("[data-language-choice]"), function (link) {
      link.addEventListener("click", function () {
        remember(link.getAttribute("data-language-choice"));
      });
    });
  });
})();
