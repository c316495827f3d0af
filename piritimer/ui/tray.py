"""The tray icon, where the desktop has a tray: open the window, reminders' options, quit.

Two settings live in its menu: keep running in the tray when the window closes (so reminders
still come), and start at login in the tray (an XDG autostart entry). Both are off by default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from piritimer.core.i18n import _
from piritimer.platform.autostart import autostart_enabled, set_autostart
from piritimer.platform.notifications import ClickHandler

log = logging.getLogger(__name__)

KEEP_RUNNING_KEY = "tray/keep_running"


class Tray(QObject):
    """piritimer's tray icon; does nothing where there is no tray (``available`` False).

    Signals:
        showRequested(): open the window.
        quitRequested(): quit piritimer.
        keepRunningChanged(bool): "keep running in the tray" was turned on or off.
    """

    showRequested = Signal()
    quitRequested = Signal()
    keepRunningChanged = Signal(bool)

    def __init__(
        self,
        settings: QSettings,
        autostart_folder: Path,
        icon: QIcon,
        *,
        available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.autostart_folder = autostart_folder
        self.available = available()
        self.menu = QMenu()
        self.open_action = self.menu.addAction(_("Open piritimer"))
        self.open_action.triggered.connect(self.showRequested)
        self.menu.addSeparator()
        self.keep_running_action = self._toggle(
            _("Keep running in the tray when the window closes"), self.keeps_running
        )
        self.keep_running_action.toggled.connect(self._set_keep_running)
        self.autostart_action = self._toggle(
            _("Start at login, in the tray"), autostart_enabled(autostart_folder)
        )
        self.autostart_action.toggled.connect(self._set_autostart)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(_("Quit piritimer"))
        self.quit_action.triggered.connect(self.quitRequested)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("piritimer")  # not translated: the product's name
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._last_key = ""

    def show_icon(self) -> None:
        """Put the icon in the tray, if there is one (the app does, once it runs)."""
        if self.available:
            self.icon.show()

    def _toggle(self, text: str, checked: bool) -> QAction:
        action = self.menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(checked)
        return action

    @property
    def keeps_running(self) -> bool:
        """True when closing the window leaves piritimer in the tray (only with a tray)."""
        stored = self.settings.value(KEEP_RUNNING_KEY, False)
        return self.available and str(stored).lower() in ("true", "1")

    def _set_keep_running(self, on: bool) -> None:
        self.settings.setValue(KEEP_RUNNING_KEY, on)
        self.keepRunningChanged.emit(self.keeps_running)

    def _set_autostart(self, on: bool) -> None:
        try:
            set_autostart(self.autostart_folder, on)
        except OSError as error:
            log.warning("cannot change the autostart entry: %s", error)
            self.autostart_action.blockSignals(True)
            self.autostart_action.setChecked(autostart_enabled(self.autostart_folder))
            self.autostart_action.blockSignals(False)
            if self.available:
                self.icon.showMessage(
                    "piritimer",  # not translated: the product's name
                    _("Cannot start at login: {error}").format(error=error.strerror or error),
                )

    # -- a Notifier, for desktops with a tray but no notification service ----------------------

    @property
    def name(self) -> str:
        return "tray"

    def notify(self, title: str, body: str, key: str) -> None:
        """A balloon from the tray icon (QSystemTrayIcon shows it as plain text)."""
        self._last_key = key
        self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)

    def on_click(self, handler: ClickHandler) -> None:
        self.icon.messageClicked.connect(lambda: self._last_key and handler(self._last_key))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.showRequested.emit()
