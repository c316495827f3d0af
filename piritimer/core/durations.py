"""Reading the lengths of time that people write in session files.

Accepted forms, all meaning a number of seconds:

* a bare number: ``30``, ``2.5``
* numbers with units, in any order of size: ``30s``, ``1m30s``, ``1 min 30 sec``, ``2m``, ``1h``
* clock notation: ``1:30`` is one minute thirty seconds, ``1:00:00`` one hour.

YAML 1.1 would read a plain ``1:30`` as the sexagesimal number 90; we never let YAML type a
duration (the loader reads the raw text), and clock notation gives the same 90 seconds, so
quoting makes no difference.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from piritimer.core.i18n import _, grouped

MAX_STEP_S = 3 * 60 * 60
"""The longest single step we accept; anything longer is almost surely a typo."""
MIN_STEP_S = 0.5
"""The shortest: nobody can follow a cue that lasts less than half a second."""
MAX_DURATION_CHARS = 40
"""``1 hour 59 minutes 59.5 seconds`` is 30 characters; a longer text is not a duration."""

_UNIT_SECONDS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
}
# ASCII digits only: Python's \d also matches other scripts' digits, which float() reads, but
# an editor's schema check (ECMAScript \d) does not.
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_PART = re.compile(rf"\s*({_NUMBER})\s*([a-z]+)\s*")
_CLOCK = re.compile(r"^(?:([0-9]+):)?([0-9]+):([0-9]{2}(?:\.[0-9]+)?)$")
_BREATHS = re.compile(r"^([0-9]+)\s*breaths?$")
YAML_NUMBER = re.compile(
    r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"
    r"|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^0o[0-7]+$|^0x[0-9a-fA-F]+$"
)
"""What YAML 1.2 (as editors read it) takes for a number. Written other than in plain digits
(``1e2``, ``+30``, ``.5``, ``0x1E``), an editor's schema check sees only the number."""


class DurationError(ValueError):
    """The text is not a duration; the message says what would be right."""


class ZeroDurationError(DurationError):
    """A length of zero: where a key may be left out, the loader says how (`none`, `wait`)."""


@dataclass(frozen=True)
class Breaths:
    """A hold measured in breaths rather than seconds (``hold: 5 breaths``)."""

    count: int


def parse_duration(text: str) -> float:
    """Return the number of seconds ``text`` stands for; raise DurationError if it is not one.

    Zero and negative lengths are refused here, so every caller gets a usable length.
    """
    raw = text.strip().lower()
    if not raw:
        raise DurationError(_("expected a duration such as 30s, 1m30s or 1:30, found nothing"))
    if len(raw) > MAX_DURATION_CHARS:
        raise DurationError(
            _(
                "a duration is a few characters such as 30s or 1m30s; this one is {count} "
                "characters long"
            ).format(count=grouped(len(raw)))
        )
    if raw.startswith("-"):
        raise DurationError(
            _("a duration cannot be negative ({text}); write e.g. 30s").format(text=repr(text))
        )
    seconds = _parse_positive(raw, text)
    if seconds <= 0:
        raise ZeroDurationError(
            _("a duration must be longer than zero ({text})").format(text=repr(text))
        )
    if seconds < MIN_STEP_S:
        raise DurationError(
            _(
                "{text} is shorter than {seconds} seconds, too short to follow; write e.g. 1s"
            ).format(text=repr(text), seconds=f"{MIN_STEP_S:g}")
        )
    if not math.isfinite(seconds) or seconds > MAX_STEP_S:
        raise DurationError(
            _("{text} is longer than {hours} hours; is it a typo? write e.g. 30s").format(
                text=repr(text), hours=MAX_STEP_S // 3600
            )
        )
    return seconds


def _parse_positive(raw: str, original: str) -> float:
    if re.fullmatch(_NUMBER, raw):
        return float(raw)
    if YAML_NUMBER.match(raw):
        raise DurationError(number_spelling(original, "30 or 2.5"))
    clock = _CLOCK.match(raw)
    if clock:
        hours, minutes, seconds = clock.groups()
        if float(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
            raise DurationError(
                _(
                    "{text} is not a valid m:ss or h:mm:ss time; seconds and minutes go to 59"
                ).format(text=repr(original))
            )
        return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    total = 0.0
    position = 0
    last_unit_s = math.inf
    for match in _PART.finditer(raw):
        if match.start() != position:
            break
        unit_s = _UNIT_SECONDS.get(match.group(2))
        if unit_s is None:
            raise DurationError(
                _("unknown unit {unit} in {text}; use s, m or h (e.g. 1m30s)").format(
                    unit=repr(match.group(2)), text=repr(original)
                )
            )
        if unit_s >= last_unit_s:
            raise DurationError(
                _("{text} repeats or reorders units; write larger units first (e.g. 1m30s)").format(
                    text=repr(original)
                )
            )
        last_unit_s = unit_s
        total += float(match.group(1)) * unit_s
        position = match.end()
    if position != len(raw) or position == 0:
        raise DurationError(
            _("{text} is not a duration; write e.g. 30, 30s, 1m30s or 1:30").format(
                text=repr(original)
            )
        )
    return total


def number_spelling(original: str, example: str) -> str:
    """The message for a number written other than in plain digits (``1e2``, ``+30``)."""
    return _("write numbers in plain digits, e.g. {example}; found {found}").format(
        example=example, found=repr(original.strip())
    )


def yaml_number(text: str) -> float | None:
    """The number YAML 1.2 makes of ``text``, or None when it is not a number there."""
    raw = text.strip()
    if not YAML_NUMBER.match(raw):
        return None
    if raw.startswith(("0o", "0x")):
        return float(int(raw[2:], 8 if raw[1] == "o" else 16))
    if raw.lstrip("+-").startswith(".") and raw.lstrip("+-.").lower() in ("inf", "nan"):
        return float(raw.replace(".", "", 1))
    return float(raw)


def parse_hold(text: str) -> float | Breaths:
    """A hold is a duration or a number of breaths (``5 breaths``)."""
    match = _BREATHS.match(text.strip().lower())
    if match and len(match.group(1)) > MAX_DURATION_CHARS:
        raise DurationError(
            _("a number of breaths is a few digits; this one is {count} long").format(
                count=grouped(len(match.group(1)))
            )
        )
    if match:
        count = int(match.group(1))
        if count < 1:
            raise DurationError(_("a hold needs at least 1 breath"))
        return Breaths(count)
    return parse_duration(text)


def format_duration(seconds: float) -> str:
    """Render seconds the way people read them: ``45s``, ``1m30s``, ``1h05m``."""
    whole = round(seconds)
    if abs(seconds - whole) > 1e-9 and seconds < 60:
        return f"{seconds:g}s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s" if secs else f"{minutes}m"
    return f"{secs}s"


def format_clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for countdowns and totals; never shows a negative time."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
