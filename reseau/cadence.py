"""Keeping in touch: how often to see each person, when they are next due, whom to get back to.

A cadence is a number of days between two contacts. The defaults follow the method's roles: the
people who carry or staff the mission (a sponsor, a manager lending a team member) are seen
often, the information circle's more distant sources (an online expert, a club member) rarely.
A participant may set a cadence per contact (kept in the workbook, by contact id). The next due
date restarts from the last contact logged, or from the day a first action was marked done
(`Workbook.actions_done`, noted by `done_days` whenever a status becomes « Fait »).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from reseau.contact import Contact
from reseau.errors import ReseauError
from reseau.network import Network
from reseau.plan import week_end
from reseau.scoring import Score
from reseau.vocabulary import ActionStatus, Circle, ContactNature, ContactResult, Role

MIN_CADENCE_DAYS = 1
MAX_CADENCE_DAYS = 730

ROLE_CADENCE_DAYS: Mapping[Role, int] = MappingProxyType(
    {
        Role.SPONSOR: 14,
        Role.LENDING_MANAGER: 21,
        Role.BENEFICIARY: 30,
        Role.FORMER_MANAGER: 45,
        Role.PEER: 45,
        Role.FORMER_COLLEAGUE: 60,
        Role.HELPED_TEAM_MEMBER: 60,
        Role.SATISFIED_CLIENT: 60,
        Role.CONSULTANT: 60,
        Role.CLUB_MEMBER: 90,
        Role.ONLINE_EXPERT: 120,
    }
)
CIRCLE_CADENCE_DAYS: Mapping[Circle, int] = MappingProxyType(
    {Circle.OPERATIONAL: 30, Circle.SUPPORT: 45, Circle.INFORMATION: 90}
)
UNSORTED_CADENCE_DAYS = 90


class CadenceOutOfRange(ReseauError):
    key = "cadence.error.out_of_range"


class ContactInTheFuture(ReseauError):
    key = "cadence.error.future"


def default_cadence(contact: Contact) -> int:
    """The method's rhythm for this person's role, else their circle's."""
    if contact.role is not None and contact.role in ROLE_CADENCE_DAYS:
        return ROLE_CADENCE_DAYS[contact.role]
    if contact.circle is not None:
        return CIRCLE_CADENCE_DAYS[contact.circle]
    return UNSORTED_CADENCE_DAYS


def cadence_of(contact: Contact, cadences: Mapping[str, int]) -> int:
    return cadences.get(contact.id, default_cadence(contact))


def set_cadence(cadences: Mapping[str, int], contact_id: str, days: int) -> dict[str, int]:
    """The cadences with this contact's set; refused outside 1 day to 2 years."""
    if isinstance(days, bool) or not MIN_CADENCE_DAYS <= int(days) <= MAX_CADENCE_DAYS:
        raise CadenceOutOfRange(low=MIN_CADENCE_DAYS, high=MAX_CADENCE_DAYS)
    return {**cadences, contact_id: int(days)}


def last_touch(contact: Contact, today: date, done_on: date | None = None) -> date | None:
    """The day the rhythm restarts from: the last contact, or the day the first action was done.

    `done_on` is the day the action was marked done; an action marked done before that day was
    recorded (older workbooks) counts from its due date once that date has passed.
    """
    touches = [contact.last_contact_date] if contact.last_contact_date else []
    if contact.action_status is ActionStatus.DONE:
        if done_on is not None and done_on <= today:
            touches.append(done_on)
        elif done_on is None and contact.action_due is not None and contact.action_due <= today:
            touches.append(contact.action_due)
    return max(touches) if touches else None


def next_due(
    contact: Contact,
    cadences: Mapping[str, int],
    today: date,
    actions_done: Mapping[str, date] | None = None,
) -> date | None:
    """When this person should next hear from the participant; None: never contacted, due now."""
    touched = last_touch(contact, today, (actions_done or {}).get(contact.id))
    if touched is None:
        return None
    return touched + timedelta(days=cadence_of(contact, cadences))


def days_overdue(
    contact: Contact,
    cadences: Mapping[str, int],
    today: date,
    actions_done: Mapping[str, date] | None = None,
) -> int | None:
    """How many days past due (0 when not yet due); None for a person never contacted, who is
    more overdue than any number of days."""
    due = next_due(contact, cadences, today, actions_done)
    return None if due is None else max(0, (today - due).days)


def done_days(
    before: Network, after: Network, actions_done: Mapping[str, date], today: date
) -> dict[str, date]:
    """The days first actions were marked done, once the network went from `before` to `after`.

    An action whose status became « Fait » in this change was done `today`, unless the change
    itself says on which day (`actions_done` already holds it); an action no longer done
    forgets its day. A contact arriving already done (a restored file) brings no day: its
    due date stands in, as before days were recorded.
    """
    kept: dict[str, date] = {}
    for contact in after:
        if contact.action_status is not ActionStatus.DONE:
            continue
        if contact.id in actions_done:
            kept[contact.id] = actions_done[contact.id]
        elif contact.id in before and before.get(contact.id).action_status is not ActionStatus.DONE:
            kept[contact.id] = today
    return kept


def log_contact(
    contact: Contact,
    on: date,
    nature: ContactNature | None,
    result: ContactResult | None,
    today: date,
    note: str = "",
) -> Contact:
    """The contact after a logged exchange; an exchange older than the last one changes nothing."""
    if on > today:
        raise ContactInTheFuture()
    if contact.last_contact_date is not None and on < contact.last_contact_date:
        return contact
    return contact.with_changes(
        last_contact_date=on,
        last_contact_nature=nature,
        last_contact_result=result,
        last_contact_note=note or contact.last_contact_note,
    )


@dataclass(frozen=True)
class Reminder:
    """One person to get back to."""

    contact_id: str
    name: str
    due: date | None  # None: never contacted
    days_late: int | None  # None: never contacted
    cadence: int
    rank: int | None


def to_reach(
    network: Network,
    cadences: Mapping[str, int],
    scores: Mapping[str, Score],
    today: date,
    actions_done: Mapping[str, date] | None = None,
) -> tuple[Reminder, ...]:
    """« Qui relancer maintenant ? »: overdue or due this week, most important first.

    Most important: the scoring's priority rank (unranked people after), then the most overdue.
    Only sorted contacts are counted: an unsorted name is not yet part of the network.
    """
    end = week_end(today)
    big = len(network) + 1
    reminders = []
    for contact in network:
        if not contact.is_sorted:
            continue
        due = next_due(contact, cadences, today, actions_done)
        if due is None or due <= end:
            score = scores.get(contact.id)
            rank = score.rank if score is not None else None
            reminders.append(
                Reminder(
                    contact.id,
                    contact.display_name,
                    due,
                    days_overdue(contact, cadences, today, actions_done),
                    cadence_of(contact, cadences),
                    rank,
                )
            )
    return tuple(
        sorted(reminders, key=lambda r: (r.rank or big, r.due or date.min, r.name, r.contact_id))
    )
