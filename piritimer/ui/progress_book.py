"""The person's own choices across days, kept in QSettings: today's values and plans.

Past runs come from a RunHistory (the practice store once there is one); the pure rules are in
piritimer.core.progression and piritimer.core.plan. A choice of values lasts for the day it
was made; a plan of one's own lasts until it is cleared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from piritimer.core.durations import format_clock
from piritimer.core.model import Session
from piritimer.core.past_run import PastRun, RunHistory
from piritimer.core.plan import Plan, PlanProgress, parse_plan, plan_progress
from piritimer.core.progression import Today, Values, session_today, today_values
from piritimer.core.timeline import compile_session

GROUP = "progress"
NO_PLAN = "none"
"""Stored as the person's plan: they want none, whatever the file says."""


def session_key(path: Path) -> str:
    """A settings group name for one session file (its path holds slashes QSettings would
    split into groups)."""
    return hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class ProgressBook(QObject):
    """Today's values and plan progress for a session, with the person's overrides.

    Signals:
        changed(object): the Path of a session whose choices changed.
    """

    changed = Signal(object)

    def __init__(
        self,
        settings: QSettings,
        history: RunHistory,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.history = history
        self.now = now

    def _today(self) -> date:
        return self.now().date()

    def runs(self, session: Session) -> Sequence[PastRun]:
        return self.history.runs_of(session.path) if session.path is not None else ()

    def runs_changed(self, session_path: Path | None) -> None:
        """The history gained (or lost) a run of ``session_path`` (None: of any session): the
        views say it again. The practice log's window hooks call it when a run ends, its pain
        is saved, or runs are imported or deleted."""
        self.changed.emit(session_path)

    # -- progression --------------------------------------------------------------------------

    def todays(self, session: Session) -> dict[int, Today]:
        chosen = {
            index: level
            for index in range(len(session.exercises))
            if (level := self.chosen_level(session, index)) is not None
        }
        return session_today(session, self.runs(session), chosen)

    def today_values(self, session: Session) -> dict[int, Values]:
        """What the timeline is compiled with."""
        return today_values(self.todays(session))

    def duration_text(self, session: Session) -> str:
        """ "7:51": the session's length with today's values; "" when it has no ranges."""
        values = self.today_values(session)
        return format_clock(compile_session(session, today=values).total_s) if values else ""

    def chosen_level(self, session: Session, index: int) -> int | None:
        if session.path is None:
            return None
        stored = str(
            self.settings.value(f"{GROUP}/{session_key(session.path)}/level{index}", "") or ""
        )
        day, _, level = stored.partition(" ")
        if day != self._today().isoformat() or not level.isdigit():
            return None  # a choice lasts for its day
        return int(level)

    def choose_level(self, session: Session, index: int, level: int | None) -> None:
        """The person's level for exercise ``index`` today; None returns to the suggestion."""
        if session.path is None:
            return
        key = f"{GROUP}/{session_key(session.path)}/level{index}"
        if level is None:
            self.settings.remove(key)
        else:
            self.settings.setValue(key, f"{self._today().isoformat()} {level}")
        self.changed.emit(session.path)

    # -- plans --------------------------------------------------------------------------------

    def own_plan(self, session: Session) -> Plan | str | None:
        """The person's plan: a Plan, NO_PLAN, or None when they follow the file."""
        if session.path is None:
            return None
        stored = str(self.settings.value(f"{GROUP}/{session_key(session.path)}/plan", "") or "")
        if stored == NO_PLAN:
            return NO_PLAN
        try:
            return parse_plan(stored) if stored else None
        except ValueError:
            return None  # a hand-edited settings file: follow the session's own plan

    def plan(self, session: Session) -> Plan | None:
        own = self.own_plan(session)
        if own == NO_PLAN:
            return None
        return own if isinstance(own, Plan) else session.plan

    def set_plan(self, session: Session, plan: Plan | str | None) -> None:
        """A Plan of the person's own, NO_PLAN for none, or None to follow the file."""
        if session.path is None:
            return
        key = f"{GROUP}/{session_key(session.path)}/plan"
        if plan is None:
            self.settings.remove(key)
        else:
            self.settings.setValue(key, plan.text() if isinstance(plan, Plan) else NO_PLAN)
        self.changed.emit(session.path)

    def progress(self, session: Session) -> PlanProgress | None:
        plan = self.plan(session)
        if plan is None:
            return None
        return plan_progress(plan, self.runs(session), self._today())

    def progress_text(self, session: Session | None) -> str:
        """ "1 of 2 today · 4 days in a row", or "" without a plan."""
        progress = self.progress(session) if session is not None else None
        if progress is None:
            return ""
        return " · ".join(t for t in (progress.today_text(), progress.streak_text()) if t)
