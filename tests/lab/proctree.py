"""Whole-app figures from /proc: a process and every process it started, summed.

``RUSAGE_SELF`` would miss the helper processes of the old design; these do not.
"""

from __future__ import annotations

import os
from pathlib import Path

_TICKS_S = os.sysconf("SC_CLK_TCK")
_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name may hold spaces and parentheses: split after its closing one.
    return text[text.rindex(")") + 2 :].split()


def tree(root: int) -> list[int]:
    """``root`` and all its living descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def rss_mb(root: int) -> float:
    """Resident memory of the whole tree, in MB (10^6 bytes)."""
    total_kb = 0
    for pid in tree(root):
        try:
            total_kb += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total_kb * 1024 / 1e6


def cpu_s(root: int) -> float:
    """CPU time (user + system) the tree's living processes have used, in seconds."""
    total = 0
    for pid in tree(root):
        fields = _stat(pid)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / _TICKS_S


def processes(root: int) -> int:
    return len(tree(root))
