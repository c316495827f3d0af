"""The sessions piritimer ships: every file loads cleanly, is safe and credited, can be followed
by ear, and together they cover every routine in the source pages.

Files are found through ``piritimer.paths``, never the current directory, so this checks the
same folder the app's library shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.audio.speech_policy import estimate_s
from piritimer.core.loader import load_session
from piritimer.core.model import Exercise, PacedBreathing, Phase, Session, SideOrder, TimedHold
from piritimer.core.timeline import StepKind, Timeline, compile_session

SESSION_FILES = sorted(paths.bundled_sessions_dir().glob("*.yaml"))
SESSION_IDS = [path.name for path in SESSION_FILES]

NORMAL_RATE = 0.0
"""The voice's rate out of the box; lines that fit it are checked in tests/test_spoken_fit.py."""
SETUP_MOVE_S = 5.0
"""Time beyond the spoken setup cues to actually get into position."""

SESSIONS_DOC = Path(__file__).resolve().parents[1] / "docs" / "sessions.md"


def _load(path: Path) -> Session:
    result = load_session(path)
    assert result.diagnostics == (), "\n".join(str(d) for d in result.diagnostics)
    assert result.session is not None
    return result.session


@pytest.fixture(scope="module")
def sessions() -> dict[str, Session]:
    return {path.name: _load(path) for path in SESSION_FILES}


def _timeline(path: Path) -> Timeline:
    return compile_session(_load(path))


def test_there_are_at_least_six_bundled_sessions() -> None:
    assert len(SESSION_FILES) >= 6, paths.bundled_sessions_dir()


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_session_loads_without_any_diagnostic(path: Path) -> None:
    session = _load(path)
    assert session.format_version == 1
    assert session.title
    assert session.summary
    assert session.exercises


# The safety topics each session must cover are checked in tests/content/test_safety_topics.py.


PARTICLES = {"back", "on", "up", "off", "out", "in", "down", "over", "still", "away", "it"}
"""Words that, said right after "Hold." or "Rest.", are heard as one phrase with it: "Hold.
Back, shoulders…" becomes "hold back"."""


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_no_cue_joins_the_phase_word_before_it_when_heard(path: Path) -> None:
    for exercise in _load(path).exercises:
        for phase, cue in exercise.cues:
            first = cue.split()[0].strip(",.").lower()
            assert first not in PARTICLES, f"{exercise.name} {phase.value}: {cue!r}"


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_a_setup_after_a_side_change_does_not_say_stay(path: Path) -> None:
    # After the right side, "stay in the figure-four" leaves the wrong leg crossed.
    exercises = _load(path).exercises
    for before, after in zip(exercises, exercises[1:], strict=False):
        if len(before.sides.sides) == 2 and after.sides.sides:
            spoken = " ".join(after.setup).lower()
            assert not spoken.startswith("stay"), f"{after.name}: {after.setup[0]!r}"


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_flosses_name_the_movement_on_every_glide(path: Path) -> None:
    # The voice says a breathing cue on the first breath of each repetition only, so a glide
    # whose movement is in the cue must be a repetition of its own.
    for exercise in _load(path).exercises:
        if "floss" in exercise.name.lower():
            assert isinstance(exercise.work, PacedBreathing)
            assert exercise.work.cycles == 1, exercise.name


