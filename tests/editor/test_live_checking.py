"""Typing in the editor: errors appear at their line after a pause, the preview follows."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from piritimer.core.durations import format_clock
from piritimer.core.loader import load_session_bytes
from piritimer.core.timeline import StepKind, compile_session
from piritimer.editor.checker import Check, LiveChecker, check_text
from piritimer.editor.window import EditorWindow

MakeEditor = Callable[[Path | None], EditorWindow]


def total_of(text: str) -> str:
    result = load_session_bytes(text)
    assert result.session is not None, result.diagnostics
    return format_clock(compile_session(result.session).total_s)


def line_y(window: EditorWindow, line: int) -> int:
    block = window.editor.document().findBlockByNumber(line - 1)
    geometry = window.editor.blockBoundingGeometry(block).translated(window.editor.contentOffset())
    return int(geometry.center().y())


def test_a_typed_mistake_is_shown_at_its_line_after_the_pause(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    assert window.problems.lines() == []
    window.editor.go_to(23, 5)  # "    reps: 3" in the figure-four stretch
    qtbot.keyClicks(window.editor, "r")

    assert window.text().split("\n")[22] == "    rreps: 3"
    assert window.checker.pending, "checking waits for a pause in typing"
    assert window.problems.lines() == []
    qtbot.waitUntil(lambda: window.problems.lines() == [23])

    item = window.problems.list.item(0)
    assert item.text() == (
        "Line 23, column 5:  unknown key `rreps` in exercise; did you mean `reps`?"
    )
    assert [(d.line, d.column) for d in window.editor.diagnostics] == [(23, 5)]
    assert window.editor.error_span_at(23) == (4, 5)  # the wavy line sits under "rreps"
    gutter = window.editor.gutter
    assert gutter.tooltip_at(line_y(window, 22)) == ""
    where = QPoint(4, line_y(window, 23))
    QApplication.sendEvent(
        gutter, QHelpEvent(QEvent.Type.ToolTip, where, gutter.mapToGlobal(where))
    )
    assert QToolTip.text().startswith("Line 23, column 5: unknown key `rreps`")


def test_a_wrong_value_is_underlined_from_its_column(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(22, 28)  # end of "    sides: left then right"
    qtbot.keyClicks(window.editor, "x")
    qtbot.waitUntil(lambda: window.problems.lines() == [22])
    assert "did you mean `left then right`?" in window.problems.list.item(0).text()
    assert window.editor.error_span_at(22) == (11, len("left then rightx"))


def test_clicking_a_problem_moves_the_cursor_to_it(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(34, 12)  # "    reps: 4" in the thigh squeeze
    qtbot.keyClicks(window.editor, "0000")  # 40000 reps: over the limit
    qtbot.waitUntil(lambda: window.problems.lines() == [34])
    window.editor.go_to(1)

    rect = window.problems.list.visualItemRect(window.problems.list.item(0))
    qtbot.mouseClick(window.problems.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    cursor = window.editor.textCursor()
    assert (cursor.blockNumber() + 1, cursor.positionInBlock() + 1) == (34, 11)


def test_fixing_the_mistake_updates_the_preview(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    original_total = total_of(session_file.read_text())
    assert f"Total <b>{original_total}</b>" in window.preview.total.text()

    window.editor.go_to(24, 11)  # just after "hold: " in "    hold: 30s"
    qtbot.keyClicks(window.editor, "q")  # "hold: q30s"
    qtbot.waitUntil(lambda: window.problems.lines() == [24])
    assert window.preview.out_of_date
    assert window.preview.stale.isVisible()
    assert "Out of date" in window.preview.stale.label.text()
    assert f"Total <b>{original_total}</b>" in window.preview.total.text(), "last good kept"
    assert not window.preview.try_button.isEnabled()

    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(window.editor, "4")  # "hold: 40s"
    new_total = total_of(window.text())
    assert new_total != original_total
    qtbot.waitUntil(lambda: f"Total <b>{new_total}</b>" in window.preview.total.text())
    assert window.problems.lines() == []
    assert not window.preview.out_of_date
    assert not window.preview.stale.isVisible()


def test_try_this_exercise_emits_a_timeline_of_just_that_exercise(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(37)  # "hold in: 2s" inside the thigh squeeze
    assert window.preview.current_exercise == 1
    assert window.preview.try_button.text() == "▶  Try “Thigh squeeze”"

    with qtbot.waitSignal(window.tryTimeline) as emitted:
        window.preview.try_button.click()

    timeline = emitted.args[0]
    work = [step for step in timeline.steps if step.kind is not StepKind.DONE]
    assert {step.exercise_name for step in work} == {"Thigh squeeze"}
    assert timeline.steps[0].start_s == 0.0


def test_try_uses_the_text_as_typed_even_before_the_pause(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(46, 11)  # "    hold: 6 breaths" in the wind-down
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(window.editor, "2")  # "hold: 2 breaths"
    assert window.checker.pending

    with qtbot.waitSignal(window.tryTimeline) as emitted:
        window.commands.try_exercise.trigger()

    breaths = [s for s in emitted.args[0].steps if s.kind in (StepKind.INHALE, StepKind.EXHALE)]
    assert len(breaths) == 4  # 2 breaths, in and out


def test_outside_any_exercise_there_is_nothing_to_try(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    window.editor.go_to(4)  # "title:"
    assert window.preview.current_exercise is None
    assert not window.preview.try_button.isEnabled()
    with qtbot.assertNotEmitted(window.tryTimeline):
        window.commands.try_exercise.trigger()


def test_a_new_session_starts_from_a_valid_template(make_editor: MakeEditor) -> None:
    window = make_editor(None)
    assert window.text().startswith("# yaml-language-server: $schema=")
    assert window.problems.lines() == []
    assert window.preview.timeline is not None
    assert window.preview.tree.topLevelItemCount() == 2
    assert not window.editor.document().isModified()


def test_the_preview_lists_every_step_of_an_opened_exercise(
    make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    item = window.preview.tree.topLevelItem(2)
    assert item.text(0).startswith("3. Slow wind-down")
    item.setExpanded(True)
    timeline = window.preview.timeline
    assert timeline is not None
    expected = [s for s in timeline.steps if s.exercise_index == 2]
    assert item.childCount() == len(expected)
    assert item.child(0).text(0) == "Setup"
    assert item.child(2).text(0) == "Breathe in · breath 1 of 6"


def test_opening_a_broken_file_never_shows_the_previous_files_preview(
    make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    broken = session_file.with_name("broken.yaml")
    broken.write_text("title: Broken\nexercises:\n  - name: A\n    hold: forever\n")
    assert window.load(broken)
    assert window.problems.lines() == [4]
    assert window.preview.timeline is None
    assert window.preview.title.text() == "No preview yet"
    assert not window.preview.out_of_date


SESSION = "title: {title}\nexercises:\n  - name: Slow\n    hold: 30s\n"


class GatedCheck:
    """check_text, except that checking ``held`` waits for the test to open the gate.

    It also records the thread of every check, to show which ones ran off the GUI thread.
    """

    def __init__(self, held: str) -> None:
        self.held = held
        self.started = threading.Event()
        self.gate = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, text: str, label: str, base_dir: Path | None) -> Check:
        self.threads.append(threading.current_thread())
        if text == self.held:
            self.started.set()
            assert self.gate.wait(30), "the test never opened the gate"
        return check_text(text, label, base_dir)


def titles(checks: list[Check]) -> list[str]:
    return [c.result.session.title if c.result.session else "?" for c in checks]


def test_typing_is_checked_off_the_gui_thread_and_an_older_result_is_dropped(
    qtbot: QtBot,
) -> None:
    first, second = SESSION.format(title="First"), SESSION.format(title="Second")
    gated = GatedCheck(held=first)
    checker = LiveChecker(delay_ms=0, check=gated)
    shown: list[Check] = []
    checker.checked.connect(shown.append)

    checker.schedule(first)
    qtbot.waitUntil(gated.started.is_set)  # the worker is busy with the first text
    assert shown == []
    checker.schedule(second)  # the person typed on meanwhile
    assert checker.pending
    gated.gate.set()
    with qtbot.waitSignal(checker.checked, timeout=10_000):
        pass

    assert titles(shown) == ["Second"]
    assert checker.stale_dropped == 1
    assert not checker.pending
    assert checker.last is shown[0]
    assert gated.threads, "something was checked"
    assert all(t is not threading.main_thread() for t in gated.threads)


def test_check_now_wins_over_a_check_still_running(qtbot: QtBot) -> None:
    typed, saved = SESSION.format(title="Typed"), SESSION.format(title="Saved")
    gated = GatedCheck(held=typed)
    checker = LiveChecker(delay_ms=0, check=gated)
    shown: list[Check] = []
    checker.checked.connect(shown.append)

    checker.schedule(typed)
    qtbot.waitUntil(gated.started.is_set)
    now = checker.check_now(saved)  # e.g. Save: answered at once, on this thread
    assert gated.threads[-1] is threading.main_thread()
    assert titles(shown) == ["Saved"]
    gated.gate.set()
    qtbot.waitUntil(lambda: checker.stale_dropped == 1, timeout=10_000)
    assert titles(shown) == ["Saved"]
    assert checker.last is now
    assert not checker.pending


def test_a_check_updates_the_preview_and_problems_in_place(
    qtbot: QtBot, make_editor: MakeEditor, session_file: Path
) -> None:
    window = make_editor(session_file)
    tree = window.preview.tree
    items = [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())]
    opened = items[0]
    assert opened is not None
    opened.setExpanded(True)
    children = [opened.child(i) for i in range(opened.childCount())]
    old_length = opened.text(2)
    old_start = items[1].text(1) if items[1] is not None else ""

    window.editor.go_to(24, 13)  # before the "s" of "    hold: 30s" (figure-four stretch)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(window.checker.checked, timeout=10_000):
        qtbot.keyClicks(window.editor, "45")  # "hold: 45s": longer, and so are later starts

    assert not window.checker.pending
    assert [tree.topLevelItem(row) for row in range(tree.topLevelItemCount())] == items
    assert opened.isExpanded()
    assert opened.text(2) != old_length
    assert items[1] is not None
    assert items[1].text(1) != old_start
    assert [opened.child(i) for i in range(opened.childCount())] == children, "kept, updated"
    holds = [opened.child(i).text(2) for i in range(opened.childCount())]
    assert "45s" in holds

    window.editor.go_to(23, 5)  # "    reps: 3"
    qtbot.keyClicks(window.editor, "r")
    qtbot.waitUntil(lambda: window.problems.lines() == [23], timeout=10_000)
    problem = window.problems.list.item(0)
    window.editor.go_to(1, 200)  # the end of the first line, a comment
    with qtbot.waitSignal(window.checker.checked, timeout=10_000):
        qtbot.keyClicks(window.editor, " (mine)")  # changes no problem
    assert window.problems.lines() == [23]
    assert window.problems.list.item(0) is problem, "an unchanged row is left alone"


def test_a_warning_is_listed_and_the_file_stays_valid(
    qtbot: QtBot, make_editor: MakeEditor, tmp_path: Path
) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("title: T\ntags: hip, stretch\nexercises: [{name: A, hold: 30s}]\n")
    window = make_editor(path)
    qtbot.waitUntil(lambda: window.problems.lines() == [2])
    assert (
        window.problems.list.item(0)
        .text()
        .startswith("Line 2, column 7:  `tags: hip, stretch` is one tag")
    )
    assert window.state_label.text() == "✔ Valid, 1 warning"
