"""Start the desktop app. Only this module creates the QApplication."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from piritimer.core.class_plan import Prepared


def create_application(qt_args: list[str]) -> QApplication:
    """The QApplication with piritimer's names and style (the start-up bench uses it too)."""
    from PySide6.QtWidgets import QApplication

    from piritimer import paths

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationDisplayName("piritimer")
    # Matches the .desktop file's name, so Wayland and docks show the right icon.
    app.setDesktopFileName(paths.APP_NAME)
    app.setStyle("Fusion")
    return app


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

    from piritimer.ui.main_window import MainWindow

    window = MainWindow()
    # A class file is not a session: it is presented, not listed in the library.
    if options.file is not None and (prepared is None or prepared.starts_in_s is None):
        window.open_file(options.file)
    window.show()
    # Sound, voice and the screen-saver inhibit load after the first paint.
    QTimer.singleShot(0, window.start_services)
    if options.present:
        QTimer.singleShot(0, lambda: window.open_presentation(options.screen, prepared))
    code = app.exec()
    window.save_state()
    return code
