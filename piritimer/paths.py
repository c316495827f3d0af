"""Every file location piritimer uses, resolved in one place.

Bundled ``sessions/`` and ``assets/`` sit at the top of the source tree; an installed wheel
carries them as ``piritimer/_bundled/``, where we look first; a frozen build keeps them under
``sys._MEIPASS``. So every layout works and nothing depends on the current directory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path

from piritimer.core.i18n import _, grouped

PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "piritimer"
APP_ID = "io.github.piritimer.Piritimer"
"""Reverse-DNS id: the .desktop file, the icons and the AppStream metainfo in data/ are named
after it, and the window tells the desktop it (QGuiApplication.setDesktopFileName)."""


def _bundled(name: str) -> Path:
    if getattr(sys, "frozen", False):
        # A frozen build (tools/freeze.sh, piritimer.spec) lays sessions/ and assets/ out
        # under sys._MEIPASS (its _internal/ folder), not beside any package's __file__.
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / name
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def bundled_sessions_dir() -> Path:
    return _bundled("sessions")


def bundled_classes_dir() -> Path:
    return bundled_sessions_dir() / "classes"


def assets_dir() -> Path:
    return _bundled("assets")


def images_dir() -> Path:
    return assets_dir() / "images"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


def locale_dir() -> Path:
    """The compiled translations, ``<language>/LC_MESSAGES/piritimer.mo`` (sources in po/).

    ``PIRITIMER_LOCALE_DIR`` points elsewhere: a translator tries a catalog without
    installing it, and the pseudo-locale tests use theirs."""
    override = os.environ.get("PIRITIMER_LOCALE_DIR")
    if override:
        return Path(override)
    return assets_dir() / "locale"


def icon_path() -> Path:
    return assets_dir() / "icons" / "piritimer.svg"


def user_data_dir() -> Path:
    """The user's own folder (sessions, history, settings backups). Not created here."""
    override = os.environ.get("PIRITIMER_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def autostart_dir() -> Path:
    """Where XDG desktops look for programs to start at login (``$XDG_CONFIG_HOME/autostart``).

    Under PIRITIMER_HOME (tests, portable installs) it is a folder there, so nothing is
    written into the real user's login."""
    override = os.environ.get("PIRITIMER_HOME")
    if override:
        return Path(override) / "autostart"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "autostart"


def user_cache_dir() -> Path:
    """Where opened ``.piritimer`` bundles are unpacked (each in a private folder). Not created."""
    override = os.environ.get("PIRITIMER_HOME")
    if override:
        return Path(override) / "cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / APP_NAME


def bundles_dir() -> Path:
    return user_cache_dir() / "bundles"


def user_sessions_dir() -> Path:
    return user_data_dir() / "sessions"


def practice_log_path() -> Path:
    """The practice log (every run of a session): SQLite, in the user's data folder."""
    return user_data_dir() / "practice.sqlite3"


def is_bundled(path: Path) -> bool:
    try:
        path.resolve().relative_to(bundled_sessions_dir().resolve())
    except ValueError:
        return False
    return True


IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")
"""The picture formats piritimer shows; anything else would reach a decoder nobody needs."""
MAX_IMAGE_BYTES = 5_000_000
"""A clear exercise drawing is tens of kilobytes; five megabytes is a generous photograph."""
MAX_IMAGE_NAME_CHARS = 255
_LOOKS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:|[\\/~])")


class ImageRefused(ValueError):
    """An ``image:`` that names something piritimer will not open; the message says why."""


