"""The breathing pacer: drawn from the engine clock, and animated only while it moves."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from piritimer.core.breathing import (
    FASTEST_FRAME_MS,
    SLOWEST_FRAME_MS,
    STEP_PX,
    breath_fullness,
    frame_interval_ms,
    fullness_speed,
)
from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.ui.main_window import MainWindow
from piritimer.widgets import dial as dial_module
from piritimer.widgets.dial import MIN_SCALE, Dial, DialMode
from piritimer.widgets.fit import largest_fitting_size
from piritimer.widgets.theme import DARK, LIGHT
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
    assert FASTEST_FRAME_MS <= runner._frame.interval() <= SLOWEST_FRAME_MS
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


# -- cheap frames -----------------------------------------------------------------------------


class PaintCounter(QObject):
    """Counts Paint events per widget, and the rectangles the dial is asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.dial_rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name = type(watched).__name__
            self.counts[name] = self.counts.get(name, 0) + 1
            if isinstance(watched, Dial):
                self.dial_rects.append(QRect(event.rect()))  # type: ignore[attr-defined]
        return False


def _inhale_window(window: MainWindow, clock: FakeClock, sessions_dir: Path) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    advance(window, clock, 8.5)  # setup 5 s, get ready 3 s, then half a second into the inhale
    assert window.runner_page.dial.kind is StepKind.INHALE
    QApplication.processEvents()


def test_a_breath_frame_repaints_only_the_pacer_not_the_window(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    """The dial is opaque and asks for the square its circle sweeps: the window, the page and
    the labels behind and beside it are not repainted on a frame."""
    runner = window.runner_page
    _inhale_window(window, clock, sessions_dir)
    counter = PaintCounter()
    # On the window and every widget in it (not application-wide: the event filter must not
    # see objects of earlier tests that are being deleted).
    watched = [window, *window.findChildren(QWidget)]
    for widget in watched:
        widget.installEventFilter(counter)
    try:
        for _ in range(5):
            clock.now += 0.1  # within one second: the count does not change
            runner._frame.timeout.emit()
            QApplication.processEvents()
    finally:
        for widget in watched:
            widget.removeEventFilter(counter)
    dial = runner.dial
    assert counter.counts == {"Dial": 5}
    square = dial.breath_dirty_rect(dial.breath_extent())
    for rect in counter.dial_rects:
        assert square.contains(rect)
        assert rect.width() * rect.height() < dial.width() * dial.height()


@pytest.mark.parametrize("kind", [StepKind.INHALE, StepKind.EXHALE, StepKind.HOLD_IN])
def test_the_dirty_square_holds_everything_the_pacer_draws(qapp: object, kind: StepKind) -> None:
    """Outside the square a frame repaints, the largest circle and its marks leave the
    background untouched: partial repaints never leave a trail."""
    dial = Dial()
    dial.resize(500, 300)
    progress = 1.0 if kind is StepKind.INHALE else 0.0  # the fullest circle of each phase
    dial.show_state(DialMode.BREATH, kind=kind, progress=progress, text="4")
    image = dial.grab().toImage()
    background = dial.palette().color(QPalette.ColorRole.Window).rgb()
    square = dial.breath_dirty_rect(dial.breath_extent())
    outside = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if not square.contains(x, y) and image.pixel(x, y) != background
    ]
    assert outside == []
    assert square.width() < dial.width()


def test_the_still_layer_is_rendered_once_per_size_and_theme(qapp: object) -> None:
    dial = Dial()
    dial.resize(400, 400)
    for step in range(30):
        dial.show_state(DialMode.BREATH, kind=StepKind.INHALE, progress=step / 30, text="4")
        dial.grab()
    assert dial.static_renders == 1
    dial.resize(500, 400)
    dial.grab()
    assert dial.static_renders == 2
    dial.set_colors(DARK)
    dial.grab()
    assert dial.static_renders == 3
    dial.show_state(DialMode.TIMER, progress=0.5, text="30")  # no guide circles on the ring
    dial.grab()
    assert dial.static_renders == 4


