"""The guided walkthrough's navigation, as pure functions over contact ids.

Contacts are walked circle by circle, in the method's order, then those not yet sorted; inside
each group they keep the order they were entered in. A filter narrows the walk to one circle (or
to the unsorted), but the contact on screen stays in the walk even when its circle changes,
so editing a contact never makes it vanish from under the participant's eyes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from reseau.contact import Contact
from reseau.network import Network
from reseau.vocabulary import Circle

ALL = "all"
UNSORTED = "unsorted"
# The filters a participant can choose, in the order they are offered.
FILTERS: tuple[str, ...] = (ALL, *(circle.value for circle in Circle), UNSORTED)


def _group(circle: Circle | None) -> int:
    return len(Circle) if circle is None else list(Circle).index(circle)


def _matches(contact: Contact, wanted: str) -> bool:
    if wanted == ALL:
        return True
    if wanted == UNSORTED:
        # The same « not sorted » as the progress header and the sorting list: no circle, or
        # a circle but no role yet.
        return not contact.is_sorted
    return contact.circle is not None and contact.circle.value == wanted


def walk_order(network: Network, wanted: str = ALL, keep: str | None = None) -> tuple[str, ...]:
    """The ids to walk through, circle by circle; `keep` stays in the walk whatever the filter."""
    if wanted not in FILTERS:
        wanted = ALL
    ordered = sorted(
        enumerate(network.contacts), key=lambda pair: (_group(pair[1].circle), pair[0])
    )
    return tuple(
        contact.id for _, contact in ordered if _matches(contact, wanted) or contact.id == keep
    )


def current(order: Sequence[str], cursor: str | None) -> str | None:
    """The contact to show: the cursor when it is in the walk, otherwise the first one."""
    if cursor in order:
        return cursor
    return order[0] if order else None


def step(order: Sequence[str], cursor: str | None, delta: int) -> str | None:
    """The contact `delta` places away (−1 previous, +1 next), stopping at either end."""
    here = current(order, cursor)
    if here is None:
        return None
    index = min(max(order.index(here) + delta, 0), len(order) - 1)
    return order[index]


def position(order: Sequence[str], cursor: str | None) -> tuple[int, int]:
    """(1-based place of the shown contact, length of the walk); (0, 0) for an empty walk."""
    here = current(order, cursor)
    return (0, 0) if here is None else (order.index(here) + 1, len(order))


def next_unqualified(
    network: Network,
    order: Sequence[str],
    cursor: str | None,
    skipped: Collection[str] = (),
) -> str | None:
    """The next contact after the shown one that is not yet qualified, going round the walk.

    Contacts the participant skipped come after the others: they are offered again once the
    others are done. The shown contact is offered last; None when the whole walk is qualified.
    """
    here = current(order, cursor)
    if here is None:
        return None
    start = order.index(here)
    others = [order[(start + i) % len(order)] for i in range(1, len(order))]
    open_ids = [cid for cid in others if not network.get(cid).is_qualified]
    fresh = [cid for cid in open_ids if cid not in skipped]
    if fresh or open_ids:
        return (fresh or open_ids)[0]
    return None if network.get(here).is_qualified else here


def skip(
    network: Network, order: Sequence[str], cursor: str | None, skipped: Collection[str]
) -> tuple[str | None, frozenset[str]]:
    """Leaves the shown contact for later: the next open contact, and the new set of skipped."""
    here = current(order, cursor)
    now_skipped = frozenset(skipped) | ({here} if here else set())
    following = next_unqualified(network, order, here, now_skipped)
    if following is None:
        following = step(order, here, +1)
    return following, now_skipped


@dataclass(frozen=True)
class Tally:
    """How many contacts of a group are qualified."""

    qualified: int
    total: int

    @property
    def done(self) -> bool:
        return self.total > 0 and self.qualified == self.total

    @property
    def share(self) -> float:
        return self.qualified / self.total if self.total else 0.0


@dataclass(frozen=True)
class Progress:
    """Qualified N of M, overall, per circle, and how many contacts are not yet sorted.

    « Not sorted » is `Contact.is_sorted` false (no circle, or a circle but no role yet): the
    same contacts the sorting list offers, so the header and that list give one count.
    """

    overall: Tally
    by_circle: dict[Circle, Tally]
    unsorted: int


def progress(network: Network) -> Progress:
    by_circle = {}
    for circle in Circle:
        members = network.in_circle(circle)
        by_circle[circle] = Tally(sum(1 for c in members if c.is_qualified), len(members))
    overall = Tally(sum(1 for c in network if c.is_qualified), len(network))
    return Progress(overall, by_circle, sum(1 for c in network if not c.is_sorted))
