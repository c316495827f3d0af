"""Messages about a session file, each pinned to a line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from piritimer.core.i18n import _, grouped, ngettext


class Severity(Enum):
    ERROR = auto()
    WARNING = auto()


@dataclass(frozen=True)
class Diagnostic:
    """One thing wrong with a file. ``line`` and ``column`` count from 1, as editors do."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        # The place stays as editors and compilers print it; only the words are translated.
        message = self.message
        if self.severity is Severity.WARNING:
            message = _("warning: {message}").format(message=message)
        return f"{self.path}:{self.line}:{self.column}: {message}"


QUOTE_CHARS = 40
"""How much of a file's own text a message quotes; a 5,000-digit value is not worth reading."""


def quoted(text: str) -> str:
    """``text`` as a message quotes it: in quotes, and cut short when it is long."""
    if len(text) <= QUOTE_CHARS:
        return repr(text)
    count = len(text)
    length = ngettext("({count} character)", "({count} characters)", count).format(
        count=grouped(count)
    )
    return f"{text[: QUOTE_CHARS - 10]!r}… {length}"


class SessionFileError(Exception):
    """Raised internally to stop reading a file at its first unrecoverable problem."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic
