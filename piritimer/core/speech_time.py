"""How long the voice takes to say a line, estimated from its letters (pure, no Qt).

The speech policy (audio/speech_policy.py) decides from this what to say in a step; the loader
uses the same estimate to warn when a file's spoken line cannot fit its step.

The figures are espeak-ng's (the synthesiser behind speech-dispatcher here), measured by
``bench/speech_rates.py`` on 2026-12-02: 27 lines a language (piritimer's framing words from
its catalogs and sixteen cue lines as session files write them, the same in English, French,
German and Spanish), each synthesised by libespeak-ng 1.51 at its normal 170 words a minute
(what speech-dispatcher's rate 0 maps to) and timed by the samples it made. Fitted by least
squares, one start-up and one pause per full stop (and per comma) for every language, one
speed per language:

| model | en | fr | de | es | rms error, mean | worst |
|---|---|---|---|---|---|---|
| words | 241.6 wpm | 231.8 wpm | 214.9 wpm | 205.6 wpm | 0.283 s | 50 % |
| words, comma pauses | 248.3 wpm | 243.8 wpm | 227.0 wpm | 209.7 wpm | 0.253 s | 48 % |
| characters | 15.8 /s | 18.9 /s | 15.7 /s | 15.4 /s | 0.223 s | 35 % |
| letters (a digit: 3), comma pauses | 16.0 /s | 19.5 /s | 16.4 /s | 15.6 /s | 0.146 s | 32 % |

The last is used, the smaller error in every language (rms en 0.175, fr 0.159, de 0.167,
es 0.083 s, against 0.196-0.338 s by words): French packs more letters into a second than
English, German and Spanish fewer, and a word count sees none of it. Its terms: 0.08 s of
leading silence, 0.49 s per full stop, 0.31 s per comma, colon or semicolon. Through a
private speech-dispatcher, recorded off its sink (``--speechd 10``), the voice starts within
0.03 s of the request and falls silent within -0.08..+0.04 s of espeak-ng's own length (the
0.3 s more audio the server gets back is silence at the end). espeak-ng's speed follows its
words-per-minute setting (0.49× at 80 wpm, 1.74× at 300), so the rate scales the whole line.
"""

from __future__ import annotations

from piritimer.core import i18n

NORMAL_WPM = 170.0
"""espeak-ng's words per minute at the normal rate (speech-dispatcher rate 0, Qt rate 0.0)."""
SLOWEST_WPM = 80.0
FASTEST_WPM = 449.0
"""speech-dispatcher's espeak-ng module maps Qt's rate -1..1 linearly onto these (see
/etc/speech-dispatcher/modules/espeak-ng.conf: EspeakMinRate/NormalRate/MaxRate)."""

LETTERS_PER_SECOND: dict[str, float] = {"en": 16.0, "fr": 19.5, "de": 16.4, "es": 15.6}
"""Each language's speaking speed at the normal rate, in letters a second (a digit counts as
three: "30" is said "thirty"), as bench/speech_rates.py measured it (see the module doc)."""
UNKNOWN_LETTERS_PER_SECOND = min(LETTERS_PER_SECOND.values())
"""A language not measured is given the slowest speed: an estimate errs long."""

SYNTH_START_S = 0.08
"""The silence espeak-ng starts each line with."""
SENTENCE_PAUSE_S = 0.49
"""The pause espeak-ng leaves at each full stop (question mark, exclamation mark)."""
CLAUSE_PAUSE_S = 0.31
"""The pause it leaves at a comma, a colon or a semicolon."""

START_DELAY_S = 0.2
"""Added to every line: the voice's start (0.01-0.03 s measured) and some room for the fit's
error (nine lines in ten measure at most 1.11 times their fit)."""
BOUNDARY_MARGIN_S = 0.25
"""Leave this much quiet before the next boundary, so its cue is heard clearly."""


def split_sentences(text: str) -> tuple[str, ...]:
    """Split on sentence ends, keeping each sentence's own punctuation."""
    sentences: list[str] = []
    current = ""
    for word in text.split():
        current = f"{current} {word}".strip()
        if word[-1] in ".!?":
            sentences.append(current)
            current = ""
    if current:
        sentences.append(current)
    return tuple(sentences)


def words_per_minute(rate: float) -> float:
    """Speaking speed for a Qt rate in -1..1 (0 is normal)."""
    rate = max(-1.0, min(1.0, rate))
    if rate >= 0:
        return NORMAL_WPM + rate * (FASTEST_WPM - NORMAL_WPM)
    return NORMAL_WPM + rate * (NORMAL_WPM - SLOWEST_WPM)


def letters(text: str) -> int:
    """What takes time to say: letters, and each digit as three."""
    return sum(ch.isalpha() for ch in text) + 3 * sum(ch.isdigit() for ch in text)


def clause_pauses(text: str) -> int:
    """Commas, colons and semicolons that end a word (or stand alone, as French spaces ``:``)."""
    return sum(1 for word in text.split() if word[-1] in ",;:")


def letters_per_second(language: str | None) -> float:
    """The speed of ``language`` (a tag, by its base: ``fr-CA`` is ``fr``); None: the app's."""
    base = i18n.base_language(language) if language else i18n.current_language()
    return LETTERS_PER_SECOND.get(base, UNKNOWN_LETTERS_PER_SECOND)


def estimate_s(text: str, rate: float, language: str | None = None) -> float:
    """How long saying ``text`` takes in ``language`` (None: the app's), generously:
    start-up, letters, and the pauses at full stops and commas."""
    if not text.split():
        return 0.0
    sentences = max(0, len(split_sentences(text)) - 1)
    spoken_s = (
        SYNTH_START_S
        + letters(text) / letters_per_second(language)
        + sentences * SENTENCE_PAUSE_S
        + clause_pauses(text) * CLAUSE_PAUSE_S
    )
    return START_DELAY_S + spoken_s * NORMAL_WPM / words_per_minute(rate)
