"""Reminders at chosen times: kept in QSettings, due times from piritimer.core.reminders.

One single-shot timer is armed for the next reminder of any session, and at least every
WAKE_AT_LEAST_S so that a changed clock or a resumed laptop is noticed. A reminder missed by
more than STALE_AFTER_S (the machine was asleep) is not shown late.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from piritimer.core.i18n import _
from piritimer.core.reminders import ReminderTimes, next_reminder, parse_times
from piritimer.platform.notifications import Notifier, NullNotifier
from piritimer.ui.progress_book import session_key

log = logging.getLogger(__name__)

GROUP = "reminders"
WAKE_AT_LEAST_S = 10 * 60
STALE_AFTER_S = 60 * 60


@dataclass(frozen=True)
class Reminder:
    """A session to be reminded of, by file, with its title as it was when set."""

    path: Path
    title: str
    times: ReminderTimes


def standing_body(standing: str) -> str:
    """A reminder's words under its title: how the session's plan stands ("0 of 2 today"),
    if it has one, and what a click does."""
    if standing:
        return _("{standing}. Click to open it.").format(standing=standing)
    return _("Click to open it.")


def _local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


class Reminders(QObject):
    """Stored reminders and the timer that shows them.

    Signals:
        changed(): reminders were added, changed or removed.
        openRequested(object): the Path of a session whose reminder was clicked.
    """

    changed = Signal()
    openRequested = Signal(object)

    def __init__(
        self,
        settings: QSettings,
        notifier: Notifier | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        zone: Callable[[], tzinfo] = _local_zone,
        body: Callable[[Reminder], str] = lambda reminder: _("Time for this session."),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.now = now
        self.zone = zone
        self.body = body
        self.notifier: Notifier = NullNotifier()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.wake)
        self._checked_until = now()
        self.use(notifier or NullNotifier())

    def use(self, notifier: Notifier) -> None:
        """Show reminders through ``notifier`` (the real one opens after the first paint)."""
        self.notifier = notifier
        notifier.on_click(lambda key: self.openRequested.emit(Path(key)))
        self.arm()

    # -- stored reminders ---------------------------------------------------------------------

    def stored(self) -> list[Reminder]:
        self.settings.beginGroup(GROUP)
        try:
            groups = self.settings.childGroups()
            stored = [
                (
                    str(self.settings.value(f"{g}/path", "")),
                    str(self.settings.value(f"{g}/title", "")),
                    str(self.settings.value(f"{g}/times", "")),
                    str(self.settings.value(f"{g}/days", "")),
                )
                for g in groups
            ]
        finally:
            self.settings.endGroup()
        found: list[Reminder] = []
        for path, title, times, days in stored:
            try:
                parsed = ReminderTimes(
                    parse_times(times), frozenset(int(d) for d in days if d in "0123456")
                )
            except ValueError:
                continue  # a hand-edited settings file: that reminder is left out
            if path and parsed.times and parsed.days:
                found.append(Reminder(Path(path), title, parsed))
        return found

    def of(self, path: Path) -> Reminder | None:
        return next((r for r in self.stored() if r.path == path), None)

    def _key(self, path: Path) -> str:
        return f"{GROUP}/{session_key(path)}"

    def set_times(self, path: Path, title: str, times: ReminderTimes | None) -> None:
        """Remind of ``path`` at ``times``; None (or no times) removes its reminder."""
        key = self._key(path)
        self.settings.remove(key)
        if times is not None and times.times and times.days:
            self.settings.setValue(f"{key}/path", str(path))
            self.settings.setValue(f"{key}/title", title)
            self.settings.setValue(f"{key}/times", times.text())
            self.settings.setValue(f"{key}/days", "".join(str(d) for d in sorted(times.days)))
        self.changed.emit()
        self.arm()

    # -- the timer ----------------------------------------------------------------------------

    def next_due(self) -> datetime | None:
        return next_reminder((r.times for r in self.stored()), self.now(), self.zone())

    def arm(self) -> None:
        due = self.next_due()
        wait_s = float(WAKE_AT_LEAST_S)
        if due is not None:
            wait_s = min(wait_s, max(0.0, (due - self.now()).total_seconds()))
        self.timer.start(int(wait_s * 1000) + 1)

    def wake(self) -> None:
        """Show every reminder due since the last wake (the timer calls this)."""
        now, zone, since = self.now(), self.zone(), self._checked_until
        self._checked_until = now
        for reminder in self.stored():
            due = next_reminder([reminder.times], since, zone)
            if due is None or due > now:
                continue
            if now - due > timedelta(seconds=STALE_AFTER_S):
                log.info("reminder for %s missed while asleep; not shown late", reminder.title)
                continue
            self.notifier.notify(
                _("Time for {title}").format(title=reminder.title),
                self.body(reminder),
                str(reminder.path),
            )
        self.arm()
