"""The room's anonymous figures: each participant's progress and profile, and the room's summary.

Everything the trainer sees (`summarise_room`) and each participant's comparison with the room
(`compare_to_room`) is counted from the participants' workbooks and nothing else leaves them: no
contact's name, company, e-mail, note or action text ever reaches a summary or its Excel file. A
participant appears by the first name they chose to give, otherwise as "Participant 3" (their
order of arrival).
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from statistics import fmean, median
from typing import Any, Protocol

from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.network_shape import NO_ROOM_SHAPE, RoomShape, room_shape
from reseau.scoring import ScoringSettings, score_network
from reseau.vocabulary import QUADRANT_PRIORITY, SCALES, Circle, Quadrant, Role, roles_of
from reseau.workshop import Member, Workshop


@dataclass(frozen=True)
class ParticipantProgress:
    """How far one participant has gone: counts only, never what their contacts are."""

    number: int
    first_name: str | None
    contacts: int
    sorted: int
    qualified: int
    actions: int
    last_activity: datetime

    def label(self, lang: Lang) -> str:
        return self.first_name or t("workshop.participant", lang, number=self.number)


@dataclass(frozen=True)
class CircleFigures:
    """One circle across the room: how many contacts, and the average of each 1-5 criterion."""

    circle: Circle
    contacts: int
    averages: dict[str, float | None]  # criterion code -> mean over contacts that have it


@dataclass(frozen=True)
class Profile:
    """One participant's network as counts only: what the room compares, never who is in it."""

    contacts: int
    contacts_per_circle: dict[Circle, int]
    sorted: bool  # at least one contact in a circle: only then do empty roles mean anything
    empty_roles: frozenset[Role]
    quadrants: dict[Quadrant, int]  # qualified contacts per quadrant
    marks: dict[str, tuple[int, ...]]  # criterion code -> the 1-5 values given

    @property
    def qualified(self) -> int:
        return sum(self.quadrants.values())


def profile_of(network: Network, settings: ScoringSettings, today: date) -> Profile:
    """The counts of one network, scored with its own settings."""
    held_roles = {c.role for c in network if c.is_sorted}
    scores = score_network(network, settings, today)
    quadrants = Counter(s.quadrant for s in scores.values() if s.quadrant is not None)
    return Profile(
        contacts=len(network),
        contacts_per_circle={
            circle: sum(1 for c in network if c.circle is circle) for circle in Circle
        },
        sorted=bool(held_roles),
        empty_roles=frozenset(
            role
            for circle in Circle
            for role in roles_of(circle, with_other=False)
            if held_roles and role not in held_roles
        ),
        quadrants={q: quadrants[q] for q in QUADRANT_PRIORITY},
        marks={
            scale.code: tuple(
                getattr(c, scale.code)
                for c in network
                if c.circle is not None and getattr(c, scale.code) is not None
            )
            for scale in SCALES
        },
    )


@dataclass(frozen=True)
class RoomSummary:
    """The room at one moment, as the trainer's dashboard and export show it."""

    workshop: Workshop
    participants: tuple[ParticipantProgress, ...]
    contacts_per_circle: tuple[tuple[Circle | None, int], ...]  # None: not sorted yet
    empty_roles: tuple[tuple[Role, int], ...]  # most often empty first
    sorting_participants: int  # participants with a sorted contact: the base of empty_roles
    quadrants: tuple[tuple[Quadrant | None, int], ...]  # None: not qualified yet
    circles: tuple[CircleFigures, ...]
    profiles: tuple[Profile, ...] = ()  # one per participant, in no telling order
    shape: RoomShape = NO_ROOM_SHAPE  # who knows whom: numbers only (reseau.network_shape)

    @property
    def total_contacts(self) -> int:
        return sum(p.contacts for p in self.participants)


