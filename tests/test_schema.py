"""The JSON Schema for editors: committed copy in sync, well formed, and true to the loader.

No JSON Schema library is a dependency, so ``satisfies`` below checks the subset of keywords the
schema uses, and refuses any other keyword so that a new one cannot be silently skipped.
Documents are read with ``yaml.safe_load`` (YAML 1.1, which reads ``on`` as True and ``1:30``
as 90; the schema allows both), as an editor's YAML parser would hand them to the schema.
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from piritimer import paths
from piritimer.core.durations import DurationError, parse_duration
from piritimer.core.schema import DURATION_PATTERN, schema_json, session_schema

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "schema" / "session-1.schema.json"
DOC = ROOT / "docs" / "session-format.md"

ANNOTATIONS = {"$schema", "$id", "title", "description", "examples"}


PYTHON_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "number": (int, float),
    "integer": int,
    "boolean": bool,
    "null": type(None),
}


def is_type(value: Any, name: str) -> bool:
    if name in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, PYTHON_TYPES[name])


def satisfies(value: Any, schema: dict[str, Any]) -> bool:
    """True when ``value`` is valid against ``schema`` (the keyword subset the schema uses)."""
    for keyword, rule in schema.items():
        if keyword in ANNOTATIONS or keyword == "additionalProperties":
            continue
        if keyword == "type":
            ok = any(is_type(value, t) for t in ([rule] if isinstance(rule, str) else rule))
        elif keyword == "enum":
            ok = value in rule
        elif keyword == "const":
            ok = value == rule and isinstance(value, bool) == isinstance(rule, bool)
        elif keyword == "anyOf":
            ok = any(satisfies(value, option) for option in rule)
        elif keyword == "pattern":
            ok = not isinstance(value, str) or re.search(rule, value) is not None
        elif keyword == "minLength":
            ok = not isinstance(value, str) or len(value) >= rule
        elif keyword in ("minimum", "maximum", "exclusiveMinimum"):
            if not is_type(value, "number"):
                continue
            ok = {"minimum": value >= rule, "maximum": value <= rule}.get(keyword, value > rule)
        elif keyword == "minItems":
            ok = not isinstance(value, list) or len(value) >= rule
        elif keyword == "items":
            ok = not isinstance(value, list) or all(satisfies(item, rule) for item in value)
        elif keyword == "required":
            ok = not isinstance(value, dict) or all(key in value for key in rule)
        elif keyword == "properties":
            ok = not isinstance(value, dict) or all(
                satisfies(v, rule[k]) if k in rule else schema.get("additionalProperties", True)
                for k, v in value.items()
            )
        else:
            raise AssertionError(f"the test's checker does not know the keyword {keyword!r}")
        if not ok:
            return False
    return True


def as_json(value: Any) -> Any:
    """What an editor's schema check sees: JSON has no dates, so a YAML date is its text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load(text: str) -> Any:
    return as_json(yaml.safe_load(text))


def subschemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = [schema]
    for option in schema.get("anyOf", []):
        found += subschemas(option)
    for child in schema.get("properties", {}).values():
        found += subschemas(child)
    if "items" in schema:
        found += subschemas(schema["items"])
    return found


