"""The editor's parts on their own: text codec, outline, backups, recovery, template, colours."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from piritimer.core import spec
from piritimer.core.loader import load_session_bytes
from piritimer.core.schema import SCHEMA_FILE_NAME
from piritimer.editor import backups, recovery
from piritimer.editor.highlighter import comment_start
from piritimer.editor.outline import error_span, exercise_at_line
from piritimer.editor.saving import SaveError, write_atomically
from piritimer.editor.schema_file import ensure_schema_beside, refers_to_schema
from piritimer.editor.template import MODELINE, template
from piritimer.editor.text_codec import NotUtf8Error, TextFormat, decode

# -- bytes and text ------------------------------------------------------------------------------


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))), st.booleans())
def test_decoding_then_encoding_gives_back_the_same_bytes(text: str, crlf: bool) -> None:
    data = text.replace("\r", "").replace("\n", "\r\n" if crlf else "\n").encode("utf-8")
    editor_text, text_format = decode(data)
    assert "\r\n" not in editor_text
    assert text_format.encode(editor_text) == data


def test_a_bom_and_crlf_are_remembered() -> None:
    text, text_format = decode(b"\xef\xbb\xbftitle: x\r\nexercises: []\r\n")
    assert text == "title: x\nexercises: []\n"
    assert text_format == TextFormat("\r\n", bom=True)


def test_a_file_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(NotUtf8Error, match="0xe9 at offset 7"):
        decode(b"title: caf\xe9"[:7] + b"\xe9")


# -- finding things by line ----------------------------------------------------------------------

OUTLINE = textwrap.dedent(
    """\
    title: T
    exercises:
      - name: A
        hold: 30s

      - name: B
        hold: 10s
    # a comment at the top level
    notes: the end
    """
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [(1, None), (2, None), (3, 0), (4, 0), (5, 0), (6, 1), (7, 1), (8, 1), (9, None)],
)
def test_the_exercise_under_a_line(line: int, expected: int | None) -> None:
    session = load_session_bytes(OUTLINE).session
    assert session is not None
    assert exercise_at_line(session, OUTLINE, line) == expected


@pytest.mark.parametrize(
    ("line", "column", "underlined"),
    [
        ("  hodl: 30s", 3, "hodl"),
        ("    hold: 3o s  # a comment", 11, "3o s"),
        ("  - nme: A", 5, "nme"),
        ("sides: left then rigth", 8, "left then rigth"),
        ("title:", 7, ":"),
    ],
)
def test_the_span_an_error_underlines(line: str, column: int, underlined: str) -> None:
    start, length = error_span(line, column)
    assert line[start : start + length] == underlined


def test_an_error_on_an_empty_line_underlines_nothing() -> None:
    assert error_span("", 1) == (0, 0)


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("hold: 30s # why", 10),
        ("# whole line", 0),
        ("url: https://x.org/#part", None),
        ("cue: 'a # b' # real", 13),
        ('cue: "a # b"', None),
        ("note: it's fine # still a comment", 16),
    ],
)
def test_where_a_comment_starts(line: str, start: int | None) -> None:
    assert comment_start(line) == start


# -- saving pieces -------------------------------------------------------------------------------


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "s.yaml"
    write_atomically(target, b"first\n")
    write_atomically(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert [p.name for p in target.parent.iterdir()] == ["s.yaml"], "no temporary file left"


def test_a_failed_atomic_write_raises_and_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "taken.yaml"
    target.mkdir()  # a folder where the file should go: refused even for root
    (target / "inside").write_bytes(b"old\n")
    with pytest.raises(SaveError, match="cannot write"):
        write_atomically(target, b"new\n")
    assert (target / "inside").read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.yaml"]


def test_backups_keep_the_newest_versions_only(tmp_path: Path) -> None:
    target = tmp_path / "s.yaml"
    target.write_bytes(b"version 0\n")
    for number in range(1, backups.KEEP + 4):
        assert backups.keep_backup(target, f"version {number}\n".encode()) is not None
        target.write_bytes(f"version {number}\n".encode())
    kept = backups.list_backups(target)
    assert len(kept) == backups.KEEP
    assert kept[0].read_bytes() == f"version {backups.KEEP + 2}\n".encode()
    origin = (kept[0].parent / backups.ORIGIN_FILE).read_text(encoding="utf-8")
    assert origin == f"{target.resolve()}\n"


def test_two_files_with_the_same_name_get_separate_backups(tmp_path: Path) -> None:
    one, two = tmp_path / "a" / "s.yaml", tmp_path / "b" / "s.yaml"
    assert backups.backup_folder(one) != backups.backup_folder(two)


def test_recovery_files_round_trip_and_are_listed_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    recovery.write(recovery.key_for(path), path, "text 1", now=datetime(2026, 1, 1, 9, 0))
    recovery.write("untitled-1", None, "text 2", now=datetime(2026, 1, 2, 9, 0))
    (recovery.recovery_dir() / "broken.json").write_text("{not json")
    found = recovery.pending()
    assert [(r.original, r.text) for r in found] == [(None, "text 2"), (path.resolve(), "text 1")]
    recovery.discard("untitled-1")
    assert [r.text for r in recovery.pending()] == ["text 1"]
    assert recovery.key_for(None) != recovery.key_for(None)


# -- the template and its schema -----------------------------------------------------------------


def test_the_template_is_a_valid_session_that_uses_the_common_keys() -> None:
    TEMPLATE = template()  # noqa: N806 - the English template, as before
    result = load_session_bytes(TEMPLATE)
    assert result.diagnostics == ()
    assert TEMPLATE.startswith(MODELINE + "\n")
    common = {"format", "title", "summary", "safety", "tags", "defaults", "exercises"}
    common |= {"name", "about", "setup", "sides", "reps", "hold", "breathing", "cues", "cycles"}
    common |= {"get ready", "setup time", "rest between reps", "rest after", "inhale", "exhale"}
    for key in common:
        assert f"{key}:" in TEMPLATE, key
    assert all(spec.SESSION.field(k) for k in ("format", "title", "tags", "defaults"))


def test_the_schema_is_written_beside_a_session_that_names_it(tmp_path: Path) -> None:
    session = tmp_path / "s.yaml"
    TEMPLATE = template()  # noqa: N806 - the English template, as before
    assert refers_to_schema(TEMPLATE)
    assert ensure_schema_beside(session, "title: no modeline\n") is None
    written = ensure_schema_beside(session, TEMPLATE)
    assert written == tmp_path / SCHEMA_FILE_NAME
    assert written.read_text(encoding="utf-8").startswith("{")


# -- colours -------------------------------------------------------------------------------------


def test_highlighting_colours_keys_values_comments_and_block_text(qtbot: QtBot) -> None:
    from piritimer.editor.code_editor import CodeEditor

    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("- name: A  # c\n  notes: |\n    30s of text\n  hold: 30s\n")
    theme = editor.theme

    def colour_at(line: int, column: int) -> str:
        block = editor.document().findBlockByNumber(line - 1)
        for fmt in block.layout().formats():
            if fmt.start <= column - 1 < fmt.start + fmt.length:
                return fmt.format.foreground().color().name()
        return "none"

    assert colour_at(1, 1) == theme.dash.name()
    assert colour_at(1, 3) == theme.key.name()
    assert colour_at(1, 12) == theme.comment.name()
    assert colour_at(3, 5) == theme.string.name(), "block text is text, not a duration"
    assert colour_at(4, 9) == theme.duration.name()


def test_tab_inserts_spaces_and_enter_keeps_the_indentation(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from piritimer.editor.code_editor import CodeEditor

    editor = CodeEditor()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "exercises:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "- name: A")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "cues:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "hold: easy")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == (
        "exercises:\n  - name: A\n    cues:\n      hold: easy\n        "
    )
    typed = "title: T\n" + editor.toPlainText().rstrip() + "\n    hold: 5s\n"
    assert load_session_bytes(typed).ok, "what Enter indents is valid YAML in place"


def test_tab_and_shift_tab_indent_and_dedent_the_selected_lines(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    from piritimer.editor.code_editor import CodeEditor

    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("a: 1\nb: 2\nc: 3\n")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)  # from line 1 into line 2
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  a: 1\n  b: 2\nc: 3\n"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "a: 1\nb: 2\nc: 3\n"
    editor.undo()
    assert editor.toPlainText() == "  a: 1\n  b: 2\nc: 3\n", "a shift is one undo step"
    editor.undo()
    assert editor.toPlainText() == "a: 1\nb: 2\nc: 3\n"
