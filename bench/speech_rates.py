"""How long espeak-ng takes to say a line, per language: the figures behind core/speech_time.py.

Every line is synthesised by espeak-ng itself (libespeak-ng through ctypes, the library
speech-dispatcher's espeak-ng module uses, at its normal rate of 170 words a minute, as
``espeak-ng -v <voice> -s 170 -w out.wav`` would) and its length is the number of samples it
made: exact, and no real time passes. ``--speechd`` also says each line through a private
speech-dispatcher (tests/lab/pulse_lab.py, log level 5) and sums the samples the server got
back from its module, to show the two agree.

The lines are what the voice says in a session: piritimer's own framing words from the real
catalogs (assets/locale) and cue lines as a session file writes them, in English, French,
German and Spanish. For each language two models are fitted by least squares,

    words:       seconds = start + words      × 60 / wpm + (sentences - 1) × pause
    characters:  seconds = start + characters / cps      + (sentences - 1) × pause

and their errors printed; the one with the smaller error is the one speech_time.py uses.

    python bench/speech_rates.py [--speechd N] [--json out.json]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import re
import shutil
import socket
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from piritimer import paths  # noqa: E402
from piritimer.core import i18n  # noqa: E402
from piritimer.core.speech_time import split_sentences  # noqa: E402

LANGUAGES = ("en", "fr", "de", "es")
ESPEAK_VOICES = {"en": "en-us", "fr": "fr", "de": "de", "es": "es"}
"""The espeak-ng voice speech-dispatcher's module picks for each language tag."""
NORMAL_WPM = 170
"""EspeakNormalRate in /etc/speech-dispatcher/modules/espeak-ng.conf: SSIP rate 0."""

CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "Hold for 30 seconds. Push the knee away.",
        "Lie on your back with your knees bent and your feet flat on the floor.",
        "Breathe in. Let the belly rise.",
        "Breathe out slowly through the mouth.",
        "Switch to the right side.",
        "Rest. Next: bridge.",
        "Cross the left ankle over the right knee.",
        "Squeeze the roller between your knees.",
        "Hold, rep 2 of 3. Keep the hips level.",
        "Get ready. Left side first.",
        "Relax the shoulders and let the neck grow long.",
        "Slide the heel towards you, then back out.",
        "Press the lower back gently into the floor.",
        "Figure four. Lie on your back. Cross the ankle over the knee.",
        "Keep breathing. Do not hold your breath.",
        "Lift the hips until the body is a straight line from shoulders to knees.",
    ),
    "fr": (
        "Tenez 30 secondes. Poussez le genou vers l’extérieur.",
        "Allongez-vous sur le dos, genoux pliés, pieds à plat sur le sol.",
        "Inspirez. Laissez le ventre se soulever.",
        "Expirez lentement par la bouche.",
        "Passez au côté droit.",
        "Repos. Ensuite : le pont.",
        "Croisez la cheville gauche sur le genou droit.",
        "Serrez le rouleau entre vos genoux.",
        "Tenez, répétition 2 sur 3. Gardez le bassin horizontal.",
        "Préparez-vous. Côté gauche d’abord.",
        "Relâchez les épaules et allongez la nuque.",
        "Ramenez le talon vers vous, puis repoussez-le.",
        "Appuyez doucement le bas du dos contre le sol.",
        "Figure quatre. Allongez-vous sur le dos. Croisez la cheville sur le genou.",
        "Continuez à respirer. Ne bloquez pas votre souffle.",
        "Soulevez le bassin jusqu’à former une ligne droite des épaules aux genoux.",
    ),
    "de": (
        "Halte 30 Sekunden. Drück das Knie nach außen.",
        "Leg dich auf den Rücken, die Knie gebeugt, die Füße flach auf dem Boden.",
        "Einatmen. Lass den Bauch sich heben.",
        "Atme langsam durch den Mund aus.",
        "Wechsel zur rechten Seite.",
        "Pause. Als Nächstes: Brücke.",
        "Leg den linken Knöchel über das rechte Knie.",
        "Drück die Rolle zwischen deinen Knien zusammen.",
        "Halten, Wiederholung 2 von 3. Halte das Becken gerade.",
        "Mach dich bereit. Zuerst die linke Seite.",
        "Lass die Schultern locker und mach den Nacken lang.",
        "Zieh die Ferse zu dir heran und schieb sie wieder weg.",
        "Drück den unteren Rücken sanft in den Boden.",
        "Figur vier. Leg dich auf den Rücken. Leg den Knöchel über das Knie.",
        "Atme weiter. Halte die Luft nicht an.",
        "Heb das Becken, bis der Körper von den Schultern bis zu den Knien gerade ist.",
    ),
    "es": (
        "Mantén 30 segundos. Empuja la rodilla hacia fuera.",
        "Túmbate boca arriba con las rodillas dobladas y los pies apoyados en el suelo.",
        "Inspira. Deja que el vientre se eleve.",
        "Espira despacio por la boca.",
        "Cambia al lado derecho.",
        "Descansa. Siguiente: puente.",
        "Cruza el tobillo izquierdo sobre la rodilla derecha.",
        "Aprieta el rodillo entre las rodillas.",
        "Mantén, repetición 2 de 3. Mantén la cadera nivelada.",
        "Prepárate. Primero el lado izquierdo.",
        "Relaja los hombros y alarga el cuello.",
        "Desliza el talón hacia ti y luego vuelve a estirarlo.",
        "Apoya suavemente la zona lumbar contra el suelo.",
        "Figura cuatro. Túmbate boca arriba. Cruza el tobillo sobre la rodilla.",
        "Sigue respirando. No contengas la respiración.",
        "Eleva la cadera hasta que el cuerpo forme una línea recta de los hombros a las rodillas.",
    ),
}
"""Cue lines as session files write them, the same sixteen in each language."""

