"""Numbers and times as the app's language writes them (``QLocale``'s default, which
``app_language.apply_language`` sets): "1,000" in English, "1 000" in French, "1.000" in German.

Every count, size and clock time a window shows goes through here, so no view formats a number
with Python's own rules (``f"{n:,}"`` is English everywhere).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime

from piritimer.core.i18n import _


def whole(number: int) -> str:
    """A count: "1,234" (grouped as the language groups digits)."""
    return QLocale().toString(number)


def decimal(number: float, places: int) -> str:
    """A measure with ``places`` decimals: "16.8" in English, "16,8" in French."""
    return QLocale().toString(number, "f", places)


def date_and_time(moment: datetime) -> str:
    """A moment in the person's words: "3/1/26 at 9:15 PM", "01/03/2026 à 21:15"."""
    locale = QLocale()
    day = QDate(moment.year, moment.month, moment.day)
    time = QTime(moment.hour, moment.minute, moment.second)
    return _("{date} at {time}").format(
        date=locale.toString(day, QLocale.FormatType.ShortFormat),
        time=locale.toString(time, QLocale.FormatType.ShortFormat),
    )
