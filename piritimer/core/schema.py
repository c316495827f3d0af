"""JSON Schema for session files, generated from piritimer.core.spec.

Editors that speak the YAML language server (VS Code's YAML extension, Neovim, Helix, Kate...)
use it to complete keys and flag mistakes while typing. Patterns mirror the loader's parsers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from piritimer.core import spec
from piritimer.core.class_plan import CLASS
from piritimer.core.durations import MAX_STEP_S, MIN_STEP_S
from piritimer.core.spec import MAX_COUNT, Field, Kind, Section

SCHEMA_ID = "https://piritimer.invalid/schema/session-1.json"
CLASS_SCHEMA_ID = "https://piritimer.invalid/schema/class-1.json"


def _any_case(*words: str) -> str:
    """A regex alternation matching ``words`` in any case (JSON Schema patterns have no flags);
    a space in a word matches any run of spaces, as the loader folds them."""

    def one(word: str) -> str:
        return r"\s+".join("".join(f"[{c.lower()}{c.upper()}]" for c in w) for w in word.split())

    return "|".join(one(word) for word in words)


def _words_pattern(words: tuple[str, ...]) -> str:
    return rf"^\s*({_any_case(*words)})\s*$"


# ASCII classes, never \d: Python's \d (the validator's) also matches other scripts' digits,
# an editor's (ECMAScript's) does not; the loader reads ASCII digits only.
_NUMBER = r"[0-9]+(\.[0-9]+)?"
_HOURS = r"0*([0-2](\.[0-9]+)?|3(\.0+)?)"
"""No single step is longer than 3 hours; the pattern refuses larger hour counts (``4h``)."""
_UNITS = (
    rf"({_HOURS}\s*({_any_case('h', 'hr', 'hrs', 'hour', 'hours')}))?\s*"
    rf"({_NUMBER}\s*({_any_case('m', 'min', 'mins', 'minute', 'minutes')}))?\s*"
    rf"({_NUMBER}\s*({_any_case('s', 'sec', 'secs', 'second', 'seconds')}))?"
)
_CLOCK = r"(0*[0-3]:0*[0-5]?[0-9]|[0-9]+):[0-5][0-9](\.[0-9]+)?"
_DURATION_FORMS = rf"({_NUMBER}|{_CLOCK}|{_UNITS})"
_DURATION = rf"(?=[0-9])(?=.*[1-9]){_DURATION_FORMS}"
"""Starts with a digit (the all-optional units must not match ""), and some digit is not zero."""
DURATION_PATTERN = rf"^\s*{_DURATION}\s*$"
_BREATHS = rf"0*([1-9][0-9]{{0,2}}|1000)\s*({_any_case('breath', 'breaths')})"
BREATHS_PATTERN = rf"^\s*{_BREATHS}\s*$"
_COUNT = r"\+?0*([1-9][0-9]{0,2}|1000)"
COUNT_PATTERN = rf"^\s*{_COUNT}\s*$"
_TO = rf"\s+({_any_case('to')})\s+"
# A range's ends: the "some digit is not zero" lookahead must stop at " to ", or `0s to 30s`
# would pass on the second end's digits.
_RANGE_END = rf"(?=[0-9])(?=((?!{_TO}).)*[1-9]){_DURATION_FORMS}"
_BREATH_WORD = f"({_any_case('breath', 'breaths')})"
_HOLD_RANGE = (
    rf"{_RANGE_END}{_TO}{_RANGE_END}"
    rf"|0*([1-9][0-9]{{0,2}}|1000)(\s*{_BREATH_WORD})?{_TO}{_BREATHS}"
)
HOLD_RANGE_PATTERN = rf"^\s*({_HOLD_RANGE})\s*$"
COUNT_RANGE_PATTERN = rf"^\s*{_COUNT}{_TO}{_COUNT}\s*$"
COUNT_OR_RANGE_PATTERN = rf"^\s*({_COUNT}|{_COUNT}{_TO}{_COUNT})\s*$"
_SEP = r"[\s-]+"
"""Between a plan's words: the loader reads `twice-a-day` as `twice a day`."""
_SMALL_WORDS = _any_case("one", "two", "three", "four", "five")
_PER = rf"{_SEP}({_any_case('a', 'per', 'each')}){_SEP}"
_TIMES = rf"{_SEP}({_any_case('times', 'time')})"
_A_DAY = rf"({_any_case('once', 'twice')}|(0*([1-9]|1[0-2])|{_SMALL_WORDS}){_TIMES}){_PER}"
_A_WEEK = (
    rf"({_any_case('once', 'twice')}|(0*[1-7]|{_SMALL_WORDS})"
    rf"({_TIMES}|{_SEP}({_any_case('days', 'day')}))){_PER}"
)
PLAN_PATTERN = (
    rf"^\s*({_any_case('daily', 'weekly', 'every day', 'each day')}"
    rf"|{_A_DAY}({_any_case('day')})|{_A_WEEK}({_any_case('week')}))\s*$"
)
TEXT_PATTERN = r"\S"
VERSION_PATTERN = r"^\s*1(\.0+)?\s*$"
LANGUAGE_PATTERN = r"^\s*[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\s*$"
"""A language tag (core/i18n.is_language_tag), with the spaces YAML may leave around it."""
URL_PATTERN = r"^\s*[Hh][Tt][Tt][Pp][Ss]?://\S+\s*$"