FRAMING = (
    "Get ready.",
    "Breathe in.",
    "Breathe out.",
    "Hold full.",
    "Session complete.",
    "Halfway.",
    "10 seconds left.",
    "Press space or your remote's play button when you're ready.",
    "Move gently. Stop if pain sharpens, or numbness or tingling is new or worse.",
    "The session is complete.",
    "Waiting for you.",
)
"""piritimer's own phrases (``pgettext("voice", ...)``), said in each language's words."""


def lines_of(language: str) -> list[str]:
    words = i18n.catalog(language)
    return [words.pgettext("voice", text) for text in FRAMING] + list(CUES[language])


# -- espeak-ng itself ---------------------------------------------------------------------

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_RATE = 1
POS_CHARACTER = 1
CHARS_UTF8 = 1
_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class Espeak:
    """libespeak-ng, synthesising into a counter of samples."""

    def __init__(self) -> None:
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        self.rate_hz = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
        if self.rate_hz <= 0:
            raise SystemExit("espeak-ng did not start")
        self.samples = 0
        self._callback = _CALLBACK(self._count)  # kept: the library holds only a pointer
        self.lib.espeak_SetSynthCallback(self._callback)

    def _count(self, _wav: object, count: int, _events: object) -> int:
        self.samples += max(0, count)
        return 0

    def seconds(self, text: str, voice: str, wpm: int = NORMAL_WPM) -> float:
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise SystemExit(f"espeak-ng has no voice {voice!r}")
        self.lib.espeak_SetParameter(ESPEAK_RATE, wpm, 0)
        data = text.encode("utf-8")
        self.samples = 0
        self.lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
        self.lib.espeak_Synchronize()
        return self.samples / self.rate_hz


# -- through speech-dispatcher ------------------------------------------------------------

SAMPLES = re.compile(r"Got audio parameter num_samples (\d+)")
SPEECHD_RATE_HZ = 22050


@dataclass(frozen=True)
class Heard:
    """One line through speech-dispatcher."""

    sound_s: float
    """The audio the server got back from its module (samples in its log)."""
    onset_s: float
    """From sending SPEAK to the first audible sample on the sink."""
    quiet_s: float
    """From sending SPEAK to the last audible sample: when the voice falls silent."""