def test_the_count_font_is_searched_once_per_shape_and_size(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counting(*args: object) -> int:
        calls.append(str(args[2]))
        return largest_fitting_size(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(dial_module, "largest_fitting_size", counting)
    dial = Dial()
    dial.resize(400, 400)
    for step in range(60):
        text = str(9 - step // 10)
        dial.show_state(DialMode.BREATH, kind=StepKind.INHALE, progress=step / 60, text=text)
        dial.count_font()
    dial.show_state(DialMode.BREATH, kind=StepKind.INHALE, progress=0.5, text="12")
    dial.count_font()
    assert calls == ["0", "00"]
    dial.resize(300, 300)
    dial.count_font()
    assert calls == ["0", "00", "00"]


@pytest.mark.parametrize("text", ["4", "17", "59", "1:30", "Ready?"])
def test_the_cached_count_font_is_the_one_that_fits_the_text(qapp: object, text: str) -> None:
    dial = Dial()
    dial.resize(420, 380)
    dial.show_state(DialMode.BREATH, kind=StepKind.EXHALE, progress=0.2, text=text)
    dial.count_font()  # fills the cache with the text's shape
    font = dial.count_font()
    rect = dial.text_rect()
    flags = int(dial_module.Qt.AlignmentFlag.AlignCenter.value)
    fitted = largest_fitting_size(font, rect, text, flags, rect.height())
    if len(text) > 2:  # a longer count reaches across the dial, up to two digits' size
        inner = dial.count_rect()
        fitted = min(fitted, largest_fitting_size(font, inner, "00", flags, inner.height()))
    assert font.pixelSize() == fitted


@pytest.mark.parametrize("mode", [DialMode.TIMER, DialMode.WAIT])
@pytest.mark.parametrize("text", ["1:30", "Ready?", "12:00"])
def test_no_count_is_smaller_than_a_holds_two_digits(
    qapp: object, mode: DialMode, text: str
) -> None:
    dial = Dial()
    dial.resize(640, 300)
    dial.show_state(DialMode.TIMER, text="30")
    digits = dial.count_font().pixelSize()
    dial.show_state(mode, text=text)
    assert dial.count_font().pixelSize() >= digits


def test_the_frame_rate_follows_the_circle_speed() -> None:
    assert frame_interval_ms(0.0) == SLOWEST_FRAME_MS  # the turn of a breath
    assert frame_interval_ms(1.0) == SLOWEST_FRAME_MS
    assert frame_interval_ms(1000.0) == FASTEST_FRAME_MS  # never above 30 frames a second
    # In between, each frame moves the circle by STEP_PX.
    middle = frame_interval_ms(10.0)
    assert FASTEST_FRAME_MS < middle < SLOWEST_FRAME_MS
    assert middle == round(1000 * STEP_PX / 10.0)
    speeds = [0.5 * i for i in range(100)]
    intervals = [frame_interval_ms(speed) for speed in speeds]
    assert intervals == sorted(intervals, reverse=True)
    # Wherever the rate is below the cap, a frame moves the circle by at most STEP_PX.
    for speed, interval in zip(speeds, intervals, strict=True):
        if interval > FASTEST_FRAME_MS:
            assert speed * interval / 1000 <= STEP_PX + 0.01


def test_fullness_speed_is_the_slope_of_the_fullness() -> None:
    for kind in (StepKind.INHALE, StepKind.EXHALE):
        for p in (0.1, 0.4, 0.5, 0.8):
            slope = (breath_fullness(kind, p + 1e-6) - breath_fullness(kind, p - 1e-6)) / 2e-6
            assert fullness_speed(kind, p) == pytest.approx(abs(slope), rel=1e-4)
    assert fullness_speed(StepKind.HOLD_IN, 0.5) == 0.0


def test_the_frame_timer_speeds_up_mid_breath_and_slows_at_its_turn(
    window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = window.runner_page
    _inhale_window(window, clock, sessions_dir)
    clock.now += 1.5  # 2 s into a 4 s inhale: the circle is at its fastest
    runner._frame.timeout.emit()
    dial = runner.dial
    speed = dial.radius_speed(4.0)
    assert runner._frame.interval() == frame_interval_ms(speed)
    fast = runner._frame.interval()
    clock.now += 1.95  # the very end of the inhale: it barely moves
    runner._frame.timeout.emit()
    assert runner._frame.interval() == SLOWEST_FRAME_MS
    assert fast < SLOWEST_FRAME_MS
    assert runner.animating
