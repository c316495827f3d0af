"""Display settings for low vision and for people who cannot hear the cues: the text size
(100-200 %) and a flash of the page at each step boundary. Kept in the app's QSettings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

MIN_TEXT_PERCENT = 100
MAX_TEXT_PERCENT = 200
GROUP = "display"


@dataclass(frozen=True)
class DisplaySettings:
    text_percent: int = 100
    """Body text and the runner's words at this share of their fitted size (the big words
    still shrink to fit the window; this lifts the caps that keep them small)."""
    flash: bool = False
    """Flash the page at every step boundary."""

    def __post_init__(self) -> None:
        if not MIN_TEXT_PERCENT <= self.text_percent <= MAX_TEXT_PERCENT:
            raise ValueError(
                f"text size must be {MIN_TEXT_PERCENT}-{MAX_TEXT_PERCENT} %,"
                f" not {self.text_percent}"
            )

    @property
    def text_scale(self) -> float:
        return self.text_percent / 100


def load_display_settings(store: QSettings) -> DisplaySettings:
    """The saved choice; a missing or bad value falls back to its default."""
    percent = str(store.value(f"{GROUP}/text_percent", MIN_TEXT_PERCENT))
    flash = str(store.value(f"{GROUP}/flash", "false")).strip().lower() == "true"
    try:
        return DisplaySettings(int(percent), flash)
    except ValueError:
        return DisplaySettings(flash=flash)


def save_display_settings(store: QSettings, settings: DisplaySettings) -> None:
    store.setValue(f"{GROUP}/text_percent", settings.text_percent)
    store.setValue(f"{GROUP}/flash", settings.flash)
    store.sync()


class DisplaySettingsDialog(QDialog):
    """Text size and boundary flash; changes apply at once and are kept.

    Signals:
        changed(object): the new DisplaySettings.
    """

    changed = Signal(object)

    def __init__(
        self, settings: DisplaySettings, store: QSettings | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Display")
        self._store = store
        self.text_percent = QSpinBox()
        self.text_percent.setRange(MIN_TEXT_PERCENT, MAX_TEXT_PERCENT)
        self.text_percent.setSingleStep(10)
        self.text_percent.setSuffix(" %")
        self.text_percent.setValue(settings.text_percent)
        self.text_percent.setAccessibleName("Text size")
        self.flash = QCheckBox("Flash the screen as each step begins")
        self.flash.setChecked(settings.flash)
        form = QFormLayout()
        form.addRow("Text size", self.text_percent)
        form.addRow("", self.flash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.text_percent.valueChanged.connect(self._changed)
        self.flash.toggled.connect(self._changed)

    def chosen(self) -> DisplaySettings:
        return DisplaySettings(self.text_percent.value(), self.flash.isChecked())

    def _changed(self, *_: object) -> None:
        settings = self.chosen()
        if self._store is not None:
            save_display_settings(self._store, settings)
        self.changed.emit(settings)


def open_display_dialog(
    settings: DisplaySettings, store: QSettings | None, parent: QWidget | None
) -> DisplaySettingsDialog:
    dialog = DisplaySettingsDialog(settings, store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
