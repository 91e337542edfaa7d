"""Suggested first actions for contacts who have none yet, drawn from their quadrant and role.

The sentences are data a trainer can edit: `reseau/locales/<lang>/suggestions.toml`, keyed
`suggestion.<quadrant>.<role>`, with `suggestion.<quadrant>.default` when a role has no line of
its own and `suggestion.none.default` for a contact not qualified yet. Each quadrant also comes
with a suggested delay, so an accepted suggestion lands in the plan with a due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from reseau.contact import Contact
from reseau.i18n import Lang, has_text, t
from reseau.vocabulary import ActionStatus, Quadrant, Role

# Développer and Mobiliser are the priorities: act within two weeks; the others can wait.
SUGGESTED_DELAY_DAYS = MappingProxyType(
    {
        Quadrant.DEVELOP: 14,
        Quadrant.MOBILISE: 14,
        Quadrant.MAINTAIN: 30,
        Quadrant.WATCH: 60,
        None: 30,
    }
)
UNQUALIFIED = "none"


@dataclass(frozen=True)
class Suggestion:
    """A first action the method proposes for a contact; the participant accepts or rewrites it."""

    contact_id: str
    text: str
    due: date
    key: str

    def changes(self, text: str | None = None, due: date | None = None) -> dict[str, Any]:
        """The contact changes putting this suggestion (or the participant's words) in the plan."""
        chosen = self.text if text is None or not text.strip() else text.strip()
        return {
            "action_text": chosen,
            "action_due": due or self.due,
            "action_status": ActionStatus.TODO,
        }


def suggestion_key(quadrant: Quadrant | None, role: Role | None) -> str:
    """The catalogue key for this quadrant and role: the role's own line, else the fallback."""
    area = UNQUALIFIED if quadrant is None else quadrant.value
    if role is not None and role is not Role.OTHER:
        specific = f"suggestion.{area}.{role.value}"
        if has_text(specific):
            return specific
    return f"suggestion.{area}.default"


def suggest(
    contact: Contact, quadrant: Quadrant | None, lang: Lang | str, today: date
) -> Suggestion:
    """The suggested first action for a contact, in `lang`, due after the quadrant's delay."""
    key = suggestion_key(quadrant, contact.role)
    due = today + timedelta(days=SUGGESTED_DELAY_DAYS[quadrant])
    return Suggestion(contact.id, t(key, lang), due, key)
