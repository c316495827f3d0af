"""Unsaved text survives a crash; find; files changed by another program."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from piritimer.editor import prompts, recovery
from piritimer.editor.window import EditorWindow
from tests.editor.helpers import FIXTURE

MakeEditor = Callable[[Path | None], EditorWindow]


def test_unsaved_text_reaches_the_recovery_folder_while_typing(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    assert not window._recovery_timer.isActive(), "nothing to keep before the first change"
    qtbot.keyClicks(window.editor, "# draft")
    assert window._recovery_timer.isActive()

    window._recovery_timer.timeout.emit()  # the interval has passed

    kept = recovery.find_for(session_file)
    assert kept is not None
    assert kept.text == window.text()
    assert kept.original == session_file.resolve()
    assert window.save()
    assert recovery.find_for(session_file) is None


def test_after_a_crash_the_unsaved_text_is_offered_back(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    # What a crashed editor leaves behind: a recovery file and the old text on disk.
    crashed_text = "# typed before the crash\n" + FIXTURE.read_text(encoding="utf-8")
    key = recovery.key_for(session_file)
    recovery.write(key, session_file, crashed_text, now=datetime(2026, 3, 1, 21, 15))

    window = make_editor(session_file)

    assert window.text() == FIXTURE.read_text(encoding="utf-8"), "the file itself opens first"
    assert window.recovery_bar.isVisible()
    assert "(last kept 3/1/26 at 9:15 PM)" in window.recovery_bar.label.text()
    window.recovery_bar.button("Restore them").click()
    assert window.text() == crashed_text
    assert window.isWindowModified(), "restored text is not saved yet"
    assert not window.recovery_bar.isVisible()
    window.editor.undo()
    assert window.text() == FIXTURE.read_text(encoding="utf-8"), "restoring is one undo step"
    window.editor.redo()
    assert window.save()
    assert session_file.read_text(encoding="utf-8") == crashed_text
    assert recovery.pending() == []


def test_a_recovered_text_can_be_discarded(make_editor: MakeEditor, session_file: Path) -> None:
    recovery.write(recovery.key_for(session_file), session_file, "title: lost\n")
    window = make_editor(session_file)
    window.recovery_bar.button("Discard").click()
    assert recovery.find_for(session_file) is None
    assert not window.isWindowModified()


def test_an_untitled_session_is_recovered_into_a_new_editor(make_editor: MakeEditor) -> None:
    recovery.write("untitled-abc", None, "title: half written\n")
    window = make_editor(None)
    assert window.recovery_bar.isVisible()
    window.recovery_bar.button("Restore them").click()
    assert window.text() == "title: half written\n"
    assert window.recovery_key == "untitled-abc"


def test_a_recovery_identical_to_the_file_is_dropped_silently(
    make_editor: MakeEditor, session_file: Path
) -> None:
    recovery.write(recovery.key_for(session_file), session_file, session_file.read_text())
    window = make_editor(session_file)
    assert not window.recovery_bar.isVisible()
    assert recovery.pending() == []


def test_find_highlights_matches_and_steps_through_them(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(1)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    assert window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "knee")

    assert window.find_bar.count_label.text() == "1 of 4"
    assert window.editor.textCursor().blockNumber() + 1 == 19  # "knees bent"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count_label.text() == "2 of 4"
    assert window.editor.textCursor().blockNumber() + 1 == 26
    window.find_bar.previous_button.click()
    window.find_bar.previous_button.click()  # wraps round to the last match
    assert window.find_bar.count_label.text() == "4 of 4"
    assert window.editor.textCursor().blockNumber() + 1 == 31

    window.find_bar.field.setText("Knee")
    assert window.find_bar.count_label.text().endswith("of 4"), "case ignored by default"
    window.find_bar.match_case.setChecked(True)
    assert window.find_bar.count_label.text() == "No matches"
    assert not window.find_bar.find_next()

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_go_to_line_clamps_to_the_text(make_editor: MakeEditor, session_file: Path) -> None:
    window = make_editor(session_file)
    window.editor.go_to(31, 12)
    cursor = window.editor.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock() + 1) == (31, 12)
    window.editor.go_to(10_000, 500)
    assert window.editor.textCursor().blockNumber() + 1 == window.editor.blockCount()


def test_undo_and_redo(qtbot: QtBot, make_editor: MakeEditor, session_file: Path) -> None:
    window = make_editor(session_file)
    assert not window.commands.undo.isEnabled()
    qtbot.keyClicks(window.editor, "x")
    assert window.commands.undo.isEnabled()
    window.commands.undo.trigger()
    assert window.text() == session_file.read_text(encoding="utf-8")
    assert not window.isWindowModified()
    window.commands.redo.trigger()
    assert window.text().startswith("x")


def test_a_file_changed_elsewhere_reloads_when_there_are_no_unsaved_changes(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    changed = session_file.read_text(encoding="utf-8").replace("Evening hip care", "Hip care")
    session_file.write_text(changed, encoding="utf-8")
    qtbot.waitUntil(lambda: window.text() == changed)
    qtbot.waitUntil(lambda: window.preview.title.text() == "Hip care")
    assert not window.isWindowModified()


def test_a_file_changed_elsewhere_never_overwrites_unsaved_changes(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    qtbot.keyClicks(window.editor, "# mine")
    mine = window.text()
    session_file.write_text("title: theirs\n", encoding="utf-8")
    qtbot.waitUntil(window.disk_bar.isVisible)
    assert window.text() == mine
    window.disk_bar.button("Reload").click()
    assert window.text() == "title: theirs\n"
    assert not window.isWindowModified()


def test_redo_answers_to_every_platform_binding(make_editor: MakeEditor) -> None:
    window = make_editor(None)
    bindings = {s.toString() for s in window.commands.redo.shortcuts()}
    assert {"Ctrl+Y", "Ctrl+Shift+Z"} <= bindings


def test_long_lines_can_be_wrapped_and_unwrapped(make_editor: MakeEditor) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window = make_editor(None)
    assert window.editor.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap
    window.editor.toggle_wrap()
    assert window.editor.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
    window.editor.toggle_wrap()
    assert window.editor.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap


def test_the_unsaved_text_of_an_open_editor_is_not_offered_as_recovered(
    qtbot: QtBot, make_editor: MakeEditor
) -> None:
    first = make_editor(None)
    qtbot.keyClicks(first.editor, "# still being written")
    first.write_recovery()
    assert [r.key for r in recovery.pending()] == [first.recovery_key]
    second = make_editor(None)
    assert not second.recovery_bar.isVisible()


def test_go_to_line_asks_for_a_line_and_goes_there(
    make_editor: MakeEditor, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_editor(session_file)
    asked: list[tuple[int, int]] = []

    def ask(_parent: object, current: int, last: int) -> int:
        asked.append((current, last))
        return 29

    monkeypatch.setattr(prompts, "ask_line", ask)
    window.ask_line()
    assert asked == [(1, 49)]  # 48 lines and the empty one after the last newline
    assert window.editor.cursor_line() == 29


def test_open_in_an_untouched_new_editor_replaces_the_template(
    make_editor: MakeEditor, session_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_editor(None)
    monkeypatch.setattr(prompts, "ask_open_path", lambda *_: session_file)
    window.open_dialog()
    assert window.document.path == session_file
    assert window.text() == session_file.read_text(encoding="utf-8")
