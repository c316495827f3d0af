"""When the voice may speak, and how much of a line it says (pure, no Qt).

The policy, in order:

1. A new step's line preempts whatever is still being said for an earlier step: that line is
   stale, and the person needs to hear what to do now.
2. A line is spoken only if it can finish before the next boundary (less a safety margin),
   judged from its words at the chosen speaking rate. If the whole line does not fit, the
   longest run of its leading sentences that fits is said instead; failing that, only its
   essential words ("Breathe in.", "Switch to the left side.").
3. The essential words are always said, even when they may run a little past the boundary:
   a phase word arriving late is better than none, and it is short enough to end early in the
   next step, where rule 1 then lets the new line cut it off.
4. A second line for the same step waits for the first to finish (a queue) and is shortened
   by rule 2 from the moment it would start; if even its essential words cannot fit, it is
   dropped, because the first line already said what the step needs. A line with no
   essential words that cannot fit is dropped too.

Nothing important is cut off: rule 2 keeps every line inside its own step, so rule 1 only
ever interrupts a line that overran by an estimation error, or one the person skipped past.
Every line is shown as a caption whatever the voice says (the caller's job).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from piritimer.audio.cues import SpokenLine
from piritimer.core.speech_time import (  # the estimate is pure; it lives in core (loader warnings)
    BOUNDARY_MARGIN_S,
    FASTEST_WPM,
    NORMAL_WPM,
    SENTENCE_PAUSE_S,
    SLOWEST_WPM,
    START_DELAY_S,
    estimate_s,
    words_per_minute,
)

__all__ = [
    "BOUNDARY_MARGIN_S",
    "FASTEST_WPM",
    "NORMAL_WPM",
    "SENTENCE_PAUSE_S",
    "SLOWEST_WPM",
    "START_DELAY_S",
    "Action",
    "Decision",
    "SpeechPolicy",
    "Utterance",
    "estimate_s",
    "words_per_minute",
]


class Action(Enum):
    SPEAK = auto()
    """Nothing (current) is being said: speak now."""
    INTERRUPT = auto()
    """Stop the stale line being said, then speak."""
    QUEUE = auto()
    """Speak when the current line of the same step ends."""
    DROP = auto()
    """Say nothing: it cannot fit, and it is not the first line of its step."""


@dataclass(frozen=True)
class Utterance:
    """A line being (or about to be) spoken."""

    text: str
    step_index: int
    starts_at: float
    ends_at: float
    """Estimated clock time the voice falls silent."""


@dataclass(frozen=True)
class Decision:
    action: Action
    utterance: Utterance | None
    """What to say and when it should end; None when dropped."""
    shortened: bool = False
    overruns: bool = False
    """Only the essential words, and even they may run past the boundary."""


@dataclass(frozen=True)
class SpeechPolicy:
    rate: float = 0.0
    margin_s: float = BOUNDARY_MARGIN_S
    language: str | None = None
    """The language the lines are said in (a tag; None: the app's): its speaking speed."""

    def candidates(self, line: SpokenLine) -> tuple[str, ...]:
        """What may be said, longest first: the whole line, fewer sentences, the essential."""
        sentences = line.sentences()
        texts = [" ".join(sentences[:n]) for n in range(len(sentences), 0, -1)]
        if line.essential and line.essential not in texts:
            texts.append(line.essential)
        return tuple(texts)

    def decide(
        self,
        line: SpokenLine,
        now: float,
        boundary: float | None,
        speaking: Utterance | None,
    ) -> Decision:
        """Decide how to say ``line`` at ``now``; ``boundary`` is when its step ends (None:
        the step waits for the person) and ``speaking`` what is still being said, if anything.
        """
        if speaking is not None and speaking.ends_at <= now:
            speaking = None
        if speaking is None:
            action, start = Action.SPEAK, now
        elif speaking.step_index != line.step_index:
            action, start = Action.INTERRUPT, now
        else:
            action, start = Action.QUEUE, speaking.ends_at
        budget = None if boundary is None else boundary - self.margin_s - start
        texts = self.candidates(line)
        for position, text in enumerate(texts):
            length = estimate_s(text, self.rate, self.language)
            if budget is None or length <= budget + 1e-9:
                return Decision(
                    action,
                    Utterance(text, line.step_index, start, start + length),
                    shortened=position > 0,
                )
        if not line.essential or action is Action.QUEUE:
            return Decision(Action.DROP, None)
        length = estimate_s(line.essential, self.rate, self.language)
        return Decision(
            action,
            Utterance(line.essential, line.step_index, start, start + length),
            shortened=line.essential != line.text,
            overruns=True,
        )
