"""Small repairs to the HTML that Markdown extensions and the theme write, for screen readers,
keyboards and the reader's language (hooks/page_frame.py applies them to every page)."""

from __future__ import annotations

import re

PERMALINK_TITLE = 'title="Link to this section"'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
ABBREVIATION = re.compile(r"<abbr title=")
# pymdownx.tasklist: '<li class="task-list-item"><label ...><input ... disabled/>...</label> text</li>'
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled'
    r"(?: checked)?)(/>.*?</label>)(.*?)(?=</li>|<ul|<ol)",
    re.DOTALL,
)


def repaired_content(html: str, text: dict[str, str]) -> str:
    """A page's content with permalink titles in the reader's language (the toc extension takes
    one for all languages), focusable abbreviations (their tooltip then opens by keyboard too)
    and task-list checkboxes named by their item's text (axe: label)."""
    html = html.replace(PERMALINK_TITLE, f'title="{text["permalink_title"]}"')
    html = ABBREVIATION.sub('<abbr tabindex="0" title=', html)
    return _label_task_checkboxes(html)


def labelled_search_dialog(output: str, text: dict[str, str]) -> str:
    """The page with Material's search dialog named (axe: aria-dialog-name)."""
    labelled = SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{text["search_dialog"]}"')
    return output.replace(SEARCH_DIALOG, labelled)


def _label_task_checkboxes(html: str) -> str:
    count = iter(range(1, 10_000))

    def labelled(match: re.Match) -> str:
        ident = f"mdx-task-{next(count)}"
        return f'{match[1]} aria-labelledby="{ident}"{match[2]}<span id="{ident}">{match[3]}</span>'

    return TASK_ITEM.sub(labelled, html)
