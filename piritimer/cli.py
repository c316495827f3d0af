"""Command line: ``piritimer validate|show|schema`` need no display; anything else opens the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from piritimer import __version__
from piritimer.audio.helper import run_helper

COMMANDS = ("validate", "show", "schema")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # A frozen build starts the speech helper as itself with a flag (no `python -m` there).
    helper_code = run_helper(args)
    if helper_code is not None:
        return helper_code
    if args and args[0] in COMMANDS:
        return _run_command(args)
    return _run_app(args)


def _run_command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="piritimer", description="Check and inspect sessions.")
    parser.add_argument("--version", action="version", version=f"piritimer {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check session files; exit 1 on any error")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    show = commands.add_parser("show", help="print a session's timeline with offsets and total")
    show.add_argument("file", type=Path, metavar="FILE")
    schema = commands.add_parser("schema", help="print the JSON Schema of session files")
    schema.add_argument("--class", dest="of_class", action="store_true", help="of class files")
    options = parser.parse_args(args)
    if options.command == "schema":
        from piritimer.core.schema import class_schema_json, schema_json

        sys.stdout.write(class_schema_json() if options.of_class else schema_json())
        return 0
    if options.command == "validate":
        return validate_files(options.files, quiet=options.quiet)
    return show_file(options.file)


def validate_files(files: Sequence[Path], *, quiet: bool = False) -> int:
    from piritimer.core.class_plan import load_any as load_session  # classes too
    from piritimer.core.durations import format_clock
    from piritimer.core.timeline import compile_session
    from piritimer.core.timeline_table import terminal_text

    failed = 0
    for path in files:
        result = load_session(path)
        for diagnostic in result.diagnostics:
            print(terminal_text(str(diagnostic)), file=sys.stderr)
        if result.session is None:
            failed += 1
        elif not quiet:
            timeline = compile_session(result.session)
            count = len(result.session.exercises)
            print(
                f"{terminal_text(str(path))}: ok — {count} exercise{'s' if count != 1 else ''}, "
                f"{format_clock(timeline.total_s)} total"
            )
    if failed and len(files) > 1:
        print(f"{failed} of {len(files)} files have errors", file=sys.stderr)
    return 1 if failed else 0


def show_file(path: Path) -> int:
    from piritimer.core.class_plan import load_any as load_session  # a class: all of it
    from piritimer.core.timeline import compile_session
    from piritimer.core.timeline_table import render_table, terminal_text

    result = load_session(path)
    for diagnostic in result.diagnostics:
        print(terminal_text(str(diagnostic)), file=sys.stderr)
    if result.session is None:
        return 1
    sys.stdout.write(render_table(compile_session(result.session)))
    return 0


def _run_app(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="piritimer",
        description="A guided home-exercise timer. Commands: validate, show, schema.",
    )
    parser.add_argument("--version", action="version", version=f"piritimer {__version__}")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help="a session to open")
    parser.add_argument("--present", action="store_true", help="open in presentation mode")
    parser.add_argument("--screen", type=int, metavar="N", help="screen for presentation mode")
    options, qt_args = parser.parse_known_args(args)
    from piritimer.startup_check import preflight

    # Qt aborts the process (core dump) without a display or its platform libraries: ask first.
    if (refused := preflight()) is not None:
        return refused
    from piritimer.app import run

    return run(options, qt_args)
