"""Breathing arithmetic shared by every pacer: how full the lungs are at a point in a breath,
how fast that changes, and how often a frame is worth drawing. Pure; no Qt."""

from __future__ import annotations

import math

from piritimer.core.timeline import StepKind

STEP_PX = 0.5
"""The pacer's radius may move this many device pixels between frames: below it a frame would
show no visible motion, so the frame rate follows the circle's speed (see frame_interval_ms)."""
FASTEST_FRAME_MS = 33
"""About 30 frames a second, the most the pacer ever draws: smooth for a circle that takes
seconds to grow, and cheap."""
SLOWEST_FRAME_MS = 66
"""About 15 frames a second while the circle barely moves (the turn of a breath)."""


def breath_fullness(kind: StepKind, progress: float) -> float:
    """How full the lungs are, 0..1, eased so the circle starts and ends each breath gently."""
    p = min(1.0, max(0.0, progress))
    eased = 0.5 - 0.5 * math.cos(math.pi * p)
    if kind is StepKind.INHALE:
        return eased
    if kind is StepKind.EXHALE:
        return 1.0 - eased
    if kind is StepKind.HOLD_IN:
        return 1.0
    return 0.0


def fullness_speed(kind: StepKind, progress: float) -> float:
    """How fast ``breath_fullness`` changes: d fullness / d progress (per whole step)."""
    if kind not in (StepKind.INHALE, StepKind.EXHALE):
        return 0.0
    p = min(1.0, max(0.0, progress))
    return 0.5 * math.pi * math.sin(math.pi * p)


def frame_interval_ms(
    pixels_per_s: float,
    *,
    fastest_ms: int = FASTEST_FRAME_MS,
    slowest_ms: int = SLOWEST_FRAME_MS,
) -> int:
    """The frame interval that moves the circle by about ``STEP_PX`` each frame.

    Never more often than ``fastest_ms`` (the motion is then larger per frame, as it always
    was), never less often than ``slowest_ms`` (the motion is then below STEP_PX per frame).
    """
    if pixels_per_s <= 0:
        return slowest_ms
    wanted = 1000 * STEP_PX / pixels_per_s
    return int(min(slowest_ms, max(fastest_ms, round(wanted))))
