"""Playing cues at clock times, each started early by the output latency."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer

from piritimer.audio.cues import Cue
from piritimer.audio.outputs import SoundOutput

Clock = Callable[[], float]

EARLY_TOLERANCE_S = 0.0005
"""A timer that wakes this close to a cue's moment plays it rather than sleeping again."""


@dataclass(order=True)
class Pending:
    fire_at: float
    """Clock time to call play(): the moment the cue is due, less the lead-in."""
    cue: Cue | None = field(compare=False)
    """None: nothing to play, only ``on_played`` to run (a time call the voice says)."""
    on_played: Callable[[], None] | None = field(compare=False, default=None)
    pan: float = field(compare=False, default=0.0)


class CuePlayer(QObject):
    """Plays each scheduled cue ``lead_in_s`` before its moment, so that after the output's
    latency its first sample is heard on the moment itself.

    The engine knows its boundaries ahead of time (``Engine.deadline()``), which is what makes
    starting early possible. One precise single-shot timer is armed for the earliest pending
    cue; Qt's timers count whole milliseconds, so a wake-up that comes a fraction early re-arms
    for the remaining fraction rather than playing early. ``poke()`` is public so that tests
    on a fake clock can fire it after advancing time.
    """

    def __init__(self, output: SoundOutput, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.output = output
        self.lead_in_s = 0.0
        self._clock = clock
        self._pending: list[Pending] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poke)

    def schedule(
        self,
        cue: Cue | None,
        at: float,
        on_played: Callable[[], None] | None = None,
        pan: float = 0.0,
    ) -> None:
        """Play ``cue`` so it is heard at clock time ``at``; ``on_played`` runs once it starts.

        With ``cue`` None only ``on_played`` runs, at ``at`` itself (no lead-in: it is not a
        sound on this output)."""
        lead_in = self.lead_in_s if cue is not None else 0.0
        self._pending.append(Pending(at - lead_in, cue, on_played, pan))
        self._pending.sort()
        self.poke()

    def play_now(self, cue: Cue, pan: float = 0.0) -> None:
        self.output.play(cue, pan)

    def cancel(self) -> None:
        """Forget every pending cue (pause, stop, a jump to another step)."""
        self._pending.clear()
        self._timer.stop()

    def pending(self) -> list[tuple[float, Cue | None]]:
        """(clock time play() will be called, cue), earliest first."""
        return [(p.fire_at, p.cue) for p in self._pending]

    def pending_pans(self) -> list[tuple[Cue | None, float]]:
        """(cue, pan) of each pending cue, earliest first."""
        return [(p.cue, p.pan) for p in self._pending]

    def poke(self) -> None:
        """Play every cue whose time has come, then sleep until the next one."""
        now = self._clock()
        while self._pending and self._pending[0].fire_at <= now + EARLY_TOLERANCE_S:
            due = self._pending.pop(0)
            if due.cue is not None:
                self.output.play(due.cue, due.pan)
            if due.on_played is not None:
                due.on_played()
        if not self._pending:
            self._timer.stop()
            return
        remaining_ms = (self._pending[0].fire_at - now) * 1000.0
        self._timer.start(max(0, math.floor(remaining_ms)))
