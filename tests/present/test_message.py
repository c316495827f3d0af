"""A message to the class: typed on the presenter view, shown on the class view until
cleared, as one line of plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from piritimer.core.engine import State
from piritimer.present.message import MAX_MESSAGE_CHARS, clean_message
from piritimer.present.presentation import Presentation


def test_clean_message_is_one_short_line() -> None:
    assert (
        clean_message("  Water break —\nback in 2 minutes  ") == "Water break — back in 2 minutes"
    )
    assert clean_message("a\u202eb\u200bc\td") == "abc d"  # bidi override, zero width, tab
    assert clean_message("x" * 500) == "x" * MAX_MESSAGE_CHARS
    assert clean_message(" \n\t ") == ""


def test_the_teacher_types_a_message_the_class_sees_until_cleared(
    qtbot: QtBot, presentation: Presentation
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    audience = presentation.audience
    presenter.message_field.setText("Water break — back in 2 minutes")
    with qtbot.waitSignal(presentation.messageChanged) as changed:
        presenter.show_message_button.click()
    assert changed.args == ["Water break — back in 2 minutes"]
    assert audience.message.isVisible()
    assert audience.message.text() == "Water break — back in 2 minutes"
    assert presenter.preview.message.text() == audience.message.text()
    presentation.toggle_blank()  # the message stays on a blanked screen: that is its use
    assert audience.message.isVisible()
    assert presenter.clear_message_button.isEnabled()
    presenter.clear_message_button.click()
    assert presentation.message == ""
    assert not audience.message.isVisible()
    assert not presenter.clear_message_button.isEnabled()


def test_a_message_is_text_never_markup(qtbot: QtBot, presentation: Presentation) -> None:
    presentation.set_message("<img src=/dev/zero><b>bold</b>")
    label = presentation.audience.message
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == "<img src=/dev/zero><b>bold</b>"


def test_typing_a_message_never_triggers_clicker_keys(
    qtbot: QtBot, presentation: Presentation
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    presenter.activateWindow()
    presenter.message_field.setFocus()
    qtbot.keyClicks(presenter.message_field, "back soon")  # b would blank, space would start
    assert not presentation.blank
    assert presentation.driver.state is State.IDLE
    assert presenter.message_field.text() == "back soon"
    qtbot.keyClick(presenter.message_field, Qt.Key.Key_Return)
    assert presentation.message == "back soon"


def test_the_message_field_never_takes_the_clicker_keys_unasked(
    qtbot: QtBot, presentation: Presentation
) -> None:
    presenter = presentation.presenter
    assert presenter is not None
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    assert presenter.focusWidget() is not presenter.message_field
    qtbot.keyClick(presenter, Qt.Key.Key_B)
    assert presentation.blank
