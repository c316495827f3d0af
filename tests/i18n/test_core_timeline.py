"""Words made from a session are in the session's language (``language:``), else the app's:
step titles, the voice's lines, spoken durations."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from piritimer import paths
from piritimer.core import i18n
from piritimer.core.loader import load_session, load_session_bytes
from piritimer.core.model import Session
from piritimer.core.timeline import StepKind, Timeline, compile_session, spoken_duration

SESSION = textwrap.dedent(
    """\
    title: Figure quatre
    {language}exercises:
      - name: Figure quatre
        setup: [Allongez-vous sur le dos]
        sides: left then right
        sets: 2
        hold: 30s
        rest between sets: 10s
        rest after: 15s
      - name: Respiration
        breathing: {{inhale: 4s, hold in: 1s, exhale: 6s, hold out: 2s, cycles: 2}}
    """
)
ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("Get ready", "Hold", "Rest", "Breathe", "Switch", "side", "Next", "Well done", "Full")


@pytest.fixture
def catalogs() -> None:
    """The real compiled catalogs, as the app and the command line configure them."""
    i18n.configure(paths.locale_dir())


def session(language: str | None) -> Session:
    line = f"language: {language}\n" if language else ""
    result = load_session_bytes(SESSION.format(language=line))
    assert result.session is not None, result.diagnostics
    return result.session


def english_left(timeline: Timeline) -> list[str]:
    return [
        text
        for step in timeline.steps
        for text in (step.title, step.say, step.detail)
        if any(word in text for word in ENGLISH)
    ]


def test_a_french_session_is_framed_in_french_in_an_english_app(catalogs: None) -> None:
    timeline = compile_session(session("fr"))
    assert i18n.current_language() == "en"
    titles = {step.kind: step.title for step in timeline.steps}
    assert titles[StepKind.GET_READY] == "Préparez-vous"
    assert titles[StepKind.HOLD] == "Tenez"
    assert titles[StepKind.REST] == "Repos"
    assert titles[StepKind.INHALE] == "Inspirez"
    assert titles[StepKind.SWITCH_SIDES] == "Passez au côté droit"
    assert titles[StepKind.DONE] == "Séance terminée"
    said = [step.say for step in timeline.steps]
    assert said[0] == "Côté gauche. Figure quatre. Allongez-vous sur le dos."
    assert said[1] == "Préparez-vous. D'abord le côté gauche."
    assert said[2] == "Tenez 30 secondes."
    assert "Repos. Ensuite\u202f: Respiration." in said
    assert said[-1] == "Bravo. Séance terminée."
    # Where a step sits is said in the session's words too, unless asked otherwise.
    assert timeline.steps[2].position_text() == "Côté gauche · série 1 sur 2"
    assert timeline.steps[2].position_text(words=i18n.catalog("de")) == (
        "Linke Seite · Durchgang 1 von 2"
    )
    assert english_left(timeline) == []


def test_a_session_without_a_language_is_framed_in_the_apps(
    in_language: Callable[[str], None],
) -> None:
    in_language("de")
    timeline = compile_session(session(None))
    titles = {step.kind: step.title for step in timeline.steps}
    assert titles[StepKind.GET_READY] == "Mach dich bereit"
    assert titles[StepKind.HOLD] == "Halte"
    assert titles[StepKind.EXHALE] == "Atme aus"
    assert timeline.steps[2].say == "Halte 30 Sekunden lang."
    assert timeline.steps[1].detail == "Zuerst die linke Seite. 2 Durchgänge: 30s halten"
    assert english_left(timeline) == []


def test_the_session_language_wins_over_the_apps(in_language: Callable[[str], None]) -> None:
    in_language("de")
    assert compile_session(session("es")).steps[1].title == "Prepárate"


def test_an_english_session_stays_english(catalogs: None) -> None:
    timeline = compile_session(session(None))
    assert [s.title for s in timeline.steps[:3]] == ["Figure quatre", "Get ready", "Hold"]
    assert timeline.steps[2].say == "Hold for 30 seconds."


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["1 seconde", "2 secondes", "1 minute et 1 seconde", "2 minutes"]),
        ("de", ["1 Sekunde", "2 Sekunden", "1 Minute und 1 Sekunde", "2 Minuten"]),
        ("es", ["1 segundo", "2 segundos", "1 minuto y 1 segundo", "2 minutos"]),
        ("en", ["1 second", "2 seconds", "1 minute 1 second", "2 minutes"]),
    ],
)
def test_spoken_durations_take_the_languages_plurals(
    language: str, expected: list[str], catalogs: None
) -> None:
    words = i18n.catalog(language)
    assert [spoken_duration(s, words=words) for s in (1, 2, 61, 120)] == expected


def test_the_french_example_session_is_valid_and_framed_in_french(catalogs: None) -> None:
    example = ROOT / "docs" / "examples" / "etirement-figure-quatre.yaml"
    result = load_session(example)
    assert result.diagnostics == ()
    assert result.session is not None
    assert result.session.language == "fr"
    timeline = compile_session(result.session)
    assert timeline.steps[1].say == "Préparez-vous. D'abord le côté gauche."
    assert english_left(timeline) == []


def test_a_class_of_one_languages_sessions_is_framed_in_it() -> None:
    from piritimer.core.class_plan import chain_sessions

    french, english = session("fr"), session(None)
    assert chain_sessions("Cours", (french, french)).language == "fr"
    assert chain_sessions("Mixed", (french, english)).language is None
