"""Which of an area's own English strings still show in a translated window.

The strings are the ones marked in the area's source (read as ``pybabel extract`` reads them);
one counts as left in English when a shown text holds the longest plain piece of it (the
words between its ``{fields}``) as whole words, while the language translates it otherwise.
Text from the session file, which stays as written, is never one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_file

from piritimer.core import i18n

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{[^{}]*\}")


@cache
def marked(area: str) -> tuple[tuple[str | None, str, str | None], ...]:
    """(context, singular, plural) of every string marked under ``piritimer/<area>``."""
    found = []
    for path in sorted((ROOT / "piritimer" / area).rglob("*.py")):
        for _line, message, _comments, context in extract_from_file("python", str(path)):
            if isinstance(message, tuple):
                found.append((context, message[0], message[1]))
            else:
                found.append((context, message, None))
    return tuple(found)


def _translation(
    words: i18n.Catalog, context: str | None, singular: str, plural: str | None
) -> str:
    if plural is not None:
        return (
            words.npgettext(context, singular, plural, 1)
            if context
            else words.ngettext(singular, plural, 1)
        )
    return words.pgettext(context, singular) if context else words.gettext(singular)


def english_left(texts: Iterable[str], areas: Iterable[str], language: str) -> list[str]:
    """``"English" in "shown text"`` for each of the areas' strings still in English."""
    words = i18n.catalog(language)
    shown = [text for text in texts if text]
    left = []
    for area in areas:
        for context, singular, plural in marked(area):
            if _translation(words, context, singular, plural) == singular:
                continue  # the same in this language ("− 1 min"), or not translated at all
            piece = max((p.strip() for p in FIELD.split(singular)), key=len)
            if len(piece) < 3 or not re.search(r"[A-Za-z]{2}", piece):
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)")
            left += [f"{piece!r} in {text!r}" for text in shown if pattern.search(text)]
    return left
