"""The JSON Schema for editors: committed copy in sync, well formed, and true to the loader.

Files are checked with ``jsonschema`` (an independent validator, Draft 2020-12) as two kinds of
reader hand them over: YAML 1.2 as editors read it (``tests.yaml12``: ``no`` and ``1:30`` are
text, ``1e2`` a number) and YAML 1.1 (``yaml.safe_load``: ``on`` is true, ``1:30`` is 90).
The generated differential test is tests/test_schema_agrees.py.
"""

from __future__ import annotations

import datetime
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from piritimer import paths
from piritimer.core.durations import DurationError, parse_duration
from piritimer.core.loader import load_session_bytes
from piritimer.core.schema import DURATION_PATTERN, schema_json, session_schema
from tests import yaml12

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "docs" / "schema" / "session-1.schema.json"
DOC = ROOT / "docs" / "session-format.md"


def as_json(value: Any) -> Any:
    """What an editor's schema check sees: JSON has no dates, so a YAML date is its text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load11(text: str) -> Any:
    return as_json(yaml.safe_load(text))


READERS: dict[str, Callable[[str], Any]] = {"yaml 1.2": yaml12.load, "yaml 1.1": load11}
VALIDATOR = jsonschema.Draft202012Validator(session_schema())


def satisfies(value: Any, schema: dict[str, Any] | None = None) -> bool:
    validator = VALIDATOR if schema is None else jsonschema.Draft202012Validator(schema)
    return bool(validator.is_valid(value))


def load(text: str) -> Any:
    return yaml12.load(text)


def subschemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = [schema]
    for option in schema.get("anyOf", []) + schema.get("allOf", []):
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
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for schema in subschemas(SCHEMA):
        if "pattern" in schema:
            re.compile(schema["pattern"])
            assert r"\d" not in schema["pattern"], "ASCII [0-9]: Python's \\d is Unicode"
        if "properties" in schema:
            assert schema["type"] == "object"
            assert schema["additionalProperties"] is False
        assert isinstance(schema.get("examples", []), list)


def test_examples_of_lists_and_mappings_are_yaml_values_not_quoted_text() -> None:
    """Completing `tags:` must insert a list, never the text "[hip, stretch]"."""
    for schema in subschemas(SCHEMA):
        for example in schema.get("examples", []):
            assert not (isinstance(example, str) and example.startswith(("[", "{"))), example
    tags = SCHEMA["properties"]["tags"]
    assert tags["examples"] == [["hip", "stretch"]]


def test_every_key_example_satisfies_its_own_schema() -> None:
    for schema in subschemas(SCHEMA):
        for example in schema.get("examples", []):
            assert satisfies(example, schema), (example, schema.get("description"))


def test_there_are_sessions_and_doc_examples_to_check() -> None:
    assert len(SESSION_FILES) >= 2
    assert len(DOC_EXAMPLES) >= 15


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("path", SESSION_FILES, ids=lambda p: p.name)
def test_bundled_session_satisfies_schema(path: Path, reader: str) -> None:
    assert satisfies(READERS[reader](path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("text", DOC_EXAMPLES, ids=lambda t: t.split("\n", 1)[0][:40])
def test_doc_example_satisfies_schema(text: str, reader: str) -> None:
    assert satisfies(READERS[reader](text))


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
        session("hold: 30s\nsides: bothways\n"),
        session("hold: 30s\nsetup time: none\n"),
        session("hold: 30s\nswitch sides: none\n"),
        session("hold: 30s\ncues: {exale: squeeze}\n"),
        session("breathing: {inhale: 4s, exhale: 6s, cylces: 3}\n"),
        session("hold: 30s\n", top="defaults: {voice: loud}\n"),
        session("hold: 30s\n", top="sources: [{author: nobody}]\n"),
    ],
)
def test_schema_rejects_mistakes(text: str) -> None:
    assert not load_session_bytes(text).ok
    assert not satisfies(load(text))


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
        "4h",
        "3h",
        "2.5h",
        "1:90",
        "1:60:00",
        "5:00:00",
        "0s",
        "0:00",
        "0m30s",
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


@pytest.mark.parametrize("reader", READERS)
def test_off_for_an_optional_rest_satisfies_schema(reader: str) -> None:
    text = session("hold: 30s\nrest after: off\nget ready: no\nrest between reps: false\n")
    assert load_session_bytes(text).ok
    assert satisfies(READERS[reader](text))


def test_text_that_yaml_reads_as_a_number_satisfies_schema() -> None:
    text = session("hold: 30s\n", top="sources: [{title: Notes, date: 2015}]\ntags: [1, 2]\n")
    assert load_session_bytes(text).ok
    assert satisfies(load(text))


@pytest.mark.parametrize(
    "text",
    [
        session("hold: 30s\nsides: Left then right\n"),
        session("hold: 30s\nsides: '  right   only '\n"),
        session("hold: 30s\nsetup time: Wait\n"),
        session("hold: 30s\nreps: '3'\nsets: '+2'\n"),
        session("hold: 30s\n", top="defaults: {voice: NO, sounds: On}\n"),
        session("hold: '1:30'\nrest after: NONE\n"),
        session("hold: 3h\nget ready: none\nrest after: none\nsetup time: 1s\n"),
        session("hold: 5 Breaths\n"),
        session("hold: 30s\n", top="format: 1.0\n"),
        session("hold: 30s\n", top="format: '1'\n"),
    ],
)
def test_accepted_by_piritimer_and_by_the_schema(text: str) -> None:
    """The disagreements issue 14 found, where the loader was right."""
    assert load_session_bytes(text).ok, load_session_bytes(text).diagnostics
    assert satisfies(load(text)), list(VALIDATOR.iter_errors(load(text)))


@pytest.mark.parametrize(
    "text",
    [
        session("hold: 4h\n"),
        session("hold: 1:90\n"),
        session("hold: 4:00:00\n"),
        session("hold: 0 breaths\n"),
        session("hold: 1001 breaths\n"),
        session("hold: 0s\n"),
        session("hold: 0:00\n"),
        session("hold: .inf\n"),
        session("hold: 30s\nreps: '0'\n"),
        session("hold: 30s\n", top="format: 1.5\n"),
        session("hold: 30s\n", top="tags: [hip, ~]\n"),
        session("hold: 30s\nabout: '   '\n"),
        session("hold: 30s\n", top="sources: [{title: x, url: 'https://'}]\n"),
        session("hold: 30s\nbreathing: {cycles: 3}\n"),
        session("hold: 5 breaths\nbreathing: {cycles: 3}\n"),
        session("hold: 30s\nbreathing: {inhale: 4s}\n"),
        session("breathing: {inhale: 4s}\n"),
        session("about: no work\n"),
    ],
)
def test_refused_by_piritimer_and_by_the_schema(text: str) -> None:
    """The disagreements issue 14 found, where the schema was too lax; and the work rules."""
    assert not load_session_bytes(text).ok
    assert not satisfies(load(text))
