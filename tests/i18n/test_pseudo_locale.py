"""The pseudo-locale run: every window in a language 40 % longer than English, with accents.

A word that does not fit shows as clipped text or widgets laid over each other; a word that
stays in plain English was never marked for translation. Each window is photographed
(QWidget.grab) into the test's folder; a failure names the picture.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QSpinBox,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from piritimer import paths
from piritimer.present.countdown import CountdownDisplay
from piritimer.present.keys import KEYS as PRESENTER_KEYS
from piritimer.ui.controls import CONTROLS
from piritimer.widgets.dial import Dial
from piritimer.widgets.plain import might_be_rich
from tests.i18n.catalogs import TRANSLATED
from tests.i18n.clipping import layout_problems, shown_widgets, widget_text
from tests.i18n.pseudo import ACCENTED, PSEUDO_LANGUAGE, write_pseudo_catalog
from tests.i18n.windows import HEIGHT, WIDTH, WINDOWS, Stage, screenshot, speaking

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
"""Text that came through the pseudo catalog has no plain ASCII letters left (all accented)."""
ACCENTS = frozenset(map(chr, ACCENTED.values()))
TABLE_ROWS = 40
"""Cells read from the top of a table: enough to see every kind of row."""


@pytest.fixture(scope="module")
def pseudo_locale(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("locale")
    write_pseudo_catalog(folder)
    return folder


# -- what a window says -------------------------------------------------------------------------


def _actions(actions: list[QAction], where: str) -> Iterator[tuple[str, str]]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield f"{where} action", action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where} action tooltip", action.toolTip()
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _actions(menu.actions(), f"{where} › {action.text()}")


def _cells(model: QAbstractItemModel) -> Iterator[str]:
    for column in range(model.columnCount()):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(TABLE_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            value = model.data(model.index(row, column))
            if isinstance(value, str):
                yield value


def shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window shows now: its title, labels, buttons, tooltips,
    fields' hints, choices, tabs, table headers and cells, menus, toolbars, painted counts."""
    yield "window title", window.windowTitle().replace("[*]", "")
    for widget in shown_widgets(window):
        kind = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        if text := widget_text(widget):
            yield kind, text
        if widget.toolTip():
            yield f"{kind} tooltip", widget.toolTip()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield f"{kind} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{kind} choice", widget.itemText(index)
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            yield f"{kind} suffix", widget.suffix()
            yield f"{kind} prefix", widget.prefix()
        if isinstance(widget, QAbstractSpinBox) and widget.specialValueText():
            yield f"{kind} special value", widget.specialValueText()
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield f"{kind} tab", widget.tabText(index)
        if isinstance(widget, QListWidget):
            for index in range(widget.count()):
                yield f"{kind} item", widget.item(index).text()
        elif (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # its labels are its view's
            and widget.model() is not None
        ):
            for text in _cells(widget.model()):
                yield f"{kind} cell", text
        if isinstance(widget, QTextEdit) and widget.isReadOnly():
            yield kind, widget.toPlainText()
        if isinstance(widget, QStatusBar) and widget.currentMessage():
            yield kind, widget.currentMessage()
        if isinstance(widget, QToolBar):
            yield from _actions(widget.actions(), kind)
        if isinstance(widget, QMainWindow) and widget.menuWidget() is not None:
            yield from _actions(widget.menuBar().actions(), "menu")
        if isinstance(widget, Dial):
            yield "Dial count", widget.center_text
            if widget.paused:
                yield "Dial band", widget.paused_text()
        if isinstance(widget, CountdownDisplay):
            yield "CountdownDisplay", widget.text()


UNIT_SYMBOLS = ("ms",)
"""Unit symbols, written the same in every language piritimer speaks."""


def _key_names(window: QWidget) -> set[str]:
    """The names of the keys the window binds, as QKeySequence writes them ("PgUp", "Media
    Play"): Qt's words (its own catalog translates them), not ours."""
    sequences = [QKeySequence("Ctrl+Shift+Alt+Meta+A")]  # the modifiers' names
    sequences += [s for control in CONTROLS for s in control.sequences]
    sequences += [QKeySequence(key) for key, _shift in PRESENTER_KEYS]
    sequences += [action.shortcut() for action in window.findChildren(QAction)]
    sequences += [shortcut.key() for shortcut in window.findChildren(QShortcut)]
    names: set[str] = set()
    for sequence in sequences:
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        names.update(part for part in re.split(r"[+,]\s*", text) if part)
    return names


def qt_words(window: QWidget) -> list[str]:
    """Words Qt itself writes, in English in the pseudo-locale (Qt has no catalog for it):
    the names of the window's keys, and the day and month names of dates QLocale formats."""
    words = _key_names(window)
    # A dialog's standard buttons (Close, Cancel) are Qt's, translated by its qtbase catalog.
    for box in window.findChildren(QDialogButtonBox):
        words.update(button.text().replace("&", "") for button in box.buttons())
    locale = QLocale()
    for number in range(1, 13):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            words.add(locale.monthName(number, form))
            if number <= 7:
                words.add(locale.dayName(number, form))
    return sorted((w for w in words if ENGLISH_WORD.search(w)), key=len, reverse=True)


