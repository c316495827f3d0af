"""Every window of the app, built as the app builds it, in a state worth looking at.

For the pseudo-locale and right-to-left runs (tests/i18n/test_pseudo_locale.py, test_rtl.py)
and tools/i18n_screenshots.py. Each window function takes a `Stage` (a fake clock, the
bundled sessions, private settings and practice log) and returns the top-level widget,
shown at 1366×768 (a dialog at its own size, over the home window). Words are read as a
window is built: choose the language first.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from piritimer import paths
from piritimer.app import build_window
from piritimer.core import i18n
from piritimer.core.model import Session
from piritimer.core.practice import Outcome, Run
from piritimer.core.timeline import Step, StepKind, compile_session
from piritimer.practice.store import PracticeStore
from piritimer.ui.controls import Action
from piritimer.ui.library import LibraryEntry, LibraryModel
from piritimer.ui.main_window import MainWindow
from piritimer.ui.services import Services
from tests.practice.helpers import a_run
from tests.ui.helpers import FakeClock, make_services

WIDTH, HEIGHT = 1366, 768
"""The smallest common laptop screen: every window must fit it."""
WALL_CLOCK = datetime(2026, 3, 10, 9, 41)
MESSAGE = "Water break — back in 2 minutes"
RICHEST = "complete-routine.yaml"
"""The bundled session with every kind of step (setup, holds, breathing, rests, sides)."""
WAITING = "quick-demo.yaml"
"""A bundled session whose first step waits for the person ("I'm ready")."""
CLASS_FILE = "hip-class.yaml"


@contextmanager
def speaking(localedir: Path, language: str) -> Iterator[None]:
    """The app's words from the catalogs in ``localedir`` (a pseudo one), in ``language``;
    afterwards English and the catalogs as they were, so no later test reads these."""
    previous = i18n._localedir  # noqa: SLF001 - put back exactly as found
    i18n.configure(localedir)
    i18n.use(language)
    try:
        yield
    finally:
        i18n.use(i18n.SOURCE_LANGUAGE)
        i18n._catalogs.clear()  # noqa: SLF001 - the pseudo catalogs must not be found later
        i18n._localedir = previous  # noqa: SLF001


def screenshot(window: QWidget, folder: Path, name: str) -> Path:
    """``window`` as it is drawn now, in ``folder/name.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert window.grab().save(str(path)), path
    return path


def settle() -> None:
    """Let posted layouts, polishes and deferred fits (singleShot(0)) happen."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents()


class Stage:
    """What every window is built from, and what closes them afterwards.

    ``home``: a private folder for settings, the practice log and the files written here."""

    def __init__(self, home: Path) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.home = home
        self.clock = FakeClock()
        self.settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
        self.library = LibraryModel(
            [paths.bundled_classes_dir(), home / "sessions"],
            bundled_folder=paths.bundled_sessions_dir(),
        )
        self.library.finish_scan()
        self.store = PracticeStore(home / "practice.sqlite3")
        self.store.add_runs(some_runs()).result()
        self._built: list[QWidget] = []
        self._closers: list[Callable[[], None]] = []

    # -- building ---------------------------------------------------------------------------

    def services(self, *, logged: bool = False) -> Services:
        """Fresh services (their own engine driver) on the stage's library and clock; with
        ``logged``, the stage's practice log (else none: one window's runs must not show in
        another's history or offer to continue)."""
        services = make_services(self.clock, self.library, self.settings)
        return dataclasses.replace(services, practice=self.store) if logged else services

    def main_window(self, *, logged: bool = False) -> MainWindow:
        window = build_window(self.services(logged=logged), restore=False)
        self.keep(window)
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.show()
        settle()
        return window

    def keep(self, widget: QWidget) -> QWidget:
        self._built.append(widget)
        return widget

    def on_close(self, closer: Callable[[], None]) -> None:
        self._closers.append(closer)

    def bundled(self, name: str) -> LibraryEntry:
        path = paths.bundled_sessions_dir() / name
        entry = self.library.entry(path) or self.library.add_file(path)
        assert entry.session is not None, entry.diagnostics
        return entry

    # -- what the files say -----------------------------------------------------------------

    def data_texts(self) -> set[str]:
        """Every string the windows show from a file or the person: session and class text,
        file names, run titles and notes. These need no translation."""
        found: set[str] = {"piritimer", MESSAGE, str(self.home)}
        found.update(i18n.LANGUAGE_NAMES.values())  # each language in its own name
        for entry in self.library.entries():
            found.update({entry.path.name, entry.path.stem, str(entry.path), entry.title})
            found.update(strings_in(entry.session))
        for run in some_runs():
            found.update({run.title, run.note, run.file, Path(run.file).name})
        found.update({str(p) for p in (self.store.location,) if p is not None})
        return {text for text in found if text.strip()}

    # -- ending -----------------------------------------------------------------------------

    def close_windows(self) -> None:
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
        for widget in reversed(self._built):
            widget.hide()
            if isinstance(widget, MainWindow):
                widget.services.driver.stop()
                widget.practice.recorder.close()
            widget.deleteLater()
        self._built.clear()
        settle()

    def close(self) -> None:
        self.close_windows()
        self.store.close()


