"""Read a running app's accessibility tree through AT-SPI (run with the system python3,
which has pyatspi; not the project's venv). Prints one JSON object: every push button's and
label's name, by role, of the application named on the command line.

Run: /usr/bin/python3 tests/ui/atspi_reader.py piritimer
"""

import json
import sys
import time

import pyatspi


def walk(node, found, depth=0):
    if node is None or depth > 40:
        return
    try:
        role = node.getRoleName()
        name = node.name
        showing = node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:  # a node that went away while we read
        return
    if showing:
        found.append({"role": role, "name": name})
    for index in range(node.childCount):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        walk(child, found, depth + 1)


def main():
    wanted = sys.argv[1]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == wanted:
                found = []
                walk(app, found)
                if any(item["role"] == "push button" for item in found):
                    print(json.dumps({"nodes": found}))
                    return 0
        time.sleep(0.5)
    print(json.dumps({"nodes": [], "error": f"no application named {wanted}"}))
    return 1


if __name__ == "__main__":
    sys.exit(main())
