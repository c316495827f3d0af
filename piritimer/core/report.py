"""``piritimer validate``: which files a path names, what checking each gave, and the report.

Three report formats: ``text`` for people, ``json`` for programs, and ``github``, the workflow
commands GitHub Actions turns into annotations on the lines of a pull request.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from piritimer.core.diagnostics import Diagnostic, Severity
from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext
from piritimer.core.model import Session
from piritimer.core.timeline import compile_session
from piritimer.core.timeline_table import terminal_text

STDIN = "-"
STDIN_LABEL = "<stdin>"
SESSION_SUFFIXES = (".yaml", ".yml", ".piritimer")
"""What a folder is searched for. Hidden files and folders are passed over (``.git``)."""


@dataclass(frozen=True)
class FileReport:
    """One checked file: its session when valid, and every message about it."""

    label: str
    session: Session | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def total_s(self) -> float:
        return 0.0 if self.session is None else compile_session(self.session).total_s


def session_files(folder: Path) -> Iterator[Path]:
    """Session files under ``folder``, in a stable order; symbolic links to folders are not
    followed (a link back up would never end)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SESSION_SUFFIXES):
                yield Path(root) / name


def check_bundle_file(path: Path) -> FileReport:
    """A ``.piritimer`` bundle, unpacked into a temporary folder and checked there."""
    import tempfile

    from piritimer.core.bundle import BundleError, open_bundle
    from piritimer.core.loader import load_session

    label = str(path)
    with tempfile.TemporaryDirectory(prefix="piritimer-check-") as folder:
        try:
            session_path = open_bundle(path, Path(folder))
        except BundleError as error:
            return FileReport(label, None, (Diagnostic(label, 1, 1, str(error)),))
        result = load_session(session_path)
    # Messages name the bundle: the unpacked folder is gone, and is no one's business.
    shown = tuple(
        Diagnostic(label, d.line, d.column, d.message, d.severity) for d in result.diagnostics
    )
    return FileReport(label, result.session, shown)


def check_file(path: Path) -> FileReport:
    from piritimer.core.bundle import SUFFIX
    from piritimer.core.class_plan import load_for_presentation

    if path.suffix.lower() == SUFFIX:
        return check_bundle_file(path)
    prepared = load_for_presentation(path)
    return FileReport(str(path), prepared.session, prepared.diagnostics)


def check_stdin(data: bytes) -> FileReport:
    from piritimer.core.class_plan import load_any_bytes  # a class file too

    result = load_any_bytes(data, label=STDIN_LABEL)
    return FileReport(STDIN_LABEL, result.session, result.diagnostics)


def check_paths(paths: Iterable[str], *, read_stdin: Callable[[], bytes]) -> list[FileReport]:
    """Check every file ``paths`` names: files, folders (recursively) and ``-`` (stdin)."""
    reports: list[FileReport] = []
    for name in paths:
        if name == STDIN:
            reports.append(check_stdin(read_stdin()))
            continue
        path = Path(name)
        if not path.is_dir():
            reports.append(check_file(path))
            continue
        found = [check_file(file) for file in session_files(path)]
        if not found:
            message = _("no session files ({patterns}) in this folder").format(
                patterns=", ".join(f"*{suffix}" for suffix in SESSION_SUFFIXES)
            )
            found = [FileReport(name, None, (Diagnostic(name, 1, 1, message),))]
        reports.extend(found)
    return reports


def exit_code(reports: Sequence[FileReport], *, strict: bool = False) -> int:
    """1 when a file has an error (or, with ``strict``, a warning); else 0."""
    failed = any(r.errors or (strict and r.warnings) for r in reports)
    return 1 if failed else 0


def render(reports: Sequence[FileReport], form: str, *, quiet: bool = False) -> tuple[str, str]:
    """(standard output, standard error) for ``reports`` in the format ``form``."""
    if form == "json":
        return render_json(reports), ""
    if form == "github":
        return render_github(reports), _summary(reports)
    return render_text(reports, quiet=quiet)


def _summary(reports: Sequence[FileReport]) -> str:
    failed = sum(1 for r in reports if r.errors)
    if not failed or len(reports) <= 1:
        return ""
    # English says "1 of 3 files have errors"; other languages agree with the failed count.
    summary = ngettext(
        "{failed} of {count} files have errors", "{failed} of {count} files have errors", failed
    )
    return summary.format(failed=failed, count=len(reports)) + "\n"


def render_text(reports: Sequence[FileReport], *, quiet: bool = False) -> tuple[str, str]:
    out: list[str] = []
    err: list[str] = []
    for report in reports:
        err.extend(terminal_text(str(d)) + "\n" for d in report.diagnostics)
        if report.session is not None and not quiet:
            count = len(report.session.exercises)
            exercises = ngettext("{count} exercise", "{count} exercises", count).format(count=count)
            total = format_clock(report.total_s)
            if report.warnings:
                warned = len(report.warnings)
                line = ngettext(
                    "ok — {exercises}, {total} total, {count} warning",
                    "ok — {exercises}, {total} total, {count} warnings",
                    warned,
                ).format(exercises=exercises, total=total, count=warned)
            else:
                line = _("ok — {exercises}, {total} total").format(exercises=exercises, total=total)
            out.append(f"{terminal_text(report.label)}: {line}\n")
    return "".join(out), "".join(err) + _summary(reports)


def _diagnostic_json(diagnostic: Diagnostic) -> dict[str, object]:
    return {
        "line": diagnostic.line,
        "column": diagnostic.column,
        "severity": diagnostic.severity.name.lower(),
        "message": diagnostic.message,
    }


def render_json(reports: Sequence[FileReport]) -> str:
    files = [
        {
            "path": report.label,
            "ok": report.session is not None,
            "exercises": None if report.session is None else len(report.session.exercises),
            "total_s": None if report.session is None else report.total_s,
            "diagnostics": [_diagnostic_json(d) for d in report.diagnostics],
        }
        for report in reports
    ]
    document = {
        "files": files,
        "errors": sum(len(r.errors) for r in reports),
        "warnings": sum(len(r.warnings) for r in reports),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escapes (@actions/core toCommandValue / escapeData).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(diagnostic: Diagnostic) -> str:
    """``::error file=…,line=…,col=…::message``: one annotation, escaped as GitHub requires."""
    level = "error" if diagnostic.severity is Severity.ERROR else "warning"
    properties = ",".join(
        (
            f"file={_escape_property(diagnostic.path)}",
            f"line={diagnostic.line}",
            f"col={diagnostic.column}",
            "title=piritimer",
        )
    )
    return f"::{level} {properties}::{_escape_data(terminal_text(diagnostic.message))}"


def render_github(reports: Sequence[FileReport]) -> str:
    return "".join(github_annotation(d) + "\n" for r in reports for d in r.diagnostics)
