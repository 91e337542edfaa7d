"""Exceptions named after the problems a participant can meet; each carries a catalogue key.

The UI never shows `str(error)`: it shows `t(error.key, lang, **error.params)`, so every problem
reads as a sentence in the participant's language saying what is wrong and what to do.
"""

from __future__ import annotations

from typing import Any


class ReseauError(Exception):
    """Base of every problem the app reports to a person rather than as a bug."""

    key = "error.unexpected"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(f"{self.key} {params}" if params else self.key)


class InvalidContact(ReseauError):
    """A contact cannot be built from what was given."""

    key = "error.contact.invalid"


class ContactHasNoName(InvalidContact):
    key = "error.contact.no_name"


class ScoreOutOfScale(InvalidContact):
    key = "error.contact.score_out_of_scale"


class RoleNotInCircle(InvalidContact):
    key = "error.contact.role_not_in_circle"


class RoleWithoutCircle(InvalidContact):
    key = "error.contact.role_without_circle"


class TextTooLong(InvalidContact):
    key = "error.contact.text_too_long"


class ContactNotFound(ReseauError):
    key = "error.contact.not_found"
