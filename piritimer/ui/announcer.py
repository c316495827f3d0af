"""What a screen reader hears of a running session: milestones, never every second.

A step is announced as it starts ("Hold. Left side, rep 2 of 3. 30 seconds."), and again at
10 and 5 seconds left when the step is long enough for those to be news; the count itself
changes every second on screen and would drown a screen reader if it spoke each one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from piritimer.core.durations import format_duration
from piritimer.core.engine import State
from piritimer.core.timeline import Step, StepKind
from piritimer.qt.driver import EngineDriver

MILESTONES_S = (10, 5)
"""Seconds left at which a step is announced again."""
MIN_LEAD_S = 3
"""A milestone is announced only in a step longer than it by this much: a 10 s hold's
"10 seconds left" would land on its own start announcement."""


def start_announcement(step: Step) -> str:
    """What is said as ``step`` starts."""
    if step.kind is StepKind.DONE:
        return "Session complete."
    title = "Get into position" if step.kind is StepKind.SETUP else step.title
    parts = [f"{title}."]
    if step.exercise_name and step.kind is StepKind.SETUP:
        parts.append(f"{step.exercise_name}.")
    position = step.position_text()
    if position:
        parts.append(f"{position.replace(' · ', ', ')}.")
    if step.duration_s is not None:
        parts.append(f"{format_duration(step.duration_s)}.")
    elif step.waits:
        parts.append("Press Space when you are ready.")
    return " ".join(parts)


def milestone_announcement(step: Step, seconds_left: int) -> str | None:
    """The announcement at ``seconds_left`` in ``step``, if that second is a milestone."""
    if seconds_left not in MILESTONES_S or step.duration_s is None:
        return None
    if step.duration_s < seconds_left + MIN_LEAD_S:
        return None
    return f"{seconds_left} seconds left."


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
        self._announce(start_announcement(step))

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
