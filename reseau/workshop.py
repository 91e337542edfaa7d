"""Workshops: their join codes, who is in one, joining it and leaving it with nothing behind.

A trainer opens a workshop; participants join it with a short code read off a projector
(`join_workshop`) and may delete their data at any time (`delete_my_data`). These rules never
touch Streamlit or a database: they ask a `WorkshopStore` (the store in `reseau.storage`
answers it) for what they need. What the room sees of its participants is `reseau.room`.
"""

from __future__ import annotations

import logging
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from reseau.errors import ReseauError
from reseau.i18n import Lang
from reseau.text import clean_text
from reseau.throttle import JOIN_CODES
from reseau.workbook import Workbook

log = logging.getLogger(__name__)

# Join codes are read off a projector and typed on phones: no 0/O, 1/I/L look-alikes.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6
WORKSHOP_NAME_LIMIT = 120
FIRST_NAME_LIMIT = 40


# --- a workshop and its members ---


class WorkshopNotFound(ReseauError):
    """No workshop has this join code: a typo, or a code from another session."""

    key = "error.workshop.not_found"


class WorkshopClosed(ReseauError):
    """The workshop exists but its trainer closed it: its code no longer lets anyone join."""

    key = "error.workshop.closed"


class JoinCodeMalformed(ReseauError):
    """What was typed cannot be a join code (wrong length or characters)."""

    key = "error.workshop.code_malformed"


class WorkshopNameNeeded(ReseauError):
    """A workshop needs a name the trainer will recognise."""

    key = "error.workshop.name_needed"


@dataclass(frozen=True)
class Workshop:
    """A training session participants join with a short code."""

    code: str
    name: str
    created_at: datetime
    closed_at: datetime | None = None
    revealed: bool = False

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def display_code(self) -> str:
        """The code in two groups of three, easier to read aloud and to copy."""
        return display_join_code(self.code)

    def joinable(self) -> Workshop:
        """This workshop, if its code still lets people join; WorkshopClosed otherwise."""
        if not self.is_open:
            raise WorkshopClosed(name=self.name)
        return self


@dataclass(frozen=True)
class Member:
    """A workbook attached to a workshop, as the room's aggregates need it."""

    seat: int | None
    first_name: str | None
    workbook: Workbook
    joined_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Membership:
    """Which workshop a workbook belongs to, and the first name its owner chose to show."""

    workshop: Workshop
    first_name: str | None


def new_join_code() -> str:
    """Six characters from an alphabet without look-alikes (about 887 million codes)."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """The code as stored, from what a person typed ('k7m-2qx ' -> 'K7M2QX'), or an error."""
    code = "".join(ch for ch in str(typed or "").upper() if not ch.isspace() and ch not in "-_.")
    if len(code) != JOIN_CODE_LENGTH or any(ch not in JOIN_CODE_ALPHABET for ch in code):
        raise JoinCodeMalformed(length=JOIN_CODE_LENGTH)
    return code


def display_join_code(code: str) -> str:
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def clean_workshop_name(text: str) -> str:
    """A workshop's name as the trainer will recognise it: one line, trimmed, not too long."""
    name = " ".join(clean_text(text).split())
    if not name:
        raise WorkshopNameNeeded()
    return name[:WORKSHOP_NAME_LIMIT]


def clean_first_name(text: str | None) -> str | None:
    """A first name as shown to the trainer: trimmed, one line, short; None when empty."""
    name = " ".join(clean_text(text).split())[:FIRST_NAME_LIMIT].strip()
    return name or None


class WorkshopStore(Protocol):
    """What the workshop's rules need from wherever workbooks and workshops are kept."""

    def workshop(self, code: str) -> Workshop: ...

    def open_workshop(self, typed_code: str) -> Workshop: ...

    def follows(self, code: str) -> str | None: ...

    def follow_ups(self, first_code: str) -> list[Workshop]: ...

    def create_follow_up(self, first_code: str, name: str) -> Workshop: ...

    def members(self, code: str) -> list[Member]: ...

    def join_workshop(self, typed_code: str, workbook: Workbook) -> tuple[str, Workshop]: ...

    def attach_to_workshop(
        self, workbook_id: str, typed_code: str
    ) -> tuple[Workbook, Workshop]: ...

    def delete(self, workbook_id: str) -> None: ...


# --- joining a workshop, and deleting one's data ---


class TooManyCodes(ReseauError):
    """This client tried too many unknown join codes: it waits before trying again."""

    key = "error.workshop.too_many_codes"


@dataclass(frozen=True)
class Joined:
    """Where the participant works after joining: a workbook of the workshop."""

    workbook_id: str
    workshop: Workshop
    already: bool = False  # the workbook was in this workshop before
    previous_id: str | None = None  # the workbook left in another workshop, still reachable
    follow_up_of: Workshop | None = None  # the first workshop, whose workbook stays in it


def _nothing() -> None:
    return None


def join_workshop(
    store: WorkshopStore,
    typed_code: str,
    client: str,
    lang: Lang,
    current: tuple[str, Workbook] | None = None,
    before_attaching: Callable[[], None] = _nothing,
) -> Joined:
    """Puts the participant in the open workshop a typed code names, or raises what to show.

    Without a `current` workbook (a join link opened on a new visit) a new one is made in the
    workshop. A current workbook in no workshop moves into it, so work started before the
    trainer gave the code is kept (`before_attaching` first gives it its row in the store); one
    already in another workshop stays there, and a new one is made, unless the code names a
    follow-up of that workshop: then the workbook stays as it is. An unknown code counts
    against `client`: after too many, it must wait (`TooManyCodes`).
    """
    wait = JOIN_CODES.wait(client)
    if wait:
        raise TooManyCodes(seconds=math.ceil(wait))
    try:
        workshop = store.open_workshop(typed_code)
    except WorkshopNotFound:
        failures = JOIN_CODES.failed(client)
        log.info("unknown join code from %s (%d within the window)", client, failures)
        raise
    if current is None:
        workbook_id, _ = store.join_workshop(workshop.code, Workbook(lang=lang))
        return Joined(workbook_id, workshop)
    workbook_id, workbook = current
    if workbook.workshop_code == workshop.code:
        return Joined(workbook_id, workshop, already=True)
    first = workbook.workshop_code
    if first is not None and store.follows(workshop.code) == first:
        return Joined(workbook_id, workshop, follow_up_of=store.workshop(first))
    if workbook.workshop_code is None:
        before_attaching()
        store.attach_to_workshop(workbook_id, workshop.code)
        return Joined(workbook_id, workshop)
    new_id, _ = store.join_workshop(workshop.code, Workbook(lang=lang))
    return Joined(new_id, workshop, previous_id=workbook_id)


def delete_my_data(store: WorkshopStore, workbook_id: str) -> None:
    """Deletes a participant's workbook for good: their contacts and their seat in a workshop."""
    store.delete(workbook_id)


def open_follow_up(store: WorkshopStore, code: str, name: str) -> tuple[Workshop, bool]:
    """The open follow-up named `name` of the course workshop `code` belongs to, and whether it
    is new.

    A follow-up already open under that name is given back rather than a second one opened: a
    trainer's second click on the button, made before the page answered the first, opened two
    workshops with one name and two codes.
    """
    first = store.follows(code) or code
    wanted = clean_workshop_name(name)
    for existing in store.follow_ups(first):
        if existing.is_open and existing.name == wanted:
            return existing, False
    return store.create_follow_up(first, wanted), True
