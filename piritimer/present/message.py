"""A message to the class: one short line the teacher types ("Water break — back in 2
minutes") that the class view shows until it is cleared.

Plain text only: it is shown in PlainText labels (and sent as JSON text to the remote page,
set with textContent there), and kept to one line of at most ``MAX_MESSAGE_CHARS``."""

from __future__ import annotations

import unicodedata

MAX_MESSAGE_CHARS = 100


def clean_message(text: str) -> str:
    """``text`` as one line: control and format characters gone (no bidi tricks, no line
    breaks), runs of spaces made one, cut to ``MAX_MESSAGE_CHARS``."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) != "Cf"
    )
    return " ".join(kept.split())[:MAX_MESSAGE_CHARS].rstrip()
