"""A pose worked on both sides turns its picture round for the second side."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from piritimer import paths
from piritimer.core.engine import Engine
from piritimer.core.loader import load_session
from piritimer.core.model import Exercise, Session, Side
from piritimer.core.timeline import StepKind, compile_session
from piritimer.qt.driver import EngineDriver
from piritimer.ui.runner import RunnerPage
from piritimer.widgets.image import picture_for

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3">'
    '<rect width="4" height="3" fill="#888"/></svg>'
)


def _load(path: Path) -> Session:
    session = load_session(path).session
    assert session is not None
    return session


def _exercise(session: Session, name: str) -> Exercise:
    return next(e for e in session.exercises if e.name == name)


def test_the_second_side_shows_the_mirrored_drawing() -> None:
    session = _load(paths.bundled_sessions_dir() / "complete-routine.yaml")
    figure_four = _exercise(session, "Figure-four stretch")
    assert figure_four.image is not None
    assert picture_for(figure_four, None) == figure_four.image  # setup: before any side
    assert picture_for(figure_four, Side.LEFT) == figure_four.image
    assert picture_for(figure_four, Side.RIGHT) == figure_four.image.with_name(
        "figure-four-mirrored.svg"
    )


def test_an_unsided_exercise_never_changes_its_picture() -> None:
    session = _load(paths.bundled_sessions_dir() / "complete-routine.yaml")
    squeeze = _exercise(session, "Wall-supported thigh squeeze")
    assert (paths.images_dir() / "wall-thigh-squeeze.svg").is_file()
    for side in (None, Side.LEFT, Side.RIGHT):
        assert picture_for(squeeze, side) == squeeze.image


def _own_session(folder: Path, sides: str) -> Session:
    (folder / "bridge.svg").write_text(SVG, encoding="utf-8")
    path = folder / "s.yaml"
    path.write_text(
        f"title: T\nexercises:\n  - name: Bridge\n    image: bridge.svg\n"
        f"    sides: {sides}\n    hold: 10s\n",
        encoding="utf-8",
    )
    return _load(path)


@pytest.mark.parametrize(
    ("sides", "second"), [("left then right", Side.RIGHT), ("right then left", Side.LEFT)]
)
def test_a_drawing_without_a_copy_stays_and_one_with_a_copy_turns(
    tmp_path: Path, sides: str, second: Side
) -> None:
    exercise = _own_session(tmp_path, sides).exercises[0]
    assert picture_for(exercise, second) == exercise.image
    (tmp_path / "bridge-mirrored.svg").write_text(SVG, encoding="utf-8")
    assert picture_for(exercise, second) == (tmp_path / "bridge-mirrored.svg").resolve()
    assert picture_for(exercise, exercise.sides.sides[0]) == exercise.image


def test_a_one_sided_exercise_keeps_its_drawing(tmp_path: Path) -> None:
    exercise = _own_session(tmp_path, "right only").exercises[0]
    (tmp_path / "bridge-mirrored.svg").write_text(SVG, encoding="utf-8")
    assert picture_for(exercise, Side.RIGHT) == exercise.image


def test_a_copy_that_links_outside_the_folder_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    outside = tmp_path / "elsewhere.svg"
    outside.write_text(SVG, encoding="utf-8")
    exercise = _own_session(folder, "left then right").exercises[0]
    os.symlink(outside, folder / "bridge-mirrored.svg")
    assert picture_for(exercise, Side.RIGHT) == exercise.image


def test_the_runner_turns_the_picture_at_the_side_switch(qtbot: QtBot) -> None:
    session = _load(paths.bundled_sessions_dir() / "figure-four-stretches.yaml")
    timeline = compile_session(session)
    driver = EngineDriver(Engine(timeline, clock=lambda: 0.0))
    runner = RunnerPage(driver)
    qtbot.addWidget(runner)
    driver.start()
    shown: dict[Side | None, set[str]] = {}
    for step in timeline.steps:
        if step.exercise_index == 0 and step.kind is not StepKind.DONE:
            driver.jump(step.index)
            path = runner.image_view.path
            assert path is not None
            shown.setdefault(step.side, set()).add(path.name)
    assert shown == {
        None: {"figure-four.svg"},
        Side.LEFT: {"figure-four.svg"},
        Side.RIGHT: {"figure-four-mirrored.svg"},
    }
