"""The practice log's words shared by the history window and ``piritimer history`` (pure).

The log itself keeps its values in English (``completed``, ``stopped``): they are data, read
back by the store, an import and a spreadsheet. Only what is shown of them is translated.
"""

from __future__ import annotations

from datetime import date

from piritimer.core.i18n import pgettext


def outcome_text(outcome: str) -> str:
    """How a run ended, as a person reads it (``outcome`` is the stored value)."""
    if outcome == "completed":
        return pgettext("run outcome", "completed")
    if outcome == "stopped":
        return pgettext("run outcome", "stopped")
    if outcome == "interrupted":
        return pgettext("run outcome", "interrupted")
    if outcome == "running":
        return pgettext("run outcome", "running")
    return outcome  # a value from a newer piritimer: shown as it is stored


def weekday_text(day: date) -> str:
    """The day of the week, short ("Wed"), where there is no QLocale (the command line)."""
    return (
        pgettext("weekday", "Mon"),
        pgettext("weekday", "Tue"),
        pgettext("weekday", "Wed"),
        pgettext("weekday", "Thu"),
        pgettext("weekday", "Fri"),
        pgettext("weekday", "Sat"),
        pgettext("weekday", "Sun"),
    )[day.weekday()]
