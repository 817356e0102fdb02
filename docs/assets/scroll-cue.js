/* Wide tables and code on a narrow screen scroll sideways; this makes that visible. Where
   content runs past an edge, a line above it says so, the cut edge fades, and the region can
   be focused and scrolled with the arrow keys. No dependencies; works from file://. */
(function () {
  "use strict";
  var script = document.currentScript;
  var hintText = script ? script.getAttribute("data-hint") : "";
  var SCROLLERS = ".md-typeset .md-typeset__scrollwrap, .md-typeset pre > code";

  function hintFor(scroller) {
    var anchor = scroller.matches("code") ? scroller.parentNode : scroller;
    var before = anchor.previousElementSibling;
    if (before && before.classList.contains("mdx-scroll-hint")) return before;
    var hint = document.createElement("p");
    hint.className = "mdx-scroll-hint";
    hint.setAttribute("aria-hidden", "true");  /* the region itself is labelled for screen readers */
    hint.textContent = hintText;
    anchor.parentNode.insertBefore(hint, anchor);
    return hint;
  }

  function update(scroller) {
    var wide = scroller.scrollWidth > scroller.clientWidth + 1 && scroller.clientWidth > 0;
    var hint = wide || scroller.hasAttribute("data-mdx-scroll") ? hintFor(scroller) : null;
    scroller.classList.toggle("mdx-scroll--left", wide && scroller.scrollLeft > 1);
    scroller.classList.toggle("mdx-scroll--right",
      wide && scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1);
    if (hint) hint.hidden = !wide;
    if (wide && !scroller.hasAttribute("data-mdx-scroll")) {
      scroller.setAttribute("data-mdx-scroll", "");
      if (!scroller.hasAttribute("tabindex")) scroller.setAttribute("tabindex", "0");
      if (!scroller.hasAttribute("role")) scroller.setAttribute("role", "region");
      if (!scroller.hasAttribute("aria-label")) scroller.setAttribute("aria-label", hintText);
      scroller.addEventListener("scroll", function () { update(scroller); }, { passive: true });
    }
  }

  function watch() {
    var observer = window.ResizeObserver ? new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { update(entry.target); });
    }) : null;
    document.querySelectorAll(SCROLLERS).forEach(function (scroller) {
      if (scroller.hasAttribute("data-mdx-watched")) return;
      scroller.setAttribute("data-mdx-watched", "");
      update(scroller);
      if (observer) observer.observe(scroller);
    });
  }

  /* The theme wraps tables in their scrolling frame as it starts; look after it has. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { watch(); });
  window.addEventListener("load", watch);
  window.addEventListener("resize", function () { document.querySelectorAll("[data-mdx-scroll]").forEach(update); });
})();
