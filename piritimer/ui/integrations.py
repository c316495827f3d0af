"""Optional parts of the app (editor, presentation, sound and voice, screen-saver inhibit),
loaded on first use. Each is guarded: without the module the window works and simply does
not offer that part. Nothing here runs at import time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from piritimer.qt.driver import EngineDriver


class Inhibitor(Protocol):
    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


class NullInhibitor:
    """Used when the platform module is missing: the screen saver is left alone."""

    def inhibit(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


def available(module: str) -> bool:
    """True if ``module`` can be imported, without importing it (keeps start-up fast)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def open_editor(path: Path | None, parent: QWidget) -> bool:
    """Open ``path`` in the editor (None: a new session from the template)."""
    if not available("piritimer.editor"):
        return False
    from piritimer.editor import open_editor as editor_open

    editor_open(path, parent)
    return True


def open_presentation(
    driver: EngineDriver, screen: int | None, parent: QWidget, starts_in_s: float | None = None
) -> Any | None:
    """The presentation window, or None when the module is missing or the teacher cancelled."""
    if not available("piritimer.present"):
        return None
    from piritimer.present import open_presentation as present_open

    return present_open(driver, screen, parent, starts_in_s=starts_in_s)


def create_audio_guide(driver: EngineDriver, parent: QObject) -> Any | None:
    """The sound-and-voice guide, or None when piritimer.audio is not there."""
    if not available("piritimer.audio.guide"):
        return None
    from piritimer.audio.guide import AudioGuide
    from piritimer.audio.settings import AudioSettings

    store = getattr(parent, "settings", None)
    if isinstance(store, QSettings) and available("piritimer.audio.settings_store"):
        from piritimer.audio.settings_store import load_audio_settings

        return AudioGuide(driver, load_audio_settings(store), parent)
    return AudioGuide(driver, AudioSettings(), parent)


def open_audio_outputs(guide: Any, parent: QObject) -> bool:
    """Give the guide the real sound device and speech engine (slow: speechd lists voices)."""
    if not available("piritimer.audio.hardware"):
        return False
    from piritimer.audio.hardware import open_audio_outputs as hardware_outputs

    guide.set_outputs(hardware_outputs(parent))
    return True


def open_audio_settings(guide: Any | None, parent: QWidget) -> bool:
    """Show the sound and voice settings, if the audio module offers a dialog."""
    if guide is None or not available("piritimer.audio.settings_dialog"):
        return False
    from piritimer.audio.settings_dialog import open_settings_dialog

    store = getattr(parent, "settings", None)
    open_settings_dialog(guide, parent, store if isinstance(store, QSettings) else None)
    return True


def create_inhibitor() -> Inhibitor:
    if not available("piritimer.platform.inhibit"):
        return NullInhibitor()
    from piritimer.platform.inhibit import create_inhibitor as platform_inhibitor

    inhibitor: Inhibitor = platform_inhibitor()
    return inhibitor
