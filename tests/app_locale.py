"""QLocale's default for a test: what ``app_language.apply_language`` sets in the app.

Tests run under whatever locale the machine has (``C`` on a build box, which groups no digits),
so a test that reads a number or a date a view wrote fixes the locale first, and puts the old
one back after.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale


@contextmanager
def locale_default(name: str) -> Iterator[QLocale]:
    previous = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        yield QLocale()
    finally:
        QLocale.setDefault(previous)
