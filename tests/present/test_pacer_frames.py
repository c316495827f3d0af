"""Presentation pacer frames are cheap: a still guide layer, small repaints, a rate that
follows the ring's speed; and the countdown above it is measured once per text."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from piritimer.core.breathing import SLOWEST_FRAME_MS
from piritimer.core.timeline import StepKind
from piritimer.present.countdown import CountdownDisplay
from piritimer.present.pacer import FRAME_MS, BreathPacer
from piritimer.qt.driver import EngineDriver

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock


def start_breathing(driver: EngineDriver) -> None:
    driver.start()
    driver.jump(next(s.index for s in driver.engine.timeline.steps if s.kind is StepKind.INHALE))


class PaintRects(QObject):
    """The rectangles one widget is asked to paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget = widget
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))  # type: ignore[attr-defined]
        return False


@pytest.fixture
def pacer(qtbot: QtBot, driver: EngineDriver) -> BreathPacer:
    widget = BreathPacer(driver)
    qtbot.addWidget(widget)
    widget.resize(600, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_frame_repaints_only_the_square_of_the_ring(
    pacer: BreathPacer, driver: EngineDriver, clock: FakeClock
) -> None:
    start_breathing(driver)
    clock.advance(1.0)  # a quarter into a 4 s in-breath
    QApplication.processEvents()
    watcher = PaintRects(pacer)
    pacer.installEventFilter(watcher)
    for _ in range(4):
        clock.advance(0.1)
        pacer.frame_timer.timeout.emit()
        QApplication.processEvents()
    pacer.removeEventFilter(watcher)
    fill = pacer.fill()
    assert fill is not None
    assert len(watcher.rects) == 4
    for rect in watcher.rects:
        assert pacer.ring_rect(fill).contains(rect)
        assert rect.width() < pacer.width()


def test_the_ring_draws_nothing_outside_its_square(
    pacer: BreathPacer, driver: EngineDriver, clock: FakeClock
) -> None:
    """Two frames differ only inside the square of the larger ring: no trail is left."""
    start_breathing(driver)
    clock.advance(1.0)
    small = pacer.grab().toImage()
    clock.advance(1.0)
    fill = pacer.fill()
    assert fill is not None
    large = pacer.grab().toImage()
    square = pacer.ring_rect(fill)
    assert square.width() < pacer.width()
    differ = [
        (x, y)
        for y in range(0, small.height(), 2)
        for x in range(0, small.width(), 2)
        if not square.contains(x, y) and small.pixel(x, y) != large.pixel(x, y)
    ]
    assert differ == []
    inside = [
        (x, y)
        for y in range(0, small.height(), 2)
        for x in range(0, small.width(), 2)
        if square.contains(x, y) and small.pixel(x, y) != large.pixel(x, y)
    ]
    assert inside  # the ring did move


def test_the_guide_circle_is_rendered_once_per_size(
    pacer: BreathPacer, driver: EngineDriver, clock: FakeClock
) -> None:
    start_breathing(driver)
    for _ in range(20):
        clock.advance(0.1)
        pacer.grab()
    assert pacer.guide_renders == 1
    pacer.resize(500, 500)
    pacer.grab()
    assert pacer.guide_renders == 2


def test_the_frame_rate_follows_the_ring(
    pacer: BreathPacer, driver: EngineDriver, clock: FakeClock
) -> None:
    start_breathing(driver)
    assert pacer.frame_timer.interval() == SLOWEST_FRAME_MS  # the ring starts from rest
    clock.advance(2.0)  # mid-breath: a 600 px ring moves fast
    pacer.frame_timer.timeout.emit()
    assert pacer.frame_timer.interval() == FRAME_MS
    clock.advance(1.97)  # the turn: it barely moves
    pacer.frame_timer.timeout.emit()
    assert pacer.frame_timer.interval() == SLOWEST_FRAME_MS
    assert pacer.frame_timer.isActive()


def test_the_countdown_is_measured_once_per_text(qtbot: QtBot) -> None:
    countdown = CountdownDisplay()
    qtbot.addWidget(countdown)
    countdown.resize(400, 200)
    countdown.set_max_pixel_size(150)
    countdown.set_text("12")
    for _ in range(10):
        countdown.grab()
    assert countdown.measurements == 1
    countdown.set_text("11")
    countdown.grab()
    assert countdown.measurements == 2
    assert countdown.digits_font().pixelSize() == 150
