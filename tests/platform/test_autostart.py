"""The autostart entry describes itself in every language piritimer speaks."""

from __future__ import annotations

from collections.abc import Callable

from piritimer.platform.autostart import entry_text


def test_the_entry_has_its_comment_in_each_language(in_language: Callable[[str], None]) -> None:
    in_language("de")  # the entry is the same whatever language the app spoke when writing it
    lines = entry_text(["piritimer", "--tray"]).splitlines()
    comments = [line for line in lines if line.startswith("Comment")]
    assert comments == [
        "Comment=Exercise reminders, in the tray",
        "Comment[fr]=Rappels d’exercices, dans la zone de notification",
        "Comment[de]=Übungserinnerungen, im Infobereich",
        "Comment[es]=Recordatorios de ejercicios, en la bandeja del sistema",
    ]
    assert "Name=piritimer" in lines
