"""Start the desktop app. Only this module creates the QApplication."""

from __future__ import annotations

import argparse
import sys


def run(options: argparse.Namespace, qt_args: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([sys.argv[0], *qt_args])
    label = QLabel(f"piritimer — {options.file or 'no session'}")
    label.resize(640, 400)
    label.show()
    return app.exec()
