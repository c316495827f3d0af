"""`LEADS_TO`, the engine's table of where each command leads, checked cell by cell."""

from __future__ import annotations

import pytest

from piritimer.core.engine import (
    ALLOWED,
    LEADS_TO,
    ON_STEP,
    Command,
    Engine,
    IllegalCommand,
    State,
)
from piritimer.core.timeline import Step, StepKind
from tests.sessions_for_tests import two_exercise_timeline

TIMELINE = two_exercise_timeline()
WAIT = next(step.index for step in TIMELINE.steps if step.waits)
LAST = len(TIMELINE.steps) - 1
TIMED = 2
# Where an engine in each state can stand: timed steps, the steps either side of the wait
# (so NEXT, READY and PREVIOUS land on a wait or a timed step), the one before the end.
POSITIONS: dict[State, tuple[int, ...]] = {
    State.IDLE: (0,),
    State.RUNNING: (TIMED, WAIT - 1, WAIT + 1, LAST - 1),
    State.WAITING: (WAIT,),
    State.PAUSED: (TIMED, WAIT - 1, WAIT, WAIT + 1, LAST - 1, LAST),
    State.FINISHED: (LAST,),
    State.STOPPED: (TIMED, WAIT),
}
JUMP_TARGETS = (TIMED, WAIT, LAST)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def put_in(state: State, index: int) -> Engine:
    engine = Engine(two_exercise_timeline(), clock=FakeClock())
    if state is State.PAUSED:
        engine.start()
        engine.pause()  # then move: the only way to stand paused on the final step
    elif state is not State.IDLE:
        engine.start()
    if state is not State.IDLE:
        engine.jump(index)
    if state is State.STOPPED:
        engine.stop()
    assert (engine.state, engine.index) == (state, index)
    return engine


def called_for(step: Step) -> State:
    if step.kind is StepKind.DONE:
        return State.FINISHED
    return State.WAITING if step.waits else State.RUNNING


CASES = [
    (state, command, index, target)
    for state in State
    for command in Command
    for index in POSITIONS[state]
    for target in (JUMP_TARGETS if command is Command.JUMP else (None,))
]


def test_allowed_is_the_table_keys() -> None:
    assert ALLOWED == {state: frozenset(cells) for state, cells in LEADS_TO.items()}
    assert set(LEADS_TO) == set(State)


@pytest.mark.parametrize(("state", "command", "index", "target"), CASES)
def test_every_cell_leads_where_the_table_says(
    state: State, command: Command, index: int, target: int | None
) -> None:
    engine = put_in(state, index)
    destination = LEADS_TO[state].get(command)
    if destination is None:
        with pytest.raises(IllegalCommand):
            engine.perform(command, target)
        assert (engine.state, engine.index) == (state, index)
        return
    engine.perform(command, target)
    if destination is ON_STEP:
        assert engine.state is called_for(engine.step)
    else:
        assert engine.state is destination


def test_the_cases_land_on_every_kind_of_step() -> None:
    """The ON_STEP cells are exercised landing on a timed, a wait and the final step."""
    landed: dict[tuple[State, Command], set[State]] = {}
    for state, command, index, target in CASES:
        if LEADS_TO[state].get(command) is not ON_STEP:
            continue
        engine = put_in(state, index)
        engine.perform(command, target)
        landed.setdefault((state, command), set()).add(engine.state)
    every = {State.RUNNING, State.WAITING, State.FINISHED}
    jumps = [states for cell, states in landed.items() if cell[1] is Command.JUMP]
    assert len(jumps) == 5  # from every state but PAUSED
    assert all(states == every for states in jumps)
    assert landed[(State.PAUSED, Command.RESUME)] == every
    assert landed[(State.RUNNING, Command.NEXT)] == every
