from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from piritimer.core.engine import (
    ALLOWED,
    Command,
    Engine,
    Event,
    Finished,
    IllegalCommand,
    PhaseChanged,
    SecondsLeftChanged,
    State,
    StateChanged,
    StepStarted,
)
from piritimer.core.timeline import StepKind, Timeline
from tests.sessions_for_tests import timed_timeline, two_exercise_timeline


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make(timeline: Timeline | None = None) -> tuple[Engine, FakeClock, list[Event]]:
    clock = FakeClock()
    engine = Engine(timeline or timed_timeline([10.0, 20.0]), clock=clock)
    events: list[Event] = []
    engine.subscribe(events.append)
    return engine, clock, events


def put_in(state: State) -> Engine:
    """An engine in ``state``, on a timeline whose step 1 waits for "I'm ready"."""
    engine, _clock, _events = make(two_exercise_timeline())
    if state is State.IDLE:
        return engine
    if state is State.WAITING:
        engine.jump(_first_wait(engine.timeline))
        return engine
    engine.start()
    if state is State.PAUSED:
        engine.pause()
    elif state is State.FINISHED:
        engine.jump(len(engine.timeline.steps) - 1)
    elif state is State.STOPPED:
        engine.stop()
    assert engine.state is state
    return engine


def _first_wait(timeline: Timeline) -> int:
    return next(step.index for step in timeline.steps if step.waits)


# -- the transition table, cell by cell ------------------------------------------------------

EXPECTED: dict[tuple[State, Command], State] = {
    (State.IDLE, Command.START): State.RUNNING,
    (State.IDLE, Command.JUMP): State.RUNNING,
    (State.RUNNING, Command.PAUSE): State.PAUSED,
    (State.RUNNING, Command.NEXT): State.RUNNING,
    (State.RUNNING, Command.PREVIOUS): State.RUNNING,
    (State.RUNNING, Command.RESTART_STEP): State.RUNNING,
    (State.RUNNING, Command.JUMP): State.RUNNING,
    (State.RUNNING, Command.STOP): State.STOPPED,
    (State.WAITING, Command.READY): State.RUNNING,
    (State.WAITING, Command.PAUSE): State.PAUSED,
    (State.WAITING, Command.NEXT): State.RUNNING,
    (State.WAITING, Command.PREVIOUS): State.RUNNING,
    (State.WAITING, Command.RESTART_STEP): State.WAITING,
    (State.WAITING, Command.JUMP): State.RUNNING,
    (State.WAITING, Command.STOP): State.STOPPED,
    (State.PAUSED, Command.RESUME): State.RUNNING,
    (State.PAUSED, Command.NEXT): State.PAUSED,
    (State.PAUSED, Command.PREVIOUS): State.PAUSED,
    (State.PAUSED, Command.RESTART_STEP): State.PAUSED,
    (State.PAUSED, Command.JUMP): State.PAUSED,
    (State.PAUSED, Command.STOP): State.STOPPED,
    (State.FINISHED, Command.START): State.RUNNING,
    (State.FINISHED, Command.PREVIOUS): State.RUNNING,
    (State.FINISHED, Command.JUMP): State.RUNNING,
    (State.FINISHED, Command.STOP): State.STOPPED,
    (State.STOPPED, Command.START): State.RUNNING,
    (State.STOPPED, Command.JUMP): State.RUNNING,
}

ALL_CELLS = [(state, command) for state in State for command in Command]


def test_expected_table_matches_allowed_table() -> None:
    legal = {(s, c) for s, commands in ALLOWED.items() for c in commands}
    assert legal == set(EXPECTED)


@pytest.mark.parametrize(("state", "command"), ALL_CELLS)
def test_every_transition(state: State, command: Command) -> None:
    engine = put_in(state)
    if (state, command) not in EXPECTED:
        before = (engine.state, engine.index)
        with pytest.raises(IllegalCommand, match=f"cannot .* while {state.name.lower()}"):
            engine.perform(command, 0)
        assert (engine.state, engine.index) == before
        return
    target = 2 if command is Command.JUMP else None  # step 2: a timed hold
    engine.perform(command, target)
    assert engine.state is EXPECTED[(state, command)]


def test_illegal_command_message_is_readable() -> None:
    engine, _, _ = make()
    with pytest.raises(IllegalCommand, match="^cannot restart step while idle$"):
        engine.restart_step()
    assert not engine.can(Command.PAUSE)
    assert engine.can(Command.START)


def test_jump_out_of_range_is_refused() -> None:
    engine, _, _ = make()
    with pytest.raises(IndexError, match="no step 99"):
        engine.jump(99)
    assert engine.state is State.IDLE


# -- timing ----------------------------------------------------------------------------------


def test_boundaries_come_from_the_start_time() -> None:
    engine, clock, events = make(timed_timeline([10.0, 20.0]))
    start = clock.now
    engine.start()  # step 0: setup 1 s, step 1: hold 10 s, step 2: setup 1 s, step 3: hold 20 s
    assert [engine.deadline(i) for i in range(4)] == [start + 1, start + 11, start + 12, start + 32]
    clock.advance(0.999)
    engine.update()
    assert engine.index == 0
    clock.advance(0.001)
    engine.update()
    assert engine.index == 1
    started = [e for e in events if isinstance(e, StepStarted)]
    assert [(e.step.index, e.at) for e in started] == [(0, start), (1, start + 1)]


