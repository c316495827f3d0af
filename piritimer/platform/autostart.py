"""Start piritimer at login, in the tray: an XDG autostart entry, written or removed.

Desktops following the XDG Autostart specification (GNOME, KDE Plasma, Xfce, LXQt, Cinnamon,
MATE...) start every ``*.desktop`` file in ``$XDG_CONFIG_HOME/autostart`` at login. Off by
default: the entry exists only after the person turns it on.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from piritimer.core import i18n
from piritimer.core.i18n import N_
from piritimer.paths import APP_ID

ENTRY_NAME = "piritimer.desktop"
TRAY_FLAG = "--tray"
COMMENT = N_("Exercise reminders, in the tray")
"""What the desktop's list of startup programs says about the entry."""


def launch_command() -> list[str]:
    """How to start this piritimer again: the frozen app itself, its script if installed, else
    this Python."""
    if getattr(sys, "frozen", False):
        # A frozen build's executable is the app; it has no `-m`.
        return [sys.executable, TRAY_FLAG]
    script = shutil.which("piritimer")
    return [script, TRAY_FLAG] if script else [sys.executable, "-m", "piritimer", TRAY_FLAG]


def _quoted(argument: str) -> str:
    # The Exec key's quoting rules: reserved characters need double quotes, and inside them
    # `"`, `` ` ``, `$` and `\` are escaped with a backslash; `%` is doubled everywhere.
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def _comments() -> str:
    """``Comment`` in English and, as ``Comment[fr]=``, in every language with a catalog: the
    desktop picks the person's own, whatever language the app spoke when it wrote the entry."""
    lines = [f"Comment={COMMENT}\n"]
    for language in i18n.SHIPPED_LANGUAGES:
        translated = i18n.catalog(language).gettext(COMMENT)
        if language != i18n.SOURCE_LANGUAGE and translated != COMMENT:
            lines.append(f"Comment[{language}]={' '.join(translated.split())}\n")
    return "".join(lines)


def entry_text(command: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=piritimer\n"
        f"{_comments()}"
        f"Exec={' '.join(_quoted(a) for a in command)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def autostart_enabled(folder: Path) -> bool:
    return (folder / ENTRY_NAME).is_file()


def set_autostart(folder: Path, enabled: bool, command: Sequence[str] | None = None) -> None:
    """Write (atomically) or remove the entry. Raises OSError if the folder cannot be written."""
    target = folder / ENTRY_NAME
    if not enabled:
        target.unlink(missing_ok=True)
        return
    folder.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".desktop.partial")
    partial.write_text(entry_text(command or launch_command()), encoding="utf-8")
    os.replace(partial, target)
