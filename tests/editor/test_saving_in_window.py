"""Saving from the editor: the file comes back byte for byte, errors warn, bundled stays safe."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.core.schema import SCHEMA_FILE_NAME, schema_json
from piritimer.editor import recovery
from piritimer.editor.backups import list_backups
from piritimer.editor.prompts import UnsavedChoice
from piritimer.editor.window import EditorWindow
from piritimer.editor.windows import EditorWindows
from tests.editor.helpers import FIXTURE, ScriptedPrompts

MakeEditor = Callable[[Path | None], EditorWindow]


def type_line(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_save_writes_exactly_the_text_keeping_comments_and_layout(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    original = session_file.read_bytes()
    window = make_editor(session_file)
    window.editor.go_to(24, 11)  # "    hold: 30s"
    qtbot.keyClicks(window.editor, "1m")  # "hold: 1m30s"
    assert window.isWindowModified()

    with qtbot.waitSignal(window.saved) as saved:
        assert window.save()

    expected = original.replace(b"    hold: 30s\n", b"    hold: 1m30s\n", 1)
    assert session_file.read_bytes() == expected
    assert b"# a little longer than usual" in expected
    assert saved.args == [session_file]
    assert not window.isWindowModified()
    [backup] = list_backups(session_file)
    assert backup.read_bytes() == original


def test_an_untouched_file_saves_back_identically_even_with_crlf_and_bom(
    make_editor: MakeEditor, tmp_path: Path
) -> None:
    odd = b"\xef\xbb\xbf" + FIXTURE.read_bytes().replace(b"\n", b"\r\n")
    odd = odd.replace(b"gently", b"gently\xc2\xa0now")  # a non-breaking space survives too
    path = tmp_path / "windows.yaml"
    path.write_bytes(odd)
    window = make_editor(path)
    assert window.problems.lines() == []
    assert window.save()
    assert path.read_bytes() == odd
    assert list_backups(path) == [], "nothing changed, so nothing to back up"


def test_saving_with_problems_warns_and_can_be_cancelled(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path, answers: ScriptedPrompts
) -> None:
    original = session_file.read_bytes()
    window = make_editor(session_file)
    window.editor.go_to(23, 5)
    qtbot.keyClicks(window.editor, "r")  # "rreps: 3"

    answers.save_with_errors = False
    assert not window.save()
    assert session_file.read_bytes() == original
    assert answers.asked == ["save with 1 problems"]

    answers.save_with_errors = True
    assert window.save()
    assert b"    rreps: 3\n" in session_file.read_bytes()


def test_a_new_session_is_saved_where_the_person_chooses_with_its_schema(
    qtbot: QtBot, make_editor: MakeEditor, answers: ScriptedPrompts
) -> None:
    window = make_editor(None)
    type_line(qtbot, window.editor, "# mine")
    answers.save_path = paths.user_sessions_dir() / "mine.yaml"

    assert window.save()

    assert answers.asked == ["save as my-session.yaml"]
    assert answers.save_path.read_text(encoding="utf-8") == window.text()
    assert window.document.path == answers.save_path
    assert "mine.yaml" in window.windowTitle()
    schema = answers.save_path.parent / SCHEMA_FILE_NAME
    assert schema.read_text(encoding="utf-8") == schema_json()


def test_a_failed_save_says_why_and_leaves_the_text_unsaved(
    qtbot: QtBot, make_editor: MakeEditor, tmp_path: Path, answers: ScriptedPrompts
) -> None:
    window = make_editor(None)
    type_line(qtbot, window.editor, "# mine")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    answers.save_path = blocker / "mine.yaml"

    assert not window.save()

    assert len(answers.errors) == 1
    assert answers.errors[0].startswith("Not saved:")
    assert window.isWindowModified()


@pytest.fixture
def bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bundled sessions folder holding the fixture (the real one changes as sessions do)."""
    folder = tmp_path / "bundled-sessions"
    folder.mkdir()
    monkeypatch.setattr(paths, "bundled_sessions_dir", lambda: folder)
    return Path(shutil.copy(FIXTURE, folder / "hip-care.yaml"))


def test_a_bundled_session_is_read_only_with_a_make_a_copy_bar(
    qtbot: QtBot, make_editor: MakeEditor, bundled: Path
) -> None:
    window = make_editor(bundled)
    assert window.editor.isReadOnly()
    assert window.read_only_bar.isVisible()
    assert "This is a bundled session" in window.read_only_bar.label.text()
    assert not window.commands.save.isEnabled()
    assert "(read-only)" in window.windowTitle()
    qtbot.keyClicks(window.editor, "oops")
    assert window.text() == bundled.read_text(encoding="utf-8")

    with qtbot.waitSignal(window.saved) as saved:
        window.read_only_bar.button("Make a copy in my sessions").click()

    copy = paths.user_sessions_dir() / "hip-care.yaml"
    assert saved.args == [copy]
    assert copy.read_bytes() == bundled.read_bytes()
    assert window.document.path == copy
    assert not window.editor.isReadOnly()
    assert not window.read_only_bar.isVisible()
    type_line(qtbot, window.editor, "# mine")
    assert window.text().startswith("# mine\n")


