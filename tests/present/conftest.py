"""Fixtures for presentation mode: a small session, a fake clock and one driver over it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from piritimer.core.engine import Engine
from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Phase,
    Session,
    SideOrder,
    TimedHold,
)
from piritimer.core.timeline import compile_session
from piritimer.present.presentation import Presentation
from piritimer.qt.driver import EngineDriver

DRAWING = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
<circle cx="120" cy="80" r="30" fill="none" stroke="#222" stroke-width="10"/>
<path d="M120 110 L200 200 L320 200 M200 200 L150 280" fill="none" stroke="#222"
 stroke-width="12" stroke-linecap="round"/></svg>
"""


class FakeClock:
    """Monotonic time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_session(image: Path | None) -> Session:
    return Session(
        title="Hip class",
        summary="A stretch and some slow breathing.",
        notes="Bring mats. Check that everyone can lie down.",
        exercises=(
            Exercise(
                name="Figure-four stretch",
                work=TimedHold(30.0),
                setup=("Lie on your back, knees bent", "Cross the right ankle over the left knee"),
                setup_s=20.0,
                image=image,
                sides=SideOrder.LEFT_THEN_RIGHT,
                reps=2,
                rest_between_reps_s=10.0,
                rest_after_s=15.0,
                get_ready_s=5.0,
                cues=((Phase.HOLD, "push the knee away gently"),),
                notes="Watch that the knees stay level.",
            ),
            Exercise(
                name="Slow breathing",
                work=PacedBreathing(BreathPattern(inhale_s=4.0, exhale_s=6.0), cycles=5),
                setup=("Sit tall",),
                setup_s=None,
                get_ready_s=5.0,
                cues=((Phase.INHALE, "fill the belly"), (Phase.EXHALE, "let the ribs drop")),
                notes="Encourage slow, quiet breaths.",
            ),
        ),
    )


@pytest.fixture
def drawing(tmp_path: Path) -> Path:
    path = tmp_path / "figure-four.svg"
    path.write_text(DRAWING, encoding="utf-8")
    return path


@pytest.fixture
def session(drawing: Path) -> Session:
    return make_session(drawing)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def driver(qapp: QApplication, session: Session, clock: FakeClock) -> EngineDriver:
    engine = Engine(compile_session(session), clock=clock)
    driver = EngineDriver(engine)
    return driver


WALL_TIME = datetime(2026, 3, 10, 9, 41, 30)


@contextmanager
def presenting(driver: EngineDriver, clock: FakeClock) -> Iterator[Presentation]:
    """A presentation with a presenter window, both on the one offscreen screen (its words
    are read as the windows are built: switch the language first)."""
    screen = QGuiApplication.primaryScreen()
    shown = Presentation(driver, screen, screen, clock=clock, wall_clock=lambda: WALL_TIME)
    assert shown.presenter is not None
    shown.show()  # leave() below closes and deletes both windows
    yield shown
    shown.leave()
    # Delete the windows now, inside this test, not during some later test's event loop.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def presentation(qtbot: QtBot, driver: EngineDriver, clock: FakeClock) -> Iterator[Presentation]:
    with presenting(driver, clock) as shown:
        yield shown
