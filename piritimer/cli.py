"""Command line: the commands in ``COMMANDS`` need no display; ``piritimer [FILE]`` opens the app.

A command is one entry in ``COMMANDS``: its help line, a function that adds its arguments to
its argparse sub-parser, and a function that runs it and returns the exit code. Commands
import what they need inside ``run``, so ``piritimer validate`` never loads Qt.

Anything that is not a command is the app's command line: options, and at most one FILE. A
first word that is neither a command nor a file that could be a session (it exists, or ends in
a session suffix) is a mistyped command: a usage error (exit 2), never a window.
"""

from __future__ import annotations

import argparse
import difflib
import gettext
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from piritimer import __version__, paths
from piritimer.audio.helper import run_helper
from piritimer.core import i18n
from piritimer.core.i18n import N_, _

FORMATS = ("text", "json", "github")
STDIN = "-"
OPENABLE_SUFFIXES = (".yaml", ".yml", ".piritimer")
"""A FILE argument with one of these suffixes opens in the app even when it does not exist
(the window then says so); any other word must be an existing file or a command."""


ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
)
"""argparse's own words, in its own %-style, marked so that piritimer's catalogs carry them:
argparse translates through the process's default gettext domain, which ``speak_the_language``
points at piritimer's."""


def speak_the_language() -> None:
    """The commands speak the environment's language (LANGUAGE, LC_ALL, LANG), as command-line
    tools do, argparse's own words ("usage:", "error:") included."""
    i18n.configure(paths.locale_dir())
    i18n.use(i18n.best_language(i18n.environment_languages()))
    gettext.bindtextdomain(i18n.DOMAIN, str(paths.locale_dir()))
    gettext.textdomain(i18n.DOMAIN)


@dataclass(frozen=True)
class Command:
    """One ``piritimer NAME`` command."""

    help: str
    """Marked with ``N_``: translated when the parser is built, in the chosen language."""
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help=_("where to write it (default: print it)"),
    )


def _run_new(options: argparse.Namespace) -> int:
    """Write the commented starting template (with its schema modeline), never over a file."""
    from piritimer.core.schema import write_schema_beside
    from piritimer.editor.template import template

    path: Path | None = options.file
    if path is None:
        sys.stdout.write(template())
        return 0
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(template())
        schema = write_schema_beside(path.parent)
    except FileExistsError:
        message = _("{path} already exists; choose another name").format(path=path)
        print(f"piritimer new: {message}", file=sys.stderr)  # not translated: the command
        return 1
    except OSError as error:
        message = _("cannot write {path}: {reason}").format(
            path=path, reason=error.strerror or error
        )
        print(f"piritimer new: {message}", file=sys.stderr)  # not translated: the command
        return 1
    print(
        _("wrote {path} (and {schema} beside it, for editors)").format(
            path=path, schema=schema.name
        )
    )
    return 0


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=_(
            "a session file, a folder (checked recursively), or {stdin} for standard input"
        ).format(stdin=STDIN),
    )
    parser.add_argument("-q", "--quiet", action="store_true", help=_("print only problems"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help=_("text (default), json, or github (GitHub Actions annotations)"),
    )
    parser.add_argument(
        "--strict", action="store_true", help=_("warnings fail the check too (exit 1)")
    )


def _run_validate(options: argparse.Namespace) -> int:
    from piritimer.core.report import check_paths, exit_code, render

    reports = check_paths(options.paths, read_stdin=sys.stdin.buffer.read)
    out, err = render(reports, options.format, quiet=options.quiet)
    sys.stdout.write(out)
    sys.stderr.write(err)
    return exit_code(reports, strict=options.strict)


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("a session or class file"))


def _run_show(options: argparse.Namespace) -> int:
    return show_file(options.file)


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--class", dest="of_class", action="store_true", help=_("the schema of class files")
    )


def _run_schema(options: argparse.Namespace) -> int:
    from piritimer.core.schema import class_schema_json, schema_json

    sys.stdout.write(class_schema_json() if options.of_class else schema_json())
    return 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("a session file"))
    parser.add_argument(
        "output",
        nargs="?",
        type=Path,
        metavar="OUT",
        help=_("the bundle (default: FILE.piritimer)"),
    )


def _run_export(options: argparse.Namespace) -> int:
    """Write the session and the pictures it takes from its folder as one .piritimer file."""
    from piritimer.core.bundle import BundleError, bundle_images, write_bundle
    from piritimer.core.loader import load_session
    from piritimer.core.timeline_table import terminal_text

    path: Path = options.file
    result = load_session(path)
    for diagnostic in result.diagnostics:
        print(terminal_text(str(diagnostic)), file=sys.stderr)
    if result.session is None:
        return 1
    target: Path = options.output or path.with_suffix(".piritimer")
    try:
        written = write_bundle(path.read_bytes(), bundle_images(result.session, path), target)
    except (BundleError, OSError) as error:
        print(f"piritimer export: {error}", file=sys.stderr)  # not translated: the command
        return 1
    print(_("wrote {path}").format(path=terminal_text(str(written))))
    return 0


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    from piritimer.history_cli import add_arguments

    add_arguments(parser)


