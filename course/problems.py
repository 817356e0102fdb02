"""A problem found in the course's sources, as data: where, what, what to do, how serious.

Every check returns these; the hooks turn errors into PluginError and log warnings, `make
check` prints them as text or JSON, and tests read their fields. The text form is the one
authors see everywhere:

    quizzes/upr-basics.yml:42: question 'troika' has no correct option; mark one with 'correct: true'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # project-relative path
    line: int | None
    message: str  # what is wrong
    fix: str  # what to write instead
    language: str = ""  # the language of the text it was found in, when that matters
    severity: str = "error"  # 'error' stops every build; 'warning' stops the published (strict) one
    draft: bool = False  # found in a draft module, which the published build leaves out

    def text(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}; {self.fix}" if self.fix else f"{where}: {self.message}"

    def __str__(self) -> str:
        return self.text()
