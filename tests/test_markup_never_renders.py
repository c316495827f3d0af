"""A session file whose every text, key, value and name is markup, shown in every view.

Qt renders a string that merely looks like HTML as rich text unless told otherwise; then
``<img src=…>`` reads local files and ``<table>`` covers the window. Each view below is
loaded with such a file and walked (tests/markup_walker.py): nothing may hold the file's
markup in a rich-text string, and the FIFO that every ``<img>`` points at is never opened.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine
from piritimer.core.loader import load_session
from piritimer.core.timeline import compile_session
from piritimer.editor import prompts
from piritimer.editor.window import EditorWindow
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver
from piritimer.ui.library import read_entry
from piritimer.ui.library_view import SessionCard
from piritimer.ui.preview import PreviewPage, is_web_link
from piritimer.ui.runner import RunnerPage
from piritimer.widgets.plain import (
    escape,
    might_be_rich,
    plain_label,
    plain_message_box,
    plain_tooltip,
)
from tests.markup_walker import (
    ImageTrap,
    assert_no_markup_rendered,
    assert_shows,
    hostile_name,
    hostile_text,
    hostile_yaml,
    quoted,
    top_level_tooltips,
)


def broken_yaml(trap: Path) -> str:
    """Errors whose diagnostics quote the file's own markup keys and values."""
    return textwrap.dedent(
        f"""\
        title: {quoted(hostile_text(trap, "BROKENTITLE"))}
        {quoted(hostile_text(trap, "KEY"))}: {quoted(hostile_text(trap, "VALUE"))}
        exercises:
          - name: {quoted(hostile_text(trap, "BADNAME"))}
            hold: {quoted(hostile_text(trap, "BADHOLD"))}
        """
    )


@pytest.fixture
def hostile_file(tmp_path: Path, trap: ImageTrap) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = folder / hostile_name(trap.path)
    path.write_text(hostile_yaml(trap.path), encoding="utf-8")
    result = load_session(path)
    assert result.session is not None, result.diagnostics
    return path


@pytest.fixture
def broken_file(tmp_path: Path, trap: ImageTrap) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    path = folder / hostile_name(trap.path)
    path.write_text(broken_yaml(trap.path), encoding="utf-8")
    result = load_session(path)
    assert result.session is None
    assert result.diagnostics
    return path


def _check(root: QWidget, trap: ImageTrap, *shown: str) -> None:
    assert_no_markup_rendered(root)
    for fragment in shown:
        assert_shows(root, fragment)
    assert trap.opens == 0, "an <img src=…> from the file was read"


def _show(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


# -- the rule itself ----------------------------------------------------------------------------


def test_the_helpers_show_markup_as_text(qapp: QApplication, trap: ImageTrap) -> None:
    text = hostile_text(trap.path)
    label = plain_label(text)
    label.sizeHint()
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == text
    tip = plain_tooltip(text)
    assert might_be_rich(tip)
    assert "<img" not in tip
    shown = QLabel(tip)  # what QToolTip does with it
    shown.sizeHint()
    assert escape("a<b>\nc") == "a&lt;b&gt;<br>c"
    box = plain_message_box(None, QMessageBox.Icon.Critical, text, text, text)
    assert_no_markup_rendered(box)
    assert_shows(box, "<img src=")
    assert trap.opens == 0


@pytest.mark.qt_log_ignore("QFile::at: Cannot set file position")
def test_the_trap_does_catch_an_image_load(qapp: QApplication, trap: ImageTrap) -> None:
    """Without the rule the same text is read from the FIFO: the checks above can fail."""
    label = QLabel(hostile_text(trap.path))
    label.sizeHint()
    assert trap.opens > 0
    with pytest.raises(AssertionError, match="rendered as markup"):
        assert_no_markup_rendered(label)


# -- the home window's views --------------------------------------------------------------------


def test_library_card_and_its_tooltip(qtbot: QtBot, hostile_file: Path, trap: ImageTrap) -> None:
    card = _show(qtbot, SessionCard(read_entry(hostile_file, bundled=False)))
    _check(card, trap, "TITLE", "SUMMARY", hostile_file.name)


def test_broken_library_card(qtbot: QtBot, broken_file: Path, trap: ImageTrap) -> None:
    card = _show(qtbot, SessionCard(read_entry(broken_file, bundled=False)))
    _check(card, trap, "Error:", broken_file.name)


def test_preview_page(qtbot: QtBot, hostile_file: Path, trap: ImageTrap) -> None:
    page = PreviewPage()
    _show(qtbot, page)
    page.show_entry(read_entry(hostile_file, bundled=False))
    _check(page, trap, "TITLE", "SUMMARY", "SAFETY", "NAME", "ABOUT", "SETUP", "CREDITS")
    _check(page, trap, "NOTES", "EXNOTES", "SRCNOTE")
    assert_shows(page, "SRCTITLE")


def test_preview_of_a_broken_file(qtbot: QtBot, broken_file: Path, trap: ImageTrap) -> None:
    page = PreviewPage()
    _show(qtbot, page)
    page.show_entry(read_entry(broken_file, bundled=False))
    _check(page, trap, "cannot be used")


def _driver(path: Path) -> EngineDriver:
    session = load_session(path).session
    assert session is not None
    return EngineDriver(Engine(compile_session(session), clock=lambda: 0.0))


def test_runner_at_every_step(qtbot: QtBot, hostile_file: Path, trap: ImageTrap) -> None:
    driver = _driver(hostile_file)
    runner = RunnerPage(driver)
    _show(qtbot, runner)
    runner.set_captions_shown(True)
    runner.set_caption(hostile_text(trap.path, "SPOKEN"))
    _check(runner, trap, "SPOKEN")
    driver.start()
    for index in range(len(driver.engine.timeline.steps)):
        driver.jump(index)
        _check(runner, trap)
    driver.jump(0)
    _check(runner, trap, "NAME", "SETUP")


def test_presenter_and_audience_at_every_step(
    qtbot: QtBot, hostile_file: Path, trap: ImageTrap
) -> None:
    driver = _driver(hostile_file)
    screen = QGuiApplication.primaryScreen()
    shown = Presentation(driver, screen, screen, clock=lambda: 0.0)
    presenter, audience = shown.presenter, shown.audience
    assert presenter is not None
    shown.show()
    try:
        shown.show_caption(hostile_text(trap.path, "CAPTION"))
        _check(presenter, trap, "TITLE", "SUMMARY", "NOTES")
        _check(audience, trap, "TITLE", "CAPTION")
        driver.start()
        for index in range(len(driver.engine.timeline.steps)):
            driver.jump(index)
            _check(presenter, trap)
            _check(audience, trap)
        driver.jump(0)
        _check(presenter, trap, "EXNOTES", "NAME")
    finally:
        shown.leave()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- the editor -----------------------------------------------------------------------------------


@pytest.fixture
def make_editor(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], EditorWindow]:
    monkeypatch.setattr(prompts, "show_error", lambda *_: None)

    def make(path: Path) -> EditorWindow:
        window = EditorWindow(path)
        qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
        window.show()
        return window

    return make


