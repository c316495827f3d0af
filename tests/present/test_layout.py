"""The audience view's layout: sized for the back of a room at common projector resolutions."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine
from piritimer.core.model import Session
from piritimer.core.timeline import StepKind, compile_session
from piritimer.present.audience import AudienceView, Mode
from piritimer.present.layout import step_layout
from piritimer.qt.driver import EngineDriver

if TYPE_CHECKING:
    from tests.present.conftest import FakeClock

SIZES = [(1920, 1080), (1280, 720), (1024, 768)]


def view_at(qtbot: QtBot, driver: EngineDriver, size: tuple[int, int]) -> AudienceView:
    view = AudienceView(driver)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    return view


def jump_to(driver: EngineDriver, kind: StepKind) -> None:
    if driver.state is not driver.state.RUNNING:
        driver.start()
    driver.jump(next(s.index for s in driver.engine.timeline.steps if s.kind is kind))


def assert_inside(view: QWidget, part: QWidget) -> None:
    assert view.rect().contains(part.geometry()), part.objectName() or type(part).__name__


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", [StepKind.HOLD, StepKind.INHALE, StepKind.REST])
def test_countdown_digits_are_a_quarter_of_the_screen(
    qtbot: QtBot, driver: EngineDriver, size: tuple[int, int], kind: StepKind
) -> None:
    view = view_at(qtbot, driver, size)
    jump_to(driver, kind)
    digits = view.countdown.digits_rect()
    assert view.countdown.text()
    assert digits.height() >= 0.25 * size[1]
    assert view.countdown.rect().contains(digits)
    assert_inside(view, view.countdown)


@pytest.mark.parametrize("size", SIZES)
def test_instruction_detail_and_next_fit_inside_their_widgets(
    qtbot: QtBot, driver: EngineDriver, size: tuple[int, int]
) -> None:
    view = view_at(qtbot, driver, size)
    for kind in (StepKind.SETUP, StepKind.HOLD, StepKind.REST, StepKind.EXHALE):
        jump_to(driver, kind)
        for part in (view.instruction, view.detail, view.next, view.header_left):
            assert part.text(), (kind, part)
            assert part.fits(), (kind, part.text())
            assert_inside(view, part)
        assert view.instruction.font().pixelSize() >= 0.06 * size[1]
        assert view.next.font().pixelSize() >= 0.03 * size[1]


def test_the_instruction_dominates_the_rest_of_the_text(qtbot: QtBot, driver: EngineDriver) -> None:
    view = view_at(qtbot, driver, (1920, 1080))
    jump_to(driver, StepKind.HOLD)
    instruction = view.instruction.font().pixelSize()
    for part in (view.detail, view.next, view.header_left, view.header_right):
        assert part.font().pixelSize() < instruction


def test_a_long_exercise_name_shrinks_to_fit(qtbot: QtBot, session: Session) -> None:
    long_name = "Deep figure-four stretch with clasped hands and the head lowered to the mat"
    exercise = session.exercises[0]
    session = replace(session, exercises=(replace(exercise, name=long_name),))
    driver = EngineDriver(Engine(compile_session(session), clock=lambda: 0.0))
    view = view_at(qtbot, driver, (1280, 720))
    driver.start()
    assert view.instruction.text() == long_name
    assert view.instruction.fits()


@pytest.mark.parametrize("size", SIZES)
def test_the_drawing_takes_a_column_and_leaves_the_countdown_room(
    qtbot: QtBot, driver: EngineDriver, size: tuple[int, int]
) -> None:
    view = view_at(qtbot, driver, size)
    jump_to(driver, StepKind.HOLD)
    assert view.image.isVisible()
    assert_inside(view, view.image)
    assert view.image.width() >= 0.16 * size[0]
    assert not view.image.geometry().intersects(view.countdown.geometry())
    assert not view.image.geometry().intersects(view.instruction.geometry())
    assert not view.image.geometry().intersects(view.next.geometry())


def test_steps_without_a_drawing_use_the_full_width(qtbot: QtBot, driver: EngineDriver) -> None:
    view = view_at(qtbot, driver, (1920, 1080))
    jump_to(driver, StepKind.INHALE)  # the breathing exercise has no image
    assert not view.image.isVisible()
    assert view.countdown.width() > 0.9 * 1920


def test_layout_rectangles_do_not_overlap() -> None:
    for width, height in SIZES:
        for image in (True, False):
            for caption in (True, False):
                rects = step_layout(width, height, image=image, caption=caption)
                parts: list[QRect] = [rects.header, rects.instruction, rects.countdown]
                parts += [rects.detail, rects.next]
                parts += [rects.caption] if rects.caption is not None else []
                for i, a in enumerate(parts):
                    assert QRect(0, 0, width, height).contains(a)
                    for b in parts[i + 1 :]:
                        assert not a.intersects(b), (width, height, image, caption, a, b)


def test_captions_appear_and_clear(qtbot: QtBot, driver: EngineDriver) -> None:
    view = view_at(qtbot, driver, (1280, 720))
    jump_to(driver, StepKind.HOLD)
    view.show_caption("Hold for 30 seconds. Push the knee away gently.")
    assert view.caption.isVisible()
    assert view.caption.fits()
    assert not view.caption.geometry().intersects(view.next.geometry())
    assert not view.caption.geometry().intersects(view.countdown.geometry())
    view.clear_caption()
    assert not view.caption.isVisible()


def test_title_page_before_the_start_and_the_holding_countdown(
    qtbot: QtBot, driver: EngineDriver
) -> None:
    view = view_at(qtbot, driver, (1920, 1080))
    assert view.mode is Mode.READY
    assert view.instruction.text() == "Hip class"
    assert view.countdown.text() == ""
    view.show_holding(120)
    assert view.mode is Mode.HOLDING
    assert view.countdown.text() == "2:00"
    assert view.detail.text() == "Starts in"
    assert view.countdown.digits_rect().height() >= 0.25 * 1080
    view.end_holding()
    assert view.mode is Mode.READY
    driver.start()
    assert view.mode is Mode.STEP


def test_pause_shows_a_badge_and_dims_the_countdown(qtbot: QtBot, driver: EngineDriver) -> None:
    view = view_at(qtbot, driver, (1280, 720))
    jump_to(driver, StepKind.HOLD)
    assert not view.badge.isVisible()
    driver.pause()
    assert view.badge.isVisible()
    assert view.badge.fits()


def test_countdown_follows_the_engine_clock(
    qtbot: QtBot, driver: EngineDriver, clock: FakeClock
) -> None:
    view = view_at(qtbot, driver, (1280, 720))
    jump_to(driver, StepKind.HOLD)
    assert view.countdown.text() == "30"
    clock.advance(12.5)
    driver.poke()
    assert view.countdown.text() == "18"
    assert view.header_right.text() == "Left side · rep 1 of 2"
    assert view.next.text() == "Next: Rest · 10s"
