/* Small things every page does. No dependencies; works from file:// as online.
 *
 * 1. Abbreviation tooltips. Every <abbr title> (the glossary's abbreviations, in the page's
 *    language) shows its expansion when it is pointed at, focused by keyboard or tapped (the
 *    hook makes each one focusable), and hides again on leaving, on blur and on Escape. One
 *    tooltip element and a few listeners on the document serve the whole page: Material's
 *    own tooltips (content.tooltips) set up a dozen observers for each abbreviation when the
 *    page loads, about a hundred on a module page, which cost phones a large share of the
 *    page's start-up time. Without JavaScript the browser shows the title itself.
 * 2. The language switcher keeps the reader's place: its links get the anchor of the section
 *    being read (the last heading with an id in the upper third of the screen), so switching
 *    on a long page opens the same section in the other language. Section ids are the same in
 *    every language (the README asks for `## Title {#id}` in modules); where a page has no
 *    such id the other language opens at the top.
 */
(function () {
  "use strict";

  var HIDE_DELAY = 300;  // ms: time to move the pointer from the abbreviation onto the tooltip
  var tip = null;
  var shown = null;      // the abbreviation whose expansion is shown
  var hiding = 0;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "mdx-tooltip";
      tip.id = "mdx-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", function () { clearTimeout(hiding); });
      tip.addEventListener("mouseleave", function () { hideSoon(); });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function show(abbr) {
    clearTimeout(hiding);
    if (shown === abbr) return;
    hide();
    var text = abbr.getAttribute("title");
    if (!text) return;
    var node = tooltip();
    node.textContent = text;
    abbr.setAttribute("data-mdx-title", text);
    abbr.removeAttribute("title");  // no second, native tooltip
    abbr.setAttribute("aria-describedby", node.id);
    shown = abbr;
    node.hidden = false;
    place(abbr, node);
  }

  function hide() {
    clearTimeout(hiding);
    if (!shown) return;
    shown.setAttribute("title", shown.getAttribute("data-mdx-title"));
    shown.removeAttribute("data-mdx-title");
    shown.removeAttribute("aria-describedby");
    shown = null;
    tip.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hiding);
    hiding = setTimeout(function () {
      if (shown && document.activeElement !== shown) hide();
    }, HIDE_DELAY);
  }

  /* Below the abbreviation, centred on it, kept inside the page's width. */
  function place(abbr, node) {
    var box = abbr.getBoundingClientRect();
    var width = node.offsetWidth;
    var page = document.documentElement.clientWidth;
    var left = Math.min(Math.max(box.left + box.width / 2 - width / 2, 8), Math.max(page - width - 8, 8));
    node.style.left = left + window.scrollX + "px";
    node.style.top = box.bottom + window.scrollY + 8 + "px";
  }

  function abbreviation(target) {
    var abbr = target && target.closest ? target.closest("abbr") : null;
    return abbr && (abbr.hasAttribute("title") || abbr === shown) ? abbr : null;
  }

  document.addEventListener("mouseover", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr) show(abbr);
  });
  document.addEventListener("mouseout", function (event) {
    if (shown && abbreviation(event.target) === shown && !shown.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var abbr = abbreviation(event.target);
    if (abbr) show(abbr);
  });
  document.addEventListener("focusout", function (event) {
    if (shown && event.target === shown) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) hide();
  });
  window.addEventListener("resize", function () { if (shown) place(shown, tip); });
})();

(function () {
  "use strict";

  var links = Array.prototype.slice.call(document.querySelectorAll(".md-select__link[hreflang]"));
  if (!links.length) return;
  var headings = Array.prototype.slice.call(document.querySelectorAll(
    ["h2", "h3", "h4", "h5", "h6"].map(function (tag) { return ".md-content article " + tag + "[id]"; }).join(", ")
  ));
  var header = document.querySelector(".md-header");

  /* The last heading in the upper third of what the reader sees below the header. */
  function currentSection() {
    var below = header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0;
    var top = below + (window.innerHeight - below) / 3;
    var found = null;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > top) break;
      found = headings[i];
    }
    return found ? found.id : "";
  }

  function carry(link) {
    var address = link.getAttribute("data-address") || link.getAttribute("href").split("#")[0];
    link.setAttribute("data-address", address);
    var section = currentSection();
    link.setAttribute("href", section ? address + "#" + encodeURIComponent(section) : address);
  }

  /* Before the link is followed, opened in a new tab or copied: pointer, touch and keyboard. */
  ["pointerover", "focusin", "click"].forEach(function (type) {
    links.forEach(function (link) {
      link.addEventListener(type, function () { carry(link); });
    });
  });
})();