def test_editor_preview_and_banner(
    qtbot: QtBot,
    make_editor: Callable[[Path], EditorWindow],
    hostile_file: Path,
    trap: ImageTrap,
) -> None:
    window = make_editor(hostile_file)
    qtbot.waitUntil(lambda: window.preview.timeline is not None)  # checking may be threaded
    _check(window.preview, trap, "TITLE", "SUMMARY", "NAME", "SETUP")
    window.editor.insertPlainText("# edited\n")  # unsaved, so a change on disk asks
    window.disk.changed.emit(hostile_file.read_bytes())
    assert window.disk_bar.isVisible()
    _check(window, trap, hostile_file.name)
    box = prompts.unsaved_changes_box(window, window.document.name)
    _check(box, trap, hostile_file.name)


def test_editor_problems_and_gutter_tooltip(
    qtbot: QtBot,
    make_editor: Callable[[Path], EditorWindow],
    broken_file: Path,
    trap: ImageTrap,
) -> None:
    window = make_editor(broken_file)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.problems.list.count() > 0)  # checking may be threaded
    qtbot.waitUntil(lambda: bool(window.editor.diagnostics))
    _check(window, trap, "KEY")
    gutter = window.editor.gutter
    # The line whose message quotes the markup (a long title above it gets a warning too).
    y = next(y for y in range(gutter.height()) if "img" in gutter.tooltip_at(y))
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(4, y), gutter.mapToGlobal(QPoint(4, y)))
    QApplication.sendEvent(gutter, event)
    assert "<img" in QToolTip.text() or "&lt;img" in QToolTip.text()
    tips = top_level_tooltips()
    assert tips
    for tip in tips:
        _check(tip, trap)
    QToolTip.hideText()


# -- links ---------------------------------------------------------------------------------------


def test_source_links_open_only_http_and_https(
    qtbot: QtBot, hostile_file: Path, trap: ImageTrap
) -> None:
    page = PreviewPage()
    _show(qtbot, page)
    opened: list[QUrl] = []
    page.open_url = opened.append
    page.show_entry(read_entry(hostile_file, bundled=False))
    shown = page.sources_label.text()
    assert "<b>bold" not in shown  # the URL's markup is escaped
    assert "<img/src" not in shown
    assert "&lt;b&gt;bold" in shown
    for link in ("file:///etc/passwd", "javascript:alert(1)", "smb://host/x", "/dev/zero"):
        page.sources_label.linkActivated.emit(link)
    assert opened == []
    page.sources_label.linkActivated.emit("https://example.org/stretch")
    assert opened == [QUrl("https://example.org/stretch")]
    assert is_web_link("http://example.org")
    assert not is_web_link("https:")
