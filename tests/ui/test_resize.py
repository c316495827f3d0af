"""Text stays inside its widget at every window size, and grows with the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from piritimer.ui.main_window import MainWindow, base_pixel_size
from piritimer.widgets.fit import FitLabel
from tests.ui.helpers import FakeClock, advance

SIZES = [(640, 400), (800, 500), (1280, 800), (1920, 1080), (1024, 1366)]


def assert_text_fits(window: MainWindow) -> None:
    runner = window.runner_page
    for label in runner.findChildren(FitLabel):
        if not label.isVisible() or not label.text():
            continue
        rect = label.text_rect()
        bounds = QFontMetrics(label.font()).boundingRect(rect, label.flags(), label.text())
        assert bounds.width() <= rect.width(), (label.text(), bounds, rect)
        assert bounds.height() <= rect.height(), (label.text(), bounds, rect)
    dial = runner.dial
    if dial.center_text:
        rect = dial.count_rect()
        metrics = QFontMetrics(dial.count_font())
        assert metrics.horizontalAdvance(dial.center_text) <= rect.width()
        assert metrics.height() <= rect.height()
        assert dial.rect().contains(rect)
    for button in runner.findChildren(QPushButton):
        if button.isVisible():
            text_width = QFontMetrics(button.font()).horizontalAdvance(button.text())
            assert text_width + button.iconSize().width() <= button.width(), button.text()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_runner_text_fits_at_every_size(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    sessions_dir: Path,
    width: int,
    height: int,
) -> None:
    window.show_preview(sessions_dir / "hip-release.yaml")
    window.start_session()
    window.resize(width, height)
    QApplication.processEvents()
    assert_text_fits(window)  # setup: several lines of cues
    advance(window, clock, 13.0)
    QApplication.processEvents()
    assert_text_fits(window)  # a timed hold
    advance(window, clock, 20.0 + 5.0 + 20.0)
    QApplication.processEvents()
    assert window.runner_page.instruction_label.text() == "Switch to the right side"
    assert_text_fits(window)  # the longest instruction


def test_text_grows_with_the_window(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    advance(window, clock, 8.0)
    assert window.runner_page.instruction_label.text() == "Breathe in"
    window.resize(800, 500)
    QApplication.processEvents()
    small_instruction = window.runner_page.instruction_label.font().pixelSize()
    small_count = window.runner_page.dial.count_font().pixelSize()
    window.resize(1920, 1080)
    QApplication.processEvents()
    large_instruction = window.runner_page.instruction_label.font().pixelSize()
    assert large_instruction > small_instruction * 1.5
    assert window.runner_page.dial.count_font().pixelSize() > small_count * 1.5
    # From 3 m, letters need roughly 20 mm: on a laptop's ~96 dpi that is ~75 px for the
    # instruction at full screen; the count is larger still.
    assert large_instruction >= 75
    assert window.runner_page.dial.count_font().pixelSize() >= 100


def test_body_text_scales_too() -> None:
    assert base_pixel_size(640, 400) == 13
    assert base_pixel_size(1280, 800) == 21
    assert base_pixel_size(3840, 2160) == 34
    assert base_pixel_size(1920, 1080) > base_pixel_size(1280, 800)


def test_the_window_can_be_made_small(qtbot: QtBot, window: MainWindow, sessions_dir: Path) -> None:
    window.show_preview(sessions_dir / "hip-release.yaml")
    window.start_session()
    window.resize(640, 400)
    QApplication.processEvents()
    assert window.size().width() == 640
    assert window.size().height() == 400
