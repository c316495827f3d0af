"""The breathing pacer: drawn from the engine clock, and animated only while it moves."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from piritimer.engine import State
from piritimer.timeline import StepKind
from piritimer.ui.dial import MIN_SCALE, Dial, DialMode, breath_fullness
from piritimer.ui.main_window import MainWindow
from piritimer.ui.runner import FRAME_MS
from piritimer.ui.theme import LIGHT
from tests.ui.helpers import FakeClock, advance


@pytest.mark.parametrize(
    ("kind", "progress", "expected"),
    [
        (StepKind.INHALE, 0.0, 0.0),
        (StepKind.INHALE, 0.5, 0.5),
        (StepKind.INHALE, 1.0, 1.0),
        (StepKind.HOLD_IN, 0.3, 1.0),
        (StepKind.EXHALE, 0.0, 1.0),
        (StepKind.EXHALE, 1.0, 0.0),
        (StepKind.HOLD_OUT, 0.7, 0.0),
    ],
)
def test_fullness_follows_the_breath(kind: StepKind, progress: float, expected: float) -> None:
    assert breath_fullness(kind, progress) == pytest.approx(expected)


def test_fullness_eases_in_and_out() -> None:
    assert breath_fullness(StepKind.INHALE, 0.25) == pytest.approx(
        0.5 - 0.5 * math.cos(math.pi / 4)
    )
    steps = [breath_fullness(StepKind.INHALE, i / 20) for i in range(21)]
    assert steps == sorted(steps)


def _fill_pixels(dial: Dial) -> int:
    image: QImage = dial.grab().toImage()
    fill = QColor(LIGHT.breath_fill).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == fill
    )


def test_the_circle_grows_on_the_in_breath(qapp: object) -> None:
    dial = Dial()
    dial.resize(400, 400)
    dial.show_state(DialMode.BREATH, kind=StepKind.INHALE, progress=0.0, text="4")
    small = _fill_pixels(dial)
    dial.show_state(DialMode.BREATH, kind=StepKind.INHALE, progress=1.0, text="1")
    large = _fill_pixels(dial)
    assert large / small == pytest.approx((1 / MIN_SCALE) ** 2, rel=0.2)


def test_the_frame_timer_runs_only_while_the_breath_moves(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = window.runner_page
    window.show_preview(sessions_dir / "hip-release.yaml")
    window.start_session()
    assert not runner.animating  # setup
    advance(window, clock, 10 + 3 + 20 + 5 + 20 + 8 + 20 + 5 + 20 + 10)
    assert window.driver.state is State.WAITING
    assert not runner.animating
    window.driver.ready()
    advance(window, clock, 3.0)
    assert runner.dial.kind is StepKind.INHALE
    assert runner.animating
    assert runner._frame.interval() == FRAME_MS
    clock.now += 1.0
    runner._frame.timeout.emit()
    assert runner.dial.progress == pytest.approx(0.25)
    window.driver.pause()
    assert not runner.animating
    window.driver.resume()
    assert runner.animating
    advance(window, clock, 3.0)
    assert runner.dial.kind is StepKind.HOLD_IN
    assert not runner.animating
    advance(window, clock, 2.0)
    assert runner.dial.kind is StepKind.EXHALE
    assert runner.animating
    runner.hide()
    assert not runner.animating
    runner.show()
    assert runner.animating
    window.driver.stop()
    assert not runner.animating


def test_a_late_frame_still_shows_the_engine_time(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    """Frames carry no time of their own: a frame that comes late draws where the clock is."""
    runner = window.runner_page
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    advance(window, clock, 8.0)
    clock.now += 3.0  # no frame for three seconds
    runner._frame.timeout.emit()
    assert runner.dial.progress == pytest.approx(0.75)
    assert runner.dial.fullness == pytest.approx(breath_fullness(StepKind.INHALE, 0.75))
