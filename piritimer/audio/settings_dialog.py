"""The "Sound & voice" dialog: changes apply at once (so you hear them) and are kept."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from piritimer.audio.guide import AudioGuide
from piritimer.audio.settings import MAX_OUTPUT_LATENCY_MS, AudioSettings, Verbosity
from piritimer.audio.settings_store import save_audio_settings
from piritimer.core.i18n import N_, _, base_language, current_language

DEFAULT_VOICE = N_("Default voice")
VERBOSITY_LABELS = {
    Verbosity.QUIET: N_("Quiet: only the essential words"),
    Verbosity.NORMAL: N_("Normal: whole lines, rep numbers, time calls in long holds"),
    Verbosity.FULL: N_("Full: time calls in shorter holds and rests too"),
}


def language_label(tag: str) -> str:
    """ "Deutsch — de", "Français (Belgique) — fr-BE": a language in its own words, and its
    tag (what a session file's ``language:`` says)."""
    locale = QLocale(tag.replace("-", "_"))
    known = locale.language() is not QLocale.Language.C
    if not known or base_language(locale.name()) != base_language(tag):
        return tag  # Qt does not know it: the tag alone
    name = locale.nativeLanguageName()
    region = locale.nativeTerritoryName()
    # "American English" names its region already; "français" in Belgium does not.
    if "-" in tag and region and name == QLocale(base_language(tag)).nativeLanguageName():
        name = _("{language} ({region})").format(language=name, region=region)
    return _("{language} — {tag}").format(language=name[:1].upper() + name[1:], tag=tag)


def voices_by_language(languages: dict[str, str]) -> list[tuple[str, list[str]]]:
    """The voices under their languages: the app's language first, then by tag."""
    groups: dict[str, list[str]] = {}
    for name, tag in languages.items():
        groups.setdefault(tag, []).append(name)
    mine = base_language(current_language())
    order = sorted(groups, key=lambda tag: (base_language(tag) != mine, tag.lower()))
    return [(tag, sorted(groups[tag])) for tag in order]


class AudioSettingsDialog(QDialog):
    """Volume, sounds on/off, voice on/off, voice, speaking rate and the latency lead-in."""

    def __init__(self, guide: AudioGuide, store: QSettings | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sound & voice"))
        self._guide = guide
        self._store = store
        settings = guide.user_settings

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName(_("Volume"))
        self.sounds_on = QCheckBox(_("Play sound cues"))
        self.sounds_on.setChecked(settings.sounds_on)
        self.voice_on = QCheckBox(_("Speak the instructions"))
        self.voice_on.setChecked(settings.voice_on)
        self.voice = QComboBox()
        self.voice.setAccessibleName(_("Voice"))
        self._fill_voices(guide, settings.voice_name)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(-10, 10)
        self.rate.setValue(round(settings.rate * 10))
        self.rate.setAccessibleName(_("Speaking rate"))
        self.verbosity = QComboBox()
        for level, label in VERBOSITY_LABELS.items():
            self.verbosity.addItem(_(label), level)
        self.verbosity.setCurrentIndex(list(VERBOSITY_LABELS).index(settings.verbosity))
        self.verbosity.setAccessibleName(_("How much the voice says"))
        self.safety_line = QCheckBox(_("Say a short safety line as each session starts"))
        self.safety_line.setChecked(settings.safety_line)
        self.pan_side_cues = QCheckBox(_("Put a side's cues in that side's ear (stereo)"))
        self.pan_side_cues.setChecked(settings.pan_side_cues)
        self.pan_every_side_cue = QCheckBox(_("Every cue of a side, not only those that name it"))
        self.pan_every_side_cue.setChecked(settings.pan_every_side_cue)
        self.compensate = QCheckBox(_("Start each cue early so it is heard on the beat"))
        self.compensate.setChecked(settings.lead_in_compensation)
        self.latency = QDoubleSpinBox()
        self.latency.setRange(0.0, MAX_OUTPUT_LATENCY_MS)
        self.latency.setDecimals(0)
        self.latency.setSuffix(" ms")  # not translated: the unit's symbol, the same everywhere
        self.latency.setValue(settings.output_latency_ms)
        self.latency.setToolTip(
            _("How long your sound output takes to play a cue. Raise it for Bluetooth headsets.")
        )

        form = QFormLayout()
        form.addRow(_("Volume"), self.volume)
        form.addRow("", self.sounds_on)
        form.addRow("", self.voice_on)
        form.addRow(_("Voice"), self.voice)
        form.addRow(_("Speaking rate"), self.rate)
        form.addRow(_("The voice says"), self.verbosity)
        form.addRow("", self.safety_line)
        form.addRow("", self.pan_side_cues)
        form.addRow("", self.pan_every_side_cue)
        form.addRow("", self.compensate)
        form.addRow(_("Output latency"), self.latency)
        note = QLabel(
            _(
                "A session file can switch sounds or voice off for its own drills; it never "
                "switches on what you switched off. The voice you choose reads the sessions "
                "in its language; a session in another language is read by that language's "
                "default voice."
            )
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

        for signal in (self.volume.valueChanged, self.rate.valueChanged):
            signal.connect(self._changed)
        boxes = (self.sounds_on, self.voice_on, self.compensate, self.safety_line)
        for box in (*boxes, self.pan_side_cues, self.pan_every_side_cue):
            box.toggled.connect(self._changed)
        self.voice.currentIndexChanged.connect(self._changed)
        self.verbosity.currentIndexChanged.connect(self._changed)
        self.latency.valueChanged.connect(self._changed)
        self._sync_enabled()

    def _fill_voices(self, guide: AudioGuide, saved: str | None) -> None:
        """The default, then each language's voices under a heading that cannot be chosen
        ("Deutsch — de"). An item's data is the voice's name (None: the default)."""
        self.voice.addItem(_(DEFAULT_VOICE), None)
        model = self.voice.model()
        assert isinstance(model, QStandardItemModel)
        for tag, names in voices_by_language(guide.voice_languages()):
            self.voice.addItem(language_label(tag), None)
            heading = model.item(self.voice.count() - 1)
            heading.setEnabled(False)
            heading.setSelectable(False)
            for name in names:
                self.voice.addItem(name, name)
        if saved:
            if self.voice.findData(saved) < 0:
                self.voice.addItem(saved, saved)  # saved, but not offered right now
            self.voice.setCurrentIndex(self.voice.findData(saved))

    def chosen(self) -> AudioSettings:
        voice = self.voice.currentData()
        return replace(
            self._guide.user_settings,
            volume=self.volume.value() / 100,
            sounds_on=self.sounds_on.isChecked(),
            voice_on=self.voice_on.isChecked(),
            voice_name=voice if isinstance(voice, str) else None,
            rate=self.rate.value() / 10,
            lead_in_compensation=self.compensate.isChecked(),
            output_latency_ms=self.latency.value(),
            verbosity=list(VERBOSITY_LABELS)[self.verbosity.currentIndex()],
            safety_line=self.safety_line.isChecked(),
            pan_side_cues=self.pan_side_cues.isChecked(),
            pan_every_side_cue=self.pan_every_side_cue.isChecked(),
        )

    def _changed(self, *_: object) -> None:
        settings = self.chosen()
        self._guide.apply_settings(settings)
        if self._store is not None:
            save_audio_settings(self._store, settings)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        voice = self.voice_on.isChecked()
        self.voice.setEnabled(voice)
        self.rate.setEnabled(voice)
        self.verbosity.setEnabled(voice)
        self.safety_line.setEnabled(voice)
        self.latency.setEnabled(self.compensate.isChecked())
        self.pan_every_side_cue.setEnabled(self.pan_side_cues.isChecked())


def open_settings_dialog(
    guide: AudioGuide, parent: QWidget | None, store: QSettings | None = None
) -> AudioSettingsDialog:
    """Show the dialog without blocking the session (window-modal, changes apply live)."""
    dialog = AudioSettingsDialog(guide, store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
