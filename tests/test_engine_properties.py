"""Invariants of the engine over generated sessions and command sequences (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from piritimer.core.engine import Command, Engine, IllegalCommand, State, StepStarted
from piritimer.core.model import (
    BreathPattern,
    Exercise,
    PacedBreathing,
    Session,
    SideOrder,
    TimedHold,
)
from piritimer.core.timeline import StepKind, compile_session

# Quarter seconds are exact in binary floating point, so "exactly" can mean ==.
quarters = st.integers(min_value=1, max_value=400).map(lambda n: n / 4)
optional_quarters = st.none() | quarters


@st.composite
def exercises(draw: st.DrawFn, allow_wait: bool = True) -> Exercise:
    if draw(st.booleans()):
        work: TimedHold | PacedBreathing = TimedHold(draw(quarters))
    else:
        pattern = BreathPattern(
            draw(quarters), draw(quarters), draw(optional_quarters), draw(optional_quarters)
        )
        work = PacedBreathing(pattern, draw(st.integers(1, 4)), draw(st.booleans()))
    return Exercise(
        name=draw(st.text(min_size=1, max_size=8)),
        work=work,
        setup_s=draw(optional_quarters) if allow_wait else draw(quarters),
        sides=draw(st.sampled_from(SideOrder)),
        sets=draw(st.integers(1, 3)),
        reps=draw(st.integers(1, 3)),
        rest_between_reps_s=draw(optional_quarters),
        rest_between_sets_s=draw(optional_quarters),
        rest_after_s=draw(optional_quarters),
        get_ready_s=draw(optional_quarters),
        switch_sides_s=draw(quarters),
    )


def sessions(allow_wait: bool = True) -> st.SearchStrategy[Session]:
    return st.builds(
        lambda ex: Session(title="generated", exercises=tuple(ex)),
        st.lists(exercises(allow_wait), min_size=1, max_size=4),
    )


@given(sessions())
def test_offsets_are_exact_sums(session: Session) -> None:
    timeline = compile_session(session)
    total = Fraction(0)
    for step in timeline.steps:
        assert Fraction(step.start_s) == total
        total += Fraction(step.duration_s or 0)
    assert Fraction(timeline.total_s) == total
    assert timeline.steps[-1].kind is StepKind.DONE


@given(sessions(allow_wait=False), st.integers(0, 10_000))
def test_every_boundary_is_start_plus_offset_even_when_woken_late(
    session: Session, seed: int
) -> None:
    timeline = compile_session(session)
    now = [1_000_000.0]
    engine = Engine(timeline, clock=lambda: now[0])
    started: list[StepStarted] = []
    engine.subscribe(lambda e: started.append(e) if isinstance(e, StepStarted) else None)
    engine.start()
    start = now[0]
    # Wake up at irregular, sometimes very late, times; boundaries must not care.
    lateness = [(seed * 7919 + k * 104729) % 5000 / 1000 for k in range(10_000)]
    k = 0
    while engine.state is State.RUNNING:
        wake = engine.next_wakeup()
        assert wake is not None
        now[0] = max(now[0], wake) + lateness[k % len(lateness)]
        k += 1
        engine.update()
    assert engine.state is State.FINISHED
    assert [e.step.index for e in started] == list(range(len(timeline.steps)))
    for event in started:
        assert event.at == start + event.step.start_s


@given(sessions(allow_wait=False), st.data())
def test_a_pause_shifts_the_rest_of_the_schedule_by_exactly_its_length(
    session: Session, data: st.DataObject
) -> None:
    timeline = compile_session(session)
    now = [4096.0]
    engine = Engine(timeline, clock=lambda: now[0])
    engine.start()
    start = now[0]
    pause_at = data.draw(st.integers(0, int(timeline.total_s * 4))) / 4
    pause_s = data.draw(st.integers(1, 1 << 20)) / 1024
    now[0] = start + pause_at
    engine.update()
    if engine.state is not State.RUNNING:
        return
    index = engine.index
    before = [engine.deadline(i) for i in range(index, len(timeline.steps) - 1)]
    engine.pause()
    now[0] += pause_s
    engine.update()
    engine.resume()
    after = [engine.deadline(i) for i in range(index, len(timeline.steps) - 1)]
    for old, new in zip(before, after, strict=True):
        assert old is not None
        assert new is not None
        assert new - old == pause_s


COMMANDS = list(Command)


@settings(max_examples=200)
@given(
    sessions(),
    st.lists(
        st.tuples(st.sampled_from(COMMANDS), st.integers(-2, 60), st.integers(0, 40)),
        max_size=40,
    ),
)
def test_any_sequence_of_commands_leaves_a_consistent_engine(
    session: Session, script: list[tuple[Command, int, int]]
) -> None:
    timeline = compile_session(session)
    now = [0.0]
    engine = Engine(timeline, clock=lambda: now[0])
    for command, argument, advance_quarters in script:
        before = (engine.state, engine.index)
        try:
            engine.perform(command, argument)
        except IllegalCommand:
            assert command not in {c for c in Command if engine.can(c)}
            assert (engine.state, engine.index) == before
        except IndexError:
            assert command is Command.JUMP
            assert not 0 <= argument < len(timeline.steps)
            assert (engine.state, engine.index) == before
        now[0] += advance_quarters / 4
        engine.update()
        check_consistent(engine, now[0])


def check_consistent(engine: Engine, now: float) -> None:
    state, step = engine.state, engine.step
    assert 0 <= engine.index < len(engine.timeline.steps)
    status = engine.status()
    if state is State.RUNNING:
        deadline = engine.deadline()
        assert step.duration_s is not None
        assert deadline is not None
        assert now < deadline <= now + step.duration_s
        wake = engine.next_wakeup()
        assert wake is not None
        assert now < wake <= deadline
    else:
        assert engine.next_wakeup() is None
    if state is State.WAITING:
        assert step.waits
    if state is State.FINISHED:
        assert step.kind is StepKind.DONE
        assert status.session_remaining_s == 0
    if state in (State.RUNNING, State.PAUSED) and step.duration_s is not None:
        remaining = status.step_remaining_s
        assert remaining is not None
        assert 0 <= remaining <= step.duration_s
    assert 0 <= status.session_elapsed_s <= engine.timeline.total_s