def strings_in(value: object) -> Iterator[str]:
    """Every string inside a session's dataclasses (titles, names, cues, notes, lines)."""
    if isinstance(value, str):
        yield value
        yield from (line.strip() for line in value.splitlines())
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name))


def some_runs() -> list[Run]:
    """A fortnight of practice ending today: a streak, pain scores, a note, a stopped run."""
    today = datetime.now().astimezone().replace(hour=8, minute=0, second=0, microsecond=0)
    runs = []
    for back in range(14):
        started = (today - timedelta(days=back)).astimezone(UTC)
        stopped = back == 4
        runs.append(
            a_run(
                back,
                title=("Figure four stretches", "Nerve flosses")[back % 2],
                started_at=started,
                ended_at=started + timedelta(minutes=6 if stopped else 12),
                outcome=Outcome.STOPPED if stopped else Outcome.COMPLETED,
                step_index=9 if stopped else 27,
                step_count=28,
                pain_before=6 - back // 4,
                pain_after=4 - back // 5,
                note="left hip looser" if back == 2 else "",
            )
        )
    return runs


# -- the home window ----------------------------------------------------------------------------


def library(stage: Stage) -> QWidget:
    window = stage.main_window()
    window.show_library()
    settle()
    return window


def preview(stage: Stage) -> QWidget:
    window = stage.main_window()
    window.show_preview(stage.bundled(RICHEST).path)
    settle()
    return window


def _run_to(stage: Stage, name: str, wanted: Callable[[Step], bool], fraction: float) -> MainWindow:
    """The home window running ``name``, ``fraction`` of the way into its first step that is
    ``wanted`` (started from its preview, as the person starts it)."""
    window = stage.main_window()
    window.show_preview(stage.bundled(name).path)
    assert window.start_session()
    step = next(s for s in window.driver.engine.timeline.steps if wanted(s))
    window.driver.jump(step.index)
    if step.duration_s:
        stage.clock.now += step.duration_s * fraction
        window.driver.poke()
    window.runner_page.refresh()
    settle()
    return window


def _side_hold(step: Step) -> bool:
    return step.kind is StepKind.HOLD and step.side is not None


def runner_running(stage: Stage) -> QWidget:
    return _run_to(stage, RICHEST, _side_hold, 0.35)


def runner_paused(stage: Stage) -> QWidget:
    window = _run_to(stage, RICHEST, _side_hold, 0.35)
    window.driver.toggle()
    settle()
    return window


def runner_waiting(stage: Stage) -> QWidget:
    return _run_to(stage, WAITING, lambda s: s.duration_s is None, 0)


def help_overlay(stage: Stage) -> QWidget:
    window = _run_to(stage, RICHEST, _side_hold, 0.35)
    window.perform(Action.HELP)  # the `?` key
    settle()
    assert window.help_overlay.isVisible()
    return window


# -- the home window's dialogs and the history ------------------------------------------------


def _dialog(stage: Stage, dialog: QWidget) -> QWidget:
    """A dialog the home window opened, at the size it takes by itself."""
    stage.keep(dialog)
    dialog.adjustSize()
    settle()
    return dialog


def pain_dialog(stage: Stage) -> QWidget:
    window = stage.main_window()
    run = some_runs()[0]
    window.practice.ask_pain(dataclasses.replace(run, pain_before=None, pain_after=None))
    dialog = window.practice.pain_dialog
    assert dialog is not None
    return _dialog(stage, dialog)


