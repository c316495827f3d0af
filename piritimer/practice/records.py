"""A `Run` as a flat record (a database row, a JSON object, a CSV line) and back.

``from_record`` is the one gate for runs from outside (an imported JSON file): it checks
every field and raises `BadRecord` with a sentence, never a traceback.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from piritimer.core.i18n import _
from piritimer.core.practice import NOTE_MAX_CHARS, Outcome, Run, check_pain

FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "file",
    "content_hash",
    "started_at",
    "ended_at",
    "paused_s",
    "outcome",
    "step_index",
    "step_count",
    "step_title",
    "done",
    "pain_before",
    "pain_after",
    "note",
    "pid",
    "continues",
)
TEXT_MAX_CHARS = 4096
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}


class BadRecord(ValueError):
    """A record that is not a run; the message says which field and why."""


def stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="milliseconds")


def to_record(run: Run) -> dict[str, Any]:
    """Plain values only (str, int, float, None, list of str): JSON-ready."""
    return {
        "id": run.id,
        "title": run.title,
        "file": run.file,
        "content_hash": run.content_hash,
        "started_at": stamp(run.started_at),
        "ended_at": stamp(run.ended_at),
        "paused_s": round(run.paused_s, 3),
        "outcome": run.outcome.value,
        "step_index": run.step_index,
        "step_count": run.step_count,
        "step_title": run.step_title,
        "done": list(run.done),
        "pain_before": run.pain_before,
        "pain_after": run.pain_after,
        "note": run.note,
        "pid": run.pid,
        "continues": run.continues,
    }


def to_row(run: Run) -> tuple[Any, ...]:
    record = to_record(run)
    record["done"] = json.dumps(record["done"], ensure_ascii=False)
    return tuple(record[name] for name in FIELDS)


def from_row(row: tuple[Any, ...]) -> Run:
    """A Run from the store's own row. The table's types and CHECKs vouch for the values,
    so `from_record`'s checks are skipped."""
    (
        run_id, title, file, content_hash, started, ended, paused_s, outcome, step_index,
        step_count, step_title, done, pain_before, pain_after, note, pid, continues,
    ) = row  # fmt: skip
    return Run(
        id=run_id,
        title=title,
        file=file,
        content_hash=content_hash,
        started_at=datetime.fromisoformat(started),
        ended_at=None if ended is None else datetime.fromisoformat(ended),
        paused_s=paused_s,
        outcome=_OUTCOMES[outcome],
        step_index=step_index,
        step_count=step_count,
        step_title=step_title,
        done=() if done == "[]" else tuple(json.loads(done)),
        pain_before=pain_before,
        pain_after=pain_after,
        note=note,
        pid=pid,
        continues=continues,
    )


def _text(record: dict[str, Any], name: str, *, optional: bool = False) -> str | None:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise BadRecord(_("{field} must be text").format(field=name))
    if len(value) > TEXT_MAX_CHARS:
        raise BadRecord(
            _("{field} is longer than {count} characters").format(field=name, count=TEXT_MAX_CHARS)
        )
    return value


def _integer(record: dict[str, Any], name: str, *, optional: bool = False) -> int | None:
    value = record.get(name)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadRecord(_("{field} must be a whole number, 0 or more").format(field=name))
    return value


def _moment(record: dict[str, Any], name: str, *, optional: bool = False) -> datetime | None:
    text = _text(record, name, optional=optional)
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadRecord(
            _("{field} {value} is not an ISO 8601 date and time").format(
                field=name, value=repr(text)
            )
        ) from None
    if moment.tzinfo is None:
        raise BadRecord(
            _("{field} {value} has no time zone (write e.g. +00:00)").format(
                field=name, value=repr(text)
            )
        )
    return moment.astimezone(UTC)


def from_record(record: object) -> Run:
    """A Run from a record as `to_record` writes it; BadRecord says what is wrong."""
    if not isinstance(record, dict):
        raise BadRecord(_("a run must be an object with named fields"))
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise BadRecord(_("unknown field {field}").format(field=repr(unknown[0])))
    try:
        outcome = Outcome(record.get("outcome"))
    except ValueError:
        names = ", ".join(o.value for o in Outcome)
        raise BadRecord(_("outcome must be one of {values}").format(values=names)) from None
    done = record.get("done", [])
    if not isinstance(done, list) or not all(isinstance(d, str) for d in done):
        raise BadRecord(_("done must be a list of texts"))
    paused = record.get("paused_s", 0.0)
    if isinstance(paused, bool) or not isinstance(paused, int | float) or not paused >= 0:
        raise BadRecord(_("paused_s must be a number of seconds, 0 or more"))
    try:
        pain_before = check_pain(record.get("pain_before"))
        pain_after = check_pain(record.get("pain_after"))
    except ValueError as error:
        raise BadRecord(str(error)) from None
    note = _text(record, "note", optional=True) or ""
    if len(note) > NOTE_MAX_CHARS:
        raise BadRecord(
            _("{field} is longer than {count} characters").format(
                field="note", count=NOTE_MAX_CHARS
            )
        )
    run_id = _text(record, "id") or ""
    if not run_id:
        raise BadRecord(_("id must not be empty"))
    started = _moment(record, "started_at")
    assert started is not None
    return Run(
        id=run_id,
        title=_text(record, "title") or "",
        file=_text(record, "file") or "",
        content_hash=_text(record, "content_hash") or "",
        started_at=started,
        ended_at=_moment(record, "ended_at", optional=True),
        paused_s=float(paused),
        outcome=outcome,
        step_index=_integer(record, "step_index") or 0,
        step_count=_integer(record, "step_count") or 0,
        step_title=_text(record, "step_title", optional=True) or "",
        done=tuple(done),
        pain_before=pain_before,
        pain_after=pain_after,
        note=note,
        pid=_integer(record, "pid", optional=True),
        continues=_text(record, "continues", optional=True),
    )
