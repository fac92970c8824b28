"""Neutralising control characters in untrusted article text, one character for one."""

from __future__ import annotations

import re

_C0_PICTURES = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_DEL_PICTURE = {0x7F: 0x2421}
_C1_REPLACED = dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_BIDI_REPLACED = dict.fromkeys(_BIDI_CONTROLS, 0xFFFD)

SANITIZE_TABLE: dict[int, int] = {**_C0_PICTURES, **_DEL_PICTURE, **_C1_REPLACED, **_BIDI_REPLACED}
"""Code point -> visible stand-in; every entry maps one character to exactly one character."""

_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in SANITIZE_TABLE) + "]")
"""Any character `SANITIZE_TABLE` replaces: a search is ~30x faster than `translate`."""


def sanitize(text: str) -> str:
    """Make untrusted text safe to write to a terminal without changing any offsets.

    Escape sequences (ESC), other C0 controls, DEL and C1 controls become visible stand-ins
    (control pictures such as "␛", or U+FFFD), and bidi overrides/isolates become U+FFFD, so
    an article cannot move the cursor, retitle the terminal or visually reorder text.
    Newlines and tabs are kept. Each character maps to exactly one character, so an offset into
    the raw text is the same offset into the result.

    This does not escape Rich/Textual markup such as "[bold]": showing text without markup
    interpretation (e.g. `rich.text.Text(...)`, never a markup string) is the UI's job.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(SANITIZE_TABLE)
