"""Last line of defence for untrusted strings on screen: no control character reaches the
terminal, whatever the loader let through."""

from __future__ import annotations

_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = 0x2421
_CONTROL_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_TABLE = {**_CONTROL_PICTURES, ord("\t"): ord(" ")}


def visible(text: str) -> str:
    """`text` with each control character replaced by one visible stand-in (offsets survive)."""
    return text.translate(_TABLE)