AUDIBLE = 300
"""A sample louder than this (of 32,767) is voice, not the silence around it."""


def speechd_seconds(lines: dict[str, list[str]], per_language: int) -> dict[str, list[Heard]]:
    """Each line said through a private speech-dispatcher and recorded off its sink (parec):
    when the voice starts and falls silent, and the samples the server got back from
    espeak-ng (its log at level 5), waiting for each END."""
    from tests.lab.measure import ClockMap
    from tests.lab.pulse_lab import PulseLab, Recorder

    if shutil.which("speech-dispatcher") is None or shutil.which("parec") is None:
        raise SystemExit("--speechd needs speech-dispatcher and parec (tools/system-packages.sh)")
    lab = PulseLab()
    found: dict[str, list[Heard]] = {}
    said: list[tuple[str, float, float, int]] = []
    recorder: Recorder | None = None
    try:
        lab.start(speech=False)
        lab.start_speech(log_level=5)
        recorder = Recorder(lab)
        recorder.wait_for_audio()
        link = socket.socket(socket.AF_UNIX)
        link.connect(str(lab.runtime_dir / "speech-dispatcher" / "speechd.sock"))
        reader = link.makefile("rb")

        def command(line: str, data: str | None = None) -> list[bytes]:
            link.sendall(line.encode() + b"\r\n")
            replies = [reader.readline()]
            while replies[-1][3:4] != b" ":
                replies.append(reader.readline())
            if data is not None:
                link.sendall(data.encode() + b"\r\n.\r\n")
                replies.append(reader.readline())
                while replies[-1][3:4] != b" ":
                    replies.append(reader.readline())
            return replies

        command("SET self CLIENT_NAME bench:speech_rates:voice")
        command("SET self NOTIFICATION end on")
        for language, texts in lines.items():
            command(f"SET self LANGUAGE {language}")
            command("SET self VOICE_TYPE MALE1")  # the engine's own voice for the language
            for text in texts[:per_language]:
                before = len(lab.speech_log())
                asked = time.monotonic()
                command("SPEAK", text)
                while not reader.readline().startswith(b"702"):
                    pass  # until its END event
                ended = time.monotonic()
                time.sleep(0.3)  # the log's last lines, and quiet before the next line
                samples = sum(int(n) for n in SAMPLES.findall(lab.speech_log()[before:]))
                said.append((language, asked, ended, samples))
        command("QUIT")
        time.sleep(0.2)
        recorder.stop()
        clock = ClockMap(recorder.arrivals)
        recorded = recorder.samples
        for language, asked, ended, samples in said:
            lo, hi = clock.index_of(asked), min(len(recorded), clock.index_of(ended + 0.2))
            loud = [i for i in range(max(0, lo), hi) if abs(recorded[i]) > AUDIBLE]
            onset = clock.time_of(loud[0]) - asked if loud else math.nan
            quiet = clock.time_of(loud[-1]) - asked if loud else math.nan
            found.setdefault(language, []).append(Heard(samples / SPEECHD_RATE_HZ, onset, quiet))
    finally:
        if recorder is not None:
            recorder.stop()
        lab.stop()
    return found


# -- the models ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    start_s: float
    per_unit_s: float
    pause_s: float
    rms_s: float
    max_relative: float


def _solve(rows: Sequence[Sequence[float]], targets: Sequence[float]) -> list[float]:
    """Least squares by the normal equations (three unknowns; no numpy needed)."""
    size = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(size)] for i in range(size)]
    b = [sum(r[i] * t for r, t in zip(rows, targets, strict=True)) for i in range(size)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot], b[col], b[pivot] = a[pivot], a[col], b[pivot], b[col]
        for row in range(size):
            if row != col and a[col][col]:
                factor = a[row][col] / a[col][col]
                a[row] = [x - factor * y for x, y in zip(a[row], a[col], strict=True)]
                b[row] -= factor * b[col]
    return [b[i] / a[i][i] if a[i][i] else 0.0 for i in range(size)]