def _plain(text: str) -> str:
    """Rich text as it reads: a label's own markup (``<b>``) is not a word."""
    if not might_be_rich(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def english_left(text: str, data: list[str], qt_words: list[str]) -> str:
    """What of ``text`` is still plain English once the file's words, numbers and Qt's own
    words are taken out ("" when nothing is)."""
    rest = text.replace("&", "")
    # What a message quotes from a file is in backticks; a view may capitalise a file's line.
    rest = re.sub(r"`[^`]*`", " ", rest)
    rest = re.sub(r"(?<!\w)'[^']*'(?!\w)", " ", rest)  # a file's text as Python quotes it
    for piece in data:
        rest = re.sub(re.escape(piece), " ", rest, flags=re.IGNORECASE)
    for symbol in UNIT_SYMBOLS:
        rest = re.sub(rf"(?<![A-Za-z]){symbol}(?![A-Za-z])", " ", rest)
    for word in qt_words:
        rest = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", " ", rest)
    return " ".join(ENGLISH_WORD.findall(rest))


def unmarked(window: QWidget, data: set[str]) -> list[str]:
    """Every fixed text in ``window`` that did not come through the catalog, with where."""
    pieces = sorted(data, key=len, reverse=True)
    qt_names = qt_words(window)
    found: list[str] = []
    for where, shown in shown_texts(window):
        text = _plain(shown)
        if not text.strip() or text in data:
            continue
        left = english_left(text, pieces, qt_names)
        if left:
            marked = "partly translated" if ACCENTS & set(text) else "not translated"
            found.append(f"{where}: {text[:80]!r} ({marked}: {left[:60]!r})")
    return sorted(set(found))


# -- the run ------------------------------------------------------------------------------------


@pytest.fixture
def stage(qapp: QApplication, tmp_path: Path, pseudo_locale: Path) -> Iterator[Stage]:
    with speaking(pseudo_locale, PSEUDO_LANGUAGE):
        built = Stage(tmp_path / "stage")
        try:
            yield built
        finally:
            built.close()


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_word_fits_in_the_pseudo_locale(stage: Stage, tmp_path: Path, name: str) -> None:
    window = WINDOWS[name](stage)
    picture = screenshot(window, tmp_path / "screens", f"{name}-{PSEUDO_LANGUAGE}")
    data = stage.data_texts()
    problems = [str(p) for p in layout_problems(window, lambda text: text in data)]
    assert problems == [], f"see {picture}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_window_fits_a_laptop_with_nothing_cut_in_each_shipped_language(
    qapp: QApplication, tmp_path: Path, language: str
) -> None:
    """The real catalogs, not the pseudo one: no window grows past 1366×768 (a laptop's
    screen) and no word is cut, in any language piritimer ships."""
    problems: list[str] = []
    with speaking(paths.locale_dir(), language):
        stage = Stage(tmp_path / "stage")
        try:
            data = stage.data_texts()
            for name, build in WINDOWS.items():
                window = build(stage)
                if window.width() > WIDTH or window.height() > HEIGHT:
                    problems.append(f"{name}: {window.width()}×{window.height()}")
                problems += [
                    f"{name}: {p}" for p in layout_problems(window, lambda text: text in data)
                ]
                if problems and not any(str(tmp_path) in p for p in problems):
                    shot = screenshot(window, tmp_path / "screens", f"{name}-{language}")
                    problems.append(f"see {shot}")
                stage.close_windows()
        finally:
            stage.close()
    assert problems == []


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_fixed_word_comes_through_the_catalog(
    stage: Stage, tmp_path: Path, name: str
) -> None:
    window = WINDOWS[name](stage)
    picture = screenshot(window, tmp_path / "screens", f"{name}-{PSEUDO_LANGUAGE}")
    found = unmarked(window, stage.data_texts())
    assert found == [], f"plain English on {picture}:\n" + "\n".join(found)


def test_the_check_sees_english_and_passes_pseudo_text_and_the_files_words(
    qapp: QApplication,
) -> None:
    window = QWidget()
    names = qt_words(window)
    native = QKeySequence.SequenceFormat.NativeText
    # As Qt names them now: an earlier test may have left Qt's German words installed.
    page_up = QKeySequence(Qt.Key.Key_PageUp).toString(native)
    open_file = QKeySequence("Ctrl+O").toString(native)
    assert page_up in names
    assert "Stop" not in names  # a word of ours unless it names a key ("Media Stop")
    data = ["Figure-four stretch"]
    assert english_left("Next: Rest", data, names) == "Next Rest"
    assert english_left("[Ñéẋţ: ·] Figure-four stretch", data, names) == ""
    assert english_left("[Ñéẋţ ·] Rest", data, names) == "Rest"
    assert english_left(f"{page_up} / ← · {open_file} · 12:30", data, names) == ""
    assert english_left("Stop", data, names) == "Stop"
    assert _plain("<b>Problems</b> (2)") == "Problems (2)"