def summarise_room(workshop: Workshop, members: Sequence[Member], today: date) -> RoomSummary:
    """Counts the room from its members' workbooks (each scored with its own settings)."""
    participants: list[ParticipantProgress] = []
    per_circle: Counter[Circle | None] = Counter()
    per_quadrant: Counter[Quadrant | None] = Counter()
    empty: Counter[Role] = Counter()
    sorting = 0
    marks: dict[Circle, dict[str, list[int]]] = {c: {s.code: [] for s in SCALES} for c in Circle}
    profiles: list[Profile] = []
    linked = []

    for position, member in enumerate(members, start=1):
        network = member.workbook.network
        participants.append(
            ParticipantProgress(
                number=member.seat or position,
                first_name=member.first_name,
                contacts=len(network),
                sorted=sum(1 for c in network if c.is_sorted),
                qualified=sum(1 for c in network if c.is_qualified),
                actions=sum(1 for c in network if c.has_action),
                last_activity=member.updated_at,
            )
        )
        held_roles = {c.role for c in network if c.is_sorted}
        if held_roles:
            sorting += 1
            for circle in Circle:
                for role in roles_of(circle, with_other=False):
                    empty[role] += role not in held_roles
        for contact in network:
            per_circle[contact.circle] += 1
            if contact.circle is not None:
                for scale in SCALES:
                    value = getattr(contact, scale.code)
                    if value is not None:
                        marks[contact.circle][scale.code].append(value)
        scores = score_network(network, member.workbook.settings, today)
        for score in scores.values():
            per_quadrant[score.quadrant] += 1
        profiles.append(profile_of(network, member.workbook.settings, today))
        linked.append((network, member.workbook.links))

    method_roles = [role for circle in Circle for role in roles_of(circle, with_other=False)]
    empty_roles = sorted(
        ((role, empty[role]) for role in method_roles if empty[role]),
        key=lambda item: (-item[1], method_roles.index(item[0])),
    )
    return RoomSummary(
        workshop=workshop,
        participants=tuple(participants),
        contacts_per_circle=tuple((c, per_circle[c]) for c in (*Circle, None)),
        empty_roles=tuple(empty_roles),
        sorting_participants=sorting,
        quadrants=tuple((q, per_quadrant[q]) for q in (*QUADRANT_PRIORITY, None)),
        circles=tuple(
            CircleFigures(
                circle=circle,
                contacts=per_circle[circle],
                averages={
                    code: round(fmean(values), 2) if values else None
                    for code, values in marks[circle].items()
                },
            )
            for circle in Circle
        ),
        # Sorted by size, so a profile's place says nothing of who arrived when.
        profiles=tuple(sorted(profiles, key=lambda p: (p.contacts, p.qualified))),
        shape=room_shape(linked),
    )


# --- each participant against the room ---
# Below this many participants who have started, a median would point at someone.
MIN_ROOM = 3


@dataclass(frozen=True)
class CircleLine:
    circle: Circle
    yours: int
    room_median: float


@dataclass(frozen=True)
class RoleLine:
    role: Role
    empty_for_you: bool
    room_share: float  # share of the participants who sorted for whom the role is empty


@dataclass(frozen=True)
class ShareLine:
    quadrant: Quadrant
    yours: float | None  # share of your qualified contacts; None when you qualified none
    room: float | None


@dataclass(frozen=True)
class CriterionLine:
    code: str
    yours: float | None
    room: float | None


@dataclass(frozen=True)
class Comparison:
    """A participant's network beside the room's: medians, shares and averages, nobody's own."""

    participants: int  # participants who have started, the base of the medians
    circles: tuple[CircleLine, ...]
    roles: tuple[RoleLine, ...]  # yours first, then the room's most often empty
    quadrants: tuple[ShareLine, ...]
    criteria: tuple[CriterionLine, ...]


def circle_medians(profiles: Sequence[Profile]) -> dict[Circle, float | None]:
    """The median participant's contacts in each circle, among those who have started; the
    same figure a participant sees beside their own. None below `MIN_ROOM` participants."""
    started = [p for p in profiles if p.contacts]
    if len(started) < MIN_ROOM:
        return dict.fromkeys(Circle)
    return {c: float(median(p.contacts_per_circle[c] for p in started)) for c in Circle}


def _shares(counts: dict[Quadrant, int]) -> dict[Quadrant, float | None]:
    total = sum(counts.values())
    return {q: (counts[q] / total if total else None) for q in QUADRANT_PRIORITY}


