"""A session and its pictures as one file: a ``.piritimer`` bundle (a zip archive).

The bundle holds ``session.yaml`` and the pictures it names from its own folder, at the same
relative paths, so the file reads the same once unpacked. Bundled images (piritimer's own) are
not copied: every piritimer has them.

A bundle comes from someone else, so opening one trusts nothing in it: every entry must be a
plain file at a relative path inside the bundle (no ``..``, no absolute path, no link), there
are limits on the number of entries, on each one's size and on the total, a badly compressed
entry (a "zip bomb") is refused by its ratio, and sizes are counted while reading, not taken
from the archive's word. It is unpacked into a private folder of its own, and the session's
pictures are then found there like any others: inside that folder only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from piritimer.core.i18n import _, grouped
from piritimer.core.model import Session

SUFFIX = ".piritimer"
MIME_TYPE = "application/x-piritimer"
SESSION_ENTRY = "session.yaml"
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 200
MAX_ENTRY_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
"""Text and drawings compress well, but not a hundredfold; a bomb does (a million to one)."""
RATIO_FROM_BYTES = 64 * 1024
"""Below this, an entry's ratio does not matter: it cannot unpack into much."""
_CHUNK = 64 * 1024


class BundleError(ValueError):
    """The bundle cannot be written or opened; the message says why, in plain words."""


def bundle_images(session: Session, session_path: Path) -> list[tuple[Path, str]]:
    """(file, name in the bundle) for each picture the session takes from its own folder."""
    folder = session_path.resolve().parent
    found: dict[str, Path] = {}
    for exercise in session.exercises:
        if exercise.image is None:
            continue
        try:
            relative = exercise.image.resolve().relative_to(folder)
        except ValueError:
            continue  # a bundled image: every piritimer has it
        found.setdefault(relative.as_posix(), exercise.image)
    return [(path, name) for name, path in sorted(found.items())]


def write_bundle(session_text: bytes, images: Iterable[tuple[Path, str]], target: Path) -> Path:
    """Write ``target`` (a ``.piritimer`` zip) holding the session text and ``images``.

    Written to a temporary file beside ``target`` and renamed, so a failure leaves no half file.
    """
    target = target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)
    handle, partial_name = tempfile.mkstemp(prefix=".bundle-", dir=target.parent)
    partial = Path(partial_name)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(SESSION_ENTRY, session_text)
            for path, name in images:
                z.write(path, name)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BundleError(
            _("cannot write {target}: {reason}").format(
                target=target, reason=error.strerror or error
            )
        ) from None
    return target


def _entry_problem(info: zipfile.ZipInfo) -> str | None:
    name = info.filename
    if "\\" in name or "\0" in name or ":" in name:
        return _("the entry {name} has a name no plain file in a folder has").format(
            name=repr(name)
        )
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return _("the entry {name} points outside the bundle").format(name=repr(name))
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return _("the entry {name} is a symbolic link; a bundle holds plain files only").format(
            name=repr(name)
        )
    if info.file_size > MAX_ENTRY_BYTES:
        return _("the entry {name} is {size} bytes; the limit is {limit}").format(
            name=repr(name), size=grouped(info.file_size), limit=grouped(MAX_ENTRY_BYTES)
        )
    if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        return _(
            "the entry {name} unpacks to more than {ratio} times its size (a zip bomb?)"
        ).format(name=repr(name), ratio=MAX_RATIO)
    return None


def check_bundle(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The bundle's files, once every entry has passed; raises BundleError at the first one
    that does not."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleError(
            _("the bundle holds {count} entries; the limit is {limit}").format(
                count=grouped(len(infos)), limit=MAX_ENTRIES
            )
        )
    files: list[zipfile.ZipInfo] = []
    names: set[str] = set()
    total = 0
    for info in infos:
        if (problem := _entry_problem(info)) is not None:
            raise BundleError(problem)
        if info.is_dir():
            continue
        normal = PurePosixPath(info.filename).as_posix()
        if normal.lower() in names:
            raise BundleError(
                _("the entry {name} is in the bundle twice").format(name=repr(info.filename))
            )
        names.add(normal.lower())
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleError(
                _("the bundle unpacks to more than {limit} bytes").format(
                    limit=grouped(MAX_TOTAL_BYTES)
                )
            )
        files.append(info)
    if SESSION_ENTRY not in names:
        raise BundleError(
            _("the bundle has no {entry}; is it a piritimer bundle?").format(entry=SESSION_ENTRY)
        )
    return files


def _unpack(archive: zipfile.ZipFile, files: list[zipfile.ZipInfo], folder: Path) -> None:
    for info in files:
        target = folder.joinpath(*PurePosixPath(info.filename).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(info) as source, target.open("xb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                # The sizes in the archive are its own claim; count what really comes out.
                if written > info.file_size or written > MAX_ENTRY_BYTES:
                    raise BundleError(
                        _("the entry {name} is larger than it says").format(
                            name=repr(info.filename)
                        )
                    )
                sink.write(chunk)


def open_bundle(path: Path, cache_dir: Path) -> Path:
    """Unpack the bundle at ``path`` into a private folder under ``cache_dir``; the path of
    its ``session.yaml``. The same bundle opened twice reuses its folder."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(
                _("the bundle is larger than {limit} bytes").format(limit=grouped(MAX_BUNDLE_BYTES))
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:32]
    except OSError as error:
        raise BundleError(
            _("cannot read: {reason}").format(reason=error.strerror or error)
        ) from None
    folder = cache_dir / digest
    if (folder / SESSION_ENTRY).is_file():
        return folder / SESSION_ENTRY
    cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=cache_dir))
    try:
        with zipfile.ZipFile(path) as archive:
            _unpack(archive, check_bundle(archive), partial)
        os.replace(partial, folder)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as error:
        raise BundleError(
            _("not a readable bundle (a zip archive): {reason}").format(reason=error)
        ) from None
    except OSError as error:
        if (folder / SESSION_ENTRY).is_file():  # opened at the same moment elsewhere
            return folder / SESSION_ENTRY
        raise BundleError(
            _("cannot unpack: {reason}").format(reason=error.strerror or error)
        ) from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return folder / SESSION_ENTRY
