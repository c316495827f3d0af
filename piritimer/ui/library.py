"""The session library: every session file in the watched folders, kept current on disk changes.

A non-widget model so that the window, the editor and tests share one view of the files. A
file that turns broken keeps its last good session usable, with the new error beside it.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QEventLoop, QFileSystemWatcher, QObject, QTimer, Signal

from piritimer.core.class_plan import ClassPlan
from piritimer.core.diagnostics import Diagnostic, Severity
from piritimer.core.durations import format_clock
from piritimer.core.i18n import _, ngettext
from piritimer.core.model import Session
from piritimer.ui.library_scan import BackgroundReader, FileRead, read_file

SESSION_SUFFIXES = (".yaml", ".yml")
RELOAD_DELAY_MS = 80
"""Editors save in bursts (truncate, write, rename); one reload after the burst is enough."""


def is_session_file(path: Path) -> bool:
    return path.suffix.lower() in SESSION_SUFFIXES and not path.name.startswith(".")


@dataclass(frozen=True)
class LibraryEntry:
    """One session file as the library last read it.

    ``session`` is the last version that loaded cleanly (None if it never did); ``diagnostics``
    belong to the latest read, so a broken edit shows its error while the old session stays
    usable.
    """

    path: Path
    bundled: bool
    session: Session | None
    diagnostics: tuple[Diagnostic, ...] = ()
    total_s: float = 0.0
    mtime_ns: int = 0
    plan: ClassPlan | None = None
    """For a class file, what it says (its sessions, repeats, holding time); ``session`` is
    then the whole class chained into one."""

    @property
    def is_class(self) -> bool:
        return self.plan is not None

    @property
    def kind_text(self) -> str:
        """ "Class · 2 sessions ×2" for a class; "" for a session."""
        if self.plan is None:
            return ""
        count = len(self.plan.sessions)
        if self.plan.repeat > 1:
            return ngettext(
                "Class · {count} session ×{repeat}", "Class · {count} sessions ×{repeat}", count
            ).format(count=count, repeat=self.plan.repeat)
        return ngettext("Class · {count} session", "Class · {count} sessions", count).format(
            count=count
        )

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def broken(self) -> bool:
        """The file on disk has errors now (its last good session may still be usable)."""
        return bool(self.errors)

    @property
    def usable(self) -> bool:
        return self.session is not None

    @property
    def first_warning(self) -> str | None:
        """The first warning (legal, probably not meant), when the file has no error."""
        warnings = [d for d in self.diagnostics if d.severity is Severity.WARNING]
        if self.errors or not warnings:
            return None
        return _("line {line}: {message}").format(
            line=warnings[0].line, message=warnings[0].message
        )

    @property
    def first_error(self) -> str | None:
        """The first message in plain words: "line 4: ..."."""
        errors = self.errors
        if not errors:
            return None
        first = errors[0]
        return _("line {line}: {message}").format(line=first.line, message=first.message)

    @property
    def title(self) -> str:
        return self.session.title if self.session else self.path.stem

    @property
    def summary(self) -> str:
        return (self.session.summary or "") if self.session else ""

    @property
    def tags(self) -> tuple[str, ...]:
        return self.session.tags if self.session else ()

    @property
    def exercise_count(self) -> int:
        return len(self.session.exercises) if self.session else 0

    @property
    def duration_text(self) -> str:
        return format_clock(self.total_s) if self.session else ""

    @cached_property
    def sort_key(self) -> tuple[bool, str, str]:
        """Bundled first, then by title: cached, as the library re-sorts on every batch."""
        return (not self.bundled, self.title.casefold(), str(self.path))

    @cached_property
    def _haystack(self) -> str:
        # Built once per entry: filtering 5,000 cards runs on every keystroke in the filter.
        return " ".join((self.title, self.summary, " ".join(self.tags), self.path.name)).casefold()

    def matches(self, text: str, tag: str | None) -> bool:
        """True when every word of ``text`` is in the title, summary, tags or file name."""
        if tag and tag not in self.tags:
            return False
        haystack = self._haystack
        return all(word in haystack for word in text.casefold().split())


def read_entry(path: Path, bundled: bool, previous: LibraryEntry | None = None) -> LibraryEntry:
    """Load ``path`` now; keep ``previous``'s session when the new text has errors."""
    return merge_read(read_file(path), bundled, previous)


