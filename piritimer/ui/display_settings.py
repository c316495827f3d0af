"""Display and language settings: for low vision and for people who cannot hear the cues, the
text size (100-200 %) and a flash of the page at each step boundary; and the app's language,
the system's or one chosen. Kept in the app's QSettings.

The windows read their words as they are built, so a new language takes effect the next time
piritimer starts (the dialog says so, in the language chosen). There is no "Restart now": a
relaunched process would reach the single-instance server (platform/single_instance.py) of
the one still closing and hand its start over to it, which then exits.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from piritimer.core import i18n
from piritimer.core.i18n import _
from piritimer.widgets.app_language import (
    FOLLOW_SYSTEM,
    language_choice,
    resolve_language,
    save_language_choice,
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


def language_choices() -> list[tuple[str, str]]:
    """(words, choice) for the language list: following the system, named in the language it
    resolves to, then every shipped language in its own name."""
    system = resolve_language(FOLLOW_SYSTEM)
    name = i18n.LANGUAGE_NAMES.get(system, system)
    choices = [(_("Follow the system ({language})").format(language=name), FOLLOW_SYSTEM)]
    choices += [(i18n.LANGUAGE_NAMES[tag], tag) for tag in i18n.SHIPPED_LANGUAGES]
    return choices


def restart_note(choice: str) -> str:
    """When a new language is used, said in that language so its reader understands it."""
    words = i18n.catalog(resolve_language(choice))
    return words.gettext("The new language is used from the next time you start piritimer.")


class DisplaySettingsDialog(QDialog):
    """Text size, boundary flash and the app's language; changes are kept at once, the text
    size and flash shown at once, the language from the next start.

    Signals:
        changed(object): the new DisplaySettings.
        languageChosen(str): the new language choice (a tag, or "" to follow the system).
    """

    changed = Signal(object)
    languageChosen = Signal(str)

    def __init__(
        self, settings: DisplaySettings, store: QSettings | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Display and language"))
        self._store = store
        self.text_percent = QSpinBox()
        self.text_percent.setRange(MIN_TEXT_PERCENT, MAX_TEXT_PERCENT)
        self.text_percent.setSingleStep(10)
        self.text_percent.setSuffix(f" {QLocale().percent()}")  # the locale's sign
        self.text_percent.setValue(settings.text_percent)
        self.text_percent.setAccessibleName(_("Text size"))
        self.flash = QCheckBox(_("Flash the screen as each step begins"))
        self.flash.setChecked(settings.flash)
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        for words, choice in language_choices():
            self.language.addItem(words, choice)
        self._started_with = language_choice(store) if store is not None else FOLLOW_SYSTEM
        index = self.language.findData(self._started_with)
        if index < 0:  # a tag written by hand in the settings file: keep it on offer
            self.language.addItem(self._started_with, self._started_with)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)
        self.language_note = QLabel()
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setWordWrap(True)
        self.language_note.setObjectName("muted")
        self.language_note.hide()
        form = QFormLayout()
        form.addRow(_("Text size"), self.text_percent)
        form.addRow("", self.flash)
        form.addRow(_("Language"), self.language)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.text_percent.valueChanged.connect(self._changed)
        self.flash.toggled.connect(self._changed)
        self.language.currentIndexChanged.connect(self._language_changed)

    def chosen(self) -> DisplaySettings:
        return DisplaySettings(self.text_percent.value(), self.flash.isChecked())

    def chosen_language(self) -> str:
        data = self.language.currentData()
        return data if isinstance(data, str) else FOLLOW_SYSTEM

    def _language_changed(self, _index: int) -> None:
        choice = self.chosen_language()
        if self._store is not None:
            save_language_choice(self._store, choice)
            self._store.sync()
        changed = choice != self._started_with
        self.language_note.setText(restart_note(choice) if changed else "")
        self.language_note.setVisible(changed)
        self.languageChosen.emit(choice)

    def _changed(self, *_args: object) -> None:
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