def display_settings(stage: Stage) -> QWidget:
    from piritimer.ui.display_settings import DisplaySettingsDialog

    window = stage.main_window()
    window.display_action.trigger()
    return _dialog(stage, window.findChildren(DisplaySettingsDialog)[-1])


def audio_settings(stage: Stage) -> QWidget:
    from piritimer.audio.settings_dialog import AudioSettingsDialog

    window = stage.main_window()
    window.audio_action.trigger()
    return _dialog(stage, window.findChildren(AudioSettingsDialog)[-1])


def history(stage: Stage) -> QWidget:
    window = stage.main_window(logged=True)
    shown = window.practice.open_history()
    stage.keep(shown)
    shown.setGeometry(0, 0, WIDTH, HEIGHT)
    settle()
    return shown


# -- the editor ---------------------------------------------------------------------------------


def editor(stage: Stage) -> QWidget:
    """A copy of a bundled session with one mistake in it: the problem list shows it."""
    folder = stage.home / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "figure-four-stretches.yaml"
    shutil.copyfile(paths.bundled_sessions_dir() / "figure-four-stretches.yaml", target)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("hold: ", "hold: forever ", 1), encoding="utf-8")
    window = stage.main_window()
    edited = window.editors.open(target, window)
    stage.keep(edited)
    edited.setGeometry(0, 0, WIDTH, HEIGHT)
    edited.checker.check_now(edited.text())
    settle()
    return edited


# -- presentation mode --------------------------------------------------------------------------


def _presentation(stage: Stage) -> object:
    """The bundled hip class presented on this one screen, a timed hold under way."""
    from piritimer.core.class_plan import load_for_presentation
    from piritimer.present.presentation import Presentation

    prepared = load_for_presentation(paths.bundled_classes_dir() / CLASS_FILE)
    assert prepared.session is not None, prepared.diagnostics
    session: Session = prepared.session
    services = stage.services()
    driver = services.driver
    driver.set_timeline(compile_session(session))
    screen = QGuiApplication.primaryScreen()
    presentation = Presentation(
        driver, screen, screen, clock=stage.clock, wall_clock=lambda: WALL_CLOCK
    )
    presentation.show()
    stage.on_close(presentation.leave)
    driver.start()
    holds = [s.index for s in driver.engine.timeline.steps if s.kind is StepKind.HOLD]
    driver.jump(holds[1])
    stage.clock.now += 11.4
    driver.poke()
    presentation.show_caption(driver.status().step.say)
    for view in (presentation.audience, presentation.presenter):
        assert view is not None
        # Shown at the laptop's size, not full screen on the test's virtual screen.
        view.showNormal()
        view.setGeometry(0, 0, WIDTH, HEIGHT)
    settle()
    return presentation


def audience(stage: Stage) -> QWidget:
    presentation = _presentation(stage)
    view = presentation.audience  # type: ignore[attr-defined]
    assert isinstance(view, QWidget)
    return view


def presenter(stage: Stage) -> QWidget:
    presentation = _presentation(stage)
    view = presentation.presenter  # type: ignore[attr-defined]
    assert isinstance(view, QWidget)
    view.raise_()
    return view


def message_to_class(stage: Stage) -> QWidget:
    """The presenter view's "Message to the class", typed and shown to the class."""
    presentation = _presentation(stage)
    view = presentation.presenter  # type: ignore[attr-defined]
    assert isinstance(view, QWidget)
    view.message_field.setText(MESSAGE)  # type: ignore[attr-defined]
    view.show_message_button.click()  # type: ignore[attr-defined]
    settle()
    return view


WINDOWS: dict[str, Callable[[Stage], QWidget]] = {
    "library": library,
    "preview": preview,
    "runner-running": runner_running,
    "runner-paused": runner_paused,
    "runner-waiting": runner_waiting,
    "help-overlay": help_overlay,
    "history": history,
    "pain-dialog": pain_dialog,
    "display-settings": display_settings,
    "audio-settings": audio_settings,
    "editor": editor,
    "audience": audience,
    "presenter": presenter,
    "message-to-class": message_to_class,
}
"""Every window and state, by the name its screenshot takes."""
