"""The follow-up workshop: how the room's networks moved between two sessions, anonymously.

A course runs in two sessions. Each participant closes an assessment in the first; weeks later
they come back with the same workbook. The room's « before » is every participant's first
assessment, its « after » their last one (or their answers as they stand today, when they
have not closed a second): per-circle counts, criteria averages, quadrant shares and the
method's roles held. Only totals, averages and shares leave the workbooks, and only once
enough participants have both sides (`MIN_ROOM`), so no figure points at one person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import Any

from reseau.assessments import SCALE_CRITERIA, Assessment, snapshot
from reseau.i18n import Lang, label, number, percent, t
from reseau.room import MIN_ROOM
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Quadrant, Role, roles_of
from reseau.workshop import Member, WorkshopStore

METHOD_ROLES: tuple[Role, ...] = tuple(
    role for circle in Circle for role in roles_of(circle, with_other=False)
)


@dataclass(frozen=True)
class RoomSide:
    """The room on one side of the follow-up: totals, averages and shares only."""

    contacts_per_circle: dict[Circle, int]
    averages: dict[str, float | None]  # criterion code -> mean over the room's contacts
    quadrant_shares: dict[Quadrant, float | None]  # of the contacts placed in a quadrant
    role_holders: dict[Role, int]  # participants holding each of the method's roles


@dataclass(frozen=True)
class FollowUp:
    """The room before and after; `before` and `after` are None below `MIN_ROOM` participants."""

    participants: int  # with an assessment to start from
    before: RoomSide | None
    after: RoomSide | None

    @property
    def shown(self) -> bool:
        return self.before is not None and self.after is not None


def sides(member: Member, today: date) -> tuple[Assessment, Assessment] | None:
    """A participant's first assessment and their last (or today's answers); None without one."""
    workbook = member.workbook
    if not workbook.assessments:
        return None
    first = workbook.assessments[0]
    if len(workbook.assessments) > 1:
        return first, workbook.assessments[-1]
    return first, snapshot(workbook.network, workbook.settings, today)


def _side(assessments: Sequence[Assessment]) -> RoomSide:
    per_circle: Counter[Circle] = Counter()
    per_quadrant: Counter[Quadrant] = Counter()
    values: dict[str, list[int]] = {name: [] for name in SCALE_CRITERIA}
    holders: Counter[Role] = Counter()
    for assessment in assessments:
        held: set[Role] = set()
        for snap in assessment.contacts:
            if snap.circle is not None:
                per_circle[snap.circle] += 1
                if snap.role is not None:
                    held.add(snap.role)
            if snap.quadrant is not None:
                per_quadrant[snap.quadrant] += 1
            for name in SCALE_CRITERIA:
                value = snap.criteria.get(name)
                if isinstance(value, int) and not isinstance(value, bool):
                    values[name].append(value)
        holders.update(held)
    placed = sum(per_quadrant.values())
    return RoomSide(
        contacts_per_circle={circle: per_circle[circle] for circle in Circle},
        averages={name: round(fmean(v), 2) if v else None for name, v in values.items()},
        quadrant_shares={
            q: (per_quadrant[q] / placed if placed else None) for q in QUADRANT_PRIORITY
        },
        role_holders={role: holders[role] for role in METHOD_ROLES},
    )


def follow_up_of(members: Sequence[Member], today: date) -> FollowUp:
    """The room's before and after, from the members' assessments."""
    pairs = [found for member in members if (found := sides(member, today)) is not None]
    if len(pairs) < MIN_ROOM:
        return FollowUp(len(pairs), None, None)
    return FollowUp(
        len(pairs),
        _side([before for before, _ in pairs]),
        _side([after for _, after in pairs]),
    )


def room_follow_up(store: WorkshopStore, code: str, today: date) -> FollowUp | None:
    """The room's before and after when workshop `code` follows another one; None otherwise."""
    first = store.follows(code)
    if first is None:
        return None
    # The first session's participants come back with their workbooks; newcomers count too.
    return follow_up_of(store.members(first) + store.members(code), today)


# --- the same figures as rows: the trainer's table and the room's Excel sheet
# (`reseau.export.room`) ---
Row = tuple[str, Any, Any]


def rows(follow_up: FollowUp, lang: Lang | str) -> list[Row]:
    """(what, before, after) for every figure, in the trainer's language; shares as fractions."""
    before, after = follow_up.before, follow_up.after
    if before is None or after is None:
        return []
    out: list[Row] = []
    for circle in Circle:
        out.append(
            (
                t("follow_up.row.circle", lang, circle=label(circle, lang)),
                before.contacts_per_circle[circle],
                after.contacts_per_circle[circle],
            )
        )
    for name in SCALE_CRITERIA:
        out.append(
            (
                t("follow_up.row.average", lang, criterion=t(f"assess.criterion.{name}", lang)),
                before.averages[name],
                after.averages[name],
            )
        )
    for quadrant in QUADRANT_PRIORITY:
        out.append(
            (
                t("follow_up.row.quadrant", lang, quadrant=label(quadrant, lang)),
                before.quadrant_shares[quadrant],
                after.quadrant_shares[quadrant],
            )
        )
    for role in METHOD_ROLES:
        out.append(
            (
                t("follow_up.row.role", lang, role=label(role, lang)),
                before.role_holders[role],
                after.role_holders[role],
            )
        )
    return out


def is_share(row_index: int) -> bool:
    """Whether the row at this place holds shares (written as percentages)."""
    start = len(Circle) + len(SCALE_CRITERIA)
    return start <= row_index < start + len(QUADRANT_PRIORITY)


def shown_value(value: Any, share: bool, lang: Lang | str) -> str:
    """A figure as the trainer's language writes it: « 3,5 », « 45 % », a dash when none."""
    if value is None:
        return label(None, lang)
    if share:
        return percent(value, lang)
    if isinstance(value, float):
        return number(value, lang, 1, keep_zeros=True)
    return str(value)
