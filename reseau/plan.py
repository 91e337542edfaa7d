"""The action plan: every first action in the method's priority order, its filters and summary.

A row is a contact with a first action. Its rank is the scoring's (`score_network`), so the plan
reads Développer first, then Mobiliser, Entretenir and Veiller; contacts that cannot be ranked yet
follow in the order they were entered. Contacts with no action are kept apart, each with a
suggestion (`reseau.suggestions`) the participant can accept or rewrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from reseau.contact import Contact
from reseau.errors import ReseauError
from reseau.i18n import Lang, label, t
from reseau.method_values import ValueNotUnderstood, is_blank, parse_date, parse_status
from reseau.network import Network
from reseau.scoring import Score, in_priority_order
from reseau.suggestions import Suggestion, suggest
from reseau.vocabulary import ActionStatus, Circle, Quadrant, Role

# The fields of a contact the plan lets a participant change.
PLAN_FIELDS: tuple[str, ...] = ("action_text", "action_due", "action_status")


def is_late(contact: Contact, today: date) -> bool:
    """An action is late when its due date has passed and it is not done."""
    return (
        contact.action_due is not None
        and contact.action_due < today
        and contact.action_status is not ActionStatus.DONE
    )


def week_end(today: date) -> date:
    """The Sunday that closes the week of `today`."""
    return today + timedelta(days=6 - today.weekday())


def is_due_this_week(contact: Contact, today: date) -> bool:
    """Not done, and due between today and the end of this week (late ones are counted apart)."""
    return (
        contact.action_due is not None
        and contact.action_status is not ActionStatus.DONE
        and today <= contact.action_due <= week_end(today)
    )


def role_text(contact: Contact, lang: Lang | str) -> str:
    """The role's label, with the participant's own words for « Autre »."""
    if contact.role is None:
        return ""
    text = label(contact.role, lang)
    if contact.role is Role.OTHER and contact.role_other:
        return f"{text} ({contact.role_other})"
    return text


@dataclass(frozen=True)
class PlanRow:
    """One first action of the plan, with what the participant needs to sort and filter it."""

    contact: Contact
    score: Score | None
    late: bool
    due_this_week: bool

    @property
    def contact_id(self) -> str:
        return self.contact.id

    @property
    def rank(self) -> int | None:
        return None if self.score is None else self.score.rank

    @property
    def quadrant(self) -> Quadrant | None:
        return None if self.score is None else self.score.quadrant

    @property
    def circle(self) -> Circle | None:
        return self.contact.circle

    @property
    def status(self) -> ActionStatus:
        return self.contact.action_status

    @property
    def done(self) -> bool:
        return self.contact.action_status is ActionStatus.DONE


@dataclass(frozen=True)
class Unplanned:
    """A contact with no first action yet, and what the method suggests to start with."""

    contact: Contact
    score: Score | None
    suggestion: Suggestion

    @property
    def quadrant(self) -> Quadrant | None:
        return None if self.score is None else self.score.quadrant


@dataclass(frozen=True)
class PlanFilter:
    """What the participant chose to see; an empty choice means "all"."""

    circles: frozenset[Circle | None] = frozenset()
    quadrants: frozenset[Quadrant | None] = frozenset()
    statuses: frozenset[ActionStatus] = frozenset()
    late_only: bool = False

    def keeps(self, row: PlanRow) -> bool:
        return (
            (not self.circles or row.circle in self.circles)
            and (not self.quadrants or row.quadrant in self.quadrants)
            and (not self.statuses or row.status in self.statuses)
            and (not self.late_only or row.late)
        )

    @property
    def is_active(self) -> bool:
        return bool(self.circles or self.quadrants or self.statuses or self.late_only)


@dataclass(frozen=True)
class CircleCount:
    """The plan's figures for one circle (None: contacts not sorted into a circle yet)."""

    circle: Circle | None
    actions: int
    due_this_week: int
    late: int
    done: int


