"""Finding things in session text by line: the exercise under the cursor, the span of an error.

Pure text functions, no Qt, so they are tested directly.
"""

from __future__ import annotations

import re

from piritimer.core.model import Session

_KEY = re.compile(r"(?:-\s+)?([^\s#:\-\"'][^#:]*?)\s*:(?:\s|$)")


def exercise_at_line(session: Session, text: str, line: int) -> int | None:
    """Index of the exercise that line ``line`` (1-based) belongs to, or None.

    An exercise runs from its own first line to the line before the next one; the last one
    ends where the text returns to the top level (a new top-level key after ``exercises:``).
    """
    starts = [exercise.line for exercise in session.exercises]
    if not starts or line < starts[0]:
        return None
    index = max(i for i, start in enumerate(starts) if start <= line)
    if index == len(starts) - 1 and _top_level_key_between(text, starts[-1], line):
        return None
    return index


def _top_level_key_between(text: str, first: int, last: int) -> bool:
    lines = text.split("\n")
    for raw in lines[first:last]:  # lines after ``first`` up to and including ``last``
        if raw[:1] not in ("", " ", "\t", "#", "-"):
            return True
    return False


def error_span(line_text: str, column: int) -> tuple[int, int]:
    """The characters to underline for an error at ``column`` (1-based): (start, length).

    A key gets just the key underlined; a value gets the value up to a trailing comment. An
    error past the end of the line underlines its last character, so it is never invisible.
    """
    start = max(0, min(column - 1, len(line_text)))
    rest = line_text[start:]
    key = _KEY.match(rest)
    if key:
        return start + key.start(1), len(key.group(1))
    value = re.split(r"\s#", rest, maxsplit=1)[0].rstrip()
    if value:
        return start, len(value)
    stripped = line_text.rstrip()
    if stripped:
        return len(stripped) - 1, 1
    return 0, 0