def test_positional_release_speaks_rarely() -> None:
    # Its notes ask for quiet: at most a few lines a minute.
    timeline = _timeline(paths.bundled_sessions_dir() / "positional-release.yaml")
    spoken = [step for step in timeline.steps if step.say]
    assert len(spoken) / (timeline.total_s / 60) <= 2


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_every_source_is_credited_with_what_was_taken(path: Path) -> None:
    session = _load(path)
    assert session.sources, f"{path.name} credits no source"
    for source in session.sources:
        assert source.author or source.site, f"{source.title}: no author or site"
        assert source.note, f"{source.title}: no note saying what was taken"
    assert session.credits


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_every_exercise_has_a_bundled_image(path: Path) -> None:
    images = paths.images_dir().resolve()
    for exercise in _load(path).exercises:
        assert exercise.image is not None, f"{exercise.name} has no image"
        # A bundled session must use bundled images, or an installed copy would lose them.
        assert exercise.image.resolve().parent == images, exercise.image
        assert exercise.image.suffix == ".svg"


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_one_sided_exercises_say_which_side_is_working(path: Path) -> None:
    # "Left side first" means nothing to someone with eyes closed unless the spoken setup
    # says which leg that is.
    for exercise in _load(path).exercises:
        if exercise.sides is not SideOrder.NONE:
            spoken = " ".join(exercise.setup).lower()
            assert "working" in spoken, f"{exercise.name}: setup never names the working side"


@pytest.mark.parametrize("path", SESSION_FILES, ids=SESSION_IDS)
def test_setup_leaves_time_to_hear_the_cues_and_move(path: Path) -> None:
    for step in _timeline(path).steps:
        if step.kind is StepKind.SETUP and step.duration_s is not None:
            needed_s = estimate_s(step.say, NORMAL_RATE) + SETUP_MOVE_S
            assert step.duration_s >= needed_s, (
                f"{step.exercise_name}: {step.duration_s:g}s setup, needs {needed_s:.0f}s"
            )


def test_only_the_first_exercise_of_a_session_waits_for_ready() -> None:
    # A wait is for fetching equipment before starting; mid-session it would strand someone
    # lying on the floor until they reach for the keyboard.
    for path in SESSION_FILES:
        for index, exercise in enumerate(_load(path).exercises):
            if index > 0:
                assert exercise.setup_s is not None, f"{path.name}: {exercise.name} waits"


# -- coverage of the seed routines ------------------------------------------------------------


def _seconds(exercise: Exercise) -> float:
    """Length of one repetition's work."""
    work = exercise.work
    if isinstance(work, TimedHold):
        return work.hold_s
    return work.pattern.cycle_s * work.cycles


def _breathing_with_cues(exercise: Exercise) -> bool:
    """The source ties a movement to the inhale and another to the exhale."""
    return (
        isinstance(exercise.work, PacedBreathing)
        and bool(exercise.cue(Phase.INHALE))
        and bool(exercise.cue(Phase.EXHALE))
    )


def _both_sides(exercise: Exercise) -> bool:
    return len(exercise.sides.sides) == 2


def _hold_between(low_s: float, high_s: float, reps: range) -> Callable[[Exercise], bool]:
    def check(exercise: Exercise) -> bool:
        work = exercise.work
        return (
            isinstance(work, TimedHold)
            and low_s <= work.hold_s <= high_s
            and (exercise.reps in reps)
        )

    return check


def _named(name: str) -> Callable[[Exercise], bool]:
    return lambda exercise: exercise.name == name


@dataclass(frozen=True)
class Routine:
    """A routine from a seed page, how to find it, and the source's facts it must keep."""

    name: str
    seed: str
    matches: Callable[[Exercise], bool]
    keeps_facts: Callable[[Exercise], bool]
    every_match: bool = False
    """True when the name itself promises the facts (a "dynamic" stretch must be dynamic)."""