@dataclass(frozen=True)
class PlanSummary:
    """The figures shown on top of the plan and in the Excel synthesis."""

    actions: int
    due_this_week: int
    late: int
    done: int
    without_action: int
    by_circle: tuple[CircleCount, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Plan:
    """The rows of the plan in priority order, and the contacts still without an action."""

    rows: tuple[PlanRow, ...]
    unplanned: tuple[Unplanned, ...]
    today: date

    def filtered(self, choice: PlanFilter) -> tuple[PlanRow, ...]:
        return tuple(row for row in self.rows if choice.keeps(row))

    def summary(self) -> PlanSummary:
        return summarise(self.rows, len(self.unplanned))

    @property
    def dated_rows(self) -> tuple[PlanRow, ...]:
        return tuple(row for row in self.rows if row.contact.action_due is not None)


def summarise(rows: Iterable[PlanRow], without_action: int = 0) -> PlanSummary:
    rows = tuple(rows)
    by_circle = []
    for circle in (*Circle, None):
        mine = [row for row in rows if row.circle is circle]
        if circle is None and not mine:
            continue
        by_circle.append(
            CircleCount(
                circle,
                len(mine),
                sum(row.due_this_week for row in mine),
                sum(row.late for row in mine),
                sum(row.done for row in mine),
            )
        )
    return PlanSummary(
        actions=len(rows),
        due_this_week=sum(row.due_this_week for row in rows),
        late=sum(row.late for row in rows),
        done=sum(row.done for row in rows),
        without_action=without_action,
        by_circle=tuple(by_circle),
    )


def build_plan(
    network: Network, scores: Mapping[str, Score], lang: Lang | str, today: date
) -> Plan:
    """The plan of this network on this day: actions in priority order, the rest apart."""
    rows: list[PlanRow] = []
    unplanned: list[Unplanned] = []
    for contact in in_priority_order(network, dict(scores)):
        score = scores.get(contact.id)
        if contact.has_action:
            rows.append(
                PlanRow(contact, score, is_late(contact, today), is_due_this_week(contact, today))
            )
        else:
            quadrant = None if score is None else score.quadrant
            unplanned.append(Unplanned(contact, score, suggest(contact, quadrant, lang, today)))
    return Plan(tuple(rows), tuple(unplanned), today)


class PlanValueNotUnderstood(ValueNotUnderstood):
    """A plan cell holds a date or a status the plan cannot read."""

    def message(self, lang: Lang | str) -> str:
        return t("plan.value_not_understood", lang, field=t(f"field.{self.field}", lang))


def plan_changes(contact: Contact, values: Mapping[str, object]) -> dict[str, Any]:
    """The changes a plan row asks for (text, due date, status as a label or code), only those
    that differ from the contact; raises `PlanValueNotUnderstood` for an unreadable cell."""
    changes: dict[str, Any] = {}
    for name, raw in values.items():
        if name not in PLAN_FIELDS:
            continue
        if name == "action_text":
            value: Any = "" if is_blank(raw) else str(raw).strip()
        else:
            try:
                value = parse_date(raw, name) if name == "action_due" else parse_status(raw)
            except ValueNotUnderstood:
                raise PlanValueNotUnderstood(name, raw) from None
            if name == "action_status" and value is None:
                value = ActionStatus.TODO
        if value != getattr(contact, name):
            changes[name] = value
    return changes


@dataclass(frozen=True)
class RowProblem:
    """A plan row that could not be taken: whose it is, and what is wrong, already worded."""

    name: str
    message: str

    def text(self, lang: Lang | str, escape: Callable[[str], str] | None = None) -> str:
        """« Name : what is wrong »; `escape`, when given, is applied to the name people typed."""
        name = self.name if escape is None else escape(self.name)
        return t("plan.row_error", lang, name=name, message=self.message)


@dataclass(frozen=True)
class PlanEdit:
    """What applying the participant's plan edits did: the new network, who changed, problems."""

    network: Network
    changed: tuple[str, ...] = ()
    problems: tuple[RowProblem, ...] = ()


def apply_plan_rows(
    network: Network, rows: Iterable[tuple[str, Mapping[str, object]]], lang: Lang | str
) -> PlanEdit:
    """Applies edited plan rows (contact id, {field: cell}) in one step; a row that cannot be
    taken leaves its contact as it was and is reported as a sentence naming the person."""
    changed: list[str] = []
    problems: list[RowProblem] = []
    for contact_id, values in rows:
        if contact_id not in network:
            continue
        contact = network.get(contact_id)
        try:
            changes = plan_changes(contact, values)
            if not changes:
                continue
            network = network.update(contact_id, **changes)
        except PlanValueNotUnderstood as problem:
            message = problem.message(lang)
        except ReseauError as problem:
            message = t(problem.key, lang, **problem.params)
        else:
            changed.append(contact.display_name)
            continue
        problems.append(RowProblem(contact.display_name, message))
    return PlanEdit(network, tuple(changed), tuple(problems))


def accept_suggestions(
    network: Network,
    plan: Plan,
    choices: Iterable[tuple[str, str | None, date | None]],
    lang: Lang | str,
) -> PlanEdit:
    """Puts the chosen suggestions in the plan: (contact id, the participant's text or None for
    the suggestion as it is, a due date or None for the suggested one)."""
    suggested = {item.contact.id: item.suggestion for item in plan.unplanned}
    rows = []
    for contact_id, text, due in choices:
        suggestion = suggested.get(contact_id)
        if suggestion is not None:
            rows.append((contact_id, suggestion.changes(text, due)))
    return apply_plan_rows(network, rows, lang)


# A first action typed without a date is due in two weeks: the plan then has a date to remind
# the participant of, which they change in one click if another suits them better.
FIRST_ACTION_DELAY_DAYS = 14


def first_action_changes(contact: Contact, text: str, today: date) -> dict[str, Any]:
    """The changes a first action typed on the card makes: its text, and a due date if none."""
    changes: dict[str, Any] = {"action_text": text}
    if text and contact.action_due is None:
        changes["action_due"] = today + timedelta(days=FIRST_ACTION_DELAY_DAYS)
    return changes