def _run_history(options: argparse.Namespace) -> int:
    from piritimer.history_cli import run

    return run(options)


COMMANDS: dict[str, Command] = {
    "new": Command(N_("write a new session from the commented template"), _new_arguments, _run_new),
    "validate": Command(
        N_("check session files; exit 1 on any error"), _validate_arguments, _run_validate
    ),
    "show": Command(
        N_("print a session's timeline with offsets and total"), _show_arguments, _run_show
    ),
    "schema": Command(
        N_("print the JSON Schema of session files (--class: of class files)"),
        _schema_arguments,
        _run_schema,
    ),
    "export": Command(
        N_("write a session and its pictures as one .piritimer file"),
        _export_arguments,
        _run_export,
    ),
    "history": Command(
        N_("print the practice log (--csv, --json); needs no display"),
        _history_arguments,
        _run_history,
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # The app then applies the language chosen in its settings (app.build_services).
    speak_the_language()
    # A frozen build starts the speech helper as itself with a flag (no `python -m` there).
    helper_code = run_helper(args)
    if helper_code is not None:
        return helper_code
    if args and args[0] in COMMANDS:
        return _run_command(args)
    return _run_app(args)


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="piritimer", description=_("Write and check sessions."))
    parser.add_argument(
        "--version",
        action="version",
        version=f"piritimer {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(commands.add_parser(name, help=_(command.help)))
    return parser


def _run_command(args: list[str]) -> int:
    options = command_parser().parse_args(args)
    return COMMANDS[options.command].run(options)


def show_file(path: Path) -> int:
    from piritimer.core.progression import session_today, today_lines, today_values
    from piritimer.core.report import check_file
    from piritimer.core.timeline import compile_session
    from piritimer.core.timeline_table import render_table, terminal_text

    result = check_file(path)
    for diagnostic in result.diagnostics:
        print(terminal_text(str(diagnostic)), file=sys.stderr)
    if result.session is None:
        return 1
    from piritimer.history_cli import past_runs_of

    # Today's values from the runs in the practice log, as the window computes them.
    todays = session_today(result.session, past_runs_of(path))
    sys.stdout.write(render_table(compile_session(result.session, today=today_values(todays))))
    for line in today_lines(result.session, todays):
        print(terminal_text(line))
    return 0


APP_USAGE = (
    "%(prog)s [--present [--screen N] | --tray] [FILE] [-- QT-OPTION...]\n"
    "       %(prog)s COMMAND ..."
)
"""Option syntax, the same in every language."""


def app_parser() -> argparse.ArgumentParser:
    names = ", ".join(COMMANDS)
    parser = argparse.ArgumentParser(
        prog="piritimer",
        usage=APP_USAGE,
        description=_(
            "A guided home-exercise timer. Commands: {names} (`piritimer COMMAND -h`)."
        ).format(names=names),
        epilog=_("Options for Qt itself (e.g. -platform offscreen) go after `--`."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"piritimer {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE", help=_("a session to open"))
    parser.add_argument("--present", action="store_true", help=_("open in presentation mode"))
    parser.add_argument("--screen", type=int, metavar="N", help=_("screen for presentation mode"))
    parser.add_argument("--tray", action="store_true", help=_("start in the tray, if there is one"))
    return parser


def _unpack_bundle(path: Path) -> Path | None:
    """The session inside a ``.piritimer`` bundle, unpacked into the cache; None if refused."""
    from piritimer import paths
    from piritimer.core.bundle import BundleError, open_bundle

    try:
        return open_bundle(path, paths.bundles_dir())
    except BundleError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return None


def _openable(word: str) -> bool:
    path = Path(word)
    return path.is_file() or path.suffix.lower() in OPENABLE_SUFFIXES


def _not_a_command(word: str) -> str:
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.5)
    names = ", ".join(COMMANDS)
    if close:
        message = _(
            "{word} is neither a command ({names}) nor a session file; did you mean `{close}`?"
        )
    else:
        message = _("{word} is neither a command ({names}) nor a session file")
    return message.format(word=repr(word), names=names, close=close[0] if close else "")


def _run_app(args: list[str]) -> int:
    split = args.index("--") if "--" in args else len(args)
    ours, qt_args = args[:split], args[split + 1 :]
    parser = app_parser()
    if ours and not ours[0].startswith("-") and not _openable(ours[0]):
        parser.error(_not_a_command(ours[0]))
    options = parser.parse_args(ours)
    if options.file is not None and not _openable(str(options.file)):
        parser.error(_not_a_command(str(options.file)))
    if options.file is not None and options.file.suffix.lower() == ".piritimer":
        if (unpacked := _unpack_bundle(options.file)) is None:
            return 1
        options.file = unpacked
    from piritimer.startup_check import preflight

    # Qt aborts the process (core dump) without a display or its platform libraries: ask first.
    if (refused := preflight()) is not None:
        return refused
    from piritimer.app import run

    return run(options, qt_args)
