"""The voice: speaks each step's line through a SpeechOutput, as the speech policy allows."""

from __future__ import annotations

from collections.abc import Callable

from piritimer.audio.cues import SpokenLine
from piritimer.audio.outputs import SpeechOutput
from piritimer.audio.speech_policy import Action, Decision, SpeechPolicy, Utterance

Clock = Callable[[], float]


class Voice:
    """Applies SpeechPolicy to every line, and keeps track of what is being said.

    What is "being said" is the last utterance while the output still reports speaking; its
    estimated end is what the policy weighs a new line against.
    """

    def __init__(
        self, output: SpeechOutput, clock: Clock, policy: SpeechPolicy | None = None
    ) -> None:
        self.output = output
        self.policy = policy or SpeechPolicy()
        self._clock = clock
        self._current: Utterance | None = None

    def announce(self, line: SpokenLine, boundary: float | None) -> Decision:
        """Say ``line`` (or as much of it as fits before ``boundary``); returns the decision."""
        speaking = self._current if self.output.is_speaking() else None
        decision = self.policy.decide(line, self._clock(), boundary, speaking)
        utterance = decision.utterance
        if utterance is None:
            return decision
        if decision.action is Action.INTERRUPT:
            self.output.stop()
        if decision.action is Action.QUEUE:
            self.output.enqueue(utterance.text)
        else:
            self.output.say(utterance.text)
        self._current = utterance
        return decision

    def stop(self) -> None:
        self._current = None
        self.output.stop()
