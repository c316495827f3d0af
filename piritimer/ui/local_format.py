"""Durations, counts and keys as the home window shows them: words in the app's language,
digits and decimal marks through ``QLocale()`` (whose default the app sets to its language).

``core.durations.format_duration`` writes the session format's own ``1m30s``, which is right in
a diagnostic that quotes a file; a person reading the window gets ``1 min 30 s`` in French.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence

from piritimer.core.i18n import _


def number_text(value: float, decimals: int = 0) -> str:
    """``value`` as the app's locale writes it (``1,000`` / ``1 000`` / ``1.000``; ``2,5``)."""
    locale = QLocale()
    if decimals or value != round(value):
        return locale.toString(float(value), "f", decimals or 1)
    return locale.toString(round(value))


def _two_digits(value: int) -> str:
    text = QLocale().toString(value)
    return text if len(text) >= 2 else QLocale().zeroDigit() + text


def duration_text(seconds: float) -> str:
    """A length in words: ``45s``, ``1m30s``, ``1h05m`` in English, ``1 min 30 s`` in French.

    The same rounding as ``format_duration``: under a minute a fraction is kept (``2.5s``,
    ``2,5 s`` in German), past it the seconds are whole."""
    whole = round(seconds)
    if abs(seconds - whole) > 1e-9 and seconds < 60:
        fraction = QLocale().toString(float(seconds), "g", 6)
        return _("{seconds}s").format(seconds=fraction)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("{hours}h{minutes}m").format(
            hours=QLocale().toString(hours), minutes=_two_digits(minutes)
        )
    if minutes and secs:
        return _("{minutes}m{seconds}s").format(
            minutes=QLocale().toString(minutes), seconds=_two_digits(secs)
        )
    if minutes:
        return _("{minutes}m").format(minutes=QLocale().toString(minutes))
    return _("{seconds}s").format(seconds=QLocale().toString(secs))


def keys_text(*keys: str) -> str:
    """Key sequences as the keyboard's language names them (Qt translates ``Space``, ``Ctrl``),
    joined by "or": ``Left or PgUp``."""
    names = [QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys]
    text = names[0] if names else ""
    for name in names[1:]:
        text = _("{keys} or {key}").format(keys=text, key=name)
    return text
