"""Where the window keeps its size, position and last session."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

from piritimer import paths

GEOMETRY_KEY = "window/geometry"
LAST_SESSION_KEY = "library/last_session"


def open_settings() -> QSettings:
    """The platform's native settings store, or an INI file under PIRITIMER_HOME when that is
    set (tests and portable installs), so nothing leaks into the real user's settings."""
    if os.environ.get("PIRITIMER_HOME"):
        return QSettings(str(paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, paths.APP_NAME, paths.APP_NAME
    )
