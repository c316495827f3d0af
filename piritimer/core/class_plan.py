"""Class files: several session files chained, and repeated, into one session for a class.

A class file names the sessions a teacher runs back to back, how often to go through them, and
how long the holding screen counts down before the start::

    class: Tuesday hip class
    starts in: 2m
    repeat: 2
    sessions:
      - ../figure-four-stretches.yaml
      - ../restore-hip-position.yaml
    notes: Mats out before people arrive.

It is checked by the same spec-driven reader as session files, so its messages look the same
(``path:line:col: message``), and it becomes ONE ordinary Session, so the timeline, the engine
and every view work on a class unchanged. Nothing here imports Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TypeVar

import yaml

from piritimer import paths
from piritimer.core.diagnostics import Diagnostic, SessionFileError, Severity, quoted
from piritimer.core.durations import format_duration
from piritimer.core.i18n import _, grouped, ngettext
from piritimer.core.loader import (
    MAX_SESSION_S,
    MAX_STEPS,
    LoadResult,
    SpecReader,
    load_session,
    load_session_bytes,
)
from piritimer.core.model import FORMAT_VERSION, Session
from piritimer.core.spec import Field, Kind, Section
from piritimer.core.timeline import count_steps, total_seconds
from piritimer.core.yaml_source import MAX_FILE_BYTES, compose, position, read_text

_T = TypeVar("_T")

CLASS_KEY = "class"
"""The key that tells a class file from a session file."""

CLASS = Section(
    "class",
    "A class: session files run one after another, the whole list repeated if asked.",
    (
        Field("format", Kind.VERSION, "The format version of this file; `1`.", "1"),
        Field(CLASS_KEY, Kind.TEXT, "The class's title.", "Tuesday hip class", required=True),
        Field(
            "starts in",
            Kind.DURATION_OR_NONE,
            "How long the holding screen counts down before the start; `none` for no wait.",
            "2m",
        ),
        Field("repeat", Kind.COUNT, "How many times to go through the sessions.", "2"),
        Field(
            "sessions",
            Kind.TEXT_LIST,
            "Session files, in order: paths next to this file, or bundled session names.",
            "[../figure-four-stretches.yaml]",
            required=True,
        ),
        Field("notes", Kind.TEXT, "Teacher's notes for the whole class.", "Bring mats."),
    ),
)


@dataclass(frozen=True)
class ClassPlan:
    """What a class file says, with its sessions already loaded."""

    title: str
    sessions: tuple[Session, ...]
    repeat: int = 1
    starts_in_s: float | None = None
    notes: str | None = None
    path: Path | None = None

    def session(self) -> Session:
        """The class as one session: every exercise in order, the whole list ``repeat`` times."""
        return chain_sessions(self.title, self.sessions, self.repeat, self.notes, self.path)


class Prepared(NamedTuple):
    """What ``load_for_presentation`` gives: unpacks as ``session, diagnostics, starts_in_s``."""

    session: Session | None
    diagnostics: tuple[Diagnostic, ...]
    starts_in_s: float | None


def chain_sessions(
    title: str,
    sessions: tuple[Session, ...],
    repeat: int = 1,
    notes: str | None = None,
    path: Path | None = None,
) -> Session:
    """One session made of ``sessions`` back to back, ``repeat`` times over.

    Safety notes, sources and tags are merged without repeats; each session's teacher notes are
    kept under its title, after the class's own notes.
    """
    if not sessions:
        raise ValueError("a class needs at least one session")
    exercises = tuple(e for s in sessions for e in s.exercises) * repeat
    note_parts = [notes] if notes else []
    note_parts += [f"{s.title}: {s.notes}" for s in _unique_by_title(sessions) if s.notes]
    summary = " · ".join(s.title for s in _unique_by_title(sessions))
    if repeat > 1:
        summary += f" (×{repeat})"
    return Session(
        title=title,
        exercises=exercises,
        summary=summary,
        safety=_joined(s.safety for s in sessions),
        sources=tuple(_unique(src for s in sessions for src in s.sources)),
        credits=_joined(s.credits for s in sessions),
        tags=tuple(_unique(tag for s in sessions for tag in s.tags)),
        notes="\n\n".join(note_parts) or None,
        defaults=sessions[0].defaults,
        # A class of French sessions is framed in French; a mixed class in the app's language.
        language=sessions[0].language if len({s.language for s in sessions}) == 1 else None,
        path=path,
        format_version=FORMAT_VERSION,
    )


@dataclass(frozen=True)
class Opened(LoadResult):
    """A session file or a class file, read: what ``validate``, ``show``, the library and the
    editor need of either. A class is its one chained session, with its plan beside it."""

    plan: ClassPlan | None = None

    @property
    def is_class(self) -> bool:
        return self.plan is not None

    @property
    def starts_in_s(self) -> float | None:
        return self.plan.starts_in_s if self.plan is not None else None


def load_any(path: Path | str) -> Opened:
    """Read ``path`` as a class file when it has a top-level ``class:``, else as a session."""
    file_path = Path(path)
    data = _read(file_path)
    if isinstance(data, Diagnostic):
        return Opened(file_path, None, (data,))
    return load_any_bytes(data, label=str(path), path=file_path)


def load_any_bytes(
    data: bytes | str,
    *,
    label: str = "<session>",
    base_dir: Path | None = None,
    path: Path | None = None,
) -> Opened:
    """Check text that may be a class or a session (the editor's text before it is saved).

    Paths in it are read relative to ``base_dir``, else to ``path``'s folder."""
    folder = base_dir if base_dir is not None else (path.parent if path is not None else None)
    if not _is_class_text(data):
        result = load_session_bytes(data, label=label, base_dir=folder, path=path)
        return Opened(path, result.session, result.diagnostics)
    plan, diagnostics = load_class_bytes(data, label=label, path=path, base_dir=folder)
    if plan is None:
        return Opened(path, None, diagnostics)
    return Opened(path, plan.session(), diagnostics, plan)


def load_for_presentation(path: Path | str) -> Prepared:
    """Open a class file or a session file; a session file has no holding time of its own."""
    opened = load_any(path)
    return Prepared(opened.session, opened.diagnostics, opened.starts_in_s)


def load_class(path: Path | str) -> tuple[ClassPlan | None, tuple[Diagnostic, ...]]:
    """Read and check the class file at ``path``, and every session file it names."""
    file_path = Path(path)
    data = _read(file_path)
    if isinstance(data, Diagnostic):
        return None, (data,)
    return load_class_bytes(data, label=str(path), path=file_path)


def load_class_bytes(
    data: bytes | str,
    *,
    label: str = "<class>",
    path: Path | None = None,
    base_dir: Path | None = None,
) -> tuple[ClassPlan | None, tuple[Diagnostic, ...]]:
    """Check class text; session paths in it are read relative to ``base_dir``, else to
    ``path``'s folder."""
    try:
        text = data if isinstance(data, str) else read_text(label, data)
        root = compose(label, text)
    except SessionFileError as error:
        return None, (error.diagnostic,)
    if base_dir is None and path is not None:
        base_dir = path.parent
    reader = SpecReader(label, base_dir)
    plan = _read_plan(reader, root, base_dir, path)
    errors = [d for d in reader.diagnostics if d.severity is Severity.ERROR]
    return (None if errors else plan), tuple(reader.diagnostics)


SESSION_SUFFIXES = (".yaml", ".yml")


def _refusal(name: str) -> str | None:
    """Why a class may not name this file, if it may not. Class files travel like session
    files: an absolute path means nothing on another machine and could reach any file here."""
    candidate = Path(name)
    if candidate.is_absolute() or candidate.drive or name.startswith("~"):
        return _("session file {name} is an absolute path; name it relative to the class file")
    if candidate.suffix.lower() not in SESSION_SUFFIXES:
        return _("session file {name} is not a session file (.yaml or .yml)")
    return None


def find_session_file(name: str, base_dir: Path | None) -> Path | None:
    """A class's session entry: a path next to the class file first, then a bundled session."""
    candidate = Path(name)
    if _refusal(name) is not None:
        return None
    if base_dir is not None and (base_dir / candidate).is_file():
        # normpath, not resolve: messages then name "sessions/x.yaml", not "classes/../", and
        # a symlinked folder keeps the name the teacher knows.
        return Path(os.path.normpath(base_dir / candidate))
    bundled = paths.bundled_sessions_dir() / candidate.name
    return bundled if bundled.is_file() else None


# -- reading ----------------------------------------------------------------------------------


def _read_plan(
    reader: SpecReader, root: yaml.Node | None, base_dir: Path | None, path: Path | None
) -> ClassPlan | None:
    if not isinstance(root, yaml.MappingNode):
        node_line, node_column = position(root) if root is not None else (1, 1)
        reader.diagnostics.append(
            Diagnostic(
                reader.label,
                node_line,
                node_column,
                _("a class file is a mapping with `class:` and `sessions:` at the top"),
            )
        )
        return None
    top = reader.mapping(root, CLASS)
    sessions = _read_sessions(reader, top.values.get("sessions"), top.value_nodes, base_dir)
    if CLASS_KEY not in top.values or sessions is None:
        return None
    plan = ClassPlan(
        title=top.values[CLASS_KEY],
        sessions=sessions,
        repeat=top.values.get("repeat", 1),
        starts_in_s=top.values.get("starts in"),
        notes=top.values.get("notes"),
        path=path,
    )
    session = plan.session()
    steps = count_steps(session)
    where = top.value_nodes.get("repeat", root)
    if steps > MAX_STEPS:
        reader.error(
            where,
            _("this class would have {steps} steps; the limit is {limit}").format(
                steps=grouped(steps), limit=grouped(MAX_STEPS)
            ),
        )
    elif (total_s := total_seconds(session)) > MAX_SESSION_S:
        reader.error(
            where,
            _("this class would last {length}; a class may last at most {hours} hours").format(
                length=format_duration(total_s), hours=MAX_SESSION_S // 3600
            ),
        )
    return plan


def _read_sessions(
    reader: SpecReader,
    names: list[str] | None,
    value_nodes: dict[str, yaml.Node],
    base_dir: Path | None,
) -> tuple[Session, ...] | None:
    if names is None:
        return None
    node = value_nodes["sessions"]
    item_nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    if not names:
        reader.error(node, _("`sessions` needs at least one session file"))
        return None
    sessions: list[Session] = []
    for name, item in zip(names, item_nodes, strict=True):
        refusal = _refusal(name)
        if refusal is not None:
            reader.error(item, refusal.format(name=quoted(name)))
            continue
        found = find_session_file(name, base_dir)
        if found is None:
            if base_dir:
                message = _(
                    "session file {name} not found next to the class file ({folder}) or among "
                    "the bundled sessions"
                )
            else:
                message = _("session file {name} not found among the bundled sessions")
            reader.error(item, message.format(name=repr(name), folder=base_dir))
            continue
        result = load_session(found)
        reader.diagnostics.extend(result.diagnostics)
        if result.session is None:
            count = len(result.errors)
            reader.error(
                item,
                ngettext(
                    "session file {name} has {count} error (listed under {found})",
                    "session file {name} has {count} errors (listed under {found})",
                    count,
                ).format(name=repr(name), count=count, found=found),
            )
            continue
        sessions.append(result.session)
    return tuple(sessions) if len(sessions) == len(names) else None


def _read(path: Path) -> bytes | Diagnostic:
    """The file's bytes (one past the size limit at most, enough to refuse it), or why not."""
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        message = _("cannot read: {reason}").format(reason=error.strerror or error)
        return Diagnostic(str(path), 1, 1, message)


def _is_class_text(data: bytes | str) -> bool:
    """True when the top-level mapping has a ``class:`` key. Any reading problem means no: the
    session loader then reports it in the usual words."""
    try:
        root = compose("", data if isinstance(data, str) else read_text("", data))
    except SessionFileError:
        return False
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value == CLASS_KEY for key, _ in root.value
    )


def _unique_by_title(sessions: tuple[Session, ...]) -> list[Session]:
    seen: dict[str, Session] = {}
    for session in sessions:
        seen.setdefault(session.title, session)
    return list(seen.values())


def _unique(items: Iterable[_T]) -> list[_T]:
    """Items in first-seen order, each once (Sources are frozen but may hold equal values)."""
    found: list[_T] = []
    for item in items:
        if item not in found:
            found.append(item)
    return found


def _joined(texts: Iterable[str | None]) -> str | None:
    return "\n\n".join(_unique(t for t in texts if t)) or None


__all__ = [
    "CLASS",
    "ClassPlan",
    "Opened",
    "Prepared",
    "chain_sessions",
    "find_session_file",
    "load_class",
    "load_any",
    "load_any_bytes",
    "load_class_bytes",
    "load_for_presentation",
]
