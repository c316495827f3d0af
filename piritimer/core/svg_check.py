"""Deciding whether an SVG from a session's folder is self-contained enough to draw.

An SVG is a program for a renderer: ``<image xlink:href="/home/me/photo.jpg">`` makes Qt read
any file it names, a ``data:`` picture inside it escapes the pixel caps the app puts on
bitmaps, and entities can multiply text. piritimer's drawings need none of that, so rather than
strip such parts (and risk missing one), we refuse the whole picture and say why. Pure text
checks: no Qt, so they run in the loader's fuzzing too.
"""

from __future__ import annotations

import re

from piritimer.core.diagnostics import quoted
from piritimer.core.i18n import N_, _

_HREF = re.compile(r"""(?<![\w.-])(?:[\w.-]+:)?href\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_ANY_HREF = re.compile(r"(?<![\w.-])(?:[\w.-]+:)?href\s*=", re.IGNORECASE)
_LOCAL_REFERENCE = re.compile(r"#[\w.:-]*")
_URL = re.compile(r"""url\(\s*(["']?)\s*([^)"']*)""", re.IGNORECASE)
_ENCODING = re.compile(r"""<\?xml[^>]*\bencoding\s*=\s*(["'])([^"']*)\1""", re.IGNORECASE)
_FORBIDDEN = (
    ("<!doctype", N_("it declares a DOCTYPE (entities can hide references and multiply text)")),
    ("<!entity", N_("it declares entities (they can hide references and multiply text)")),
    ("<?xml-stylesheet", N_("it links a style sheet")),
    ("@import", N_("it imports a style sheet")),
)


def svg_problem(data: bytes) -> str | None:
    """Why this SVG may not be drawn, or None when it refers to nothing outside itself."""
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return _("it is not UTF-8 text (compressed .svgz and other encodings are not shown)")
    declared = _ENCODING.search(text)
    if declared and declared.group(2).strip().lower() not in ("utf-8", "utf8", "us-ascii"):
        return _("it declares the encoding {encoding}; save it as UTF-8").format(
            encoding=quoted(declared.group(2))
        )
    lowered = text.lower()
    for marker, reason in _FORBIDDEN:
        if marker in lowered:
            return _(reason)
    hrefs = list(_HREF.finditer(text))
    if len(hrefs) != len(_ANY_HREF.findall(text)):
        return _("it has a link attribute piritimer cannot check")
    targets = [m.group(2).strip() for m in (*hrefs, *_URL.finditer(text))]
    for target in targets:
        if _LOCAL_REFERENCE.fullmatch(target):
            continue
        if target.lower().startswith("data:"):
            return _(
                "it embeds another picture (a data: link), whose size piritimer cannot cap; "
                "export the drawing without embedded images"
            )
        return _(
            "it refers to {target} outside the drawing; piritimer shows only self-contained "
            "pictures"
        ).format(target=quoted(target))
    return None
