"""The voice frames a session in the session's language (its ``language:``), else the app's.

Real compiled catalogs (assets/locale), real timelines and a real engine on a fake clock.
The step's own lines come from the timeline, whose words are the file's (and, for its own
titles, translated by the timeline); these tests listen to the words the voice adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from piritimer.audio.cues import spoken_line
from piritimer.audio.guide import AudioGuide
from piritimer.audio.narration import (
    command_word,
    framing_safety_line,
    paused_on_line,
    resume_line,
    seconds_words,
    time_calls,
    wait_hint,
    where_line,
)
from piritimer.audio.outputs import AudioOutputs
from piritimer.audio.settings import AudioSettings, Verbosity
from piritimer.core import i18n
from piritimer.core.engine import Command, Engine, State
from piritimer.core.model import Phase, Session
from piritimer.core.timeline import Step, StepKind, Timeline, compile_session
from piritimer.qt.driver import EngineDriver
from tests.audio.fakes import FakeClock, RecordingSounds, RecordingSpeech
from tests.sessions_for_tests import breathing_exercise, hold_exercise

ENGLISH = re.compile(
    r"\b(get|ready|hold|breathe|rest|side|left|right|switch|seconds?|minutes?|rep|set|of|"
    r"next|resuming|paused|skipped|back|again|stopped|halfway|press|space|session|complete|"
    r"waiting|you|the|end|full|empty|move|gently|stop|pain)\b",
    re.IGNORECASE,
)
"""The English framing words: none may be left in a French, German or Spanish line."""


def french_session(language: str | None = "fr") -> Session:
    """Words of its own in French: what is said around them must be French too."""
    hold = hold_exercise(
        "Figure quatre", setup=("Allongez-vous sur le dos",), cues=((Phase.HOLD, "poussez"),)
    )
    breaths = breathing_exercise("Respiration", setup=("Dos au mur",), cues=())
    return Session("Séance du matin", (hold, breaths), language=language)


@pytest.fixture
def catalogs(in_language: Callable[[str], None]) -> Callable[[str], None]:
    """The real catalogs, with the app in English unless a test switches it."""
    in_language("en")
    return in_language


def steps_of(timeline: Timeline, kind: StepKind) -> list[Step]:
    return [step for step in timeline.steps if step.kind is kind]


def framing_lines(timeline: Timeline, words: i18n.Catalog) -> list[str]:
    """Everything the voice says of its own over the whole session, on a fake clock."""
    said = [wait_hint(words), framing_safety_line(words)]
    said += [command_word(c, words) for c in (Command.PAUSE, Command.NEXT, Command.STOP)]
    engine = Engine(timeline, clock=FakeClock(0.0))
    for step in timeline.steps:
        engine.jump(step.index)
        status = engine.status()
        said.append(where_line(timeline, status, words))
        said.append(resume_line(status, words))
        said.append(paused_on_line(Command.PREVIOUS, step, words))
        said += [call.text for call in time_calls(step, Verbosity.FULL, words)]
        line = spoken_line(step, Verbosity.QUIET, words)
        if line is not None and step.kind not in (StepKind.SETUP, StepKind.SWITCH_SIDES):
            said.append(line.essential)  # a setup's and a switch's are the timeline's title
    return said


def test_a_french_session_in_an_english_app_is_framed_in_french(
    catalogs: Callable[[str], None],
) -> None:
    session = french_session()
    timeline = compile_session(session)
    words = i18n.for_session(session.language)
    assert i18n.current_language() == "en"
    said = framing_lines(timeline, words)
    left = [line for line in said if ENGLISH.search(line)]
    assert left == []
    clock = FakeClock(0.0)
    engine = Engine(timeline, clock=clock)
    hold = steps_of(timeline, StepKind.HOLD)[0]
    engine.jump(hold.index)
    clock.now = 11.5
    assert resume_line(engine.status(), words) == "Reprise\u202f: maintien, encore 19 secondes."
    assert where_line(timeline, engine.status(), words) == (
        "Figure quatre, côté gauche. Maintien, répétition 1 sur 2. Encore 19 secondes. "
        "Ensuite\u202f: repos."
    )
    ready = spoken_line(steps_of(timeline, StepKind.GET_READY)[0], words=words)
    assert ready is not None
    assert ready.essential == "Préparez-vous."


def test_a_german_app_frames_a_session_without_a_language_in_german(
    catalogs: Callable[[str], None],
) -> None:
    catalogs("de")
    session = french_session(language=None)
    timeline = compile_session(session)
    words = i18n.for_session(session.language)
    assert words.language == "de"
    assert [line for line in framing_lines(timeline, words) if ENGLISH.search(line)] == []
    switch = steps_of(timeline, StepKind.SWITCH_SIDES)[0]
    engine = Engine(timeline, clock=FakeClock(0.0))
    engine.jump(switch.index - 1)
    assert where_line(timeline, engine.status(), words).endswith(
        "Als Nächstes: Wechsel zur rechten Seite."
    )  # a German noun keeps its capital: titles are never lowercased
    assert command_word(Command.PAUSE, words) == "Angehalten."


@pytest.mark.parametrize(
    ("language", "seconds", "said"),
    [
        ("fr", 1, "1 seconde"),
        ("fr", 2, "2 secondes"),
        ("fr", 0.2, "1 seconde"),
        ("fr", 60, "1 minute"),
        ("fr", 125, "2 minutes et 5 secondes"),
        ("de", 1, "1 Sekunde"),
        ("de", 18, "18 Sekunden"),
        ("de", 120, "2 Minuten"),
        ("es", 1, "1 segundo"),
        ("es", 61, "1 minuto y 1 segundo"),
        ("en", 1, "1 second"),
        ("en", 125, "2 minutes 5 seconds"),
    ],
)
def test_durations_take_their_languages_plural(
    catalogs: Callable[[str], None], language: str, seconds: float, said: str
) -> None:
    assert seconds_words(seconds, i18n.catalog(language)) == said


def test_a_breath_hold_says_full_or_empty_in_the_sessions_language(
    catalogs: Callable[[str], None],
) -> None:
    words = i18n.catalog("es")
    timeline = compile_session(french_session())
    hold_in = steps_of(timeline, StepKind.HOLD_IN)[0]
    line = spoken_line(hold_in, Verbosity.QUIET, words)
    assert line is not None
    assert line.essential == "Mantén, pulmones llenos."
    short = spoken_line(replace(hold_in, duration_s=1.0), Verbosity.QUIET, words)
    assert short is not None
    assert short.essential == "Llenos."


def test_the_guide_speaks_a_french_session_in_french_with_a_french_voice(
    qtbot: QtBot, catalogs: Callable[[str], None]
) -> None:
    clock = FakeClock(100.0)
    speech = RecordingSpeech(clock)
    driver = EngineDriver(Engine(compile_session(french_session()), clock=clock))
    guide = AudioGuide(
        driver,
        AudioSettings(safety_line=True),
        outputs=AudioOutputs(RecordingSounds(clock), speech),
    )
    driver.set_timeline(compile_session(french_session()))  # as the app loads a session
    assert speech.language == "fr"
    assert guide.spoken_language() == "fr"
    driver.start()
    assert speech.texts()[0] == framing_safety_line(i18n.catalog("fr"))
    assert speech.texts()[0].startswith("Bougez en douceur.")
    driver.pause()
    assert speech.texts()[-1] == "En pause."
    assert driver.state is State.PAUSED
    english = compile_session(replace(french_session(), language=None))
    driver.set_timeline(english)
    assert speech.language == "en"  # a session without a language: the app's
    qtbot.wait(0)


def test_a_session_in_a_language_without_a_catalog_keeps_its_voice(
    catalogs: Callable[[str], None],
) -> None:
    """The file's own words are most of what is said: an Italian voice reads them, even if
    piritimer's framing words fall back to English."""
    clock = FakeClock(100.0)
    speech = RecordingSpeech(clock)
    session = replace(french_session(), language="it")
    driver = EngineDriver(Engine(compile_session(session), clock=clock))
    AudioGuide(driver, AudioSettings(), outputs=AudioOutputs(RecordingSounds(clock), speech))
    driver.set_timeline(compile_session(session))
    assert speech.language == "it"
    assert i18n.for_session("it").pgettext("voice", "Get ready.") == "Get ready."
