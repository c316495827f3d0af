"""What a screen reader hears of a running session: milestones, never every second.

A step is announced as it starts ("Hold. Left side, rep 2 of 3. 30 seconds."), and again at
10 and 5 seconds left when the step is long enough for those to be news; the count itself
changes every second on screen and would drown a screen reader if it spoke each one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from piritimer.core import i18n
from piritimer.core.engine import State
from piritimer.core.i18n import Catalog, _, ngettext
from piritimer.core.timeline import Step, StepKind
from piritimer.qt.driver import EngineDriver
from piritimer.ui.local_format import duration_text

MILESTONES_S = (10, 5)
"""Seconds left at which a step is announced again."""
MIN_LEAD_S = 3
"""A milestone is announced only in a step longer than it by this much: a 10 s hold's
"10 seconds left" would land on its own start announcement."""


def start_announcement(step: Step, words: Catalog | None = None) -> str:
    """What is said as ``step`` starts: the step's words (``words``, the session's catalog,
    for the title a setup step shows) and the app's for the rest."""
    if step.kind is StepKind.DONE:
        return _("Session complete.")
    title = (
        (words or i18n.current()).gettext("Get into position")
        if step.kind is StepKind.SETUP
        else step.title
    )
    # Each piece is a sentence of its own ("Hold. Left side. 30s."), so they may be joined.
    parts = [f"{title}."]
    if step.exercise_name and step.kind is StepKind.SETUP:
        parts.append(f"{step.exercise_name}.")
    position = step.position_text()
    if position:
        parts.append(f"{position.replace(' · ', ', ')}.")
    if step.duration_s is not None:
        parts.append(f"{duration_text(step.duration_s)}.")
    elif step.waits:
        parts.append(_("Press Space when you are ready."))
    return " ".join(parts)


def milestone_announcement(step: Step, seconds_left: int) -> str | None:
    """The announcement at ``seconds_left`` in ``step``, if that second is a milestone."""
    if seconds_left not in MILESTONES_S or step.duration_s is None:
        return None
    if step.duration_s < seconds_left + MIN_LEAD_S:
        return None
    return ngettext("{n} second left.", "{n} seconds left.", seconds_left).format(n=seconds_left)


class Announcer(QObject):
    """Sends the milestones to assistive technology as announcements on ``widget``.

    Signals:
        announced(str): each announcement, as it is sent (tests and captions listen).
    """

    announced = Signal(str)

    def __init__(self, driver: EngineDriver, widget: QWidget) -> None:
        super().__init__(widget)
        self._driver = driver
        self._widget = widget
        driver.stepStarted.connect(self._on_step)
        driver.secondsLeftChanged.connect(self._on_second)

    def _on_step(self, step: Step, _at: float) -> None:
        if self._driver.state is State.PAUSED or step.index != self._driver.engine.index:
            return
        session = self._driver.engine.timeline.session
        self._announce(start_announcement(step, i18n.for_session(session.language)))

    def _on_second(self, seconds_left: int) -> None:
        if self._driver.state is not State.RUNNING:
            return
        text = milestone_announcement(self._driver.engine.step, seconds_left)
        if text is not None:
            self._announce(text)

    def _announce(self, text: str) -> None:
        self.announced.emit(text)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._widget, text))
