"""How long the voice takes to say a line, estimated from its words (pure, no Qt).

The speech policy (audio/speech_policy.py) decides from this what to say in a step; the loader
uses the same estimate to warn when a file's spoken line cannot fit its step.
"""

from __future__ import annotations

NORMAL_WPM = 170.0
"""espeak-ng's words per minute at the normal rate (speech-dispatcher rate 0, Qt rate 0.0)."""
SLOWEST_WPM = 80.0
FASTEST_WPM = 449.0
"""speech-dispatcher's espeak-ng module maps Qt's rate -1..1 linearly onto these (see
/etc/speech-dispatcher/modules/espeak-ng.conf: EspeakMinRate/NormalRate/MaxRate)."""

START_DELAY_S = 0.2
"""Time from asking for speech to the first sound (speech-dispatcher and the synthesiser)."""
SENTENCE_PAUSE_S = 0.3
"""The pause a synthesiser leaves at each full stop."""
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


def estimate_s(text: str, rate: float, language: str | None = None) -> float:
    """How long saying ``text`` takes, generously: start-up, words, and sentence pauses."""
    words = len(text.split())
    if words == 0:
        return 0.0
    pauses = max(0, len(split_sentences(text)) - 1)
    return START_DELAY_S + words * 60.0 / words_per_minute(rate) + pauses * SENTENCE_PAUSE_S