def test_copies_of_a_bundled_session_never_overwrite_each_other(
    make_editor: MakeEditor, bundled: Path
) -> None:
    first = make_editor(bundled).make_copy()
    second = make_editor(bundled).make_copy()
    assert first == paths.user_sessions_dir() / "hip-care.yaml"
    assert second == paths.user_sessions_dir() / "hip-care-2.yaml"


def test_closing_with_unsaved_changes_can_be_cancelled(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path, answers: ScriptedPrompts
) -> None:
    window = make_editor(session_file)
    type_line(qtbot, window.editor, "# note")
    answers.unsaved = UnsavedChoice.CANCEL

    assert not window.close()

    assert answers.asked == ["unsaved hip-care.yaml"]
    assert window.isVisible()
    assert window.text().startswith("# note\n")


def test_closing_and_discarding_leaves_the_file_and_no_recovery(
    qtbot: QtBot, session_file: Path, answers: ScriptedPrompts
) -> None:
    original = session_file.read_bytes()
    window = EditorWindow(session_file)
    type_line(qtbot, window.editor, "# note")
    window.write_recovery()
    assert recovery.find_for(session_file) is not None
    answers.unsaved = UnsavedChoice.DISCARD

    with qtbot.waitSignal(window.destroyed):
        assert window.close()

    assert session_file.read_bytes() == original
    assert recovery.find_for(session_file) is None


def test_closing_and_saving_writes_the_file(
    qtbot: QtBot, session_file: Path, answers: ScriptedPrompts
) -> None:
    window = EditorWindow(session_file)
    type_line(qtbot, window.editor, "# note")
    answers.unsaved = UnsavedChoice.SAVE

    with qtbot.waitSignal(window.destroyed):
        assert window.close()

    assert session_file.read_bytes() == b"# note\n" + FIXTURE.read_bytes()


def test_opening_an_open_file_brings_its_editor_to_the_front_instead_of_opening_it_twice(
    qtbot: QtBot, session_file: Path
) -> None:
    editors = EditorWindows()
    first = editors.open(session_file)
    qtbot.addWidget(first)
    assert editors.open(session_file) is first
    other = editors.open(None)
    qtbot.addWidget(other)
    assert other is not first
    assert editors.windows == [first, other]


def test_new_and_open_in_an_editor_open_more_editors_through_the_registry(
    qtbot: QtBot, session_file: Path, answers: ScriptedPrompts
) -> None:
    editors = EditorWindows()
    first = editors.open(session_file)  # closed by the test itself, which deletes it
    first.new_window()
    assert len(editors.windows) == 2
    qtbot.addWidget(editors.windows[1])
    assert first.close()
    qtbot.waitUntil(lambda: len(editors.windows) == 1)  # forgotten once Qt deletes it


def test_closing_all_editors_stops_at_one_whose_changes_are_kept(
    qtbot: QtBot, session_file: Path, answers: ScriptedPrompts
) -> None:
    editors = EditorWindows()
    clean = editors.open(None)
    edited = editors.open(session_file)
    qtbot.addWidget(edited, before_close_func=lambda w: w.editor.document().setModified(False))
    type_line(qtbot, edited.editor, "# keep me")
    answers.unsaved = UnsavedChoice.CANCEL
    assert not editors.close_all()
    assert not clean.isVisible(), "the editor without changes closed"
    assert edited.isVisible()
    assert answers.asked == ["unsaved hip-care.yaml"]


def test_export_writes_a_bundle_of_the_text_and_its_pictures(
    make_editor: MakeEditor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from piritimer import paths as piritimer_paths
    from piritimer.editor import prompts as editor_prompts

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "knee.svg").write_bytes(
        (piritimer_paths.images_dir() / "figure-four.svg").read_bytes()
    )
    path = folder / "s.yaml"
    path.write_text("title: T\nexercises: [{name: A, hold: 30s, image: knee.svg}]\n")
    window = make_editor(path)
    asked: list[Path] = []
    monkeypatch.setattr(
        editor_prompts,
        "ask_export_path",
        lambda _parent, suggested: asked.append(suggested) or suggested,
    )
    written = window.export_bundle()
    assert asked == [folder / "s.piritimer"]
    assert written == folder / "s.piritimer"
    with zipfile.ZipFile(written) as archive:
        assert sorted(archive.namelist()) == ["knee.svg", "session.yaml"]
        assert archive.read("session.yaml").decode() == window.text()
    assert window.statusBar().currentMessage() == f"Exported to {written}"
    assert "&Export with pictures…" in [
        a.text() for a in window.menuBar().actions()[0].menu().actions()
    ]