ROUTINES = (
    Routine(
        "wall-supported thigh squeeze",
        "000",
        _named("Wall-supported thigh squeeze"),
        lambda e: _breathing_with_cues(e) and "squeeze" in e.cue(Phase.EXHALE),
    ),
    Routine(
        "supine cross-connect with hip extension",
        "000",
        _named("Supine cross-connect with hip extension"),
        lambda e: _breathing_with_cues(e) and _both_sides(e),
    ),
    Routine(
        'short-seated "butt cracker"',
        "000",
        _named("Short-seated butt cracker"),
        _breathing_with_cues,
    ),
    Routine(
        "figure-four stretch, 30-60 s three times each side",
        "001",
        _named("Figure-four stretch"),
        lambda e: _hold_between(30, 60, range(3, 4))(e) and _both_sides(e),
    ),
    Routine(
        "deeper figure-four with hands clasped, 30-60 s three times each side",
        "001",
        _named("Deep figure-four with clasped hands"),
        lambda e: _hold_between(30, 60, range(3, 4))(e) and _both_sides(e),
    ),
    Routine("sciatic nerve floss", "002", _named("Sciatic nerve floss"), _both_sides),
    Routine("peroneal nerve floss", "002", _named("Peroneal nerve floss"), _both_sides),
    Routine(
        "positional release for the psoas, slow and gentle",
        "003",
        _named("Positional release for the psoas"),
        lambda e: _both_sides(e) and _seconds(e) >= 60,
    ),
    Routine(
        "positional release for the piriformis, slow and gentle",
        "003",
        _named("Positional release for the piriformis"),
        lambda e: _both_sides(e) and _seconds(e) >= 60,
    ),
    Routine(
        "dynamic stretching: five to ten holds of 4-6 s",
        "004",
        lambda e: e.name.endswith(", dynamic"),
        _hold_between(4, 6, range(5, 11)),
        every_match=True,
    ),
    Routine(
        "static stretching: one or two holds of 20-30 s",
        "004",
        lambda e: e.name.endswith(", static"),
        _hold_between(20, 30, range(1, 3)),
        every_match=True,
    ),
    Routine(
        "pigeon",
        "004",
        lambda e: e.name.startswith("Pigeon"),
        _both_sides,
        every_match=True,
    ),
)


def test_the_routines_table_names_every_seed_page() -> None:
    assert {routine.seed for routine in ROUTINES} == {"000", "001", "002", "003", "004"}


@pytest.mark.parametrize("routine", ROUTINES, ids=[r.name for r in ROUTINES])
def test_every_seed_routine_is_covered_with_its_facts(
    routine: Routine, sessions: dict[str, Session]
) -> None:
    found = [
        (file_name, exercise)
        for file_name, session in sessions.items()
        for exercise in session.exercises
        if routine.matches(exercise)
    ]
    assert found, f"no bundled session has {routine.name} (seed {routine.seed})"
    keeping = [(f, e) for f, e in found if routine.keeps_facts(e)]
    assert keeping, f"{routine.name}: found in {sorted({f for f, _ in found})}, facts changed"
    if routine.every_match:
        assert keeping == found, f"{routine.name}: some copies break the source's facts"


# -- the demo session ---------------------------------------------------------------------------


def test_quick_demo_shows_every_feature_in_about_a_minute() -> None:
    timeline = _timeline(paths.bundled_sessions_dir() / "quick-demo.yaml")
    assert 45 <= timeline.total_s <= 80
    assert timeline.wait_count == 1
    assert {step.kind for step in timeline.steps} == set(StepKind)
    assert any(step.rep_count > 1 for step in timeline.steps)
    assert any(step.cycle_count > 1 for step in timeline.steps)


# -- docs/sessions.md ---------------------------------------------------------------------------


def _documented_totals() -> dict[str, str]:
    """`file.yaml` -> total, from the table of session lengths in docs/sessions.md."""
    row = re.compile(r"^\| `([\w-]+\.yaml)` \|.*\| (\d+:\d\d)[^|]*\|\s*$", re.MULTILINE)
    return dict(row.findall(SESSIONS_DOC.read_text(encoding="utf-8")))


@pytest.mark.skipif(not SESSIONS_DOC.is_file(), reason="docs/ is not shipped in an installed copy")
def test_docs_list_every_session_with_its_true_length() -> None:
    from piritimer.core.durations import format_clock

    totals = {path.name: format_clock(_timeline(path).total_s) for path in SESSION_FILES}
    assert _documented_totals() == totals
