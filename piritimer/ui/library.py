"""The session library: every session file in the watched folders, kept current on disk changes.

A non-widget model so that the window, the editor and tests share one view of the files. A
file that turns broken keeps its last good session usable, with the new error beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from piritimer.core.diagnostics import Diagnostic, Severity
from piritimer.core.durations import format_clock
from piritimer.core.loader import load_session
from piritimer.core.model import Session
from piritimer.core.timeline import compile_session

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
    def first_error(self) -> str | None:
        """The first message in plain words: "line 4: ..."."""
        errors = self.errors
        if not errors:
            return None
        first = errors[0]
        return f"line {first.line}: {first.message}"

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

    def matches(self, text: str, tag: str | None) -> bool:
        """True when every word of ``text`` is in the title, summary, tags or file name."""
        if tag and tag not in self.tags:
            return False
        haystack = " ".join(
            (self.title, self.summary, " ".join(self.tags), self.path.name)
        ).casefold()
        return all(word in haystack for word in text.casefold().split())


def read_entry(path: Path, bundled: bool, previous: LibraryEntry | None = None) -> LibraryEntry:
    """Load ``path``; keep ``previous``'s session when the new text has errors."""
    result = load_session(path)
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        mtime_ns = 0
    if result.session is not None:
        total_s = compile_session(result.session).total_s
        return LibraryEntry(path, bundled, result.session, result.diagnostics, total_s, mtime_ns)
    if previous is not None and previous.session is not None:
        return replace(previous, diagnostics=result.diagnostics, mtime_ns=mtime_ns)
    return LibraryEntry(path, bundled, None, result.diagnostics, 0.0, mtime_ns)


class LibraryModel(QObject):
    """Scans session folders, loads each file and watches folders and files for changes.

    Signals:
        entriesChanged(): files were added, removed or reloaded (re-read ``entries()``).
        entryChanged(object): one LibraryEntry was (re)loaded; the editor and preview listen.
        entryRemoved(object): the Path of a file that disappeared.
    """

    entriesChanged = Signal()
    entryChanged = Signal(object)
    entryRemoved = Signal(object)

    def __init__(
        self,
        folders: Sequence[Path] = (),
        bundled_folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bundled_folder = bundled_folder
        self._folders: list[Path] = []
        self._extra_files: set[Path] = set()
        self._entries: dict[Path, LibraryEntry] = {}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_path_changed)
        self._watcher.directoryChanged.connect(self._on_path_changed)
        self._pending: set[Path] = set()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self._apply_pending)
        for folder in ([bundled_folder] if bundled_folder else []) + list(folders):
            self.add_folder(folder, create=False)

    # -- reading ------------------------------------------------------------------------------

    def entries(self) -> list[LibraryEntry]:
        """Bundled sessions first, then the user's, each by title."""
        return sorted(
            self._entries.values(), key=lambda e: (not e.bundled, e.title.casefold(), str(e.path))
        )

    def entry(self, path: Path) -> LibraryEntry | None:
        return self._entries.get(_key(path))

    def folders(self) -> list[Path]:
        return list(self._folders)

    def tags(self) -> list[str]:
        return sorted({tag for e in self._entries.values() for tag in e.tags}, key=str.casefold)

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
        self.entriesChanged.emit()

    def add_file(self, path: Path) -> LibraryEntry:
        """Load (and from now on watch) a file opened from anywhere, e.g. by drag-and-drop."""
        path = _key(path)
        if path.parent not in self._folders:
            self._extra_files.add(path)
        entry = self._load(path)
        self.entriesChanged.emit()
        return entry

    def reload(self, path: Path) -> LibraryEntry | None:
        """Read ``path`` again now (the watcher does this by itself after a change)."""
        self._refresh_path(_key(path))
        self.entriesChanged.emit()
        return self.entry(path)

    def refresh(self) -> None:
        """Rescan every folder and reread every changed file."""
        for folder in self._folders:
            self._scan(folder)
        for path in list(self._extra_files):
            self._refresh_path(path)
        self.entriesChanged.emit()

    # -- internals ----------------------------------------------------------------------------

    def _watch(self, paths: Iterable[Path]) -> None:
        known = set(self._watcher.files()) | set(self._watcher.directories())
        fresh = [str(p) for p in paths if str(p) not in known and p.exists()]
        if fresh:
            self._watcher.addPaths(fresh)

    def _scan(self, folder: Path) -> None:
        present = (
            {_key(p) for p in folder.iterdir() if p.is_file() and is_session_file(p)}
            if folder.is_dir()
            else set()
        )
        for path in [p for p in self._entries if p.parent == folder and p not in present]:
            if path not in self._extra_files:
                self._forget(path)
        for path in sorted(present):
            entry = self._entries.get(path)
            if entry is None or entry.mtime_ns != _mtime_ns(path):
                self._load(path)
            else:
                self._watch([path])

    def _load(self, path: Path) -> LibraryEntry:
        entry = read_entry(path, self._is_bundled(path), self._entries.get(path))
        self._entries[path] = entry
        self._watch([path])
        self.entryChanged.emit(entry)
        return entry

    def _forget(self, path: Path) -> None:
        self._entries.pop(path, None)
        if str(path) in self._watcher.files():
            self._watcher.removePath(str(path))
        self.entryRemoved.emit(path)

    def _refresh_path(self, path: Path) -> None:
        if path.is_file():
            self._load(path)
        elif path in self._entries:
            self._forget(path)
            self._extra_files.discard(path)

    def _is_bundled(self, path: Path) -> bool:
        return self._bundled_folder is not None and path.parent == _key(self._bundled_folder)

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
            else:
                # An editor's save-by-rename drops the file from the watcher; _load re-adds it.
                self._refresh_path(path)
        self.entriesChanged.emit()


def _key(path: Path) -> Path:
    return Path(path).expanduser().absolute()


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
