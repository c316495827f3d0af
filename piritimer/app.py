"""Start the desktop app. Only this module creates the QApplication."""

from __future__ import annotations

import argparse
import sys


def run(options: argparse.Namespace, qt_args: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from piritimer import paths

    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationDisplayName("piritimer")
    # Matches the .desktop file's name, so Wayland and docks show the right icon.
    app.setDesktopFileName(paths.APP_NAME)
    app.setStyle("Fusion")

    from piritimer.ui.main_window import MainWindow

    window = MainWindow()
    if options.file is not None:
        window.open_file(options.file)
    window.show()
    # Sound, voice and the screen-saver inhibit load after the first paint.
    QTimer.singleShot(0, window.start_services)
    if options.present:
        QTimer.singleShot(0, lambda: window.open_presentation(options.screen))
    code = app.exec()
    window.save_state()
    return code