def fit(texts: Sequence[str], seconds: Sequence[float], units: Callable[[str], int]) -> Fit:
    rows = [[1.0, float(units(t)), float(len(split_sentences(t)) - 1)] for t in texts]
    start, per_unit, pause = _solve(rows, seconds)
    predicted = [start + per_unit * r[1] + pause * r[2] for r in rows]
    errors = [p - s for p, s in zip(predicted, seconds, strict=True)]
    rms = math.sqrt(statistics.fmean(e * e for e in errors))
    worst = max(abs(e) / s for e, s in zip(errors, seconds, strict=True))
    return Fit(start, per_unit, pause, rms, worst)


@dataclass(frozen=True)
class JointFit:
    """One start-up, one sentence pause (and clause pause) for every language, a speed for
    each language."""

    start_s: float
    pause_s: float
    clause_s: float
    per_unit_s: dict[str, float]
    rms_s: dict[str, float]
    worst: dict[str, float]
    ratios: list[float]
    """Measured over fitted, every line: how generous an estimate must be."""


def clauses(text: str) -> int:
    """The pauses inside a sentence: a word (or a lone mark, after French spacing) ending
    in a comma, colon or semicolon."""
    return sum(1 for word in text.split() if word[-1] in ",;:")


def joint_fit(
    lines: dict[str, list[str]],
    seconds: dict[str, list[float]],
    units: Callable[[str], int],
    with_clauses: bool,
) -> JointFit:
    languages = list(lines)

    def row(text: str, index: int) -> list[float]:
        speed = [0.0] * len(languages)
        speed[index] = float(units(text))
        pauses = float(len(split_sentences(text)) - 1)
        return [1.0, pauses, float(clauses(text)) if with_clauses else 0.0, *speed]

    rows = [row(t, i) for i, lang in enumerate(languages) for t in lines[lang]]
    targets = [v for lang in languages for v in seconds[lang]]
    if not with_clauses:  # a column of zeros: solve without it
        start, pause, *slopes = _solve([[r[0], r[1], *r[3:]] for r in rows], targets)
        clause = 0.0
    else:
        start, pause, clause, *slopes = _solve(rows, targets)
    coefficients = [start, pause, clause, *slopes]
    rms: dict[str, float] = {}
    worst: dict[str, float] = {}
    ratios: list[float] = []
    for index, language in enumerate(languages):
        fitted = [
            sum(c * x for c, x in zip(coefficients, row(t, index), strict=True))
            for t in lines[language]
        ]
        errors = [f - v for f, v in zip(fitted, seconds[language], strict=True)]
        rms[language] = math.sqrt(statistics.fmean(e * e for e in errors))
        worst[language] = max(abs(e) / v for e, v in zip(errors, seconds[language], strict=True))
        ratios += [v / f for f, v in zip(fitted, seconds[language], strict=True)]
    slope = dict(zip(languages, slopes, strict=True))
    return JointFit(start, pause, clause, slope, rms, worst, ratios)


def words(text: str) -> int:
    return len(text.split())


def characters(text: str) -> int:
    """Letters and digits: what takes time to say (spaces and punctuation do not)."""
    return sum(ch.isalnum() for ch in text)


