"""A past run of a session, as plans and progression need it: small, so any store can feed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class PastRun:
    """One run of a session. ``started`` is local wall-clock time (its date is the day)."""

    started: datetime
    completed: bool
    pain_before: int | None = None
    """0–10, None when not asked or skipped."""
    pain_after: int | None = None

    @property
    def pain_rose(self) -> bool:
        """Pain after the run was higher than before it; unknown pain counts as not risen."""
        if self.pain_before is None or self.pain_after is None:
            return False
        return self.pain_after > self.pain_before


class RunHistory(Protocol):
    """Where past runs come from: the practice store, or nothing yet."""

    def runs_of(self, session_path: Path) -> Sequence[PastRun]:
        """Every recorded run of the session file at ``session_path``, in any order."""
        ...


class NoHistory:
    """No runs are recorded: every range starts at its start, every plan at zero."""

    def runs_of(self, session_path: Path) -> Sequence[PastRun]:
        return ()