def find_image(name: str, base_dir: Path | None) -> Path | None:
    """Resolve an exercise's ``image:``: in the session's folder first, then bundled images.

    Returns the resolved path of a regular file, None when there is no such picture, and raises
    ImageRefused for a name that leads anywhere else: an absolute path, a climb out of the
    folder with ``..`` or a symbolic link, a device or pipe, or a file too large to be a
    picture. Session files come from strangers, so an image name must never reach
    ``/proc/self/environ``, ``/dev/zero`` or the user's own photographs.
    """
    if len(name) > MAX_IMAGE_NAME_CHARS:
        raise ImageRefused(
            _("an image name of {count} characters is too long; the limit is {limit}").format(
                count=grouped(len(name)), limit=MAX_IMAGE_NAME_CHARS
            )
        )
    shown = repr(name)
    if "\0" in name:
        raise ImageRefused(_("image {name} holds a null character").format(name=shown))
    candidate = Path(name)
    # Windows forms too, on every system: a file written on one machine is opened on another.
    if candidate.is_absolute() or _LOOKS_ABSOLUTE.match(name):
        raise ImageRefused(
            _(
                "image {name} is an absolute path; name a file in this session's folder "
                "(e.g. `pictures/knee.png`) or a bundled image"
            ).format(name=shown)
        )
    normal = os.path.normpath(name)
    if normal == os.pardir or normal.startswith(os.pardir + os.sep):
        raise ImageRefused(
            _(
                "image {name} climbs out of this session's folder; keep pictures in that folder "
                "or use a bundled image"
            ).format(name=shown)
        )
    if candidate.suffix.lower() not in IMAGE_SUFFIXES:
        kinds = ", ".join(IMAGE_SUFFIXES)
        raise ImageRefused(
            _("image {name} is not a picture piritimer shows ({kinds})").format(
                name=shown, kinds=kinds
            )
        )
    if base_dir is not None:
        found = _confined(base_dir, candidate, shown)
        if found is not None:
            return found
    return _confined(images_dir(), Path(candidate.name), shown)


def _loop_message(shown: str) -> str:
    return _("image {name} cannot be opened: its links go round in a loop").format(name=shown)


def _confined(folder: Path, relative: Path, shown: str) -> Path | None:
    """``folder / relative`` if it is a picture-sized regular file that stays inside ``folder``."""
    try:
        root = folder.resolve()
        local = root / relative
        if not os.path.lexists(local):
            return None
        resolved = local.resolve()
        if not resolved.is_relative_to(root):
            raise ImageRefused(
                _(
                    "image {name} is a link that leads outside this session's folder; copy the "
                    "picture into the folder instead"
                ).format(name=shown)
            )
        info = resolved.stat()
    except RuntimeError:  # Python 3.11's resolve() on a symbolic-link loop
        raise ImageRefused(_loop_message(shown)) from None
    except FileNotFoundError:
        return None  # a dangling link
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ImageRefused(_loop_message(shown)) from None
        raise ImageRefused(
            _("image {name} cannot be opened: {reason}").format(
                name=shown, reason=error.strerror or _("unreadable")
            )
        ) from None
    return check_image_file(resolved, info, shown)


MIRRORED_SUFFIX = "-mirrored"
"""``figure-four-mirrored.svg`` beside ``figure-four.svg`` is the same pose for the other side."""


def mirrored_image(image: Path) -> Path | None:
    """The other side's drawing, ``NAME-mirrored.EXT`` beside the resolved ``image``, if any.

    Held to the same rules as the drawing itself, inside the drawing's own folder; one that is
    refused is simply not used, and the plain drawing is shown instead.
    """
    name = f"{image.stem}{MIRRORED_SUFFIX}{image.suffix}"
    try:
        return _confined(image.parent, Path(name), repr(name))
    except ImageRefused:
        return None


def check_image_file(path: Path, info: os.stat_result, shown: str) -> Path | None:
    """Refuse what is not a picture-sized regular file; a folder is simply not a picture."""
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        message = _("image {name} is not a regular file (a device, pipe or socket)")
    elif info.st_size == 0:
        message = _("image {name} is empty")
    elif info.st_size > MAX_IMAGE_BYTES:
        message = _("image {name} is {size} bytes; a picture may be at most {limit} bytes")
    else:
        return path
    raise ImageRefused(
        message.format(name=shown, size=grouped(info.st_size), limit=grouped(MAX_IMAGE_BYTES))
    )


def image_file_problem(info: os.stat_result) -> str | None:
    """Why a file with this status is not a picture to open ("is empty"), or None."""
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device, pipe or socket)"
    if info.st_size == 0:
        return "is empty"
    if info.st_size > MAX_IMAGE_BYTES:
        return f"is {info.st_size:,} bytes; a picture may be at most {MAX_IMAGE_BYTES:,} bytes"
    return None


def qt_plugins_dir() -> Path:
    """Qt's plugin folders as piritimer loads them (qt/lean_plugins.py). Not created here."""
    return user_cache_dir() / "qt-plugins"
