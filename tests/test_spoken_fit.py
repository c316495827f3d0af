"""Every bundled session's spoken lines fit their steps at the normal speaking rate.

The voice speaks one line as each step begins. The speech policy says a line whole only if it
can finish before the step ends (less a margin); otherwise it cuts it to fewer sentences or
to the bare phase word. A bundled session should never need that: every line it speaks must
fit whole. This is computed from the pure core (the timeline's steps and their lengths) with
the policy's own estimate, so a change to the speaking rate or the estimate is felt here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from piritimer import paths
from piritimer.audio.cues import spoken_line
from piritimer.audio.speech_policy import BOUNDARY_MARGIN_S, estimate_s
from piritimer.core.loader import load_session
from piritimer.core.timeline import Step, StepKind, Timeline, compile_session

NORMAL_RATE = 0.0
"""The voice's rate setting out of the box (Qt's 0.0): the policy's NORMAL_WPM."""

WAITING_LINE_MAX_S = 12.0
"""A setup that waits for "I'm ready" has no end to fit into, but it is spoken before the
person has fetched anything: it should say what to fetch and where to go, not the whole
position (that comes after "I'm ready")."""

LANGUAGES = {"en": paths.bundled_sessions_dir()}
"""Each shipped language and the folder of its sessions; only English so far. A translation
adds its folder here, and every one of its lines is then checked the same way."""

CASES = [
    (language, path)
    for language, folder in sorted(LANGUAGES.items())
    for path in sorted(folder.glob("*.yaml"))
]


def _timeline(path: Path) -> Timeline:
    result = load_session(path)
    assert result.session is not None, [str(d) for d in result.diagnostics]
    return compile_session(result.session)


def _where(step: Step) -> str:
    place = step.position_text()
    return f"step {step.index + 1} ({step.kind.value}, {step.exercise_name or '-'} {place})"


def lines_that_do_not_fit(timeline: Timeline, language: str = "en") -> list[str]:
    """Each timed step whose whole spoken line would run past its end, with the figures."""
    too_long = []
    for step in timeline.steps:
        line = spoken_line(step)
        if line is None or step.duration_s is None:
            continue
        needed_s = estimate_s(line.text, NORMAL_RATE, language)
        available_s = step.duration_s - BOUNDARY_MARGIN_S
        if needed_s > available_s + 1e-9:
            too_long.append(
                f"{_where(step)}: {line.text!r} needs {needed_s:.2f}s, has {available_s:.2f}s"
            )
    return too_long


@pytest.mark.parametrize(
    ("language", "path"), CASES, ids=[f"{lang}/{path.name}" for lang, path in CASES]
)
def test_every_spoken_line_fits_its_step_at_the_normal_rate(language: str, path: Path) -> None:
    assert lines_that_do_not_fit(_timeline(path), language) == [], f"{language}/{path.name}"


@pytest.mark.parametrize(
    ("language", "path"), CASES, ids=[f"{lang}/{path.name}" for lang, path in CASES]
)
def test_a_waiting_setup_says_only_what_to_fetch(language: str, path: Path) -> None:
    for step in _timeline(path).steps:
        line = spoken_line(step)
        if line is None or not step.waits or step.kind is not StepKind.SETUP:
            continue
        needed_s = estimate_s(line.text, NORMAL_RATE, language)
        assert needed_s <= WAITING_LINE_MAX_S, (
            f"{language}: {_where(step)} speaks {needed_s:.1f}s before 'I'm ready': {line.text!r}"
        )


def test_the_check_catches_a_line_too_long_for_its_step(tmp_path: Path) -> None:
    # A 4-second breath in whose cue needs about 4.3 s at espeak-ng's English speed.
    session = tmp_path / "long.yaml"
    session.write_text(
        "title: Long\n"
        "exercises:\n"
        "  - name: Breaths\n"
        "    get ready: none\n"
        "    breathing: {inhale: 4s, exhale: 6s, cycles: 2}\n"
        "    cues:\n"
        "      inhale: let your back widen and the pelvic floor drop all the way\n",
        encoding="utf-8",
    )
    found = lines_that_do_not_fit(_timeline(session))
    # Only the first breath carries the cue; the second says just "Breathe in." and fits.
    assert len(found) == 1
    assert found[0].startswith("step 2 (inhale, Breaths Breath 1 of 2)")


def test_the_check_passes_a_line_that_just_fits(tmp_path: Path) -> None:
    session = tmp_path / "short.yaml"
    session.write_text(
        "title: Short\n"
        "exercises:\n"
        "  - name: Breaths\n"
        "    breathing: {inhale: 4s, exhale: 6s, cycles: 1}\n"
        "    cues:\n"
        "      inhale: feel the back widen, pelvic floor drops\n",
        encoding="utf-8",
    )
    assert lines_that_do_not_fit(_timeline(session)) == []