DURATION_HELP = "a duration such as 30s, 1m30s, 1 min 30 s or 1:30 (from 0.5 s to 3 h)"

_TEXT: dict[str, Any] = {
    # The loader keeps any scalar as the text written, so `date: 2015` is text even though
    # YAML editors type it as a number; blank text is refused.
    "type": ["string", "number", "boolean"],
    "pattern": TEXT_PATTERN,
    "patternErrorMessage": "Expected some text.",
}


def _duration(*alternatives: tuple[str, str], also: str = "") -> dict[str, Any]:
    """One schema of two types rather than an ``anyOf``: an editor then reports a wrong text
    as a wrong duration, not as "Incorrect type. Expected number"."""
    pattern = "|".join([_DURATION, *(regex for regex, _ in alternatives)])
    words = "".join(f", or {word}" for _, word in alternatives)
    return {
        "type": ["number", "string"],
        "minimum": MIN_STEP_S,
        "maximum": MAX_STEP_S,
        "pattern": rf"^\s*({pattern})\s*$",
        "patternErrorMessage": f"Expected {DURATION_HELP}{words}.{also}",
    }


def _section_example(field: Field) -> Any:
    """Examples of lists and mappings as YAML values, so completing inserts a YAML list or
    mapping rather than the quoted text ``"[hip, stretch]"``."""
    value = yaml.safe_load(field.example)
    return value if isinstance(value, list | dict) else field.example


