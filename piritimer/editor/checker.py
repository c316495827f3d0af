"""Checking the text as the person types: a debounced call into the loader.

The loader is fast (a few milliseconds for a large session), but running it on every
keystroke would still flash errors for words half typed; waiting ``DELAY_MS`` after the last
change shows an error only once the person pauses.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from piritimer.core.loader import LoadResult, load_session_bytes
from piritimer.core.timeline import Timeline, compile_session

DELAY_MS = 300


@dataclass(frozen=True)
class Check:
    """One check of the text: what the loader said and, when valid, the compiled timeline."""

    result: LoadResult
    timeline: Timeline | None

    @property
    def ok(self) -> bool:
        return self.timeline is not None


def check_text(text: str, label: str, base_dir: Path | None) -> Check:
    result = load_session_bytes(text, label=label, base_dir=base_dir)
    timeline = compile_session(result.session) if result.session is not None else None
    return Check(result, timeline)


class LiveChecker(QObject):
    """Re-checks session text a moment after it stops changing.

    Signals:
        checked(Check): a check finished (valid or not).
    """

    checked = Signal(object)

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)
        self._text = ""
        self.label = "<new session>"
        self.base_dir: Path | None = None
        self.last: Check | None = None
        self.last_good: Check | None = None

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def schedule(self, text: str) -> None:
        """Check ``text`` once nothing has changed for the delay."""
        self._text = text
        self._timer.start()

    def check_now(self, text: str | None = None) -> Check:
        self._timer.stop()
        if text is not None:
            self._text = text
        check = check_text(self._text, self.label, self.base_dir)
        self.last = check
        if check.ok:
            self.last_good = check
        self.checked.emit(check)
        return check
