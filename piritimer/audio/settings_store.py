"""Keeping the person's sound and voice settings between runs (in the app's QSettings)."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSettings

from piritimer.audio.settings import AudioSettings, Verbosity

GROUP = "audio"
VERSION_KEY = "version"
VERSION = 2
"""Version 2: cues play on an audio thread of the app with a larger queue (about 127 ms of
output latency, not the helper's 27 ms). A latency saved by version 1 described the old
stream, and cues would land 100 ms late with it, so it is dropped on loading."""
_MEASURED_FOR_THE_STREAM = frozenset({"output_latency_ms"})


def load_audio_settings(store: QSettings) -> AudioSettings:
    """The saved settings; a missing, mistyped or out-of-range value falls back to its default.

    A settings file is edited by hand now and then, and one bad value must not cost the others.
    """
    defaults = AudioSettings()
    values: dict[str, object] = {}
    store.beginGroup(GROUP)
    try:
        current = str(store.value(VERSION_KEY, "1")) == str(VERSION)
        for field in fields(AudioSettings):
            if not current and field.name in _MEASURED_FOR_THE_STREAM:
                continue
            raw = store.value(field.name)
            if raw is None:
                continue
            value = _convert(raw, getattr(defaults, field.name), field.name)
            if value is not None:
                values[field.name] = value
    finally:
        store.endGroup()
    for name in list(values):  # drop each value that the dataclass itself refuses
        try:
            AudioSettings(**{name: values[name]})  # type: ignore[arg-type]
        except (TypeError, ValueError):
            del values[name]
    return AudioSettings(**values)  # type: ignore[arg-type]


def save_audio_settings(store: QSettings, settings: AudioSettings) -> None:
    store.beginGroup(GROUP)
    try:
        store.setValue(VERSION_KEY, VERSION)
        for field in fields(AudioSettings):
            value = getattr(settings, field.name)
            if value is None:
                store.remove(field.name)
            elif isinstance(value, Verbosity):
                store.setValue(field.name, value.value)
            else:
                store.setValue(field.name, value)
    finally:
        store.endGroup()
    store.sync()


def _convert(raw: object, default: object, name: str) -> object | None:
    text = str(raw).strip()
    if name == "voice_name":
        return text or None
    if isinstance(default, Verbosity):
        try:
            return Verbosity(text.lower())
        except ValueError:
            return None
    if isinstance(default, bool):
        # INI files give back text: "true"/"false".
        lowered = text.lower()
        return True if lowered == "true" else False if lowered == "false" else None
    try:
        return float(text)
    except ValueError:
        return None
