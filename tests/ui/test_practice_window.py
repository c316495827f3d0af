"""The window records every run, never throws a stopped place away, and asks about pain."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from piritimer.app import build_window
from piritimer.core.engine import Engine, State
from piritimer.core.practice import Outcome, Run, now_utc
from piritimer.core.timeline import compile_session
from piritimer.practice.store import PracticeStore
from piritimer.qt.driver import EngineDriver
from piritimer.ui.main_window import MainWindow, empty_timeline
from piritimer.ui.pain_dialog import ASK_PAIN_KEY, PainDialog
from piritimer.ui.services import Services
from tests.ui.helpers import FakeClock, advance


@pytest.fixture
def log(tmp_path: Path) -> Iterator[PracticeStore]:
    store = PracticeStore(tmp_path / "practice.sqlite3")
    yield store
    store.close()


def open_window(qtbot: QtBot, services: Services, log: PracticeStore) -> MainWindow:
    main = build_window(replace(services, practice=log), restore=False)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def recorded(qtbot: QtBot, services: Services, log: PracticeStore) -> MainWindow:
    return open_window(qtbot, services, log)


@pytest.fixture
def asked(recorded: MainWindow) -> list[Run]:
    questions: list[Run] = []
    recorded.practice.ask_pain = questions.append
    return questions


def stored(log: PracticeStore) -> list[Run]:
    log.flush()
    return log.runs()


def test_a_run_is_on_disk_as_soon_as_it_starts(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    path = sessions_dir / "quick.yaml"
    recorded.show_preview(path)
    assert recorded.start_session()
    (run,) = stored(log)
    assert run.outcome is Outcome.RUNNING
    assert (run.title, run.file) == ("Quick calm", str(path))
    assert run.content_hash.startswith("sha256:")
    assert run.step_count == len(recorded.driver.engine.timeline.steps)
    assert run.pid is not None


def test_a_completed_run_keeps_its_pauses_and_sides_and_asks_about_pain(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path, clock: FakeClock, asked: list[Run]
) -> None:
    recorded.show_preview(sessions_dir / "quick.yaml")
    recorded.start_session()
    advance(recorded, clock, 2.0)
    recorded.driver.pause()
    clock.now += 30.0
    recorded.driver.resume()
    for _ in range(60):
        advance(recorded, clock, 1.0)
    assert recorded.driver.state is State.FINISHED
    (run,) = stored(log)
    assert run.outcome is Outcome.COMPLETED
    assert run.paused_s == pytest.approx(30.0)
    assert run.done == ("Slow breaths",)
    assert asked == [run]


def test_a_library_click_mid_session_records_the_stop_and_offers_to_continue_after_a_restart(
    qtbot: QtBot,
    recorded: MainWindow,
    log: PracticeStore,
    sessions_dir: Path,
    clock: FakeClock,
    services: Services,
) -> None:
    path = sessions_dir / "hip-release.yaml"
    recorded.show_preview(path)
    recorded.start_session()
    for _ in range(4):
        recorded.driver.next()
    step = recorded.driver.engine.index
    recorded.library_action.trigger()  # a toolbar action in the middle of the session
    (run,) = stored(log)
    assert (run.outcome, run.step_index) == (Outcome.STOPPED, step)
    assert "continue" in recorded.statusBar().currentMessage()

    # "Restart": a fresh window and engine, the same log on disk.
    recorded.close()
    fresh = replace(services, driver=EngineDriver(Engine(empty_timeline(), clock=clock)))
    steps = recorded.driver.engine.timeline.steps
    again = open_window(qtbot, fresh, log)
    again.show_preview(path)
    button = again.preview_page.resume_button
    assert button.isVisibleTo(again)
    assert steps[step].title in button.text()
    button.click()
    assert again.driver.engine.index == step
    assert again.driver.state in (State.RUNNING, State.WAITING)
    runs = stored(log)
    assert [r.outcome for r in runs] == [Outcome.STOPPED, Outcome.RUNNING]
    assert runs[1].continues == run.id
    assert runs[1].step_index == step


def start_and_skip(window: MainWindow, path: Path, steps: int) -> None:
    window.show_preview(path)
    window.start_session()
    for _ in range(steps):
        window.driver.next()


def test_an_edited_file_is_not_continued_at_a_step_that_may_have_moved(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    path = sessions_dir / "hip-release.yaml"
    start_and_skip(recorded, path, 2)
    recorded.show_library()
    recorded.driver.set_timeline(recorded.driver.engine.timeline)  # forget the in-memory place
    recorded.show_preview(path)
    assert recorded.preview_page.resume_button.isVisibleTo(recorded)  # from the log
    recorded.show_library()
    path.write_text(path.read_text() + "\n# edited\n", encoding="utf-8")
    recorded.show_preview(path)
    assert not recorded.preview_page.resume_button.isVisibleTo(recorded)


def test_continuing_in_the_same_sitting_links_the_runs(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    start_and_skip(recorded, sessions_dir / "hip-release.yaml", 2)
    recorded.driver.stop()
    recorded.preview_page.resume_button.click()
    first, second = stored(log)
    assert second.continues == first.id
    assert second.step_index == first.step_index == 2


def test_the_editors_try_stops_the_session_on_record_and_is_not_recorded_itself(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    start_and_skip(recorded, sessions_dir / "hip-release.yaml", 1)
    session = recorded.current_entry().session  # type: ignore[union-attr]
    assert recorded.try_timeline(compile_session(session, only_exercise=0))
    (run,) = stored(log)
    assert (run.outcome, run.step_index) == (Outcome.STOPPED, 1)


def test_closing_the_window_mid_session_ends_the_run_as_stopped(
    recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    recorded.show_preview(sessions_dir / "hip-release.yaml")
    recorded.start_session()
    recorded.close()
    (run,) = stored(log)
    assert run.outcome is Outcome.STOPPED


def test_no_pain_question_when_turned_off(
    recorded: MainWindow, sessions_dir: Path, asked: list[Run], settings: QSettings
) -> None:
    settings.setValue(ASK_PAIN_KEY, "false")
    recorded.show_preview(sessions_dir / "quick.yaml")
    recorded.start_session()
    recorded.driver.jump(len(recorded.driver.engine.timeline.steps) - 1)
    assert recorded.driver.state is State.FINISHED
    assert asked == []


def test_no_pain_question_without_a_log(window: MainWindow, sessions_dir: Path) -> None:
    window.show_preview(sessions_dir / "quick.yaml")
    window.start_session()
    window.driver.jump(len(window.driver.engine.timeline.steps) - 1)
    assert window.practice.pain_dialog is None


def test_the_real_pain_dialog_opens_and_its_answers_are_saved(
    qtbot: QtBot, recorded: MainWindow, log: PracticeStore, sessions_dir: Path
) -> None:
    recorded.show_preview(sessions_dir / "quick.yaml")
    recorded.start_session()
    recorded.driver.jump(len(recorded.driver.engine.timeline.steps) - 1)
    dialog = recorded.practice.pain_dialog
    assert dialog is not None
    dialog.before.setValue(6)
    dialog.after.setValue(3)
    dialog.note.setText("knee fine")
    dialog.accept()
    (run,) = stored(log)
    assert (run.pain_before, run.pain_after, run.note) == (6, 3, "knee fine")
    assert recorded.practice.pain_dialog is None


# -- the dialog alone --------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: QtBot) -> PainDialog:
    run = Run("r", "<b>Hip</b> <img src=x>", "/f.yaml", "h", now_utc(), 5, Outcome.COMPLETED)
    shown = PainDialog(run)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.before.setFocus()
    return shown


def test_digits_fill_one_score_and_move_to_the_next(qtbot: QtBot, dialog: PainDialog) -> None:
    qtbot.keyClicks(dialog.before, "7")
    assert dialog.before.value() == 7
    assert dialog.after.hasFocus()
    qtbot.keyClicks(dialog.after, "1")
    assert dialog.after.hasFocus()  # 1 may become 10
    qtbot.keyClicks(dialog.after, "0")
    assert dialog.after.value() == 10
    assert dialog.note.hasFocus()
    qtbot.keyClicks(dialog.note, "ok")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    run = dialog.annotated()
    assert (run.pain_before, run.pain_after, run.note) == (7, 10, "ok")


def test_arrow_keys_move_a_score_and_enter_saves(qtbot: QtBot, dialog: PainDialog) -> None:
    for _ in range(4):
        qtbot.keyClick(dialog.before, Qt.Key.Key_Up)  # from "not given" to 3
    qtbot.keyClick(dialog.before, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.before, Qt.Key.Key_Return)
    assert dialog.annotated().pain_before == 2
    assert dialog.annotated().pain_after is None


def test_escape_skips_in_one_key(qtbot: QtBot, dialog: PainDialog) -> None:
    qtbot.keyClicks(dialog.before, "4")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.after, Qt.Key.Key_Escape)


def test_the_title_from_the_file_is_plain_text(dialog: PainDialog) -> None:
    assert dialog.title_label.textFormat() is Qt.TextFormat.PlainText
    assert "<img src=x>" in dialog.title_label.text()


def test_an_open_history_window_shows_a_run_as_soon_as_it_ends(
    recorded: MainWindow, sessions_dir: Path, asked: list[Run]
) -> None:
    history = recorded.practice.open_history()
    assert history.model.rowCount() == 0
    recorded.show_preview(sessions_dir / "quick.yaml")
    recorded.start_session()
    recorded.driver.stop()
    assert history.model.rowCount() == 1
    assert history.model.row(0).outcome == "stopped"


class FailingLog(PracticeStore):
    """A real store whose writes fail, as on a full disk."""

    def save(self, run: Run) -> Future[None]:
        def refuse(_connection: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        return self._submit(refuse)


def test_a_log_that_cannot_be_written_is_told_once_from_the_gui_thread(
    qtbot: QtBot, services: Services, sessions_dir: Path, tmp_path: Path
) -> None:
    log = FailingLog(tmp_path / "failing.sqlite3")
    try:
        window = open_window(qtbot, services, log)
        shown: list[str] = []
        window.statusBar().messageChanged.connect(shown.append)
        threads: list[object] = []
        window.practice.recorder.writeFailed.connect(
            lambda _text: threads.append(QThread.currentThread())
        )
        window.show_preview(sessions_dir / "hip-release.yaml")
        with qtbot.waitSignal(window.practice.recorder.writeFailed):
            window.start_session()
        window.driver.next()
        window.driver.next()
        log.flush()
        QApplication.processEvents()  # the queued reports of the later failures
        told = [text for text in shown if "cannot be written" in text]
        assert len(told) == 1
        assert "database or disk is full" in told[0]
        assert "practice-log" in window.notices.active()
        assert len(threads) >= 3  # every failed write was reported ...
        assert set(threads) == {window.thread()}  # ... on the GUI thread
    finally:
        log.close()
