"""Operating-system services behind small interfaces with do-nothing fallbacks."""

from __future__ import annotations

from piritimer.platform.inhibit import Inhibitor, NullInhibitor, create_inhibitor

__all__ = ["Inhibitor", "NullInhibitor", "create_inhibitor"]
