"""The text a new session starts from: small, valid, and commented so it teaches the format.

It is a file the person goes on to edit, so it is written in the app's language: its comments
and its content (title, exercise names, setup lines, cues) are translated, while the keys and
keyword values (``hold:``, ``left then right``, ``wait``) stay the format's English, as in every
session file. A translated template says ``language: <tag>``, so the voice frames the words it
holds in that language even if the app later speaks another; an English one leaves the key out
(the app's language is then used, as before). A test loads the template in every shipped
language and expects no diagnostics.
"""

from __future__ import annotations

import json
import re

from piritimer.core import i18n
from piritimer.core.i18n import _
from piritimer.core.schema import SCHEMA_FILE_NAME

# The schema file the modeline names is written beside the session on save (schema_file.py).
MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}"
COMMENT_COLUMN = 26
"""Where a line's trailing comment starts, so the comments of a block line up."""

_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")
"""A value YAML reads back as the same plain string (no `: ` or ` #` inside, no indicator
first); anything else is written double-quoted."""


def _value(text: str) -> str:
    if _PLAIN_SAFE.match(text) and ": " not in text and not text.endswith((":", " ")):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _commented(code: str, comment: str) -> str:
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {comment}"


def template() -> str:
    """The new session's text, in the app's language."""
    language = i18n.current_language()
    lines = [
        MODELINE,
        "# " + _("A piritimer session. Lines starting with # are comments."),
        "# " + _("Durations: 30, 30s, 1m30s or 1:30. Every key: docs/session-format.md"),
        "format: 1",
    ]
    if language != i18n.SOURCE_LANGUAGE:
        lines.append(f"language: {language}")
    lines += [
        "title: " + _value(_("My session")),
        "summary: " + _value(_("Two gentle exercises to start with; change them to your own.")),
        "safety: " + _value(_("Stop at once if you feel sharp pain, numbness or tingling.")),
        "tags: [stretch, breathing]",
        "",
        "# " + _("Every exercise uses these defaults unless it says otherwise."),
        "defaults:",
        _commented("  get ready: 5s", _("countdown before the work; `none` leaves it out")),
        _commented("  setup time: 15s", _("time to get into position; `wait` waits for you")),
        "  rest between reps: 5s",
        _commented("  rest after: 15s", _("rest before the next exercise")),
        _commented("  breathing:", _("the pace of `hold: 5 breaths`")),
        "    inhale: 4s",
        "    exhale: 6s",
        "",
        "exercises:",
        "  - name: " + _value(_("Figure-four stretch")),
        "    about: " + _value(_("Eases the muscles deep in the hip.")),
        "    setup:",
        "      - " + _value(_("Lie on your back, knees bent")),
        "      - " + _value(_("Cross the right ankle over the left knee")),
        "    sides: left then right",
        "    reps: 2",
        _commented("    hold: 30s", _("a timed hold, breathing freely")),
        "    cues:",
        "      hold: " + _value(_("let the knee fall open")),
        "",
        "  - name: " + _value(_("Slow breathing")),
        "    setup: " + _value(_("Sit tall, shoulders soft")),
        "    setup time: wait",
        _commented("    breathing:", _("paced breathing: one breath's pace, how many")),
        "      inhale: 4s",
        "      hold in: 2s",
        "      exhale: 6s",
        "      cycles: 5",
        "    cues:",
        "      inhale: " + _value(_("fill the belly")),
        "      exhale: " + _value(_("let the shoulders drop")),
    ]
    return "\n".join(lines) + "\n"
