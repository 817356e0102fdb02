/* The language switcher keeps the reader's place: its links get the anchor of the section
 * being read (the last heading with an id in the upper third of the screen), so switching on a
 * long page opens the same section in the other language. Section ids are the same in every
 * language (the README asks for `## Title {#id}` in modules); where a page has no such id the
 * other language simply opens at the top. Works from file:// as online. */
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
