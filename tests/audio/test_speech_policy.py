"""The speech policy: nothing talks over itself or over the next boundary, nothing important
is lost. Times are plain numbers on a pretend clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from piritimer.audio.cues import SpokenLine
from piritimer.audio.speech_policy import (
    BOUNDARY_MARGIN_S,
    FASTEST_WPM,
    NORMAL_WPM,
    SENTENCE_PAUSE_S,
    SLOWEST_WPM,
    START_DELAY_S,
    Action,
    Decision,
    SpeechPolicy,
    Utterance,
    estimate_s,
    words_per_minute,
)
from piritimer.core.speech_time import (
    CLAUSE_PAUSE_S,
    LETTERS_PER_SECOND,
    SYNTH_START_S,
    clause_pauses,
    letters,
)

SETUP = SpokenLine(
    "Figure four. Lie on your back. Cross the ankle over the knee.", "Figure four.", 0
)
BREATH = SpokenLine("Breathe out. Squeeze the roller.", "Breathe out.", 5)


def seconds(text: str, rate: float = 0.0) -> float:
    return estimate_s(text, rate)


def test_rate_maps_onto_the_synthesisers_words_per_minute() -> None:
    assert words_per_minute(0.0) == NORMAL_WPM
    assert words_per_minute(-1.0) == SLOWEST_WPM
    assert words_per_minute(1.0) == FASTEST_WPM
    assert words_per_minute(0.5) == pytest.approx((NORMAL_WPM + FASTEST_WPM) / 2)
    assert words_per_minute(-0.5) == pytest.approx((NORMAL_WPM + SLOWEST_WPM) / 2)
    assert words_per_minute(7.0) == FASTEST_WPM  # out-of-range rates are clamped


def test_estimate_counts_start_up_letters_and_pauses() -> None:
    english = LETTERS_PER_SECOND["en"]
    assert estimate_s("", 0.0) == 0.0
    assert estimate_s("   ", 0.0) == 0.0
    assert estimate_s("Breathe in.", 0.0, "en") == pytest.approx(
        START_DELAY_S + SYNTH_START_S + 9 / english
    )
    assert estimate_s("Rest. Next: squats.", 0.0, "en") == pytest.approx(
        START_DELAY_S + SYNTH_START_S + 14 / english + SENTENCE_PAUSE_S + CLAUSE_PAUSE_S
    )
    # A digit is said as a word; French spacing leaves the colon alone, still a pause.
    assert letters("Hold 30 s") == 4 + 6 + 1
    assert clause_pauses("Reprise\u202f: maintien, encore 19 secondes.") == 2
    assert (
        estimate_s("Breathe in.", -1.0)
        > estimate_s("Breathe in.", 0.0)
        > estimate_s("Breathe in.", 1.0)
    )
    assert estimate_s("Breathe in.", -1.0) == pytest.approx(
        START_DELAY_S + (SYNTH_START_S + 9 / english) * NORMAL_WPM / SLOWEST_WPM
    )


def test_each_language_speaks_at_its_own_measured_speed() -> None:
    text = "Allongez-vous sur le dos, genoux pliés."
    assert set(LETTERS_PER_SECOND) == {"en", "fr", "de", "es"}
    assert estimate_s(text, 0.0, "fr") < estimate_s(text, 0.0, "en") < estimate_s(text, 0.0, "es")
    assert estimate_s(text, 0.0, "fr-CA") == estimate_s(text, 0.0, "fr")  # by its base
    # A language nobody measured is given the slowest speed: the estimate errs long.
    assert estimate_s(text, 0.0, "it") == estimate_s(text, 0.0, "es")


def test_no_language_means_the_apps(in_language: Callable[[str], None]) -> None:
    text = "Serrez le rouleau entre vos genoux."
    in_language("fr")
    assert estimate_s(text, 0.0) == estimate_s(text, 0.0, "fr")
    assert estimate_s(text, 0.0) < estimate_s(text, 0.0, "en")


def test_a_german_line_that_fits_in_english_may_not_fit_in_german() -> None:
    english = SpokenLine("Squeeze the roller between your knees.", "Hold.", 3)
    german = SpokenLine("Drück die Rolle zwischen deinen Knien zusammen.", "Halten.", 3)
    boundary = 10.0 + 2.6  # a 2.6 s step: the English line fits whole, the German one not
    said_in_english = SpeechPolicy(language="en").decide(english, 10.0, boundary, None)
    said_in_german = SpeechPolicy(language="de").decide(german, 10.0, boundary, None)
    assert not said_in_english.shortened
    assert said_in_german == Decision(
        Action.SPEAK,
        Utterance("Halten.", 3, 10.0, 10.0 + estimate_s("Halten.", 0.0, "de")),
        shortened=True,
    )
    # Judged by its words, as before, the two were the same length (6 and 7 words).
    assert len(english.text.split()) + 1 == len(german.text.split())


def test_the_whole_line_when_it_fits() -> None:
    decision = SpeechPolicy().decide(SETUP, now=10.0, boundary=25.0, speaking=None)
    assert decision.action is Action.SPEAK
    assert decision.utterance == Utterance(SETUP.text, 0, 10.0, 10.0 + seconds(SETUP.text))
    assert not decision.shortened
    assert not decision.overruns


def test_a_wait_step_has_all_the_time_in_the_world() -> None:
    decision = SpeechPolicy(rate=-1.0).decide(SETUP, now=0.0, boundary=None, speaking=None)
    assert decision.utterance is not None
    assert decision.utterance.text == SETUP.text


def test_shortened_to_the_leading_sentences_that_fit() -> None:
    two = "Figure four. Lie on your back."
    boundary = 10.0 + seconds(two) + BOUNDARY_MARGIN_S
    decision = SpeechPolicy().decide(SETUP, now=10.0, boundary=boundary, speaking=None)
    assert decision.utterance is not None
    assert decision.utterance.text == two
    assert decision.shortened
    assert not decision.overruns
    assert decision.utterance.ends_at <= boundary - BOUNDARY_MARGIN_S


def test_shortened_to_the_essential_words() -> None:
    boundary = 3.0 + seconds("Breathe out.") + BOUNDARY_MARGIN_S + 0.01
    decision = SpeechPolicy().decide(BREATH, now=3.0, boundary=boundary, speaking=None)
    assert decision.utterance is not None
    assert decision.utterance.text == "Breathe out."
    assert decision.shortened
    assert not decision.overruns


def test_essential_words_are_said_even_when_they_may_overrun() -> None:
    decision = SpeechPolicy().decide(BREATH, now=3.0, boundary=3.5, speaking=None)
    assert decision.action is Action.SPEAK
    assert decision.utterance is not None
    assert decision.utterance.text == "Breathe out."
    assert decision.overruns


def test_essential_words_that_are_not_a_leading_sentence_are_still_candidates() -> None:
    line = SpokenLine("Well done. Session complete.", "Session complete.", 9)
    assert SpeechPolicy().candidates(line) == (
        "Well done. Session complete.",
        "Well done.",
        "Session complete.",
    )
    boundary = seconds("Session complete.") + BOUNDARY_MARGIN_S
    decision = SpeechPolicy().decide(line, now=0.0, boundary=boundary, speaking=None)
    assert decision.utterance is not None
    assert decision.utterance.text in ("Well done.", "Session complete.")


def test_a_line_without_essential_words_is_dropped_when_it_cannot_fit() -> None:
    line = SpokenLine("Next: squats.", "", 4)
    decision = SpeechPolicy().decide(line, now=0.0, boundary=0.5, speaking=None)
    assert decision.action is Action.DROP
    assert decision.utterance is None


def test_a_new_step_preempts_a_stale_line() -> None:
    stale = Utterance("Figure four. Lie on your back.", 0, 0.0, 12.0)
    decision = SpeechPolicy().decide(BREATH, now=10.0, boundary=16.0, speaking=stale)
    assert decision.action is Action.INTERRUPT
    assert decision.utterance is not None
    assert decision.utterance.starts_at == 10.0


def test_a_line_that_has_finished_is_not_in_the_way() -> None:
    done = Utterance("Hold.", 4, 0.0, 1.0)
    decision = SpeechPolicy().decide(BREATH, now=2.0, boundary=10.0, speaking=done)
    assert decision.action is Action.SPEAK


def test_a_second_line_of_the_same_step_queues_behind_the_first() -> None:
    first = Utterance("Breathe out.", 5, 3.0, 4.0)
    line = SpokenLine("Squeeze the roller.", "", 5)
    decision = SpeechPolicy().decide(line, now=3.5, boundary=10.0, speaking=first)
    assert decision.action is Action.QUEUE
    assert decision.utterance is not None
    assert decision.utterance.starts_at == 4.0


def test_a_queued_line_that_cannot_fit_after_the_first_is_dropped() -> None:
    first = Utterance("Breathe out.", 5, 3.0, 5.0)
    line = SpokenLine("Squeeze the roller.", "Squeeze.", 5)
    decision = SpeechPolicy().decide(line, now=3.5, boundary=5.5, speaking=first)
    assert decision.action is Action.DROP


lines = st.builds(
    lambda words, essential_words, index: SpokenLine(
        " ".join(f"{w}." for w in words), " ".join(f"{w}." for w in essential_words), index
    ),
    st.lists(
        st.sampled_from(["Breathe in", "Hold", "Lie on your back", "Rest", "Next: squats"]),
        min_size=1,
        max_size=6,
    ),  # fmt: skip
    st.lists(st.sampled_from(["Breathe in", "Hold"]), max_size=1),
    st.integers(0, 3),
)


@given(
    line=lines,
    now=st.floats(0, 100),
    window=st.floats(0, 30),
    rate=st.floats(-1, 1),
    speaking_end=st.none() | st.floats(0, 20),
    speaking_step=st.integers(0, 3),
)
def test_invariants(
    line: SpokenLine,
    now: float,
    window: float,
    rate: float,
    speaking_end: float | None,
    speaking_step: int,
) -> None:
    policy = SpeechPolicy(rate=rate)
    speaking = (
        None
        if speaking_end is None
        else Utterance("Earlier.", speaking_step, now - 1.0, now + speaking_end)
    )
    boundary = now + window
    decision = policy.decide(line, now, boundary, speaking)
    utterance = decision.utterance
    if utterance is None:
        # Only a line that is not its step's first, or has no essential words, is dropped.
        assert decision.action is Action.DROP
        assert not line.essential or decision.action is Action.DROP and speaking is not None
        return
    # What is said is the line, a leading part of it, or its essential words.
    assert utterance.text in policy.candidates(line)
    # Never over itself: it starts now, or once the same step's line has ended.
    if decision.action is Action.QUEUE:
        assert speaking is not None
        assert speaking.step_index == line.step_index
        assert utterance.starts_at == speaking.ends_at > now
    else:
        assert utterance.starts_at == now
    if decision.action is Action.INTERRUPT:
        assert speaking is not None
        assert speaking.step_index != line.step_index
    # Never over the boundary, except the essential words when nothing shorter exists.
    if utterance.ends_at > boundary - policy.margin_s:
        assert decision.overruns
        assert utterance.text == line.essential
    assert utterance.ends_at == pytest.approx(
        utterance.starts_at + estimate_s(utterance.text, rate)
    )