def letters(text: str) -> int:
    """Letters, and each digit as three (a digit is said as a word: "30" is "thirty")."""
    return sum(ch.isalpha() for ch in text) + 3 * sum(ch.isdigit() for ch in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--speechd",
        type=int,
        default=0,
        metavar="N",
        help="also say the first N lines of each language through speech-dispatcher",
    )
    parser.add_argument("--json", type=Path, help="write every line's figures here")
    options = parser.parse_args(argv)
    i18n.configure(paths.locale_dir())
    espeak = Espeak()
    lines = {language: lines_of(language) for language in LANGUAGES}
    measured = {
        language: [espeak.seconds(t, ESPEAK_VOICES[language]) for t in texts]
        for language, texts in lines.items()
    }
    print(f"espeak-ng {NORMAL_WPM} wpm, {espeak.rate_hz} Hz; {len(lines['en'])} lines a language")
    print("each language alone: words (wpm, start, pause, rms, worst) | characters (cps, ...)")
    table: dict[str, dict[str, float]] = {}
    for language in LANGUAGES:
        texts, seconds = lines[language], measured[language]
        by_words = fit(texts, seconds, words)
        by_chars = fit(texts, seconds, characters)
        table[language] = {
            "wpm": 60.0 / by_words.per_unit_s,
            "cps": 1.0 / by_chars.per_unit_s,
            "words_rms_s": by_words.rms_s,
            "chars_rms_s": by_chars.rms_s,
        }
        w, c = by_words, by_chars
        print(
            f"  {language} | {60 / w.per_unit_s:6.1f} wpm {w.start_s:+.2f} s {w.pause_s:+.2f} s"
            f" rms {w.rms_s:.3f} s worst {w.max_relative:5.1%}"
            f" | {1 / c.per_unit_s:5.2f} cps {c.start_s:+.2f} s {c.pause_s:+.2f} s"
            f" rms {c.rms_s:.3f} s worst {c.max_relative:5.1%}"
        )
    models = (
        ("words", words, False, 60.0, "wpm"),
        ("words + clause pauses", words, True, 60.0, "wpm"),
        ("characters", characters, False, 1.0, "cps"),
        ("letters (digit = 3) + clause pauses", letters, True, 1.0, "cps"),
    )
    print("one start-up and pause for all languages, a speed each:")
    for name, units, with_clauses, scale, unit in models:
        joint = joint_fit(lines, measured, units, with_clauses)
        ratios = sorted(joint.ratios)
        p90 = ratios[math.ceil(0.9 * len(ratios)) - 1]
        print(
            f"  {name}: start {joint.start_s:.3f} s, sentence {joint.pause_s:.3f} s,"
            f" clause {joint.clause_s:.3f} s; "
            + ", ".join(f"{lang} {scale / joint.per_unit_s[lang]:.2f} {unit}" for lang in LANGUAGES)
            + "\n    rms "
            + ", ".join(f"{lang} {joint.rms_s[lang]:.3f} s" for lang in LANGUAGES)
            + f"; mean {statistics.fmean(joint.rms_s.values()):.3f} s;"
            f" worst {max(joint.worst.values()):.0%}; measured/fitted p90 {p90:.3f}"
        )
    rows = {
        language: [
            {"text": t, "s": s, "words": words(t), "chars": characters(t)}
            for t, s in zip(lines[language], measured[language], strict=True)
        ]
        for language in LANGUAGES
    }
    if options.speechd:
        through = speechd_seconds(lines, options.speechd)
        print("through speech-dispatcher (the engine's voice for the language), recorded:")
        for language, heard in through.items():
            direct = measured[language][: len(heard)]
            extra = [h.sound_s - d for h, d in zip(heard, direct, strict=True)]
            quiet_late = [h.quiet_s - d for h, d in zip(heard, direct, strict=True)]
            onsets = [h.onset_s for h in heard]
            print(
                f"  {language}: {len(heard)} lines; audio beyond espeak-ng's own"
                f" {statistics.fmean(extra):.3f} s ({min(extra):.3f}-{max(extra):.3f});"
                f" first sound after {statistics.median(onsets):.3f} s (median);"
                f" silent {statistics.fmean(quiet_late):+.3f} s after espeak-ng's length"
                f" ({min(quiet_late):+.3f}..{max(quiet_late):+.3f})"
            )
            for row, h in zip(rows[language], heard, strict=False):
                row.update(speechd_s=h.sound_s, onset_s=h.onset_s, quiet_s=h.quiet_s)
    if options.json:
        options.json.write_text(
            json.dumps({"fits": table, "lines": rows}, indent=1, ensure_ascii=False)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
