"""Measure the runner's countdown glyphs on a real X screen (run under a 1366×768 Xvfb).

Shows the fixture session "hip-release" at a timed setup, a 20 s hold, the "Ready?" wait and
the hold paused; for each, grabs the screen as X has it and measures the height of the
pixels of the count's own colour inside the dial. Prints one JSON object of heights (px),
and with ``--paused-png PATH`` saves the paused screen there.

Run: DISPLAY=:N QT_QPA_PLATFORM=xcb python -m tests.ui.countdown_sizes_scenario
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from piritimer.app import build_window
from piritimer.core.timeline import StepKind
from piritimer.ui.library import LibraryModel
from piritimer.ui.main_window import MainWindow
from tests.ui.helpers import FIXTURES, FakeClock, make_services

SCREEN = (1366, 768)
TOLERANCE = 40
"""How far (per channel) a pixel may be from the colour to count as part of a glyph."""


def glyph_height(image: QImage, left: int, top: int, width: int, height: int, color: str) -> int:
    """Rows between the first and last row in the box holding ``color`` (antialiased edges
    excluded by the tolerance)."""
    wanted = QColor(color)
    rows = []
    for y in range(max(0, top), min(image.height(), top + height)):
        for x in range(max(0, left), min(image.width(), left + width)):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - wanted.red()) <= TOLERANCE
                and abs(pixel.green() - wanted.green()) <= TOLERANCE
                and abs(pixel.blue() - wanted.blue()) <= TOLERANCE
            ):
                rows.append(y)
                break
    return rows[-1] - rows[0] + 1 if rows else 0


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def measure(app: QApplication, window: MainWindow, color: str, box: str = "text") -> int:
    settle(app)
    dial = window.runner_page.dial
    rect = dial.text_rect() if box == "text" else dial.paused_rect()
    origin = dial.mapTo(window, QPoint(0, 0))
    screen = app.primaryScreen().grabWindow(0).toImage()
    frame = window.geometry().topLeft()
    return glyph_height(
        screen,
        frame.x() + origin.x() + rect.x(),
        frame.y() + origin.y() + rect.y(),
        rect.width(),
        rect.height(),
        color,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paused-png", type=Path, default=None)
    options = parser.parse_args(argv)
    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(FIXTURES, work / "sessions")
        settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
        services = make_services(FakeClock(), LibraryModel(), settings)
        window = build_window(services, restore=False)
        window.move(0, 0)
        window.resize(*SCREEN)
        window.show()
        window.show_preview(work / "sessions" / "hip-release.yaml")
        window.start_session()
        colors = window.colors
        driver = window.driver
        steps = driver.engine.timeline.steps
        heights = {"setup": measure(app, window, colors.text)}
        driver.jump(next(s.index for s in steps if s.kind is StepKind.HOLD))
        heights["hold"] = measure(app, window, colors.text)
        driver.pause()
        heights["paused_banner"] = measure(app, window, colors.accent, box="paused")
        if options.paused_png is not None:
            settle(app)
            window.grab().save(str(options.paused_png))
        driver.jump(next(s.index for s in steps if s.waits))
        driver.resume()
        heights["ready"] = measure(app, window, colors.accent)
        heights["instruction_font_px"] = window.runner_page.instruction_label.font().pixelSize()
        print(json.dumps(heights))
        window.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
