"""The Display settings: text size 100-200 % and a flash of the page at each boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from piritimer.ui.display_settings import (
    DisplaySettings,
    load_display_settings,
    open_display_dialog,
    save_display_settings,
)
from piritimer.ui.main_window import MainWindow
from tests.ui.helpers import FakeClock, advance


def test_the_choice_is_kept_and_a_bad_value_falls_back(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert load_display_settings(store) == DisplaySettings()
    save_display_settings(store, DisplaySettings(150, flash=True))
    assert load_display_settings(store) == DisplaySettings(150, flash=True)
    store.setValue("display/text_percent", "900")
    assert load_display_settings(store) == DisplaySettings(flash=True)
    with pytest.raises(ValueError, match="100-200"):
        DisplaySettings(50)


def test_larger_text_grows_the_body_and_the_runners_words(
    window: MainWindow, sessions_dir: Path
) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    runner = window.runner_page
    body = window._base_px
    window.apply_display(DisplaySettings(200))
    assert window._base_px == 2 * body
    assert runner.next_label._max_pixel_size == 64  # twice its usual cap of 32
    window.apply_display(DisplaySettings(100))
    assert window._base_px == body


def test_the_dialog_applies_and_saves(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_display_dialog(window.display, window.settings, window)
    dialog.changed.connect(window.apply_display)
    qtbot.addWidget(dialog)
    dialog.text_percent.setValue(160)
    dialog.flash.setChecked(True)
    assert window.display == DisplaySettings(160, flash=True)
    assert load_display_settings(window.settings) == DisplaySettings(160, flash=True)


def test_the_page_flashes_at_each_boundary_when_asked(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, sessions_dir: Path
) -> None:
    runner = window.runner_page
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    assert not runner.flash_overlay.isVisible()  # off unless asked
    window.apply_display(DisplaySettings(flash=True))
    advance(window, clock, 5.0)  # setup ends: a boundary
    assert runner.flash_overlay.isVisible()
    assert runner.flash_overlay.geometry() == runner.rect()
    qtbot.waitUntil(lambda: not runner.flash_overlay.isVisible(), timeout=2000)
