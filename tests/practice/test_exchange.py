"""Export to CSV and JSON, and JSON back in: an untrusted file gets a sentence, not a traceback."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from piritimer.core.practice import Outcome
from piritimer.practice.exchange import (
    FORMAT,
    MAX_IMPORT_BYTES,
    ImportRefused,
    parse_json,
    to_csv,
    to_json,
)
from piritimer.practice.records import FIELDS
from tests.practice.helpers import a_run

RUNS = [
    a_run(
        1, pain_before=5, pain_after=3, note='left knee, "tight"', done=("A · left", "A · right")
    ),
    a_run(2, outcome=Outcome.STOPPED, step_index=4, ended_at=None, title="=HYPERLINK(1)"),
]


def document(**changes: Any) -> bytes:
    base: dict[str, Any] = json.loads(to_json(RUNS[:1]))
    base.update(changes)
    return json.dumps(base).encode()


def test_json_round_trips_every_field() -> None:
    assert parse_json(to_json(RUNS).encode()) == RUNS


def test_csv_has_a_header_and_one_line_per_run() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(RUNS))))
    assert tuple(rows[0]) == FIELDS
    assert len(rows) == 3
    first = dict(zip(FIELDS, rows[1], strict=True))
    assert first["done"] == "A · left; A · right"
    assert first["note"] == 'left knee, "tight"'
    assert first["pain_before"] == "5"
    assert first["ended_at"].endswith("+00:00")


def test_csv_never_hands_a_spreadsheet_a_formula() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(RUNS))))
    second = dict(zip(FIELDS, rows[2], strict=True))
    assert second["title"] == "'=HYPERLINK(1)"
    assert second["ended_at"] == ""


def test_a_running_run_comes_in_as_interrupted() -> None:
    record = json.loads(to_json([a_run(1, outcome=Outcome.RUNNING, ended_at=None)]))
    (run,) = parse_json(json.dumps(record).encode())
    assert run.outcome is Outcome.INTERRUPTED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"{", r"not valid JSON \(line 1"),
        (b"[]", "not a piritimer practice log"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply|not a piritimer"),
        (json.dumps({"format": "other"}).encode(), FORMAT),
        (document(version=2), "version 2"),
        (document(runs={"a": 1}), 'no list of "runs"'),
        (document(runs=[1]), "run 1: a run must be an object"),
        (document(runs=[{"id": "x"}]), "run 1: outcome must be one of"),
    ],
)
def test_a_file_that_is_not_a_practice_log_is_refused_with_a_reason(
    data: bytes, message: str
) -> None:
    with pytest.raises(ImportRefused, match=message):
        parse_json(data)


def one_run(**changes: Any) -> bytes:
    record: dict[str, Any] = json.loads(to_json(RUNS[:1]))["runs"][0]
    record.update(changes)
    return document(runs=[json.loads(to_json(RUNS[1:]))["runs"][0], record])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pain_after": 11}, "run 2: pain 11 is outside 0–10"),
        ({"pain_before": "3"}, "run 2: pain must be a whole number"),
        ({"started_at": "yesterday"}, "run 2: started_at 'yesterday' is not an ISO 8601"),
        ({"started_at": "2026-01-01T08:00:00"}, "run 2: started_at .* has no time zone"),
        ({"step_index": -1}, "run 2: step_index must be a whole number"),
        ({"done": "all"}, "run 2: done must be a list of texts"),
        ({"paused_s": float("nan")}, "run 2: paused_s must be a number"),
        ({"title": None}, "run 2: title must be text"),
        ({"title": "x" * 5000}, "run 2: title is longer than"),
        ({"note": "x" * 501}, "run 2: note is longer than 500"),
        ({"id": ""}, "run 2: id must not be empty"),
        ({"id": "run-2"}, "run 2: the id 'run-2' appears twice"),
        ({"evil": 1}, "run 2: unknown field 'evil'"),
    ],
)
def test_a_bad_run_is_named_with_its_field(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ImportRefused, match=message):
        parse_json(one_run(**changes))


def test_a_huge_file_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(ImportRefused, match="bytes"):
        parse_json(b" " * (MAX_IMPORT_BYTES + 1))


def test_the_documented_example_imports_and_every_field_is_documented() -> None:
    import re

    from piritimer import paths

    text = (paths.PACKAGE_DIR.parent / "docs" / "practice.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```json\n(.*?)```", text, flags=re.DOTALL)
    (run,) = parse_json(example.encode())
    assert run.done == ("Figure four · left", "Figure four · right")
    assert set(json.loads(example)["runs"][0]) == set(FIELDS)
    for name in FIELDS:
        assert f"`{name}`" in text, name
