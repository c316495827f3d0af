"""The composition root: builds every service once and hands them to the windows.

Only this module creates the QApplication. The start-up order matters for the first paint:
the window is built from services that load quickly; sound, voice and the screen-saver
inhibit open after the window is on screen, and the editor and presentation mode load their
modules when first opened.

Each function imports what it builds: the start-up bench imports this module for
``create_application`` alone, to give a bare PySide6 window the same QApplication, and that
window must not load piritimer's.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    from piritimer.core.class_plan import Prepared
    from piritimer.core.engine import Clock
    from piritimer.present.presentation import Presentation
    from piritimer.qt.driver import EngineDriver
    from piritimer.remote.service import RemoteService
    from piritimer.ui.library import LibraryModel
    from piritimer.ui.main_window import MainWindow
    from piritimer.ui.progress_book import ProgressBook
    from piritimer.ui.reminders import Reminder
    from piritimer.ui.services import Services


def create_application(qt_args: list[str]) -> QApplication:
    """The QApplication with piritimer's names and style (the start-up bench uses it too)."""
    from PySide6.QtWidgets import QApplication

    from piritimer import paths
    from piritimer.qt.lean_plugins import use_lean_plugins
    from piritimer.qt.worker_gc import collect_on_gui_thread

    use_lean_plugins(paths.qt_plugins_dir())  # before the QApplication: it lists plugins once
    app = QApplication([sys.argv[0], *qt_args])
    # Python threads beside Qt (the practice log's writer, the library's reader) must never
    # be where a cycle holding a widget is freed.
    collect_on_gui_thread(app)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationDisplayName("piritimer")
    # Matches the .desktop file's name, so Wayland and docks show the right icon.
    app.setDesktopFileName(paths.APP_ID)
    app.setStyle("Fusion")
    return app


def open_presentation(
    driver: EngineDriver,
    screen: int | None,
    parent: QWidget | None,
    *,
    starts_in_s: float | None = None,
    remote: RemoteService | None = None,
) -> Presentation | None:
    """Presentation mode, whose modules load the first time it opens; the phone remote (off
    until the teacher turns it on) serves it."""
    from piritimer.present.opening import open_presentation as open_now

    presentation = open_now(driver, screen, parent, starts_in_s=starts_in_s)
    if presentation is not None and remote is not None:
        remote.attach(presentation)
    return presentation


def build_services(
    parent: QObject | None = None,
    clock: Clock = time.monotonic,
    library: LibraryModel | None = None,
) -> Services:
    """Every service, once. Hardware starts quiet: see ``open_hardware``.

    ``library``: another set of sessions than the user's and the bundled ones (the screenshot
    tool shows its fixtures), so that no second library scans in the background unused."""
    from PySide6.QtCore import QCoreApplication

    from piritimer import paths
    from piritimer.audio.guide import AudioGuide
    from piritimer.audio.settings_store import load_audio_settings
    from piritimer.core import i18n
    from piritimer.core.engine import Engine
    from piritimer.editor.windows import EditorWindows
    from piritimer.platform.inhibit import NullInhibitor
    from piritimer.platform.media_remote import MediaRemote
    from piritimer.practice import LoggedHistory, open_practice_log
    from piritimer.qt.driver import EngineDriver
    from piritimer.remote.service import RemoteService
    from piritimer.ui.keep_awake import KeepAwake
    from piritimer.ui.library import LibraryModel
    from piritimer.ui.main_window import app_icon, empty_timeline
    from piritimer.ui.progress_book import ProgressBook
    from piritimer.ui.reminders import Reminders
    from piritimer.ui.services import Services
    from piritimer.ui.settings import open_settings
    from piritimer.ui.tray import Tray
    from piritimer.widgets.app_language import apply_language, language_choice

    startup_notices: list[str] = []
    settings = open_settings(startup_notices.append)
    # Before anything with words in it is built: windows read their words as they are made.
    if not i18n.is_configured():  # cli.main has done it, a bench or a tool may not have
        i18n.configure(paths.locale_dir())
    apply_language(QCoreApplication.instance(), language_choice(settings))
    if library is None:
        library = LibraryModel(
            [paths.bundled_classes_dir(), paths.user_sessions_dir()],
            bundled_folder=paths.bundled_sessions_dir(),
            parent=parent,
        )
    driver = EngineDriver(Engine(empty_timeline(), clock=clock), parent)
    practice, practice_notice = open_practice_log(paths.practice_log_path())
    if practice_notice:
        startup_notices.append(practice_notice)
    # Plans and ranges count the log's runs, read once per file until a run of it changes.
    history = LoggedHistory(practice)
    progress = ProgressBook(settings, history, parent=parent)
    progress.changed.connect(history.forget)
    remote = RemoteService(parent)  # its server loads with presentation mode, listens when asked
    # New services are built here, then named in Services.
    return Services(
        settings=settings,
        library=library,
        driver=driver,
        audio=AudioGuide(driver, load_audio_settings(settings), driver),
        keep_awake=KeepAwake(NullInhibitor()),
        editors=EditorWindows(parent),
        present=partial(open_presentation, remote=remote),
        progress=progress,
        reminders=Reminders(settings, body=_reminder_body(library, progress), parent=parent),
        tray=Tray(settings, paths.autostart_dir(), app_icon(), parent=parent),
        remote=remote,
        startup_notices=tuple(startup_notices),
        media=MediaRemote(parent),
        practice=practice,
    )


