"""Where a reader reports a mistake on a page: an e-mail to the maintainers, or the issue form
of the course's repository when no address is set, or nothing at all; never a dead link.

mkdocs.yml names both (`extra.corrections_email`, `extra.corrections_repository`, the latter
filled by the publish workflow from COURSE_REPOSITORY); `make build` warns when neither is set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

EMAIL_KEY = "corrections_email"
REPOSITORY_KEY = "corrections_repository"
REPOSITORY_VARIABLE = "COURSE_REPOSITORY"
ISSUE_FORM = "correction.yml"  # .github/ISSUE_TEMPLATE/correction.yml; its 'page' field is filled in
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
REPOSITORY = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")
# Domains reserved for examples (RFC 2606): an address there reaches nobody.
PLACEHOLDER = re.compile(r"@(?:[^@]*\.)?(?:example\.(?:org|com|net)|invalid|test|localhost)$", re.IGNORECASE)


class CorrectionsError(ValueError):
    """A corrections setting that cannot give a working link (the message says how to fix it)."""


@dataclass(frozen=True)
class Correction:
    href: str
    label: str  # the ui_strings.yml key of the link's text


def settings(extra: Mapping) -> tuple[str, str]:
    """The e-mail address and repository to use ('' when unset or a placeholder)."""
    email = str(extra.get(EMAIL_KEY) or "").strip()
    repository = str(extra.get(REPOSITORY_KEY) or "").strip().strip("/")
    if email and not EMAIL.match(email):
        raise CorrectionsError(
            f"mkdocs.yml: extra.{EMAIL_KEY} is '{email}', not an e-mail address; "
            "write the maintainers' address (team@organisation.org) or leave it empty"
        )
    if repository and not REPOSITORY.match(repository):
        raise CorrectionsError(
            f"mkdocs.yml: extra.{REPOSITORY_KEY} (from {REPOSITORY_VARIABLE}) is '{repository}'; "
            "write the GitHub repository as owner/name, e.g. my-org/upr-course"
        )
    return ("" if PLACEHOLDER.search(email) else email), repository


def missing_warning(extra: Mapping) -> str | None:
    """What `make build` says when the pages will carry no way to report a mistake."""
    email, repository = settings(extra)
    if email or repository:
        return None
    return (
        f"Warning: no correction link on the pages: set extra.{EMAIL_KEY} in mkdocs.yml to the "
        f"maintainers' address, or {REPOSITORY_VARIABLE}=owner/name (the GitHub repository, whose "
        "issue form then opens); the publish workflow sets the repository by itself"
    )


def correction(extra: Mapping, page_title: str, page_address: str, text: dict[str, str]) -> Correction | None:
    """The page's correction link, in the reader's language, or None when nothing is set."""
    email, repository = settings(extra)
    subject = text["correction_subject"].replace("#", page_title)
    if email:
        body = text["correction_body"].replace("#", page_address)
        return Correction(f"mailto:{email}?subject={quote(subject)}&body={quote(body)}", "suggest_correction")
    if repository:
        query = urlencode({"template": ISSUE_FORM, "title": subject, "page": page_address}, quote_via=quote)
        return Correction(f"https://github.com/{repository}/issues/new?{query}", "report_problem")
    return None
