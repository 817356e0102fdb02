"""axe-core accessibility audits, with the axe script shipped by a pinned PyPI package."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
SERIOUS = ("serious", "critical")
SETTLE_TRANSITIONS = """async () => {
  const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
}"""


def serious_violations(page) -> list[str]:
    """Serious and critical axe-core violations on the page, one line each.

    Transitions still running (a button fading in after a scroll) are let finish first, so
    colours are measured as a reader sees them once the page is still.
    """
    page.evaluate(SETTLE_TRANSITIONS)
    page.add_script_tag(content=AXE_SCRIPT)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for violation in result["violations"]:
        if violation.get("impact") in SERIOUS:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines
