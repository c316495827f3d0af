"""The one translation mechanism for every string a person sees or hears (pure, no Qt).

gettext, with Babel to extract, update and compile the catalogs (``tools/translations.sh``).
Why not Qt's ``tr``: the loader's diagnostics, the voice's framing words and the command line
live in the pure core, which imports no Qt, and must be translated all the same; gettext is in
the standard library, works in ``piritimer validate`` without a display, and its ``.po`` files
are what translators' tools (Poedit, Weblate, Lokalize) read.

Two catalogs can be in use at once: the app's language (windows, messages, diagnostics), and a
session's own ``language:`` for the voice's framing words ("Get ready", "Switch sides"), so a
French session is framed in French inside an English app. ``_`` and friends use the app's;
``catalog(language)`` gives any other.

Strings are written with ``str.format`` named fields (``_("Hold for {seconds}")``), so a
translation may reorder them; a test checks no field is lost. Text defined at import time is
marked with ``N_`` and translated where it is shown, since the language is chosen later.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

DOMAIN = "piritimer"
SOURCE_LANGUAGE = "en"
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "fr", "de", "es")
"""The languages piritimer speaks: English (the source) and complete catalogs for the rest."""

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
}
"""Each language in its own words, as a language menu shows it."""

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Catalog:
    """The translations of one language (the source language: the strings as written)."""

    language: str
    translations: _gettext.NullTranslations = field(
        default_factory=_gettext.NullTranslations, compare=False, repr=False
    )

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.translations.npgettext(context, singular, plural, n)


_localedir: Path | None = None
_catalogs: dict[str, Catalog] = {}
_active = Catalog(SOURCE_LANGUAGE)


def configure(localedir: Path) -> None:
    """Where the compiled catalogs are (``paths.locale_dir()``); forgets any loaded before."""
    global _localedir
    _localedir = localedir
    _catalogs.clear()


def is_configured() -> bool:
    """Whether ``configure`` has said where the catalogs are."""
    return _localedir is not None


def available_languages() -> tuple[str, ...]:
    """The source language and every language with a compiled catalog in the locale folder."""
    found = [SOURCE_LANGUAGE]
    if _localedir is not None and _localedir.is_dir():
        for folder in sorted(_localedir.iterdir()):
            if (folder / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file() and folder.name not in found:
                found.append(folder.name)
    return tuple(found)


def is_language_tag(text: str) -> bool:
    """``fr``, ``de-CH``, ``pt_BR``, ``es-419``: the shape of a language tag, not its meaning."""
    return bool(_TAG.match(text))


def base_language(tag: str) -> str:
    """``fr_CA.UTF-8`` → ``fr``; ``de-CH`` → ``de``."""
    return re.split(r"[-_.@]", tag.strip(), maxsplit=1)[0].lower()


def best_language(preferences: Sequence[str], available: Sequence[str] | None = None) -> str:
    """The first preferred language piritimer has, by its base (``fr-CA`` finds ``fr``).

    ``available`` defaults to ``available_languages()``. ``C`` and ``POSIX`` mean "no
    preference"; with none at all, the source language."""
    if available is None:
        available = available_languages()
    for tag in preferences:
        base = base_language(tag)
        if base in ("c", "posix", ""):
            continue
        if base in available:
            return base
    return SOURCE_LANGUAGE


def environment_languages(environ: dict[str, str] | None = None) -> list[str]:
    """The person's languages, most preferred first, as gettext reads them.

    ``LANGUAGE`` is a colon-separated list; otherwise the first of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG`` that is set."""
    env = os.environ if environ is None else environ
    listed = [tag for tag in env.get("LANGUAGE", "").split(":") if tag]
    if listed:
        return listed
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return [value]
    return []


def catalog(language: str | None) -> Catalog:
    """The catalog for ``language`` (by its base), loaded once; the source language if there is
    no compiled catalog for it."""
    base = base_language(language) if language else SOURCE_LANGUAGE
    cached = _catalogs.get(base)
    if cached is not None:
        return cached
    found = Catalog(base)
    if base != SOURCE_LANGUAGE and _localedir is not None:
        try:
            translations = _gettext.translation(DOMAIN, _localedir, languages=[base])
        except OSError:  # no catalog for this language, or an unreadable one
            pass
        else:
            found = Catalog(base, translations)
    _catalogs[base] = found
    return found


def has_catalog(language: str) -> bool:
    """Whether a catalog for ``language`` is installed (the source language always is)."""
    base = base_language(language)
    if base == SOURCE_LANGUAGE:
        return True
    return isinstance(catalog(base).translations, _gettext.GNUTranslations)


def for_session(language: str | None) -> Catalog:
    """The words a session is framed in: its own ``language:``, else the app's.

    Everything made from a session (step titles, the voice's framing words, spoken durations)
    uses this; the app around it (menus, buttons, messages) uses ``_``."""
    return catalog(language) if language else _active


def use(language: str) -> Catalog:
    """Make ``language`` the app's language for ``_`` and friends."""
    global _active
    _active = catalog(language)
    return _active


def current() -> Catalog:
    """The app's catalog."""
    return _active


def current_language() -> str:
    return _active.language


def _(message: str) -> str:
    """``message`` in the app's language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` in the app's language (``"{n} second"``/``"{n} seconds"``)."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the app's language, told apart by ``context`` (``"voice"``, ``"button"``)."""
    return _active.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active.npgettext(context, singular, plural, n)


_GROUP_SEPARATORS = {"fr": "\u202f", "de": ".", "es": "."}
"""How a language groups a long number's digits (English: ``1,000,000``)."""


def grouped(number: int) -> str:
    """``number`` with its digits grouped as the app's language writes them: ``1,000,000``,
    ``1 000 000`` (French, a narrow no-break space), ``1.000.000``."""
    separator = _GROUP_SEPARATORS.get(_active.language, ",")
    return f"{number:,}".replace(",", separator)


def N_(message: str) -> str:
    """Marks ``message`` for translation without translating it (text made at import time);
    pass it through ``_`` where it is shown."""
    return message
