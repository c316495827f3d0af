"""The home window's part in the practice log: recording, "Continue", the pain question.

Kept out of ``main_window`` so that the window only calls in at a few points: ``expect`` a
file before a start, ``resume_offer`` for the preview, ``open_history`` from the toolbar.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from piritimer.core.i18n import _
from piritimer.core.practice import Outcome, Run, continuable, file_hash
from piritimer.core.timeline import StepKind
from piritimer.ui.library import LibraryEntry
from piritimer.ui.pain_dialog import PainDialog, asks_pain, set_asks_pain
from piritimer.ui.practice_recorder import PracticeRecorder

if TYPE_CHECKING:
    from piritimer.ui.history import HistoryWindow
    from piritimer.ui.main_window import MainWindow


LOG_FAULT = "practice-log"
FLUSH_WAIT_S = 2.0


class PracticeHooks:
    """Owns the window's `PracticeRecorder`; ``ask_pain`` may be replaced (tests do)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.log = window.services.practice
        self.recorder = PracticeRecorder(window.driver, self.log, window)
        self.recorder.runEnded.connect(self._on_run_ended)
        self.recorder.writeFailed.connect(lambda text: window.notices.fault(LOG_FAULT, text))
        self.recorder.writeSucceeded.connect(lambda: window.notices.cleared(LOG_FAULT))
        self.ask_pain: Callable[[Run], object] = self._ask_pain
        self.pain_dialog: PainDialog | None = None
        self.history: HistoryWindow | None = None
        self._offered: Run | None = None

    # -- continuing -------------------------------------------------------------------------

    def resume_offer(self, entry: LibraryEntry) -> tuple[int, str] | None:
        """(step, where) of a run of this file stopped or interrupted earlier, if any."""
        self._offered = None
        if entry.session is None or self.log.location is None:
            return None
        path = str(entry.path)
        # Reads see what was written; a stop queued a moment ago must be seen too. Usually
        # nothing waits in the queue and this is one turn of the writer thread.
        try:
            self.log.flush(FLUSH_WAIT_S)
            latest = self.log.latest_for_file(path)
        except (TimeoutError, sqlite3.Error, OSError):
            return None  # a log that cannot be read offers nothing; its writes say why

        if latest is None or not latest.outcome.can_continue:
            return None  # the file is read and hashed only when there is a run to continue
        run = continuable([latest], path, file_hash(entry.path))
        if run is None:
            return None
        # Today's values, as the run will be started with (ranges may have moved since).
        steps = self.window.todays_timeline(entry.session).steps
        if run.step_index >= len(steps) or steps[run.step_index].kind is StepKind.DONE:
            return None
        step = steps[run.step_index]
        where = f"{step.exercise_name} · {step.title}" if step.exercise_name else step.title
        self._offered = run
        return run.step_index, where

    def expect_continued(self, entry: LibraryEntry) -> None:
        assert entry.session is not None
        self.recorder.expect(entry.path, entry.session, continues=self._offered)

    # -- after a run ------------------------------------------------------------------------

    def _runs_changed(self, file: str | None) -> None:
        """Plans and ranges count again, once the log has what was just written."""
        try:
            self.log.flush(FLUSH_WAIT_S)
        except (TimeoutError, sqlite3.Error, OSError):
            pass  # counted from what the log has; its writes say why
        self.window.services.progress.runs_changed(None if file is None else Path(file))

    def _on_run_ended(self, run: Run) -> None:
        self._runs_changed(run.file)
        if run.outcome is Outcome.STOPPED and run.step_index > 0:
            self.window.notices.show(
                _(
                    "Stopped “{title}” at step {step} of {count}: "
                    "its page offers to continue from there."
                ).format(title=run.title, step=run.step_index + 1, count=run.step_count)
            )
        if self.history is not None and self.history.isVisible():
            self.history.reload()
        worth_asking = run.outcome is Outcome.COMPLETED or bool(run.done)
        if worth_asking and self.log.location is not None and asks_pain(self.window.settings):
            self.ask_pain(run)

    def _ask_pain(self, run: Run) -> None:
        dialog = PainDialog(run, self.window)
        self.pain_dialog = dialog

        def finish(saved: bool) -> None:
            if saved:
                self.log.save(dialog.annotated())
                self._runs_changed(run.file)
            if dialog.dont_ask.isChecked():
                set_asks_pain(self.window.settings, False)
            self.pain_dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(lambda: finish(True))
        dialog.rejected.connect(lambda: finish(False))
        dialog.open()

    # -- history ----------------------------------------------------------------------------

    def _plan_of(self, title: str) -> str:
        """How the plan of the listed session called ``title`` stands, "" without one."""
        services = self.window.services
        for entry in services.library.entries():
            if entry.session is not None and entry.title == title:
                if text := services.progress.progress_text(entry.session):
                    return text
        return ""

    def open_history(self) -> HistoryWindow:
        from piritimer.ui.history import HistoryWindow

        if self.history is None:
            self.history = HistoryWindow(
                self.log, self.window.settings, self.window, plan_of=self._plan_of
            )
            self.history.logChanged.connect(lambda: self._runs_changed(None))
        else:
            self.history.reload()
        self.history.show()
        self.history.raise_()
        self.history.activateWindow()
        return self.history
