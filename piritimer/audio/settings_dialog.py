"""The "Sound & voice" dialog: changes apply at once (so you hear them) and are kept."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt
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

DEFAULT_VOICE = "Default voice"
VERBOSITY_LABELS = {
    Verbosity.QUIET: "Quiet: only the essential words",
    Verbosity.NORMAL: "Normal: whole lines, rep numbers, time calls in long holds",
    Verbosity.FULL: "Full: time calls in shorter holds and rests too",
}


class AudioSettingsDialog(QDialog):
    """Volume, sounds on/off, voice on/off, voice, speaking rate and the latency lead-in."""

    def __init__(self, guide: AudioGuide, store: QSettings | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sound & voice")
        self._guide = guide
        self._store = store
        settings = guide.user_settings

        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(settings.volume * 100))
        self.volume.setAccessibleName("Volume")
        self.sounds_on = QCheckBox("Play sound cues")
        self.sounds_on.setChecked(settings.sounds_on)
        self.voice_on = QCheckBox("Speak the instructions")
        self.voice_on.setChecked(settings.voice_on)
        self.voice = QComboBox()
        self.voice.addItem(DEFAULT_VOICE)
        self.voice.addItems(guide.voice_names())
        if settings.voice_name:
            if self.voice.findText(settings.voice_name) < 0:
                self.voice.addItem(settings.voice_name)  # saved, but not offered right now
            self.voice.setCurrentText(settings.voice_name)
        self.rate = QSlider(Qt.Orientation.Horizontal)
        self.rate.setRange(-10, 10)
        self.rate.setValue(round(settings.rate * 10))
        self.rate.setAccessibleName("Speaking rate")
        self.verbosity = QComboBox()
        for level, label in VERBOSITY_LABELS.items():
            self.verbosity.addItem(label, level)
        self.verbosity.setCurrentIndex(list(VERBOSITY_LABELS).index(settings.verbosity))
        self.verbosity.setAccessibleName("How much the voice says")
        self.safety_line = QCheckBox("Say a short safety line as each session starts")
        self.safety_line.setChecked(settings.safety_line)
        self.pan_side_cues = QCheckBox("Put a side's cues in that side's ear (stereo)")
        self.pan_side_cues.setChecked(settings.pan_side_cues)
        self.pan_every_side_cue = QCheckBox("Every cue of a side, not only those that name it")
        self.pan_every_side_cue.setChecked(settings.pan_every_side_cue)
        self.compensate = QCheckBox("Start each cue early so it is heard on the beat")
        self.compensate.setChecked(settings.lead_in_compensation)
        self.latency = QDoubleSpinBox()
        self.latency.setRange(0.0, MAX_OUTPUT_LATENCY_MS)
        self.latency.setDecimals(0)
        self.latency.setSuffix(" ms")
        self.latency.setValue(settings.output_latency_ms)
        self.latency.setToolTip(
            "How long your sound output takes to play a cue. Raise it for Bluetooth headsets."
        )

        form = QFormLayout()
        form.addRow("Volume", self.volume)
        form.addRow("", self.sounds_on)
        form.addRow("", self.voice_on)
        form.addRow("Voice", self.voice)
        form.addRow("Speaking rate", self.rate)
        form.addRow("The voice says", self.verbosity)
        form.addRow("", self.safety_line)
        form.addRow("", self.pan_side_cues)
        form.addRow("", self.pan_every_side_cue)
        form.addRow("", self.compensate)
        form.addRow("Output latency", self.latency)
        note = QLabel(
            "A session file can switch sounds or voice off for its own drills; it never "
            "switches on what you switched off."
        )
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

    def chosen(self) -> AudioSettings:
        voice = self.voice.currentText()
        return replace(
            self._guide.user_settings,
            volume=self.volume.value() / 100,
            sounds_on=self.sounds_on.isChecked(),
            voice_on=self.voice_on.isChecked(),
            voice_name=None if voice == DEFAULT_VOICE else voice,
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
