"""Every file location piritimer uses, resolved in one place.

Bundled ``sessions/`` and ``assets/`` sit at the top of the source tree; an installed wheel
carries them as ``piritimer/_bundled/``. We look there first, so both layouts work and nothing
depends on the current directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "piritimer"


def _bundled(name: str) -> Path:
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def bundled_sessions_dir() -> Path:
    return _bundled("sessions")


def assets_dir() -> Path:
    return _bundled("assets")


def images_dir() -> Path:
    return assets_dir() / "images"


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


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


def user_sessions_dir() -> Path:
    return user_data_dir() / "sessions"


def is_bundled(path: Path) -> bool:
    try:
        path.resolve().relative_to(bundled_sessions_dir().resolve())
    except ValueError:
        return False
    return True


def find_image(name: str, base_dir: Path | None) -> Path | None:
    """Resolve an exercise's ``image:``: next to the session file first, then bundled images.

    Only plain files are accepted, and a bundled name may not climb out of the images folder.
    """
    candidate = Path(name)
    if base_dir is not None:
        local = candidate if candidate.is_absolute() else base_dir / candidate
        if local.is_file():
            return local
    bundled_root = images_dir().resolve()
    bundled = (bundled_root / candidate.name).resolve()
    if bundled.parent == bundled_root and bundled.is_file():
        return bundled
    return None