def test_late_update_catches_up_every_missed_boundary_at_its_due_time() -> None:
    engine, clock, events = make(timed_timeline([10.0, 20.0]))
    start = clock.now
    engine.start()
    clock.advance(12.5)  # a stalled event loop: three boundaries passed unseen
    engine.update()
    assert engine.index == 3
    due = [e.at - start for e in events if isinstance(e, StepStarted)]
    assert due == [0, 1, 11, 12]
    assert engine.deadline() == start + 32  # still on the original schedule


def test_pause_shifts_the_schedule_by_exactly_the_pause() -> None:
    engine, clock, _ = make(timed_timeline([10.0]))
    start = clock.now
    engine.start()
    clock.advance(3.25)
    engine.update()
    engine.pause()
    clock.advance(100.125)
    engine.update()
    assert engine.index == 1
    assert engine.status().step_remaining_s == pytest.approx(7.75)
    engine.resume()
    assert engine.deadline() == start + 11 + 100.125


def test_seconds_left_is_ceiling_of_remaining_and_wakeups_hit_each_change() -> None:
    engine, clock, events = make(timed_timeline([3.0]))
    engine.start()
    engine.jump(1)  # the 3 s hold
    seen = []
    while engine.state is State.RUNNING and engine.index == 1:
        wake = engine.next_wakeup()
        assert wake is not None
        clock.now = wake
        engine.update()
        seen = [e.seconds_left for e in events if isinstance(e, SecondsLeftChanged)]
    assert seen == [1, 3, 2, 1]  # the 1 s setup, then the hold
    assert engine.state is State.FINISHED


def test_wait_step_holds_until_ready_then_reanchors() -> None:
    engine, clock, events = make(two_exercise_timeline())
    wait_index = _first_wait(engine.timeline)
    engine.start()
    clock.advance(10_000)
    engine.update()
    assert engine.state is State.WAITING
    assert engine.index == wait_index
    assert engine.next_wakeup() is None  # nothing to wake for while waiting
    clock.advance(42)
    engine.ready()
    assert engine.index == wait_index + 1
    assert engine.deadline() == clock.now + (engine.step.duration_s or 0)


def test_finish_publishes_finished_and_phase_changes() -> None:
    engine, clock, events = make(timed_timeline([2.0]))
    engine.start()
    clock.advance(3.0)
    engine.update()
    assert engine.state is State.FINISHED
    assert [type(e) for e in events[-3:]] == [PhaseChanged, StateChanged, Finished]
    phases = [e.kind for e in events if isinstance(e, PhaseChanged)]
    assert phases == [StepKind.SETUP, StepKind.HOLD, StepKind.DONE]
    status = engine.status()
    assert status.session_remaining_s == 0
    assert status.session_elapsed_s == engine.timeline.total_s


def test_state_changes_are_published_once_each() -> None:
    engine, _, events = make()
    engine.start()
    engine.pause()
    engine.resume()
    engine.stop()
    changes = [(e.previous, e.state) for e in events if isinstance(e, StateChanged)]
    assert changes == [
        (State.IDLE, State.RUNNING),
        (State.RUNNING, State.PAUSED),
        (State.PAUSED, State.RUNNING),
        (State.RUNNING, State.STOPPED),
    ]


def test_moves_while_paused_stay_paused_with_a_full_step() -> None:
    engine, clock, _ = make(timed_timeline([10.0, 20.0]))
    engine.start()
    engine.pause()
    engine.next()
    clock.advance(50)
    engine.update()
    assert engine.state is State.PAUSED
    assert engine.index == 1
    assert engine.status().step_remaining_s == 10.0
    engine.resume()
    assert engine.deadline() == clock.now + 10


def test_resume_on_the_final_step_finishes() -> None:
    engine, _, events = make()
    engine.start()
    engine.pause()
    engine.jump(len(engine.timeline.steps) - 1)
    engine.resume()
    assert engine.state is State.FINISHED
    assert any(isinstance(e, Finished) for e in events)


def test_listener_commands_are_queued_in_order() -> None:
    engine, clock, _ = make(timed_timeline([10.0]))
    order: list[str] = []

    def skip_setup(event: Event) -> None:
        order.append(type(event).__name__)
        if isinstance(event, StepStarted) and event.step.kind is StepKind.SETUP:
            engine.next()

    engine.subscribe(skip_setup)
    engine.start()
    assert engine.index == 1
    assert order[:2] == ["StepStarted", "PhaseChanged"]


def test_unsubscribe() -> None:
    engine, _, _ = make()
    heard: list[Event] = []
    unsubscribe: Callable[[], None] = engine.subscribe(heard.append)
    unsubscribe()
    engine.start()
    assert heard == []


def test_status_progress() -> None:
    engine, clock, _ = make(timed_timeline([10.0]))
    engine.start()
    engine.next()
    clock.advance(2.5)
    status = engine.status()
    assert status.step_progress == pytest.approx(0.25)
    assert status.session_elapsed_s == pytest.approx(1 + 2.5)
    assert status.session_remaining_s == pytest.approx(7.5)


def test_the_core_imports_no_qt() -> None:
    import subprocess

    code = (
        "import sys; import piritimer.core.engine, piritimer.core.loader, piritimer.core.timeline, "
        "piritimer.core.schema, piritimer.core.suspend, piritimer.cli; "
        "bad = [m for m in sys.modules if m.startswith('PySide6')]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
