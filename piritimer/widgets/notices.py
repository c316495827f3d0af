"""Faults told once: a write retried by a timer must not say the same thing every 2 s."""

from __future__ import annotations

from collections.abc import Callable

from piritimer.core.i18n import _


def cannot_write(error: OSError, where: object) -> str:
    """ "cannot write to <where>: <reason>", for a person, from a failed write."""
    return _("cannot write to {place}: {reason}").format(
        place=error.filename or where, reason=error.strerror or error
    )


class OnceNotice:
    """Shows each fault the first time it happens, and again only after it has cleared.

    ``fault(key, text)`` is called on every failed attempt; ``cleared(key)`` on every good
    one. Nothing here raises: a notice is the last word on a fault, never a new one.
    """

    def __init__(self, show: Callable[[str], object]) -> None:
        self._show = show
        self._active: dict[str, str] = {}

    def fault(self, key: str, text: str) -> bool:
        """Record a failed attempt; True when this was news and ``text`` was shown."""
        if key in self._active:
            return False
        self._active[key] = text
        self._show(text)
        return True

    def show(self, text: str) -> None:
        """A one-off notice (a fault that cannot repeat, such as a file kept aside)."""
        self._show(text)

    def cleared(self, key: str) -> None:
        self._active.pop(key, None)

    def active(self) -> dict[str, str]:
        """The faults still standing, by key."""
        return dict(self._active)
