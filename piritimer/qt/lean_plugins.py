"""Qt's plugin folders, less the multimedia backend piritimer does not use.

The sound is raw PCM pushed into a ``QAudioSink``; Qt Multimedia plays that without a media
backend ("Only QMediaDevices, QAudioDevice, QSoundEffect, QAudioSink, and QAudioSource are
available"). The wheel's only backend, FFmpeg, is loaded all the same on first use, and maps
QtQuick, QtQml, OpenGL, libavcodec and libavformat into the process: 11 MB of the idle app's
117 MB (bench/whole_app.py, Qt 6.11, measured with and without).

Qt finds plugins by folder name under each library path, so the app hands it a folder of links
to every one of Qt's plugin folders but ``multimedia/``. Where that cannot be made (no
symbolic links, a read-only cache), Qt keeps its own folders: more memory, nothing lost.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QMessageLogContext,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)

LEFT_OUT = frozenset({"multimedia"})
NO_BACKEND_NOTICE = "No QtMultimedia backends found."
"""Qt's warning when it finds no backend: expected here, so it is not printed."""


def lean_plugin_folder(
    qt_plugins: Path, cache: Path, left_out: frozenset[str] = LEFT_OUT
) -> Path | None:
    """A folder linking to each of ``qt_plugins``' folders but ``left_out``, made once per Qt
    install (named by its path) under ``cache``; None where links cannot be made."""
    if sys.platform != "linux" or not qt_plugins.is_dir():
        return None
    name = hashlib.sha256(str(qt_plugins.resolve()).encode()).hexdigest()[:16]
    folder = cache / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        wanted = {p.name for p in qt_plugins.iterdir() if p.is_dir() and p.name not in left_out}
        for entry in folder.iterdir():
            if entry.name not in wanted:
                entry.unlink()
        for plugin_type in sorted(wanted):
            link = folder / plugin_type
            target = qt_plugins / plugin_type
            if link.is_symlink() and Path(os.readlink(link)) == target:
                continue
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(target, target_is_directory=True)
    except OSError:
        return None
    return folder


def use_lean_plugins(cache: Path) -> bool:
    """Before the QApplication exists: load Qt's plugins through the lean folder, where it can
    be made. Returns whether it is in use."""
    qt_plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    folder = lean_plugin_folder(qt_plugins, cache)
    if folder is None:
        return False
    QCoreApplication.setLibraryPaths([str(folder)])
    _quiet_no_backend_notice()
    return True


def _quiet_no_backend_notice() -> None:
    previous = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind is QtMsgType.QtWarningMsg and message.startswith(NO_BACKEND_NOTICE):
            return
        if previous is not None:
            previous(kind, context, message)
        else:  # what Qt's own handler prints
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
