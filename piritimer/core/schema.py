"""JSON Schema for session files, generated from piritimer.core.spec.

Editors that speak the YAML language server (VS Code's YAML extension, Neovim, Helix, Kate...)
use it to complete keys and flag mistakes while typing. Patterns mirror the loader's parsers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from piritimer.core import spec
from piritimer.core.class_plan import CLASS
from piritimer.core.durations import MAX_STEP_S, MIN_STEP_S
from piritimer.core.spec import Field, Kind, Section

SCHEMA_ID = "https://piritimer.invalid/schema/session-1.json"
CLASS_SCHEMA_ID = "https://piritimer.invalid/schema/class-1.json"


def _any_case(*words: str) -> str:
    """A regex alternation matching ``words`` in any case (JSON Schema patterns have no flags)."""
    return "|".join("".join(f"[{c.lower()}{c.upper()}]" for c in word) for word in words)


_NUMBER = r"\d+(\.\d+)?"
_UNITS = (
    rf"({_NUMBER}\s*({_any_case('h', 'hr', 'hrs', 'hour', 'hours')}))?\s*"
    rf"({_NUMBER}\s*({_any_case('m', 'min', 'mins', 'minute', 'minutes')}))?\s*"
    rf"({_NUMBER}\s*({_any_case('s', 'sec', 'secs', 'second', 'seconds')}))?"
)
# Every duration starts with a digit; the lookahead stops the all-optional units matching "".
DURATION_PATTERN = rf"^\s*(?=\d)({_NUMBER}|(\d+:)?\d+:\d\d(\.\d+)?|{_UNITS})\s*$"
BREATHS_PATTERN = rf"^\s*\d+\s*({_any_case('breath', 'breaths')})\s*$"


def _words(words: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(words)}


def _duration() -> dict[str, Any]:
    return {
        "anyOf": [
            {"type": "number", "minimum": MIN_STEP_S, "maximum": MAX_STEP_S},
            {"type": "string", "pattern": DURATION_PATTERN},
        ]
    }


def _field_schema(field: Field) -> dict[str, Any]:
    kind = field.kind
    schema: dict[str, Any]
    if kind is Kind.TEXT:
        # The loader keeps the text as written, so `date: 2015` is text even though YAML
        # editors type it as a number.
        schema = {"type": ["string", "number", "boolean"], "minLength": 1}
    elif kind is Kind.TEXT_LIST:
        text = {"type": "string", "minLength": 1}
        schema = {"anyOf": [text, {"type": "array", "items": text}]}
    elif kind is Kind.COUNT:
        schema = {"type": "integer", "minimum": 1, "maximum": 1000}
    elif kind is Kind.DURATION:
        schema = _duration()
    elif kind is Kind.DURATION_OR_NONE:
        # YAML 1.1 editors read `off` and `no` as false.
        schema = {"anyOf": [*_duration()["anyOf"], _words(spec.NONE_WORDS), {"const": False}]}
    elif kind is Kind.DURATION_OR_WAIT:
        schema = {"anyOf": [*_duration()["anyOf"], _words(spec.WAIT_WORDS)]}
    elif kind is Kind.HOLD:
        schema = {"anyOf": [*_duration()["anyOf"], {"type": "string", "pattern": BREATHS_PATTERN}]}
    elif kind is Kind.SWITCH:
        # YAML 1.1 editors read `on` as true; accept both spellings.
        schema = {"anyOf": [{"type": "boolean"}, _words(spec.TRUE_WORDS + spec.FALSE_WORDS)]}
    elif kind is Kind.SIDES:
        schema = _words(spec.SIDE_WORDS)
    elif kind is Kind.VERSION:
        schema = {"const": 1}
    elif kind is Kind.IMAGE:
        schema = {"type": "string", "minLength": 1}
    elif kind is Kind.URL:
        schema = {"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://\S+$"}
    elif kind is Kind.SECTION:
        assert field.section is not None
        schema = section_schema(field.section)
    elif kind is Kind.SOURCES:
        assert field.section is not None
        item = {"anyOf": [{"type": "string", "minLength": 1}, section_schema(field.section)]}
        schema = {"type": "array", "items": item}
    else:  # Kind.SECTION_LIST
        assert field.section is not None
        schema = {"type": "array", "minItems": 1, "items": section_schema(field.section)}
    return {"description": field.doc, **schema, "examples": [field.example]}


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
