"""A session full of markup, run and recorded: the history window and the pain dialog show
its title, file name and note as text, and never read the ``<img src=…>`` in them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.core.practice import Run
from piritimer.practice.store import PracticeStore
from piritimer.ui.history import COLUMNS
from piritimer.ui.pain_dialog import PainDialog
from piritimer.ui.services import Services
from tests.markup_walker import (
    ImageTrap,
    assert_no_markup_rendered,
    assert_shows,
    hostile_name,
    hostile_text,
    hostile_yaml,
)


def test_history_and_pain_dialog_of_a_hostile_session(
    qtbot: QtBot, services: Services, sessions_dir: Path, trap: ImageTrap, tmp_path: Path
) -> None:
    log = PracticeStore(tmp_path / "practice.sqlite3")
    try:
        window = build_window(replace(services, practice=log), restore=False)
        qtbot.addWidget(window)
        asked: list[Run] = []
        window.practice.ask_pain = asked.append
        path = sessions_dir / hostile_name(trap.path)
        path.write_text(hostile_yaml(trap.path), encoding="utf-8")
        window.open_file(path)
        assert window.start_session()
        window.driver.jump(len(window.driver.engine.timeline.steps) - 1)
        (run,) = asked
        dialog = PainDialog(replace(run, note=hostile_text(trap.path, "NOTE")), window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert_no_markup_rendered(dialog)
        assert_shows(dialog, "TITLE")
        log.save(dialog.annotated()).result()

        history = window.practice.open_history()
        qtbot.waitUntil(lambda: history.chart is not None)
        history.resize(1200, 800)
        assert_no_markup_rendered(history)
        assert_shows(history, "TITLE")
        # The walker reads an item view's first column; the note is in the last.
        note = history.model.index(0, COLUMNS.index("Note")).data()
        assert note == hostile_text(trap.path, "NOTE").strip()
        assert trap.opens == 0, "an <img src=…> from the file was read"
    finally:
        log.close()