SCHEMA = session_schema()
SESSION_FILES = sorted(paths.bundled_sessions_dir().glob("*.yaml"))
DOC_EXAMPLES = re.findall(r"^```yaml\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.M | re.S)


def test_committed_schema_is_what_piritimer_prints() -> None:
    committed = COMMITTED.read_text(encoding="utf-8")
    assert committed == schema_json(), (
        "docs/schema/session-1.schema.json is out of date; regenerate it with\n"
        "    piritimer schema > docs/schema/session-1.schema.json"
    )


def test_schema_is_well_formed() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(schema_json()) == SCHEMA
    known = ANNOTATIONS | {"type", "enum", "const", "anyOf", "pattern", "minLength", "minimum"}
    known |= {"maximum", "exclusiveMinimum", "minItems", "items", "required", "properties"}
    known |= {"additionalProperties"}
    for schema in subschemas(SCHEMA):
        assert set(schema) <= known, set(schema) - known
        types = schema.get("type", "object")
        assert set([types] if isinstance(types, str) else types) <= set(PYTHON_TYPES)
        if "pattern" in schema:
            re.compile(schema["pattern"])
        if "enum" in schema:
            assert schema["enum"]
            assert len(set(schema["enum"])) == len(schema["enum"])
        if "required" in schema:
            assert set(schema["required"]) <= set(schema["properties"])
        if "properties" in schema:
            assert schema["type"] == "object"
            assert schema["additionalProperties"] is False
        assert isinstance(schema.get("examples", []), list)


def test_every_key_example_satisfies_its_own_schema() -> None:
    for schema in subschemas(SCHEMA):
        for example in schema.get("examples", []):
            assert satisfies(load(example), schema), (example, schema.get("description"))


def test_there_are_sessions_and_doc_examples_to_check() -> None:
    assert len(SESSION_FILES) >= 2
    assert len(DOC_EXAMPLES) >= 15


@pytest.mark.parametrize("path", SESSION_FILES, ids=lambda p: p.name)
def test_bundled_session_satisfies_schema(path: Path) -> None:
    assert satisfies(load(path.read_text(encoding="utf-8")), SCHEMA)


@pytest.mark.parametrize("text", DOC_EXAMPLES, ids=lambda t: t.split("\n", 1)[0][:40])
def test_doc_example_satisfies_schema(text: str) -> None:
    assert satisfies(load(text), SCHEMA)


def session(exercise_lines: str, top: str = "") -> str:
    exercise = textwrap.indent(textwrap.dedent(exercise_lines), "    ")
    return f"title: T\n{top}exercises:\n  - name: A\n{exercise}"


@pytest.mark.parametrize(
    "text",
    [
        "exercises: [{name: A, hold: 30s}]",
        "title: T",
        "title: T\nexercises: []",
        "title: ''\nexercises: [{name: A, hold: 30s}]",
        "title: T\nformat: 2\nexercises: [{name: A, hold: 30s}]",
        "title: T\ntitel: x\nexercises: [{name: A, hold: 30s}]",
        session("hold: 30s\nrest_between_reps: 5s\n"),
        session("hold: -5s\n"),
        session("hold: 0\n"),
        session("hold: half a minute\n"),
        session("hold: 30s\nreps: 0\n"),
        session("hold: 30s\nreps: 1001\n"),
        session("hold: 30s\nsets: 1.5\n"),
        session("hold: 30s\nsides: both\n"),
        session("hold: 30s\nsetup time: none\n"),
        session("hold: 30s\nswitch sides: none\n"),
        session("hold: 30s\ncues: {exale: squeeze}\n"),
        session("breathing: {inhale: 4s, exhale: 6s, cylces: 3}\n"),
        session("hold: 30s\n", top="defaults: {voice: loud}\n"),
        session("hold: 30s\n", top="sources: [{author: nobody}]\n"),
    ],
)
def test_schema_rejects_mistakes(text: str) -> None:
    assert not satisfies(load(text), SCHEMA)


@pytest.mark.parametrize(
    "text",
    [
        "30",
        "2.5",
        "30s",
        "30 s",
        "1m30s",
        "1 min 30 s",
        "1m 30s",
        "2 minutes",
        "1h",
        "1:30",
        "1:00:00",
        "0:02.5",
        "-5s",
        "30s 1m",
        "1e3",
        ".5",
        "banana",
        "3 weeks",
        "1:5",
    ],
)
def test_duration_pattern_agrees_with_the_loader(text: str) -> None:
    try:
        parse_duration(text)
        loader_accepts = True
    except DurationError:
        loader_accepts = False
    assert (re.search(DURATION_PATTERN, text) is not None) is loader_accepts


@pytest.mark.parametrize("text", ["", "   "])
def test_duration_pattern_refuses_blank(text: str) -> None:
    assert re.search(DURATION_PATTERN, text) is None


def test_duration_pattern_accepts_upper_case_units_like_the_loader() -> None:
    assert parse_duration("30S") == 30
    assert re.search(DURATION_PATTERN, "30S") is not None


def test_yaml11_off_for_an_optional_rest_satisfies_schema() -> None:
    assert satisfies(load(session("hold: 30s\nrest after: off\nget ready: no\n")), SCHEMA)


def test_text_that_yaml_reads_as_a_number_satisfies_schema() -> None:
    text = session("hold: 30s\n", top="sources: [{title: Notes, date: 2015}]\n")
    assert satisfies(load(text), SCHEMA)
