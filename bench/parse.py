"""Time to read, check and compile a 600-step session file.

Prints the median of repeated loads with PyYAML's libyaml-based C composer (what piritimer
uses when present) beside the pure-Python composer as the baseline. Target: <= 50 ms.

Run: python bench/parse.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

from piritimer.core import yaml_source  # noqa: E402
from piritimer.core.loader import load_session_bytes  # noqa: E402
from piritimer.core.timeline import compile_session  # noqa: E402

EXERCISE = """\
  - name: Exercise {n}
    about: A drill with paced breathing on both sides.
    setup:
      - Lie on your back with the knees bent
      - Feet flat on the floor, hip-width apart
      - Let the shoulders rest
    setup time: 10s
    sides: left then right
    reps: 2
    rest between reps: 5s
    breathing:
      inhale: 4s
      exhale: 6s
      cycles: 6
    cues:
      inhale: feel the back widen
      exhale: press the foot into the floor
    rest after: 20s
"""


def session_text(exercises: int) -> str:
    head = "format: 1\ntitle: Benchmark\nsafety: Stop on sharp pain.\nexercises:\n"
    return head + "".join(EXERCISE.format(n=n) for n in range(exercises))


def time_load(text: bytes, repeat: int) -> tuple[float, int]:
    times = []
    steps = 0
    for _ in range(repeat):
        began = time.perf_counter()
        result = load_session_bytes(text, label="bench.yaml")
        assert result.session is not None, result.diagnostics
        steps = len(compile_session(result.session).steps)
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()
    text = session_text(12).encode()
    c_ms, steps = time_load(text, options.repeat)
    c_loader = yaml_source._Loader
    yaml_source._Loader = yaml.SafeLoader
    try:
        py_ms, _ = time_load(text, options.repeat)
    finally:
        yaml_source._Loader = c_loader
    print(f"session: {len(text):,} bytes, {steps} steps; median of {options.repeat} loads")
    print(f"{'':28}{'load+check+compile ms':>24}")
    print(f"{'libyaml C composer':28}{c_ms:24.2f}")
    print(f"{'pure-Python composer':28}{py_ms:24.2f}")
    print("target: <= 50 ms")


if __name__ == "__main__":
    main()
