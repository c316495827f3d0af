"""The whole home window, walked with a markup-laden session open in each of its pages."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from piritimer.ui.main_window import MainWindow
from tests.markup_walker import (
    ImageTrap,
    assert_no_markup_rendered,
    assert_shows,
    hostile_name,
    hostile_yaml,
)


def test_every_page_of_the_window(
    qtbot: QtBot, window: MainWindow, sessions_dir: Path, trap: ImageTrap
) -> None:
    path = sessions_dir / hostile_name(trap.path)
    path.write_text(hostile_yaml(trap.path), encoding="utf-8")
    window.library.add_file(path)
    qtbot.waitUntil(lambda: window.library_page.card_for(path) is not None)
    window.show_library()
    assert_no_markup_rendered(window)
    assert_shows(window, "TITLE")
    assert_shows(window, path.name)

    window.show_preview(path)
    assert_no_markup_rendered(window)
    assert_shows(window, "SAFETY")

    assert window.start_session()
    for index in range(len(window.driver.engine.timeline.steps)):
        window.driver.jump(index)
        assert_no_markup_rendered(window)
    assert trap.opens == 0
