"""Text as it enters the domain: whatever was typed, imported or restored, never a control code.

A NUL, a BEL or an ESC in a name is invisible on screen but forbidden in the XML of an .xlsx
file (openpyxl refuses the whole export), in a calendar line, and unwelcome in a log. Every text
the domain keeps (a contact's fields, the participant's name and mission, a workshop's name, the
first name shown to the trainer) goes through `clean_text` once, where it is built.
"""

from __future__ import annotations

import re

# C0 controls except TAB, LF and CR (which fields holding several lines keep), DEL, the UTF-16
# surrogates (which cannot be written as UTF-8) and the two non-characters XML forbids.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: object) -> str:
    """The text without the characters no file, screen or log should carry; None gives ""."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return _CONTROL.sub("", text)


def has_control_characters(value: str) -> bool:
    """True when `clean_text` would change this text."""
    return _CONTROL.search(value) is not None