def _field_schema(field: Field) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    example: Any = field.example
    if kind is Kind.TEXT:
        schema = dict(_TEXT)
    elif kind is Kind.TEXT_LIST:
        schema = {
            **_TEXT,
            "type": [*_TEXT["type"], "array"],
            "items": dict(_TEXT),
            "patternErrorMessage": "Expected some text, or a list of texts.",
            "defaultSnippets": [{"label": "a list", "body": ["${1}"]}],
        }
        example = _section_example(field)
        if field.key == "setup":
            wait = {
                "type": "object",
                "description": 'A setup cue, then wait for "I\'m ready".',
                "properties": {"wait": dict(_TEXT)},
                "required": ["wait"],
                "additionalProperties": False,
            }
            schema["items"] = {"anyOf": [dict(_TEXT), wait]}
    elif kind is Kind.COUNT:
        schema = {
            "type": ["integer", "string"],
            "minimum": 1,
            "maximum": MAX_COUNT,
            "pattern": COUNT_PATTERN,
            "patternErrorMessage": f"Expected a whole number from 1 to {MAX_COUNT}.",
        }
        example = int(field.example)
    elif kind is Kind.DURATION:
        schema = _duration()
    elif kind is Kind.DURATION_OR_NONE:
        schema = _duration((_any_case(*spec.NONE_WORDS), "`none`"))
        # YAML 1.1 readers make `off` and `no` the boolean false; true is never right.
        schema["type"] = [*schema["type"], "boolean"]
        schema["not"] = {"const": True}
    elif kind is Kind.DURATION_OR_WAIT:
        schema = _duration(
            (_any_case(*spec.WAIT_WORDS), '`wait` (wait for "I\'m ready")'),
        )
    elif kind is Kind.HOLD:
        schema = _duration((_BREATHS, "a number of breaths such as 5 breaths"))
    elif kind is Kind.COUNT_OR_RANGE:
        schema = {
            "type": ["integer", "string"],
            "minimum": 1,
            "maximum": MAX_COUNT,
            "pattern": COUNT_OR_RANGE_PATTERN,
            "patternErrorMessage": f"Expected a whole number from 1 to {MAX_COUNT}, "
            "or a range such as 5 to 10.",
        }
        example = int(field.example)
    elif kind is Kind.HOLD_OR_RANGE:
        schema = _duration(
            (_BREATHS, "a number of breaths such as 5 breaths"),
            (_HOLD_RANGE, "a range such as 30s to 60s or 5 to 8 breaths"),
        )
    elif kind is Kind.PLAN:
        schema = {
            "type": "string",
            "pattern": PLAN_PATTERN,
            "patternErrorMessage": "Expected how often: daily, twice a day, 3 times a day, "
            "3 days a week or once a week.",
            "examples": ["daily", "twice a day", "3 days a week"],
        }
    elif kind is Kind.LANGUAGE:
        schema = {
            "type": "string",
            "pattern": LANGUAGE_PATTERN,
            "patternErrorMessage": "Expected a language tag such as fr, de or es-MX.",
            "examples": ["en", "fr", "de", "es"],
        }
    elif kind is Kind.SWITCH:
        # YAML 1.1 readers make `on` the boolean true; accept both spellings.
        schema = {
            "type": ["boolean", "string"],
            "pattern": _words_pattern(spec.TRUE_WORDS + spec.FALSE_WORDS),
            "patternErrorMessage": "Expected on or off.",
            "examples": ["on", "off"],
        }
    elif kind is Kind.SIDES:
        schema = {
            "type": "string",
            "pattern": _words_pattern(spec.SIDE_CHOICES),
            "patternErrorMessage": "Expected one of: " + ", ".join(spec.SIDE_CHOICES) + ".",
            "examples": list(spec.SIDE_CHOICES),
        }
    elif kind is Kind.VERSION:
        schema = {
            "type": ["number", "string"],
            "minimum": 1,
            "maximum": 1,
            "pattern": VERSION_PATTERN,
            "patternErrorMessage": "This is format 1.",
        }
        example = 1
    elif kind is Kind.IMAGE:
        schema = {"type": "string", "pattern": TEXT_PATTERN}
    elif kind is Kind.URL:
        schema = {
            "type": "string",
            "pattern": URL_PATTERN,
            "patternErrorMessage": "Expected a link starting http:// or https://, no spaces.",
        }
    elif kind is Kind.SECTION:
        assert field.section is not None
        schema = section_schema(field.section)
        example = _section_example(field)
    elif kind is Kind.SOURCES:
        assert field.section is not None
        item = {"anyOf": [dict(_TEXT), section_schema(field.section)]}
        schema = {"type": "array", "items": item}
        example = _section_example(field)
    else:  # Kind.SECTION_LIST
        assert field.section is not None
        items = section_schema(field.section)
        if field.section is spec.EXERCISE:
            # `- rest: 1m` between exercises: an item with `rest:` and at most a `cue:`.
            rest_keys = {"enum": list(spec.REST_ITEM.keys)}
            items = {
                "if": {"type": "object", "required": ["rest"], "propertyNames": rest_keys},
                "then": section_schema(spec.REST_ITEM),
                "else": items,
            }
        schema = {"type": "array", "minItems": 1, "items": items}
        example = _section_example(field)
    examples = schema.pop("examples", [example])
    # The title heads the editor's hover; without one it shows the file's title instead.
    return {"title": field.key, "description": field.doc, **schema, "examples": examples}


