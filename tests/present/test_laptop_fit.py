"""The presenter view on a laptop screen (1366×768, 1280×720): nothing squeezed or cut."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from piritimer.present.elided import ElidedLabel
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver
from tests.present.conftest import presenting

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock

LONG_TITLE = "Tuesday evening hip class at the community centre — release, reset and breathe"


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("remote", [False, True])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 720)])
def test_presenter_view_fits_a_laptop_blanked_with_a_long_title(
    qtbot: QtBot, presentation: Presentation, width: int, height: int, remote: bool
) -> None:
    assert_fits(qtbot, presentation, width, height, remote=remote)
    assert "BLANK" in presentation.presenter.banner.text()  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["fr", "de", "es"])
def test_presenter_view_fits_a_laptop_in_every_language(
    qtbot: QtBot,
    in_language: Callable[[str], None],
    driver: EngineDriver,
    clock: FakeClock,
    language: str,
) -> None:
    """German and French words run longer: the buttons, banner and columns still fit."""
    in_language(language)
    with presenting(driver, clock) as shown:
        assert_fits(qtbot, shown, 1280, 720, remote=True)


def assert_fits(
    qtbot: QtBot, presentation: Presentation, width: int, height: int, *, remote: bool
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    if remote:  # the QR code panel takes room too
        url = "http://192.168.100.200:65000/r/Qx3vT9bLkP2mZ8wA1cD4eF0g/"
        presentation.show_remote(url, url.replace("/r/", "/f/"))
    presentation.driver.start()
    presentation.toggle_blank()  # the banner at its longest: blank and paused
    presenter.title.setText(LONG_TITLE)
    presenter.showNormal()
    presenter.resize(width, height)
    qtbot.waitUntil(lambda: presenter.size().width() == width)
    presenter.layout().activate()
    window = presenter.rect()
    assert isinstance(presenter.title, ElidedLabel)
    assert presenter.title.text() == LONG_TITLE
    assert presenter.title.shown_text().endswith("…")
    for part in (presenter.clock, presenter.remaining, presenter.elapsed, presenter.countdown):
        assert window.contains(rect_in(part, presenter)), part.objectName()
    banner = rect_in(presenter.banner, presenter)
    assert banner.width() > 0.9 * width  # across the window, above the columns
    coming = rect_in(presenter.coming, presenter)
    notes = rect_in(presenter.notes, presenter)
    for column in (coming, notes):
        assert column.width() > 0.3 * width  # not a strip one word wide
        assert column.height() > 0.1 * height
        assert window.contains(column)
    if remote:
        assert window.contains(rect_in(presenter.remote_panel, presenter))
    for button in presenter.buttons.values():
        if button.isVisible():
            assert window.contains(rect_in(button, presenter)), button.text()
            for line in button.text().split("\n"):  # no word cut by its own button
                assert button.fontMetrics().horizontalAdvance(line) < button.width(), line


def test_an_elided_label_shows_all_when_there_is_room(qtbot: QtBot) -> None:
    label = ElidedLabel("<b>Short</b>")
    qtbot.addWidget(label)
    label.show()
    label.resize(600, 40)
    assert label.shown_text() == "<b>Short</b>"  # plain text, never markup
    assert label.toolTip() == ""
    label.resize(60, 40)
    assert label.shown_text().endswith("…")
    assert "Short" in label.toolTip()
