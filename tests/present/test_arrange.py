"""Where the views go as screens come and go: the rule on names, without windows."""

from __future__ import annotations

import pytest

from piritimer.present.screens import Arrangement, arrange

LAPTOP, PROJECTOR = "eDP-1", "HDMI-1"


@pytest.mark.parametrize(
    ("names", "primary", "projector", "expected"),
    [
        # Both there: the class on the projector, the teacher on the laptop.
        ([LAPTOP, PROJECTOR], LAPTOP, PROJECTOR, Arrangement(PROJECTOR, LAPTOP)),
        # Laptop panel switched off: the projector is primary now; no presenter over the class.
        ([PROJECTOR], PROJECTOR, PROJECTOR, Arrangement(PROJECTOR, None)),
        # Projector unplugged: the class view takes the one screen left.
        ([LAPTOP], LAPTOP, PROJECTOR, Arrangement(LAPTOP, None)),
        # Swapped (the class was meant to see the laptop): honoured while both are there.
        ([LAPTOP, PROJECTOR], LAPTOP, LAPTOP, Arrangement(LAPTOP, PROJECTOR)),
        # A third screen, the projector gone: the class gets a screen that is not the laptop.
        ([LAPTOP, "DP-2", "DP-3"], LAPTOP, PROJECTOR, Arrangement("DP-2", LAPTOP)),
        # The primary is the class's screen: the presenter takes another.
        ([PROJECTOR, LAPTOP], PROJECTOR, PROJECTOR, Arrangement(PROJECTOR, LAPTOP)),
    ],
)
def test_arrange(names: list[str], primary: str, projector: str, expected: Arrangement) -> None:
    assert arrange(names, primary, projector) == expected


def test_the_presenter_never_shares_the_class_screen() -> None:
    for names in ([LAPTOP], [LAPTOP, PROJECTOR], [PROJECTOR, LAPTOP, "DP-2"]):
        for primary in names:
            for projector in [*names, "gone"]:
                plan = arrange(names, primary, projector)
                assert plan.audience in names
                assert plan.presenter != plan.audience
                assert (plan.presenter is None) == (len(names) == 1)


def test_no_screens_is_an_error() -> None:
    with pytest.raises(ValueError, match="no screens"):
        arrange([], LAPTOP, PROJECTOR)
