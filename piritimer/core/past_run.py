"""A past run of a session, as plans and progression need it: small, so any store can feed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
