"""Where a source gives a range, the bundled session carries it as a range (issue: content a
physio would sign, item 3), so the dose grows across days as the source prescribes."""

from __future__ import annotations

import pytest

from piritimer import paths
from piritimer.core.loader import load_session
from piritimer.core.model import ValueRange

R = ValueRange
# (session file, exercise name) → (hold range in s, reps range), None where no range is meant.
SOURCE_RANGES = {
    # "30-60 seconds three times on each side daily" (the running coach's page)
    ("figure-four-stretches.yaml", "Figure-four stretch"): (R(30, 60), None),
    ("figure-four-stretches.yaml", "Deep figure-four with clasped hands"): (R(30, 60), None),
    # "a series of five to ten 4-6 second holds" (Westerfeld); pigeon capped at 8 by piritimer
    ("dynamic-stretches.yaml", "Seated figure-four, dynamic"): (None, R(5, 10)),
    ("dynamic-stretches.yaml", "Figure-four stretch, dynamic"): (None, R(5, 10)),
    ("dynamic-stretches.yaml", "Pigeon, dynamic"): (None, R(5, 8)),
    # "one or two 20-30 second holds" (Westerfeld)
    ("static-stretches.yaml", "Seated figure-four, static"): (R(20, 30), R(1, 2)),
    ("static-stretches.yaml", "Figure-four stretch, static"): (R(20, 30), R(1, 2)),
    ("static-stretches.yaml", "Pigeon, static"): (R(20, 30), R(1, 2)),
}  # fmt: skip


@pytest.mark.parametrize(("file", "name"), sorted(SOURCE_RANGES))
def test_the_sources_range_is_the_sessions_range(file: str, name: str) -> None:
    result = load_session(paths.bundled_sessions_dir() / file)
    assert result.session is not None, result.diagnostics
    exercise = next(e for e in result.session.exercises if e.name == name)
    assert exercise.progression is not None, f"{name} has no range"
    hold, reps = SOURCE_RANGES[(file, name)]
    assert (exercise.progression.hold_s, exercise.progression.reps) == (hold, reps)


@pytest.mark.parametrize("file", sorted({file for file, _ in SOURCE_RANGES}))
def test_a_session_with_a_daily_dose_says_so(file: str) -> None:
    result = load_session(paths.bundled_sessions_dir() / file)
    assert result.session is not None
    assert result.session.plan is not None