def _reminder_body(library: LibraryModel, progress: ProgressBook) -> Callable[[Reminder], str]:
    """A reminder's words: how the session's plan stands now ("0 of 2 today")."""

    from piritimer.ui.reminders import standing_body

    def body(reminder: Reminder) -> str:
        entry = library.entry(reminder.path)
        return standing_body(progress.progress_text(entry.session if entry else None))

    return body


def build_window(services: Services, *, restore: bool = True) -> MainWindow:
    """The home window, with the editors' "Try this exercise" running in it, and the
    reminders and the tray icon opening it."""
    from piritimer.ui.main_window import MainWindow
    from piritimer.ui.remote_control import connect_remote

    window = MainWindow(services, restore=restore)
    services.editors.tryTimeline.connect(window.try_timeline)
    connect_remote(services.media, window)
    services.reminders.openRequested.connect(lambda path: bring_forward(window, path))
    services.tray.showRequested.connect(lambda: bring_forward(window, None))
    return window


def open_hardware(services: Services, window: MainWindow) -> None:
    """Sound, voice and the screen-saver inhibit: after the first paint, never before."""
    from PySide6.QtCore import QTimer

    from piritimer.audio.hardware import open_audio_outputs
    from piritimer.platform import create_inhibitor
    from piritimer.platform.mpris import create_media_remote
    from piritimer.platform.notifications import NullNotifier, create_notifier

    inhibitor = create_inhibitor()
    notifier = create_notifier()
    # A tray without a notification service can still show a balloon.
    tray_only = isinstance(notifier, NullNotifier) and services.tray.available
    services.reminders.use(services.tray if tray_only else notifier)
    services.keep_awake.use(inhibitor)
    services.media.use(create_media_remote(parent=window))
    if inhibitor.notice:  # nothing can keep the screen on here: say so once
        window.notices.show(inhibitor.notice)
    # The real outputs take a moment (speechd lists its voices): one more turn of the event
    # loop, so the window answers in between.
    QTimer.singleShot(0, window, lambda: services.audio.set_outputs(open_audio_outputs(window)))


def bring_forward(window: MainWindow, file: Path | None) -> None:
    """A second launch, a reminder clicked or the tray's Open: show the file (if it is one) in
    this window, and raise the window."""
    if file is not None and file.is_file():
        window.open_file(file)
    if window.isMinimized() or not window.isVisible():  # minimised, or hidden in the tray
        window.showNormal()
    window.raise_()
    window.activateWindow()


def _prepare_presentation(options: argparse.Namespace) -> Prepared | None | int:
    """For ``--present FILE``: the session or class to present, or 1 if the file is unusable.

    Checked before any window exists, so a broken file fails fast, also without a display.
    """
    if not (options.present and options.file is not None):
        return None
    from piritimer.core.class_plan import load_for_presentation

    prepared = load_for_presentation(options.file)
    for diagnostic in prepared.diagnostics:
        print(diagnostic, file=sys.stderr)
    return 1 if prepared.session is None else prepared


def run(options: argparse.Namespace, qt_args: list[str]) -> int:
    prepared = _prepare_presentation(options)
    if isinstance(prepared, int):
        return prepared
    from PySide6.QtCore import QTimer

    app = create_application(qt_args)
    server = None
    if not options.present:
        from piritimer import paths
        from piritimer.platform.single_instance import InstanceServer, hand_over, socket_name

        name = socket_name(paths.user_data_dir())
        if hand_over(name, options.file):
            return 0  # the first window has it now
        server = InstanceServer(name, app)
        server.listen()
    services = build_services(app)
    window = build_window(services)
    tray = services.tray
    tray.show_icon()
    # With "keep running in the tray", closing the window hides it and reminders still come.
    app.setQuitOnLastWindowClosed(not tray.keeps_running)
    tray.keepRunningChanged.connect(lambda keep: app.setQuitOnLastWindowClosed(not keep))
    tray.quitRequested.connect(lambda: window.close() and app.quit())
    if server is not None:
        server.launched.connect(lambda path: bring_forward(window, path))
    if options.file is not None:  # a class file too: Present shows it again after Esc
        window.open_file(options.file)
    if not (getattr(options, "tray", False) and tray.available):
        window.show()  # `--tray` (the autostart entry) starts in the tray where there is one
    QTimer.singleShot(0, lambda: open_hardware(services, window))
    if options.present:
        QTimer.singleShot(0, lambda: window.open_presentation(options.screen, prepared))
    code = app.exec()
    window.save_state()
    services.audio.close()
    services.practice.close()
    return code
