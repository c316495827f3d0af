"""A pseudo-locale: every marked string, accented and 40 % longer, compiled to a catalog.

Text that comes out of it looks like ``[Ŝţàŕţ ţĥé šéššîöñ ·····]``: a string still in plain
English on screen was never marked; a clipped bracket or missing dots shows a label that
cannot grow. Placeholders (``{seconds}``), accelerators (``&``) and a string's own tags
(``<b>``) are kept as they are.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from piritimer.core import i18n
from tests.i18n.catalogs import TEMPLATE, messages, read

ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
GROWTH = 1.4
"""German and Finnish run about 30-40 % longer than English; this is the worst case."""
_KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]+>|%[sd]|&&|&|\n)")

PSEUDO_LANGUAGE = "qps"
"""The code of the pseudo-locale's catalog (the Windows pseudo-locale's ``qps-ploc``)."""


def pseudo(text: str) -> str:
    """``text`` accented and padded to 1.4 times its length, in brackets."""
    pieces = _KEEP.split(text)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(ACCENTED) for p in pieces if p)
    visible = len(_KEEP.sub("", text))
    padding = "·" * max(1, math.ceil(visible * (GROWTH - 1)) - 2)
    return f"[{out} {padding}]"


def write_pseudo_catalog(localedir: Path, language: str = PSEUDO_LANGUAGE) -> Path:
    """Compile the pseudo catalog of every string in po/piritimer.pot under ``localedir``."""
    catalog = Catalog(locale="en", domain=i18n.DOMAIN)
    for message in messages(read(TEMPLATE)):
        if isinstance(message.id, tuple):
            singular, plural = message.id
            catalog.add(
                (singular, plural), (pseudo(singular), pseudo(plural)), context=message.context
            )
        else:
            catalog.add(message.id, pseudo(message.id), context=message.context)
    target = localedir / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_mo(handle, catalog)
    return target


def is_pseudo(text: str) -> bool:
    """Whether ``text`` came through the pseudo catalog (it holds an accented letter)."""
    return any(ch in text for ch in "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ·")
