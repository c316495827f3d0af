"""The translation catalogs as Babel reads them, for the tests (po/, assets/locale/)."""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from piritimer.core import i18n

ROOT = Path(__file__).resolve().parents[2]
PO_DIR = ROOT / "po"
TEMPLATE = PO_DIR / "piritimer.pot"
LOCALE_DIR = ROOT / "assets" / "locale"
TRANSLATED = tuple(lang for lang in i18n.SHIPPED_LANGUAGES if lang != i18n.SOURCE_LANGUAGE)

Key = tuple[str, str | None]
"""A message's identity: its msgid (the singular, for a plural) and its context."""


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def po_path(language: str) -> Path:
    return PO_DIR / f"{language}.po"


def mo_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"


def key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return (str(msgid), message.context)


def messages(catalog: Catalog) -> Iterator[Message]:
    """The catalog's messages, without its header."""
    for message in catalog:
        if message.id:
            yield message


def extracted_keys() -> set[Key]:
    """Every marked string in the code now, read as `tools/translations.sh extract` reads it."""
    with (PO_DIR / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: set[Key] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "piritimer"), method_map, options_map
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((msgid, context))
    return found


def fields(text: str) -> list[str]:
    """The ``str.format`` fields in ``text``, in order (``{seconds}``, ``{n:d}`` → names)."""
    names: list[str] = []
    for _literal, name, spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            names.append(f"{name}:{spec}" if spec else name)
    return names


def accelerators(text: str) -> int:
    """How many ``&`` mark a keyboard accelerator (``&&`` is a literal ampersand)."""
    return text.replace("&&", "").count("&")
