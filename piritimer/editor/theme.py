"""Editor colours, picked once from the palette so dark and light desktops both read well."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class EditorTheme:
    key: QColor
    value: QColor
    string: QColor
    comment: QColor
    duration: QColor
    number: QColor
    keyword: QColor
    dash: QColor
    current_line: QColor
    gutter_background: QColor
    gutter_text: QColor
    gutter_current: QColor
    error: QColor
    find_match: QColor
    find_current: QColor
    warning_background: QColor
    not_found_background: QColor
    info_background: QColor


LIGHT = EditorTheme(
    key=QColor("#1f5fa8"),
    value=QColor("#24292f"),
    string=QColor("#0a7d33"),
    comment=QColor("#6e7781"),
    duration=QColor("#a3470a"),
    number=QColor("#8250df"),
    keyword=QColor("#8250df"),
    dash=QColor("#cf222e"),
    current_line=QColor("#f3f6fb"),
    gutter_background=QColor("#f6f8fa"),
    gutter_text=QColor("#8c959f"),
    gutter_current=QColor("#24292f"),
    error=QColor("#d1242f"),
    find_match=QColor("#fff2a8"),
    find_current=QColor("#ffc94d"),
    warning_background=QColor("#fff8c5"),
    not_found_background=QColor("#ffebe9"),
    info_background=QColor("#ddf4ff"),
)

DARK = EditorTheme(
    key=QColor("#79c0ff"),
    value=QColor("#e6edf3"),
    string=QColor("#7ee787"),
    comment=QColor("#8b949e"),
    duration=QColor("#ffa657"),
    number=QColor("#d2a8ff"),
    keyword=QColor("#d2a8ff"),
    dash=QColor("#ff7b72"),
    current_line=QColor("#1c2330"),
    gutter_background=QColor("#161b22"),
    gutter_text=QColor("#6e7681"),
    gutter_current=QColor("#e6edf3"),
    error=QColor("#f85149"),
    find_match=QColor("#5a4a00"),
    find_current=QColor("#9e6a03"),
    warning_background=QColor("#3b2e00"),
    not_found_background=QColor("#5a1d1d"),
    info_background=QColor("#0c2d4a"),
)


def current_theme() -> EditorTheme:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return DARK if palette.color(QPalette.ColorRole.Base).lightness() < 128 else LIGHT
