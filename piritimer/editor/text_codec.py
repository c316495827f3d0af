"""Bytes on disk to editor text and back, exactly.

The editor works on text with ``\\n`` line ends; a file written with ``\\r\\n`` or a UTF-8 byte
order mark gets both back when saved, so saving an untouched file reproduces it byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass

from piritimer.core.i18n import _

_BOM = "\ufeff"


class NotUtf8Error(ValueError):
    """The file is not UTF-8; editing it as text would change bytes the person never touched."""


@dataclass(frozen=True)
class TextFormat:
    """How a file spells the things the editor does not show: line ends and the BOM."""

    newline: str = "\n"
    bom: bool = False

    def encode(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((_BOM if self.bom else "") + text).encode("utf-8")


def decode(data: bytes) -> tuple[str, TextFormat]:
    """Editor text and the format to write it back in; raises NotUtf8Error."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUtf8Error(
            _("byte {byte} at offset {offset}").format(
                byte=f"0x{data[error.start]:02x}", offset=error.start
            )
        ) from None
    bom = text.startswith(_BOM)
    text = text.removeprefix(_BOM)
    crlf = text.count("\r\n")
    # Mixed line ends are saved in the majority style; a file with none keeps "\n".
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    return text.replace("\r\n", "\n"), TextFormat(newline, bom)