def merge_read(read: FileRead, bundled: bool, previous: LibraryEntry | None) -> LibraryEntry:
    """The entry for a fresh read of a file: ``previous``'s session survives a broken edit."""
    if read.session is not None:
        return LibraryEntry(
            read.path,
            bundled,
            read.session,
            read.diagnostics,
            read.total_s,
            read.mtime_ns,
            read.plan,
        )
    if previous is not None and previous.session is not None:
        return replace(previous, diagnostics=read.diagnostics, mtime_ns=read.mtime_ns)
    return LibraryEntry(read.path, bundled, None, read.diagnostics, 0.0, read.mtime_ns)


class LibraryModel(QObject):
    """Scans session folders, loads each file and watches folders and files for changes.

    Files are read on a worker thread (BackgroundReader) and arrive in batches, so the window
    is usable while a big folder fills in; ``scanning`` is True until every queued file is in.
    Only files that are new or whose modification time changed are read again.

    Signals:
        entriesChanged(): files were added, removed or reloaded (re-read ``entries()``).
        entryChanged(object): one LibraryEntry was (re)loaded; the editor and preview listen.
        entryRemoved(object): the Path of a file that disappeared.
        scanFinished(): every queued file has been read (``scanning`` turned False).
    """

    entriesChanged = Signal()
    entryChanged = Signal(object)
    entryRemoved = Signal(object)
    scanFinished = Signal()

    def __init__(
        self,
        folders: Sequence[Path] = (),
        bundled_folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bundled_folder = _key(bundled_folder) if bundled_folder else None
        self._folders: list[Path] = []
        self._extra_files: set[Path] = set()
        self._entries: dict[Path, LibraryEntry] = {}
        self._sorted: list[LibraryEntry] | None = None
        self._tags: list[str] | None = None
        self._watched: set[str] = set()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_path_changed)
        self._watcher.directoryChanged.connect(self._on_path_changed)
        self._pending: set[Path] = set()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self._apply_pending)
        self._unread = 0
        self._forced: set[Path] = set()
        """Queued because the watcher saw a change: read in, even with an unchanged mtime."""
        self._reader = BackgroundReader(self._on_batch, self)
        # Not the destroyed signal: a Python slot called from a wrapper's deallocation during
        # garbage collection can crash; a finalizer runs in plain Python.
        weakref.finalize(self, self._reader.stop)
        for folder in ([bundled_folder] if bundled_folder else []) + list(folders):
            self.add_folder(folder, create=False)

    # -- reading ------------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        """Bundled sessions first, then the user's, each by title."""
        if self._sorted is None:
            self._sorted = sorted(self._entries.values(), key=lambda e: e.sort_key)
        return list(self._sorted)

    def entry(self, path: Path) -> LibraryEntry | None:
        return self._entries.get(_key(path))

    def folders(self) -> list[Path]:
        return list(self._folders)

    def tags(self) -> list[str]:
        if self._tags is None:
            every = {tag for e in self._entries.values() for tag in e.tags}
            self._tags = sorted(every, key=str.casefold)
        return list(self._tags)

    @property
    def scanning(self) -> bool:
        """Files are still being read in the background."""
        return self._unread > 0

    def finish_scan(self) -> None:
        """Wait, running the event loop, until every queued file is in (scripts and tools;
        the window never calls this: it shows the library as it fills in)."""
        if not self.scanning:
            return
        loop = QEventLoop()
        self.scanFinished.connect(loop.quit)
        loop.exec()
        self.scanFinished.disconnect(loop.quit)

    # -- changing -----------------------------------------------------------------------------

    def add_folder(self, folder: Path, *, create: bool = False) -> None:
        """Scan and watch ``folder``; ``create`` makes it first (the user's folder, on demand)."""
        folder = _key(folder)
        if create:
            folder.mkdir(parents=True, exist_ok=True)
        if folder not in self._folders:
            self._folders.append(folder)
        if folder.is_dir():
            self._watch([folder])
            self._scan(folder)
        else:
            # Not there yet (the user's folder before their first save): watch the nearest
            # folder that exists, and start watching this one the moment it appears.
            ancestor = next((p for p in folder.parents if p.is_dir()), None)
            if ancestor is not None:
                self._watch([ancestor])
        self._changed()

    def add_file(self, path: Path) -> LibraryEntry:
        """Load (and from now on watch) a file opened from anywhere, e.g. by drag-and-drop.

        Read at once, on this thread: the caller shows it next.
        """
        path = _key(path)
        if path.parent not in self._folders:
            self._extra_files.add(path)
        entry = self._load(path)
        self._changed()
        return entry

    def reload(self, path: Path) -> LibraryEntry | None:
        """Read ``path`` again now (the watcher does this by itself after a change)."""
        self._refresh_path(_key(path))
        self._changed()
        return self.entry(path)

    def refresh(self) -> None:
        """Rescan every folder and reread every changed file (in the background)."""
        for folder in self._folders:
            self._scan(folder)
        self._queue(sorted(p for p in self._extra_files if _mtime_ns(p) != self._known_mtime(p)))
        for path in [p for p in self._extra_files if not p.is_file()]:
            self._forget(path)
            self._extra_files.discard(path)
        self._changed()

    # -- internals ----------------------------------------------------------------------------

    def _changed(self) -> None:
        self._sorted = self._tags = None
        self.entriesChanged.emit()

    def _watch(self, paths: Iterable[Path]) -> None:
        fresh = [str(p) for p in paths if str(p) not in self._watched and p.exists()]
        if fresh:
            self._watcher.addPaths(fresh)
            self._watched.update(fresh)

    def _unwatch(self, path: Path) -> None:
        if str(path) in self._watched:
            self._watcher.removePath(str(path))
            self._watched.discard(str(path))

    def _scan(self, folder: Path) -> None:
        """Forget files that went, queue new and changed ones for the background reader."""
        present = _list_sessions(folder)
        for path in [p for p in self._entries if p.parent == folder and p not in present]:
            if path not in self._extra_files:
                self._forget(path)
        self._queue(sorted(p for p, mtime in present.items() if mtime != self._known_mtime(p)))
        self._watch(sorted(p for p in present if p in self._entries))

    def _known_mtime(self, path: Path) -> int | None:
        entry = self._entries.get(path)
        return entry.mtime_ns if entry is not None else None

    def _queue(self, paths: list[Path]) -> None:
        if paths:
            self._unread += len(paths)
            self._reader.submit(paths)

    def _on_batch(self, batch: list[FileRead]) -> None:
        changed: list[LibraryEntry] = []
        for read in batch:
            previous = self._entries.get(read.path)
            if not self._tracks(read.path):
                continue  # forgotten while it was being read
            forced = read.path in self._forced
            self._forced.discard(read.path)
            if not forced and previous is not None and previous.mtime_ns == read.mtime_ns:
                continue  # add_file read it meanwhile: keep that entry (and its session)
            entry = merge_read(read, self._is_bundled(read.path), previous)
            self._entries[read.path] = entry
            changed.append(entry)
        self._unread = max(0, self._unread - len(batch))
        self._watch(entry.path for entry in changed)
        for entry in changed:
            self.entryChanged.emit(entry)
        if changed:
            self._changed()
        if not self.scanning:
            self.scanFinished.emit()

    def _tracks(self, path: Path) -> bool:
        return (path.parent in self._folders or path in self._extra_files) and path.is_file()

    def _load(self, path: Path) -> LibraryEntry:
        entry = read_entry(path, self._is_bundled(path), self._entries.get(path))
        self._entries[path] = entry
        self._watch([path])
        self.entryChanged.emit(entry)
        return entry

    def _forget(self, path: Path) -> None:
        self._entries.pop(path, None)
        self._unwatch(path)
        self.entryRemoved.emit(path)

    def _refresh_path(self, path: Path) -> None:
        if path.is_file():
            self._load(path)
        elif path in self._entries:
            self._forget(path)
            self._extra_files.discard(path)

    def _is_bundled(self, path: Path) -> bool:
        # The bundled classes sit in a folder of their own inside the bundled sessions.
        folder = self._bundled_folder
        return folder is not None and folder in (path.parent, path.parent.parent)

    def _on_path_changed(self, name: str) -> None:
        self._pending.add(Path(name))
        self._debounce.start()

    def _apply_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for path in sorted(pending):
            if path in self._folders:
                self._scan(path)
            elif path.is_dir():
                for folder in self._folders:
                    if folder.is_dir() and path in folder.parents:
                        self._watch([folder])
                        self._scan(folder)
            elif path.is_file():
                # An editor's save-by-rename drops the file from the watcher; re-add it.
                self._unwatch(path)
                self._forced.add(path)
                self._queue([path])
            elif path in self._entries:
                self._forget(path)
                self._extra_files.discard(path)
        self._changed()


def _key(path: Path) -> Path:
    return Path(path).expanduser().absolute()


def _list_sessions(folder: Path) -> dict[Path, int]:
    """Every session file in ``folder`` (an absolute path) with its modification time."""
    found: dict[Path, int] = {}
    try:
        # scandir: one system call per file for the type and time, not three as with Path.
        with os.scandir(folder) as listing:
            for item in listing:
                path = folder / item.name
                if is_session_file(path) and item.is_file():
                    found[path] = item.stat().st_mtime_ns
    except OSError:
        pass  # gone or unreadable: it lists nothing, as an empty folder would
    return found


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
