"""The presenter window, the cursor, the "next" outline and opening the mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QLocale, QPointF, Qt, QTime
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.core.timeline import StepKind
from piritimer.present.keys import Action
from piritimer.present.opening import open_presentation
from piritimer.present.outline import upcoming
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock


def test_presenter_shows_times_clock_next_steps_and_notes(
    presentation: Presentation, driver: EngineDriver, clock: FakeClock
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    # 09:41 as the app's locale writes a time ("09:41", "9:41 AM"; Spanish: "9:41").
    assert presenter.clock.text() == QLocale().toString(
        QTime(9, 41), QLocale.FormatType.ShortFormat
    )
    assert presenter.now.text() == "Not started"
    total = driver.engine.timeline.total_s
    driver.start()
    clock.advance(7)
    driver.poke()
    assert presenter.elapsed.text() == "0:07"
    assert presenter.remaining.text() == f"{int(total - 7) // 60}:{int(total - 7) % 60:02d}"
    assert presenter.now.text() == "Figure-four stretch"
    assert presenter.countdown.text() == "13"
    coming = [presenter.coming.item(i).text() for i in range(presenter.coming.count())]
    assert coming[0].startswith("Get ready  ·  5s")
    assert coming[1].startswith("Hold  ·  30s\nFigure-four stretch · Left side · rep 1 of 2")
    assert len(coming) == 6
    notes = presenter.notes.toPlainText()
    assert "Watch that the knees stay level." in notes
    assert "Bring mats." in notes


def test_both_views_show_the_same_moment(
    presentation: Presentation, driver: EngineDriver, clock: FakeClock
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    driver.start()
    for _ in range(40):
        clock.advance(3.7)
        driver.poke()
        audience = presentation.audience
        assert presenter.now.text() == audience.instruction.text()
        shown = audience.countdown.text()
        assert presenter.countdown.text() == (shown or "—")


def test_presenter_buttons_do_what_the_keys_do(
    presentation: Presentation, driver: EngineDriver
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    presenter.buttons[Action.TOGGLE].click()
    assert driver.state is State.RUNNING
    assert presenter.buttons[Action.TOGGLE].text() == "Pause\nSpace"
    presenter.buttons[Action.NEXT].click()
    assert driver.engine.index == 1
    presenter.buttons[Action.PREVIOUS].click()
    assert driver.engine.index == 0
    presenter.buttons[Action.BLANK].click()
    assert presentation.blank
    assert "BLANK" in presenter.banner.text()
    assert presenter.buttons[Action.BLANK].text() == "Show screen\nB / ."
    presenter.buttons[Action.LEAVE].click()
    assert not presentation.is_open


def test_holding_buttons_show_only_while_holding(presentation: Presentation) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    assert not presenter.buttons[Action.ADD_MINUTE].isVisibleTo(presenter)
    presentation.hold(120)
    assert presenter.buttons[Action.ADD_MINUTE].isVisibleTo(presenter)
    assert presenter.countdown.text() == "2:00"


def test_cursor_hides_when_idle_and_returns_on_a_move(
    qtbot: QtBot, presentation: Presentation
) -> None:
    hider = presentation.cursor
    assert hider.timer.isActive()
    assert hider.timer.interval() == 2000
    hider.timer.timeout.emit()  # two seconds without a move
    assert presentation.audience.cursor().shape() == Qt.CursorShape.BlankCursor
    window = presentation.audience.windowHandle()
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(10, 10),
        QPointF(10, 10),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, move)
    assert presentation.audience.cursor().shape() != Qt.CursorShape.BlankCursor
    assert hider.timer.isActive()


def test_audience_is_full_screen_frameless_on_its_screen(presentation: Presentation) -> None:
    audience = presentation.audience
    assert audience.isFullScreen()
    assert audience.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert audience.geometry() == presentation.audience_screen.geometry()


def test_closing_the_audience_window_leaves_the_mode(
    qtbot: QtBot, presentation: Presentation
) -> None:
    with qtbot.waitSignal(presentation.closed):
        presentation.audience.close()
    assert not presentation.is_open


def test_captions_slot_reaches_the_audience(presentation: Presentation) -> None:
    presentation.show_caption("Breathe in.")
    assert presentation.audience.caption.text() == "Breathe in."


def test_upcoming_groups_each_breathing_rep(driver: EngineDriver) -> None:
    timeline = driver.engine.timeline
    first_breath = next(s for s in timeline.steps if s.kind is StepKind.INHALE)
    before = upcoming(timeline, first_breath.index - 1, 3)
    assert before[0].title == "5 breaths"
    assert before[0].duration_s == 50.0
    assert before[0].where == "Slow breathing"
    during = upcoming(timeline, first_breath.index + 3, 3)  # mid-rep: the rest is not "next"
    assert [item.title for item in during] == ["Session complete"]
    setup = next(s for s in timeline.steps if s.kind is StepKind.SETUP and s.waits)
    item = upcoming(timeline, setup.index - 1, 1)[0]
    assert item.duration_s is None


def test_on_one_screen_the_presenter_view_is_one_key_away(
    qtbot: QtBot, driver: EngineDriver
) -> None:
    assert len(QGuiApplication.screens()) == 1
    shown = open_presentation(driver, starts_in_s=90)
    assert shown is not None
    assert shown.presenter is not None
    assert not shown.presenter.isVisible()  # never over the class's screen unasked
    assert shown.audience.isVisible()
    assert shown.audience.isFullScreen()
    assert shown.audience.countdown.text() == "1:30"
    shown.perform(Action.PRESENTER_VIEW)  # P
    assert shown.presenter.isVisible()
    assert shown.presenter.buttons[Action.PRESENTER_VIEW].isVisible()
    assert not shown.presenter.buttons[Action.SWAP_SCREENS].isVisible()
    shown.presenter.buttons[Action.PRESENTER_VIEW].click()
    assert not shown.presenter.isVisible()
    assert shown.audience.isFullScreen()
    shown.perform(Action.SWAP_SCREENS)  # nothing to swap with: nothing moves
    assert shown.audience.isFullScreen()
    shown.leave()


def test_open_presentation_refuses_a_screen_that_is_not_there(driver: EngineDriver) -> None:
    with pytest.raises(ValueError, match=r"no screen 3: this computer has 1 screen: 1 · "):
        open_presentation(driver, screen=3)
