"""Where each part of the audience view goes, as shares of the screen. No widgets here.

Top to bottom: a header (exercise, side/set/rep), the instruction, the countdown, the detail
(cue or setup list), captions when the voice speaks, and "next". An exercise drawing, when
there is one, takes a column on the left beside instruction, countdown and detail. Heights
are fixed shares of the screen so the countdown keeps its size whatever the text; the widths
that remain are what the type fits into.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect

from piritimer.present import theme

MARGIN = 0.035
HEADER = 0.06
INSTRUCTION = 0.115
COUNTDOWN = 0.32
DETAIL = 0.17
CAPTION = 0.09
NEXT = 0.075
GAP = 0.02
IMAGE_MAX_WIDTH = 0.34
IMAGE_MIN_WIDTH = 0.16
COUNTDOWN_ROOM_EM = 2.3
"""Width "0:30" needs, in ems of the countdown type, before a drawing may take a column."""


@dataclass(frozen=True)
class StepLayout:
    header: QRect
    instruction: QRect
    countdown: QRect
    pacer: QRect
    detail: QRect
    caption: QRect | None
    next: QRect
    image: QRect | None
    countdown_px: int
    instruction_px: int
    detail_px: int
    header_px: int
    next_px: int
    caption_px: int


def step_layout(width: int, height: int, *, image: bool, caption: bool) -> StepLayout:
    """Rectangles for a ``width`` × ``height`` screen."""
    h = height
    margin = round(MARGIN * h)
    gap = round(GAP * h)
    countdown_px = round(theme.COUNTDOWN_EM * h)
    y = margin
    header = QRect(margin, y, width - 2 * margin, round(HEADER * h))
    y = header.bottom() + 1 + gap
    body_top = y
    bottom = h - margin
    next_rect = QRect(margin, bottom - round(NEXT * h), width - 2 * margin, round(NEXT * h))
    body_bottom = next_rect.top() - gap
    caption_rect: QRect | None = None
    if caption:
        caption_rect = QRect(
            margin, body_bottom - round(CAPTION * h), width - 2 * margin, round(CAPTION * h)
        )
        body_bottom = caption_rect.top() - gap

    left = margin
    image_rect: QRect | None = None
    if image:
        image_width = min(round(IMAGE_MAX_WIDTH * width), body_bottom - body_top)
        room = width - 3 * margin - image_width
        needed = round(COUNTDOWN_ROOM_EM * countdown_px)
        if room < needed:
            image_width = width - 3 * margin - needed
        if image_width >= IMAGE_MIN_WIDTH * width:
            image_rect = QRect(margin, body_top, image_width, body_bottom - body_top)
            left = image_rect.right() + 1 + margin
    column = width - margin - left

    instruction = QRect(left, body_top, column, round(INSTRUCTION * h))
    countdown = QRect(left, instruction.bottom() + 1 + gap, column, round(COUNTDOWN * h))
    detail_top = countdown.bottom() + 1 + gap
    detail = QRect(left, detail_top, column, max(1, body_bottom - detail_top))
    # The pacer's ring sits behind the digits and reaches into the gaps above and below them,
    # never over the instruction or the cue.
    ring = min(column, countdown.height() + 2 * gap)
    pacer = QRect(0, 0, ring, ring)
    pacer.moveCenter(countdown.center())
    return StepLayout(
        header=header,
        instruction=instruction,
        countdown=countdown,
        pacer=pacer,
        detail=detail,
        caption=caption_rect,
        next=next_rect,
        image=image_rect,
        countdown_px=countdown_px,
        instruction_px=round(theme.INSTRUCTION_EM * h),
        detail_px=round(theme.DETAIL_EM * h),
        header_px=round(theme.HEADER_EM * h),
        next_px=round(theme.NEXT_EM * h),
        caption_px=round(theme.CAPTION_EM * h),
    )
