"""The phone remote's latency on loopback: a button pressed on the page → the new state on the
page, measured inside headless chromium (performance.now() at the click, again when the
step's text changes), over the page's WebSocket. Also the same through the HTTP API
(POST, then the JSON answer), as a Stream Deck would see it.

    python bench/remote.py [--presses N]

Needs chromium and chromedriver (tools/system-packages.sh). The app side is the real
RemoteServer in a child process (tests/remote/serve_scenario.py), on the real clock.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.remote.browser import headless_chromium  # noqa: E402

PRESS = """
const [button, done] = [document.getElementById(arguments[0]), arguments[arguments.length - 1]];
const step = document.getElementById("step");
const before = step.textContent;
const started = performance.now();
const watch = new MutationObserver(() => {
  if (step.textContent !== before) { watch.disconnect(); done(performance.now() - started); }
});
watch.observe(step, {childList: true, characterData: true, subtree: true});
button.click();
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    options = parser.parse_args()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "remote" / "serve_scenario.py")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    urls = json.loads(server.stdout.readline())
    try:
        with headless_chromium() as page:
            page.set_script_timeout(10)
            page.get(urls["remote"])
            time.sleep(1.0)  # connected, first state shown
            page.find_element("id", "next-step").click()  # start the class
            time.sleep(0.5)
            page_ms = []
            for i in range(options.presses):
                button = "next-step" if i % 2 == 0 else "previous"
                page_ms.append(float(page.execute_async_script(PRESS, button)))
        api = urls["remote"].replace("/r/", "/api/")
        http_ms = []
        for i in range(options.presses):
            verb = "next" if i % 2 == 0 else "previous"
            started = time.perf_counter()
            request = urllib.request.Request(api + verb, data=b"", method="POST")
            with urllib.request.urlopen(request, timeout=10) as answer:
                answer.read()
            http_ms.append((time.perf_counter() - started) * 1000)
    finally:
        server.communicate("quit\n", timeout=10)
    for name, values in (("page (WebSocket)", page_ms), ("HTTP API (POST)", http_ms)):
        ordered = sorted(values)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        print(
            f"{name}: press → new state, median {statistics.median(values):.1f} ms, "
            f"p95 {p95:.1f} ms, max {max(values):.1f} ms ({len(values)} presses)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
