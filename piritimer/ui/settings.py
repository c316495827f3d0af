"""Where the window keeps its size, position and last session.

A settings file is only a convenience, so a fault in it must never stop the app or repeat
itself: a file Qt cannot parse is kept aside (renamed with the UTC time) and replaced by
fresh settings, with one notice; settings that cannot be written are said once per run
(``sync_settings`` with a ``OnceNotice``), not on every write.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from piritimer import paths
from piritimer.core.i18n import _
from piritimer.widgets.notices import OnceNotice

GEOMETRY_KEY = "window/geometry"
LAST_SESSION_KEY = "library/last_session"
KEPT_ASIDE_STAMP = "%Y%m%dT%H%M%SZ"

Notice = Callable[[str], object]
_log = logging.getLogger(__name__)


def log_notice(text: str) -> None:
    _log.warning("%s", text)


def _open() -> QSettings:
    if os.environ.get("PIRITIMER_HOME"):
        return QSettings(str(paths.user_data_dir() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, paths.APP_NAME, paths.APP_NAME
    )


def open_settings(
    notice: Notice = log_notice, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> QSettings:
    """The platform's native settings store, or an INI file under PIRITIMER_HOME when that is
    set (tests and portable installs), so nothing leaks into the real user's settings.

    A file that cannot be parsed is renamed ``<name>.corrupt-<UTC time>`` and the app starts
    from default settings; ``notice`` says where the old file went.
    """
    settings = _open()
    if settings.status() is not QSettings.Status.FormatError:
        return settings
    broken = Path(settings.fileName())
    kept = broken.with_name(f"{broken.name}.corrupt-{now().astimezone(UTC):{KEPT_ASIDE_STAMP}}")
    del settings  # let go of the file before renaming it
    try:
        os.replace(broken, kept)
    except OSError as error:
        notice(
            _(
                "The settings file {file} cannot be read ({reason}); piritimer starts with "
                "default settings."
            ).format(file=broken, reason=error.strerror)
        )
    else:
        notice(
            _(
                "The settings file {file} could not be read; it is kept as {kept} and "
                "piritimer starts with default settings."
            ).format(file=broken, kept=kept.name)
        )
    return _open()


def sync_settings(settings: QSettings, notices: OnceNotice) -> bool:
    """Write pending settings now; a failure is told once through ``notices``. True if written."""
    settings.sync()
    if settings.status() is QSettings.Status.AccessError:
        notices.fault(
            "settings",
            _("Settings cannot be saved to {file}; changes last until piritimer closes.").format(
                file=settings.fileName()
            ),
        )
        return False
    notices.cleared("settings")
    return True
