"""The committed cue sounds: their format, their shape, and that the script still makes them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from piritimer.audio.cues import Cue
from piritimer.audio.wav import read_wav
from piritimer.paths import sounds_dir
from tests.lab.measure import first_loud

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("cue", list(Cue))
def test_each_cue_is_short_48k_mono_with_a_sharp_onset(cue: Cue) -> None:
    sound = read_wav(sounds_dir() / cue.file_name)
    assert sound.rate_hz == 48_000
    assert 0.05 <= sound.length_s <= 1.2
    peak = max(abs(v) for v in sound.samples)
    assert 0.3 * 32767 <= peak <= 0.55 * 32767  # clearly audible, never harsh
    onset = first_loud(sound.samples, round(peak * 0.02))
    assert onset is not None
    assert onset / sound.rate_hz < 0.002  # heard within 2 ms of its first sample
    assert abs(sound.samples[-1]) < 0.01 * peak  # fades out: no click at the end


def test_the_cues_sound_different() -> None:
    lengths = {cue: len(read_wav(sounds_dir() / cue.file_name).samples) for cue in Cue}
    fingerprints = {
        cue: tuple(read_wav(sounds_dir() / cue.file_name).samples[100:2000:97]) for cue in Cue
    }
    assert len(set(fingerprints.values())) == len(Cue)
    assert lengths[Cue.COMPLETE] == max(lengths.values())


def test_the_script_makes_exactly_the_committed_files(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sounds", ROOT / "tools" / "make_sounds.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sounds"] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_sounds"]
    assert module.main(["--out", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(cue.file_name for cue in Cue)
    for name in made:
        assert (tmp_path / name).read_bytes() == (sounds_dir() / name).read_bytes(), name
