"""Assessments over time: dated read-only snapshots of the network, and what changed between two.

The live workbook always holds the current answers: closing an assessment copies them into a
frozen `Assessment` and the participant keeps working on the same contacts, so a new assessment
starts from the previous answers (carried forward). A contact whose answers are still those of the
last snapshot, and that the participant has not confirmed as unchanged, is « not looked at again ».
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reseau.acquaintances import (
    NO_LINKS,
    Acquaintance,
    WhoKnowsWhom,
    checked_links,
    links_to_dict,
)
from reseau.contact import Contact
from reseau.i18n import Lang, day, label, number, t
from reseau.network import Network
from reseau.scoring import ScoringSettings, score_network
from reseau.vocabulary import (
    FIVE_MARKS,
    QUADRANT_PRIORITY,
    ROLES_BY_CIRCLE,
    ActionStatus,
    Circle,
    Quadrant,
    Role,
)

if TYPE_CHECKING:
    from reseau.workbook import Workbook

# The answers an assessment keeps for each contact, as JSON-able values.
SCALE_CRITERIA: tuple[str, ...] = ("frequency", "trust", "added_value", "interest", "power")
CRITERIA_FIELDS: tuple[str, ...] = (
    *SCALE_CRITERIA,
    "reciprocity",
    "last_contact_nature",
    "last_contact_date",
    "last_contact_result",
)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


@dataclass(frozen=True)
class ContactSnapshot:
    """One contact as it stood on the day of an assessment."""

    contact_id: str
    name: str
    circle: Circle | None
    role: Role | None
    criteria: Mapping[str, Any]
    strength: float | None
    potential: float | None
    quadrant: Quadrant | None
    action_text: str
    action_due: date | None
    action_status: ActionStatus

    def __post_init__(self) -> None:
        object.__setattr__(self, "criteria", MappingProxyType(dict(self.criteria)))

    def answers(self) -> tuple[Any, ...]:
        """What the participant answered, to tell whether a contact was looked at again."""
        return (
            _plain(self.circle),
            _plain(self.role),
            tuple(self.criteria.get(name) for name in CRITERIA_FIELDS),
            self.action_text,
            _plain(self.action_due),
            _plain(self.action_status),
        )


def _answers(contact: Contact) -> tuple[Any, ...]:
    return (
        _plain(contact.circle),
        _plain(contact.role),
        tuple(_plain(getattr(contact, name)) for name in CRITERIA_FIELDS),
        contact.action_text,
        _plain(contact.action_due),
        _plain(contact.action_status),
    )


@dataclass(frozen=True)
class Assessment:
    """A dated, read-only snapshot of every contact, of the five marks and of who knows whom."""

    day: date
    contacts: tuple[ContactSnapshot, ...] = ()
    marks: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    links: WhoKnowsWhom = NO_LINKS

    def __post_init__(self) -> None:
        object.__setattr__(self, "contacts", tuple(self.contacts))
        frozen = {c: MappingProxyType(dict(m)) for c, m in self.marks.items()}
        object.__setattr__(self, "marks", MappingProxyType(frozen))

    def by_id(self) -> dict[str, ContactSnapshot]:
        return {snap.contact_id: snap for snap in self.contacts}

    def title(self, lang: Lang | str) -> str:
        """« Bilan du 29 nov. 2026 »."""
        return t("assess.title_of", lang, day=day(self.day, lang))


def snapshot(
    network: Network, settings: ScoringSettings, today: date, links: WhoKnowsWhom = NO_LINKS
) -> Assessment:
    """The network as it stands today, frozen (with who knows whom among its contacts)."""
    scores = score_network(network, settings, today)
    contacts = tuple(
        ContactSnapshot(
            contact_id=c.id,
            name=c.display_name,
            circle=c.circle,
            role=c.role,
            criteria={name: _plain(getattr(c, name)) for name in CRITERIA_FIELDS},
            strength=scores[c.id].strength,
            potential=scores[c.id].potential,
            quadrant=scores[c.id].quadrant,
            action_text=c.action_text,
            action_due=c.action_due,
            action_status=c.action_status,
        )
        for c in network
    )
    marks = {circle.value: dict(m) for circle, m in network.marks.items()}
    return Assessment(today, contacts, marks, links.restricted_to(network.ids))


def close_assessment(workbook: Workbook, today: date) -> Workbook:
    """The workbook with today's assessment added (replacing one closed earlier the same day).

    The answers stay in the workbook (carried forward); the « unchanged » confirmations start
    afresh, since they were about the assessment before.
    """
    new = snapshot(workbook.network, workbook.settings, today, workbook.links)
    kept = tuple(a for a in workbook.assessments if a.day != today)
    ordered = tuple(sorted((*kept, new), key=lambda a: a.day))
    return workbook.with_changes(assessments=ordered, unchanged=frozenset())


def last_assessment(workbook: Workbook) -> Assessment | None:
    return workbook.assessments[-1] if workbook.assessments else None


# The method re-assesses a network a season later: the follow-up session of a course.
REASSESS_AFTER_MONTHS = 3


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has fewer (31 → 30, 28)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def planned_reassessment(workbook: Workbook, today: date) -> date:
    """The default day of the next assessment: three months after the last, never before today."""
    last = last_assessment(workbook)
    base = last.day if last is not None else today
    return max(add_months(base, REASSESS_AFTER_MONTHS), today)


def not_looked_at(workbook: Workbook) -> tuple[str, ...]:
    """Contacts whose answers are those of the last assessment, not confirmed as unchanged."""
    last = last_assessment(workbook)
    if last is None:
        return ()
    before = last.by_id()
    return tuple(
        c.id
        for c in workbook.network
        if c.id in before
        and c.id not in workbook.unchanged
        and _answers(c) == before[c.id].answers()
    )


def confirm_unchanged(workbook: Workbook, contact_id: str) -> Workbook:
    """The participant looked at this contact again and nothing changed: one click."""
    if contact_id not in workbook.network:
        return workbook
    return workbook.with_changes(unchanged=workbook.unchanged | {contact_id})


@dataclass(frozen=True)
class ContactMove:
    """One contact present in both assessments: scores and quadrant before and after."""

    contact_id: str
    name: str
    strength_before: float | None
    strength_after: float | None
    potential_before: float | None
    potential_after: float | None
    quadrant_before: Quadrant | None
    quadrant_after: Quadrant | None
    answers_changed: bool = False

    @property
    def changed_quadrant(self) -> bool:
        return self.quadrant_before != self.quadrant_after

    @property
    def moved(self) -> bool:
        return (
            self.changed_quadrant
            or self.strength_before != self.strength_after
            or self.potential_before != self.potential_after
        )


@dataclass(frozen=True)
class Comparison:
    """What changed from assessment `before` to assessment `after`."""

    before: date
    after: date
    moves: tuple[ContactMove, ...]
    added: tuple[str, ...]  # names
    removed: tuple[str, ...]
    circle_counts: Mapping[Circle, tuple[int, int]]
    criteria_averages: Mapping[str, tuple[float | None, float | None]]
    roles_filled: tuple[Role, ...]
    actions_done: tuple[str, ...]  # names
    # Who knows whom: (pairs who know each other, answered pairs) before and after.
    density: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))

    @property
    def density_changed(self) -> bool:
        before, after = self.density
        return before != after and bool(after[1])

    @property
    def has_changes(self) -> bool:
        return bool(
            any(m.moved for m in self.moves)
            or self.added
            or self.removed
            or any(b != a for b, a in self.circle_counts.values())
            or any(b != a for b, a in self.criteria_averages.values())
            or self.roles_filled
            or self.actions_done
            or self.density_changed
        )


def _average(snaps: Sequence[ContactSnapshot], name: str) -> float | None:
    values = [s.criteria.get(name) for s in snaps]
    numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    return sum(numbers) / len(numbers) if numbers else None


def _roles(snaps: Sequence[ContactSnapshot]) -> set[Role]:
    return {s.role for s in snaps if s.role is not None and s.role is not Role.OTHER}


def _known_and_answered(links: WhoKnowsWhom) -> tuple[int, int]:
    states = links.pairs.values()
    return sum(state is Acquaintance.KNOW for state in states), len(states)


def compare(before: Assessment, after: Assessment) -> Comparison:
    """Per contact, per circle and per criterion, what went from `before` to `after`."""
    old, new = before.by_id(), after.by_id()
    moves = tuple(
        ContactMove(
            cid,
            snap.name,
            old[cid].strength,
            snap.strength,
            old[cid].potential,
            snap.potential,
            old[cid].quadrant,
            snap.quadrant,
            old[cid].answers() != snap.answers(),
        )
        for cid, snap in new.items()
        if cid in old
    )
    counts = {
        circle: (
            sum(1 for s in before.contacts if s.circle is circle),
            sum(1 for s in after.contacts if s.circle is circle),
        )
        for circle in Circle
    }
    averages = {
        name: (_average(before.contacts, name), _average(after.contacts, name))
        for name in SCALE_CRITERIA
    }
    filled = _roles(after.contacts) - _roles(before.contacts)
    order = [role for roles in ROLES_BY_CIRCLE.values() for role in roles]
    done = tuple(
        snap.name
        for cid, snap in new.items()
        if snap.action_status is ActionStatus.DONE
        and (cid not in old or old[cid].action_status is not ActionStatus.DONE)
    )
    return Comparison(
        before=before.day,
        after=after.day,
        moves=moves,
        added=tuple(s.name for cid, s in new.items() if cid not in old),
        removed=tuple(s.name for cid, s in old.items() if cid not in new),
        circle_counts=MappingProxyType(counts),
        criteria_averages=MappingProxyType(averages),
        roles_filled=tuple(sorted(filled, key=lambda r: order.index(r) if r in order else 99)),
        actions_done=done,
        density=(_known_and_answered(before.links), _known_and_answered(after.links)),
    )


def _names(names: Sequence[str], lang: Lang | str) -> str:
    if len(names) == 1:
        return names[0]
    return t("assess.and", lang, first=", ".join(names[:-1]), last=names[-1])


def _score(value: float | None, lang: Lang | str) -> str:
    return t("common.none", lang) if value is None else number(value, lang)


def sentences(comparison: Comparison, lang: Lang | str) -> list[str]:
    """The comparison in plain words, most telling first."""
    if not comparison.has_changes:
        return [t("assess.no_change", lang)]
    out: list[str] = []
    by_quadrant: dict[tuple[Quadrant | None, Quadrant | None], list[str]] = {}
    for move in comparison.moves:
        if move.changed_quadrant:
            key = (move.quadrant_before, move.quadrant_after)
            by_quadrant.setdefault(key, []).append(move.name)
    rank: dict[Quadrant | None, int] = {q: i for i, q in enumerate(QUADRANT_PRIORITY)}
    for (old, new), names in sorted(
        by_quadrant.items(), key=lambda item: (rank.get(item[0][1], 9), rank.get(item[0][0], 9))
    ):
        out.append(
            t(
                "assess.quadrant_move",
                lang,
                count=len(names),
                names=_names(names, lang),
                before=label(old, lang),
                after=label(new, lang),
            )
        )
    for move in comparison.moves:
        # Scores also drift with time alone (recency): a sentence for the people re-assessed.
        if (
            move.answers_changed
            and not move.changed_quadrant
            and (
                move.strength_before != move.strength_after
                or move.potential_before != move.potential_after
            )
        ):
            out.append(
                t(
                    "assess.score_move",
                    lang,
                    name=move.name,
                    s_before=_score(move.strength_before, lang),
                    s_after=_score(move.strength_after, lang),
                    p_before=_score(move.potential_before, lang),
                    p_after=_score(move.potential_after, lang),
                )
            )
    if comparison.added:
        out.append(
            t(
                "assess.added",
                lang,
                count=len(comparison.added),
                names=_names(comparison.added, lang),
            )
        )
    if comparison.removed:
        out.append(
            t(
                "assess.removed",
                lang,
                count=len(comparison.removed),
                names=_names(comparison.removed, lang),
            )
        )
    for circle, (old_count, new_count) in comparison.circle_counts.items():
        if old_count != new_count:
            out.append(
                t(
                    "assess.circle_count",
                    lang,
                    circle=label(circle, lang),
                    before=old_count,
                    after=new_count,
                )
            )
    for name, (old_avg, new_avg) in comparison.criteria_averages.items():
        if old_avg != new_avg:
            out.append(
                t(
                    "assess.criterion_average",
                    lang,
                    criterion=t(f"assess.criterion.{name}", lang),
                    before=_average_text(old_avg, lang),
                    after=_average_text(new_avg, lang),
                )
            )
    if comparison.roles_filled:
        roles = [label(role, lang) for role in comparison.roles_filled]
        out.append(
            t(
                "assess.roles_filled",
                lang,
                count=len(roles),
                roles=_names(roles, lang),
            )
        )
    if comparison.actions_done:
        out.append(
            t(
                "assess.actions_done",
                lang,
                count=len(comparison.actions_done),
                names=_names(comparison.actions_done, lang),
            )
        )
    if comparison.density_changed:
        out.append(_density_sentence(comparison, lang))
    return out


def _density_percent(known: int, answered: int, lang: Lang | str) -> str:
    if not answered:
        return t("common.none", lang)
    return t("explain.percent", lang, value=number(100 * known / answered, lang))


def _density_sentence(comparison: Comparison, lang: Lang | str) -> str:
    """« Densité des liens entre vos contacts : 40 % → 55 % (sur 20 paires renseignées). »"""
    (known_before, answered_before), (known_after, answered_after) = comparison.density
    return t(
        "shape.compare.density",
        lang,
        before=_density_percent(known_before, answered_before, lang),
        after=_density_percent(known_after, answered_after, lang),
        answered=answered_after,
    )


def _average_text(value: float | None, lang: Lang | str) -> str:
    return t("common.none", lang) if value is None else number(value, lang, 1)


# --- the document's form (reseau.serialization keeps the schema's version) ---


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    # An assessment without links is written as before the links existed.
    links = {} if assessment.links.is_empty else {"links": links_to_dict(assessment.links)}
    return {
        **links,
        "day": assessment.day.isoformat(),
        "marks": {c: dict(m) for c, m in assessment.marks.items()},
        "contacts": [
            {
                "id": s.contact_id,
                "name": s.name,
                "circle": _plain(s.circle),
                "role": _plain(s.role),
                "criteria": dict(s.criteria),
                "strength": s.strength,
                "potential": s.potential,
                "quadrant": _plain(s.quadrant),
                "action_text": s.action_text,
                "action_due": _plain(s.action_due),
                "action_status": _plain(s.action_status),
            }
            for s in assessment.contacts
        ],
    }


def _optional_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    return float(value)


def _criteria(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ValueError("criteria")
    kept: dict[str, Any] = {}
    for name in CRITERIA_FIELDS:
        item = value.get(name)
        if (item is not None and not isinstance(item, str | int)) or isinstance(item, bool):
            raise ValueError(name)
        kept[name] = item
    return kept


def assessment_from_dict(data: Any) -> Assessment:
    """An assessment read back; ValueError (or TypeError, KeyError) when it cannot be used."""
    if not isinstance(data, Mapping):
        raise ValueError("assessment")
    contacts = []
    for item in data.get("contacts", ()):
        circle = Circle(item["circle"]) if item.get("circle") is not None else None
        role = Role(item["role"]) if item.get("role") is not None else None
        quadrant = Quadrant(item["quadrant"]) if item.get("quadrant") is not None else None
        due = date.fromisoformat(item["action_due"]) if item.get("action_due") else None
        if not isinstance(item["id"], str) or not isinstance(item.get("name", ""), str):
            raise ValueError("id")
        contacts.append(
            ContactSnapshot(
                contact_id=item["id"],
                name=item.get("name", ""),
                circle=circle,
                role=role,
                criteria=_criteria(item.get("criteria", {})),
                strength=_optional_number(item.get("strength")),
                potential=_optional_number(item.get("potential")),
                quadrant=quadrant,
                action_text=str(item.get("action_text", "")),
                action_due=due,
                action_status=ActionStatus(item.get("action_status", "todo")),
            )
        )
    marks: dict[str, dict[str, int]] = {}
    for circle, values in dict(data.get("marks", {})).items():
        Circle(circle)
        marks[circle] = {}
        for mark, value in dict(values).items():
            if mark not in FIVE_MARKS or isinstance(value, bool) or value not in range(1, 6):
                raise ValueError(mark)
            marks[circle][mark] = value
    # An assessment closed before links existed has none; a link to someone outside the
    # snapshot, or one that cannot be read, is left out rather than losing the whole assessment.
    known = {snap.contact_id for snap in contacts}
    links = checked_links(data.get("links"), known, [])
    return Assessment(date.fromisoformat(data["day"]), tuple(contacts), marks, links)


def forget_removed(workbook: Workbook) -> Workbook:
    """The workbook without any trace of the people no longer in its network.

    A participant who removes a contact expects that person gone: from the past assessments,
    the rhythms, the « unchanged » markers and who knows whom too, not only from today's list.
    """
    network = workbook.network
    links = workbook.links.restricted_to(network.ids)
    if not (
        workbook.assessments or workbook.cadences or workbook.unchanged or workbook.actions_done
    ):
        return workbook if links is workbook.links else workbook.with_changes(links=links)
    kept = (
        Assessment(
            a.day,
            tuple(s for s in a.contacts if s.contact_id in network),
            a.marks,
            a.links.restricted_to(network.ids),
        )
        for a in workbook.assessments
    )
    # An assessment left with nobody (the network was replaced) has nothing to compare.
    assessments = tuple(a for a in kept if a.contacts)
    return workbook.with_changes(
        assessments=assessments,
        cadences={cid: days for cid, days in workbook.cadences.items() if cid in network},
        unchanged=frozenset(cid for cid in workbook.unchanged if cid in network),
        actions_done={cid: on for cid, on in workbook.actions_done.items() if cid in network},
        links=links,
    )
