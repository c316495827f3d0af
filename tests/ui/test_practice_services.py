"""The composition root builds the practice log once, and a broken one is told, once."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.app import build_services, build_window
from piritimer.practice import NullPracticeLog
from piritimer.practice.store import PracticeStore
from piritimer.ui.library import LibraryModel


def test_the_root_opens_the_log_in_the_data_folder(qtbot: QtBot, private_home: Path) -> None:
    services = build_services(library=LibraryModel([]))
    try:
        assert isinstance(services.practice, PracticeStore)
        assert services.practice.location == paths.practice_log_path()
        assert services.startup_notices == ()
    finally:
        services.practice.close()


def test_a_corrupt_log_is_told_once_in_the_window(qtbot: QtBot, private_home: Path) -> None:
    private_home.mkdir(parents=True)
    paths.practice_log_path().write_bytes(b"\x00garbage, not SQLite" * 100)
    services = build_services(library=LibraryModel([]))
    try:
        (notice,) = services.startup_notices
        assert "could not be read; it is kept as practice.sqlite3.corrupt-" in notice
        window = build_window(services, restore=False)
        qtbot.addWidget(window)
        assert window.statusBar().currentMessage() == notice
        assert isinstance(services.practice, PracticeStore)
        assert services.practice.runs() == []
    finally:
        services.practice.close()
    again = build_services(library=LibraryModel([]))
    try:
        assert again.startup_notices == ()
    finally:
        again.practice.close()


def test_a_data_folder_that_cannot_hold_a_log_gives_a_null_log(
    qtbot: QtBot, private_home: Path
) -> None:
    private_home.parent.mkdir(parents=True, exist_ok=True)
    private_home.write_text("a file where the folder should be")
    services = build_services(library=LibraryModel([]))
    assert isinstance(services.practice, NullPracticeLog)
    assert any("runs are not recorded" in text for text in services.startup_notices)