def _mean(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(fmean(values), 2) if values else None


def compare_to_room(own: Profile, room: Sequence[Profile]) -> Comparison | None:
    """Your counts beside the room's (you included); None while too few have started to hide
    who is who."""
    started = [p for p in room if p.contacts]
    if len(started) < MIN_ROOM:
        return None
    sorting = [p for p in started if p.sorted]
    method_roles = [role for circle in Circle for role in roles_of(circle, with_other=False)]
    share_empty = {
        role: (sum(role in p.empty_roles for p in sorting) / len(sorting) if sorting else 0.0)
        for role in method_roles
    }
    yours_empty = [r for r in method_roles if r in own.empty_roles]
    room_empty = sorted(
        (r for r in method_roles if share_empty[r] and r not in own.empty_roles),
        key=lambda r: (-share_empty[r], method_roles.index(r)),
    )
    room_quadrants: Counter[Quadrant] = Counter()
    for profile in started:
        room_quadrants.update(profile.quadrants)
    yours_shares = _shares(own.quadrants)
    room_shares = _shares({q: room_quadrants[q] for q in QUADRANT_PRIORITY})
    return Comparison(
        participants=len(started),
        circles=tuple(
            CircleLine(
                circle,
                own.contacts_per_circle[circle],
                float(median(p.contacts_per_circle[circle] for p in started)),
            )
            for circle in Circle
        ),
        roles=tuple(
            RoleLine(role, role in own.empty_roles, share_empty[role])
            for role in [*yours_empty, *room_empty[:3]]
        ),
        quadrants=tuple(ShareLine(q, yours_shares[q], room_shares[q]) for q in QUADRANT_PRIORITY),
        criteria=tuple(
            CriterionLine(
                scale.code,
                _mean(own.marks[scale.code]),
                _mean(v for p in started for v in p.marks[scale.code]),
            )
            for scale in SCALES
        ),
    )


# --- the room, counted once per change ---
Stamps = tuple[tuple[Any, ...], ...]


class RoomStore(Protocol):
    """What the room's figures need from wherever workbooks and workshops are kept."""

    @property
    def location(self) -> str:
        """Which database: two stores on one database share the room's cache."""
        ...

    def workshop(self, code: str) -> Workshop: ...

    def members(self, code: str) -> list[Member]: ...

    def member_stamps(self, code: str) -> Stamps:
        """What identifies the room's state without reading any workbook: who, in which seat,
        under which first name, last saved when. Any save or new arrival changes it."""
        ...


class RoomSummaries:
    """The last summary of each room, shared by every tab of the process.

    The trainer's live room refreshes every few seconds in each open tab; counting a room holding
    a participant with 50,000 contacts takes seconds of CPU. The summary is therefore worked out
    once per change of the room (a save, an arrival, a first name, the workshop closing, a new
    day) and handed to every refresh and every tab until the next change. Two tabs asking at
    the same moment wait for one computation rather than making two.
    """

    def __init__(
        self,
        compute: Callable[[Workshop, Sequence[Member], date], RoomSummary] | None = None,
        rooms: int = 16,
    ) -> None:
        self._compute = compute or summarise_room
        self._rooms = rooms
        self._entries: OrderedDict[tuple[str, str], tuple[Any, RoomSummary]] = OrderedDict()
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    def summary(self, store: RoomStore, code: str, today: date) -> RoomSummary:
        """The room's summary now: from the cache when nothing changed since it was counted."""
        room = (store.location, code)
        workshop = store.workshop(code)
        key = (workshop, today, store.member_stamps(code))
        with self._lock:
            room_lock = self._locks.setdefault(room, threading.Lock())
        with room_lock:
            with self._lock:
                cached = self._entries.get(room)
            if cached is not None and cached[0] == key:
                return cached[1]
            summary = self._compute(workshop, store.members(code), today)
            with self._lock:
                self._entries[room] = (key, summary)
                self._entries.move_to_end(room)
                while len(self._entries) > self._rooms:
                    oldest, _ = self._entries.popitem(last=False)
                    self._locks.pop(oldest, None)
            return summary


ROOMS = RoomSummaries()
