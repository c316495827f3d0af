"""``piritimer history [--csv | --json]``: the practice log on the terminal, no display needed.

The text report speaks the environment's language (the command line sets it); dates are ISO
8601 ("2026-12-02") with the weekday's name, as there is no QLocale here. ``--csv`` and
``--json`` are data and stay the same in every language (``practice.exchange``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from piritimer import paths
from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext
from piritimer.core.past_run import PastRun
from piritimer.core.practice import Run, counts_by_session, runs_by_day, streak
from piritimer.core.timeline_table import terminal_text
from piritimer.practice import PracticeLog
from piritimer.practice.words import outcome_text, weekday_text


def pain_text(before: int | None, after: int | None) -> str:
    if before is not None and after is not None:
        return _("pain before {before} after {after}").format(before=before, after=after)
    if before is not None:
        return _("pain before {before}").format(before=before)
    if after is not None:
        return _("pain after {after}").format(after=after)
    return ""


def run_line(run: Run) -> str:
    started = run.started_at.astimezone()
    active = run.active_s
    parts = [
        f"  {started:%H:%M}",
        terminal_text(run.title),
        outcome_text(run.outcome.value),
        _("step {step} of {count}").format(step=run.step_index + 1, count=run.step_count),
        format_clock(active) if active is not None else "",
        pain_text(run.pain_before, run.pain_after),
        terminal_text(run.note),
    ]
    return "  ".join(part for part in parts if part)


def text_report(runs: list[Run], today: date) -> str:
    location = paths.practice_log_path()
    if not runs:
        where = terminal_text(str(location))
        return _("No runs recorded yet (practice log: {path}).").format(path=where) + "\n"
    by_day = runs_by_day(runs)
    days = streak(by_day, today)
    lines: list[str] = []
    for day, day_runs in by_day.items():
        lines.append(_("{weekday} {date}").format(weekday=weekday_text(day), date=day.isoformat()))
        lines.extend(run_line(run) for run in day_runs)
    lines.append("")
    for title, total, completed in counts_by_session(runs):
        lines.append(
            _("{title}: {runs}, {completed}").format(
                title=terminal_text(title),
                runs=ngettext("{n} run", "{n} runs", total).format(n=total),
                completed=ngettext("{n} completed", "{n} completed", completed).format(n=completed),
            )
        )
    lines.append(
        _("{runs}; {streak} (longest {longest}); practice log: {path}").format(
            runs=ngettext("{n} run", "{n} runs", len(runs)).format(n=len(runs)),
            streak=ngettext("streak {n} day", "streak {n} days", days.current).format(
                n=days.current
            ),
            longest=days.longest,
            path=terminal_text(str(location)),
        )
    )
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--csv", action="store_true", help=_("as CSV, one line per run"))
    kind.add_argument("--json", action="store_true", help=_("as JSON, the format import reads"))


def run(options: argparse.Namespace) -> int:
    """``piritimer history [--csv | --json]``: the practice log, without a display."""
    from piritimer.practice.exchange import to_csv, to_json

    runs = logged_runs()
    if options.csv:
        sys.stdout.write(to_csv(runs))
    elif options.json:
        sys.stdout.write(to_json(runs))
    else:
        sys.stdout.write(text_report(runs, date.today()))
    return 0


def main(args: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="piritimer history",
        description=_("Print the practice log (every run of a session)."),
    )
    add_arguments(parser)
    return run(parser.parse_args(list(args)))


def logged_runs() -> list[Run]:
    """Every run in the user's practice log; none when there is no log."""
    with _existing_log() as log:
        return log.runs() if log is not None else []


def past_runs_of(session_path: Path) -> list[PastRun]:
    """The runs of one session file, as plans and progression count them (for `show`)."""
    from piritimer.practice import LoggedHistory

    with _existing_log(tell=False) as log:
        if log is None:
            return []
        # The window records a file by its absolute path, as its library keys it.
        return list(LoggedHistory(log).runs_of(session_path.expanduser().absolute()))


@contextmanager
def _existing_log(*, tell: bool = True) -> Iterator[PracticeLog | None]:
    """The user's practice log, opened for reading and closed after; None when there is none
    (looking must not create one). What opening it had to say goes to stderr if ``tell``."""
    from piritimer.practice import open_practice_log

    location = paths.practice_log_path()
    if not location.exists():
        yield None
        return
    log, notice = open_practice_log(location)
    try:
        if notice and tell:
            print(terminal_text(notice), file=sys.stderr)
        yield log
    finally:
        log.close()
