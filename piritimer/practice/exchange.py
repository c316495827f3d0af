"""The practice log out and back in: CSV and JSON export, JSON import.

An imported file comes from anywhere, so `parse_json` checks everything and raises
`ImportRefused` with one sentence naming the run and field at fault; it never lets a
traceback through. The formats are documented in ``docs/practice.md``.

The exports are data, not text for a person: their field names and values (``outcome``,
``completed``, ISO 8601 times) stay as they are in every language, so a file exported in
one language imports in any other and a spreadsheet's columns keep their names. Only why an
import is refused is translated.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import replace

from piritimer.core.i18n import _
from piritimer.core.practice import Outcome, Run
from piritimer.practice.records import FIELDS, BadRecord, from_record, to_record

FORMAT = "piritimer-practice"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 64_000_000
"""Ten years of daily runs is a few megabytes; far more than that is not a practice log."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a cell that starts like this as a formula; session titles come from
strangers' files, so such text is exported with a leading apostrophe."""


class ImportRefused(ValueError):
    """The file is not a practice log piritimer can import; the message says why."""


def to_json(runs: Iterable[Run]) -> str:
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "runs": [to_record(run) for run in runs],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(value: object) -> object:
    if isinstance(value, list):
        value = "; ".join(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def to_csv(runs: Iterable[Run]) -> str:
    """One line per run, the columns of `FIELDS`; ``done`` joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for run in runs:
        record = to_record(run)
        writer.writerow([_cell(record[name]) for name in FIELDS])
    return out.getvalue()


def parse_json(data: bytes) -> list[Run]:
    """The runs of an exported JSON file; ImportRefused says what is wrong with it."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(
            _("the file is {size} bytes; a practice log export is at most {most}").format(
                size=f"{len(data):,}", most=f"{MAX_IMPORT_BYTES:,}"
            )
        )
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportRefused(_("the file is not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        raise ImportRefused(
            _("the file is not valid JSON (line {line}, column {column}: {reason})").format(
                line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise ImportRefused(_("the file nests too deeply to be a practice log")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(
            _('the file is not a piritimer practice log (no "format": "{format}")').format(
                format=FORMAT
            )
        )
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise ImportRefused(
            _("the file is version {version}; this piritimer reads version {known}").format(
                version=repr(version), known=FORMAT_VERSION
            )
        )
    records = document.get("runs")
    if not isinstance(records, list):
        raise ImportRefused(_('the file has no list of "runs"'))
    runs: list[Run] = []
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        try:
            run = from_record(record)
        except BadRecord as error:
            raise ImportRefused(
                _("run {number}: {reason}").format(number=number, reason=error)
            ) from None
        if run.id in seen:
            raise ImportRefused(
                _("run {number}: the id {id} appears twice").format(number=number, id=repr(run.id))
            )
        seen.add(run.id)
        if run.outcome is Outcome.RUNNING:
            # Running on another machine, or when it was exported: not running here.
            run = replace(run, outcome=Outcome.INTERRUPTED, ended_at=run.started_at)
        runs.append(run)
    return runs
