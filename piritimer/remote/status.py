"""What the remote page is told: exactly what the class view shows, read off the class view.

Nothing from the presenter view (notes, coming up, times) ever leaves the computer: the
state is built from the audience view's own labels, so a phone can only ever see what the
room already sees on the projector. Blanked, it sees a blank screen (and the message, which
the class sees too).
"""

from __future__ import annotations

import json
from typing import Any

from piritimer.core.engine import State
from piritimer.present.presentation import Presentation


def class_view(presentation: Presentation) -> dict[str, Any]:
    audience = presentation.audience
    message = presentation.message
    state = presentation.driver.state
    if presentation.blank:
        return {"blank": True, "message": message, "state": "blank", "open": presentation.is_open}
    return {
        "blank": False,
        "message": message,
        "state": "paused" if state is State.PAUSED else state.name.lower(),
        "open": presentation.is_open,
        "header": " · ".join(
            part for part in (audience.header_left.text(), audience.header_right.text()) if part
        ),
        "step": audience.instruction.text(),
        "countdown": audience.countdown.text(),
        "detail": audience.detail.text(),
        "next": audience.next.text(),
    }


def class_view_json(presentation: Presentation) -> bytes:
    return json.dumps(class_view(presentation), ensure_ascii=False).encode("utf-8")
