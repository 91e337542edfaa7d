"""Sorting contacts into circles and roles in bulk, and finding the people who are missing.

`assign` puts many contacts in one circle (and optionally one role) at once. `gap_prompts`
walks the method's roles, one question each in the method's words, and `parse_names` /
`add_named` turn what a participant types there (one person a line, just a name, optionally
followed by company and job title) into new contacts of that role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reseau.contact import SHORT_TEXT_LIMIT, Contact
from reseau.errors import RoleNotInCircle
from reseau.network import Network
from reseau.text import clean_text
from reseau.vocabulary import Circle, Role, circle_of, roles_of


@dataclass(frozen=True)
class Assignment:
    """What a bulk assignment did: the new network and how many contacts it changed."""

    network: Network
    changed: int


def assign(
    network: Network,
    contact_ids: Iterable[str],
    circle: Circle,
    role: Role | None = None,
    role_other: str = "",
) -> Assignment:
    """Puts the contacts in `circle`, and in `role` when one is given.

    Without a role, a contact keeps its role if it belongs to the new circle (or is « Autre »),
    and loses it otherwise, rather than holding a role of another circle.
    """
    if role is not None and role is not Role.OTHER and circle_of(role) is not circle:
        raise RoleNotInCircle(role=role.value, circle=circle.value)
    result, changed = network, 0
    for contact_id in dict.fromkeys(contact_ids):
        contact = result.get(contact_id)
        if role is not None:
            new_role = role
            new_other = role_other.strip() if role is Role.OTHER else ""
        elif contact.role is not None and contact.role in roles_of(circle):
            new_role, new_other = contact.role, contact.role_other
        else:
            new_role, new_other = None, ""
        updated = contact.with_changes(circle=circle, role=new_role, role_other=new_other)
        if updated != contact:
            result = result.replace(updated)
            changed += 1
    return Assignment(result, changed)


def unsorted_ids(network: Network) -> tuple[str, ...]:
    """The contacts not yet sorted (no circle, or no role), in the network's order."""
    return tuple(c.id for c in network if not c.is_sorted)


def clearable(network: Network, contact_ids: Iterable[str]) -> tuple[str, ...]:
    """Of these contacts, those `clear` would change: the ones with a circle or a role."""
    return tuple(
        cid
        for cid in dict.fromkeys(contact_ids)
        if network.get(cid).circle is not None or network.get(cid).role is not None
    )


def clear(network: Network, contact_ids: Iterable[str]) -> Assignment:
    """Takes the contacts out of their circle and role (back to « not sorted »)."""
    result, changed = network, 0
    for contact_id in dict.fromkeys(contact_ids):
        contact = result.get(contact_id)
        if contact.circle is not None or contact.role is not None:
            result = result.replace(contact.with_changes(circle=None, role=None, role_other=""))
            changed += 1
    return Assignment(result, changed)


@dataclass(frozen=True)
class GapPrompt:
    """One question of the « who is missing? » walk: a role of a circle and who already holds it."""

    circle: Circle
    role: Role
    holders: tuple[str, ...]  # display names of the contacts already in this role and circle

    @property
    def prompt_key(self) -> str:
        return self.role.prompt_key

    @property
    def empty(self) -> bool:
        return not self.holders


def gap_prompts(network: Network, circle: Circle | None = None) -> list[GapPrompt]:
    """One prompt per role, circle by circle in the method's order, « Autre » last in each."""
    prompts = []
    for each in Circle if circle is None else (circle,):
        members = network.in_circle(each)
        for role in roles_of(each):
            holders = tuple(c.display_name for c in members if c.role is role)
            prompts.append(GapPrompt(each, role, holders))
    return prompts


@dataclass(frozen=True)
class NamedPerson:
    """A person typed as « Prénom Nom, Entreprise, Fonction »; only the name is needed."""

    first_name: str
    last_name: str
    company: str = ""
    job_title: str = ""


def _split_name(name: str) -> tuple[str, str]:
    # "Jean-Pierre de la Tour": the first word is the first name, the rest the last name.
    first, _, last = name.strip().partition(" ")
    return first.strip(), last.strip()


def parse_names(text: str) -> list[NamedPerson]:
    """One person a line (or separated by « ; »); blank lines are ignored.

    Each text is cut to the contact's limit rather than refused: a long line is still a person.
    """
    people = []
    for line in clean_text(text).replace(";", "\n").splitlines():
        parts = [part.strip()[:SHORT_TEXT_LIMIT] for part in line.split(",")]
        if not parts or not parts[0]:
            continue
        first, last = _split_name(parts[0])
        company = parts[1] if len(parts) > 1 else ""
        job = ", ".join(p for p in parts[2:] if p)[:SHORT_TEXT_LIMIT]
        people.append(NamedPerson(first[:SHORT_TEXT_LIMIT], last[:SHORT_TEXT_LIMIT], company, job))
    return people


def add_named(
    network: Network,
    people: Iterable[NamedPerson],
    circle: Circle,
    role: Role,
    role_other: str = "",
) -> tuple[Network, tuple[Contact, ...]]:
    """Adds the people as new contacts of this circle and role; returns them too."""
    if role is not Role.OTHER and circle_of(role) is not circle:
        raise RoleNotInCircle(role=role.value, circle=circle.value)
    added = tuple(
        Contact(
            first_name=person.first_name,
            last_name=person.last_name,
            company=person.company,
            job_title=person.job_title,
            circle=circle,
            role=role,
            role_other=role_other.strip() if role is Role.OTHER else "",
        )
        for person in people
    )
    return network.add(*added), added