_BREATHS_HOLD = {"type": "string", "pattern": BREATHS_PATTERN}
EXERCISE_WORK: dict[str, Any] = {
    "anyOf": [{"required": ["hold"]}, {"required": ["breathing"]}, {"required": ["pace"]}],
    "not": {
        "anyOf": [{"required": ["pace", "hold"]}, {"required": ["pace", "breathing"]}],
    },
    "errorMessage": "An exercise needs its work, one of: `hold: 30s`, `hold: 5 breaths`, "
    "`breathing:` with `cycles:`, or `pace: 2s` (counted reps).",
    "if": {"required": ["breathing"]},
    "then": {
        "anyOf": [
            {
                "properties": {"breathing": {"required": ["cycles"]}},
                "not": {"required": ["hold"]},
            },
            {
                "properties": {
                    "breathing": {"not": {"required": ["cycles"]}},
                    "hold": _BREATHS_HOLD,
                },
                "required": ["hold"],
            },
        ],
        "errorMessage": "With `breathing:`, give either `cycles:` in it or `hold: 5 breaths` "
        "beside it (not a timed hold, not both).",
    },
}
"""What the loader asks of an exercise's work, as JSON Schema can say it."""

PROGRESSION_NEEDS_RANGE: dict[str, Any] = {
    "if": {"required": ["progression"]},
    "then": {
        "anyOf": [
            {
                "properties": {"hold": {"type": "string", "pattern": HOLD_RANGE_PATTERN}},
                "required": ["hold"],
            },
            {
                "properties": {"reps": {"type": "string", "pattern": COUNT_RANGE_PATTERN}},
                "required": ["reps"],
            },
            {
                "properties": {
                    "breathing": {
                        "properties": {
                            "cycles": {"type": "string", "pattern": COUNT_RANGE_PATTERN}
                        },
                        "required": ["cycles"],
                    }
                },
                "required": ["breathing"],
            },
        ],
        "errorMessage": "`progression` moves through ranges: give this exercise one, e.g. "
        "`hold: 30s to 60s` or `reps: 5 to 10`.",
    },
}
"""``progression:`` only where a range is: the loader refuses it on an exercise without one."""


def section_schema(section: Section) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": section.doc,
        "additionalProperties": False,
        "properties": {field.key: _field_schema(field) for field in section.fields},
    }
    required = [field.key for field in section.fields if field.required]
    if required:
        schema["required"] = required
    if section is spec.EXERCISE:
        schema["allOf"] = [EXERCISE_WORK, PROGRESSION_NEEDS_RANGE]
    return schema


def session_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "piritimer session",
        **section_schema(spec.SESSION),
    }


def class_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CLASS_SCHEMA_ID,
        "title": "piritimer class",
        **section_schema(CLASS),
    }


def schema_json() -> str:
    return json.dumps(session_schema(), indent=2, ensure_ascii=False) + "\n"


def class_schema_json() -> str:
    return json.dumps(class_schema(), indent=2, ensure_ascii=False) + "\n"


SCHEMA_FILE_NAME = "piritimer-session.schema.json"
CLASS_SCHEMA_FILE_NAME = "piritimer-class.schema.json"
SCHEMA_FILES = {SCHEMA_FILE_NAME: schema_json, CLASS_SCHEMA_FILE_NAME: class_schema_json}
"""Each schema a modeline may name, by the file name it is written under."""


def write_schema_beside(folder: Path) -> Path:
    """Keep a current copy of the schema in ``folder`` so a modeline can name it plainly.

    Written only when it differs, atomically, so an editor watching it never sees half a file.
    """
    target = folder / SCHEMA_FILE_NAME
    text = schema_json()
    try:
        if target.read_text(encoding="utf-8") == text:
            return target
    except OSError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".json.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)
    return target
