"""KeepAwake: the screen saver stays off while a session runs or waits for the person, and
for a class from its holding screen to its end, blanked or paused or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piritimer.core.engine import State
from piritimer.core.i18n import N_, _

if TYPE_CHECKING:
    from piritimer.platform.inhibit import Inhibitor

INHIBIT_STATES = frozenset({State.RUNNING, State.WAITING})
INHIBIT_REASON = N_("Guiding an exercise session")
"""What the desktop lists as the reason the screen stays on (translated when it is asked)."""


class KeepAwake:
    """Asks its inhibitor to hold the screen saver off in the states that need it.

    The composition root gives it a do-nothing inhibitor first and the platform's own with
    ``use`` after the first paint (finding it asks D-Bus a question or two).
    """

    def __init__(self, inhibitor: Inhibitor) -> None:
        self._inhibitor = inhibitor
        self._held = False
        self._state = State.IDLE
        self._presenting = False

    @property
    def inhibitor(self) -> Inhibitor:
        return self._inhibitor

    @property
    def held(self) -> bool:
        return self._held

    def use(self, inhibitor: Inhibitor) -> None:
        """Work through ``inhibitor`` from now on, handing over a hold in progress."""
        held = self._held
        self.release()
        self._inhibitor = inhibitor
        if held:
            self._hold()

    def update(self, state: State) -> None:
        self._state = state
        self._apply()

    def set_presenting(self, presenting: bool) -> None:
        """Presentation mode opened (True) or left: a room full of people watches the
        projector, on the holding screen and while it is blanked or paused too."""
        self._presenting = presenting
        self._apply()

    def _apply(self) -> None:
        presenting = self._presenting and self._state is not State.FINISHED
        if self._state in INHIBIT_STATES or presenting:
            self._hold()
        else:
            self.release()

    def release(self) -> None:
        if self._held:
            self._inhibitor.release()
            self._held = False

    def _hold(self) -> None:
        if not self._held:
            self._inhibitor.inhibit(_(INHIBIT_REASON))
            self._held = True
