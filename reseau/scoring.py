"""From qualification to priorities: relationship strength, mission potential, quadrant and rank.

Every number here is shown to the participant (see `reseau.explain`) and every weight and
threshold can be changed by a trainer through `ScoringSettings`; nothing is hidden.

Both scores are weighted means of criteria brought to a 0-1 level, times 100. A criterion
that is not filled in is left out of the mean (its weight is not counted) rather than counted
as zero, and the criteria scoring cannot do without make the score None when missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from reseau.contact import Contact
from reseau.network import Network
from reseau.vocabulary import QUADRANT_PRIORITY, ContactResult, Quadrant, Reciprocity

STRENGTH_CRITERIA: tuple[str, ...] = ("frequency", "trust", "reciprocity", "recency", "result")
POTENTIAL_CRITERIA: tuple[str, ...] = ("added_value", "interest", "power")
STRENGTH_REQUIRED: tuple[str, ...] = ("frequency", "trust")

RECIPROCITY_LEVEL = MappingProxyType(
    {
        Reciprocity.BALANCED: 1.0,
        Reciprocity.I_GIVE: 0.5,
        Reciprocity.I_RECEIVE: 0.5,
        Reciprocity.NO_EXCHANGE: 0.0,
    }
)
RESULT_LEVEL = MappingProxyType(
    {
        ContactResult.POSITIVE: 1.0,
        ContactResult.NEUTRAL: 0.5,
        ContactResult.NO_FOLLOW_UP: 0.25,
        ContactResult.NEGATIVE: 0.0,
    }
)
# (at most this many days ago, level): a recent contact keeps a relationship warm.
RECENCY_BANDS: tuple[tuple[int, float], ...] = ((30, 1.0), (90, 0.75), (180, 0.5), (365, 0.25))


@dataclass(frozen=True)
class ScoringSettings:
    """The weights and thresholds a trainer may tune; the defaults are the method's."""

    strength_weights: dict[str, float] = field(
        default_factory=lambda: {
            "frequency": 30.0,
            "trust": 35.0,
            "reciprocity": 15.0,
            "recency": 10.0,
            "result": 10.0,
        }
    )
    potential_weights: dict[str, float] = field(
        default_factory=lambda: {"added_value": 40.0, "interest": 30.0, "power": 30.0}
    )
    strength_threshold: float = 50.0
    potential_threshold: float = 50.0
    cold_after_days: int = 365

    def __post_init__(self) -> None:
        for name, weights, expected in (
            ("strength_weights", self.strength_weights, STRENGTH_CRITERIA),
            ("potential_weights", self.potential_weights, POTENTIAL_CRITERIA),
        ):
            if set(weights) != set(expected):
                raise ValueError(f"{name} must weigh exactly {expected}")
            if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
                raise ValueError(f"{name} must be non-negative and not all zero")
        for threshold in (self.strength_threshold, self.potential_threshold):
            if not 0 <= threshold <= 100:
                raise ValueError("thresholds lie between 0 and 100")


DEFAULT_SETTINGS = ScoringSettings()


def _scale_level(value: int) -> float:
    return (value - 1) / 4


def recency_level(last_contact: date, today: date) -> float:
    days = (today - last_contact).days
    for limit, level in RECENCY_BANDS:
        if days <= limit:
            return level
    return 0.0


def strength_levels(contact: Contact, today: date) -> dict[str, float | None]:
    """Each strength criterion brought to 0-1, or None where it is not filled in."""
    return {
        "frequency": None if contact.frequency is None else _scale_level(contact.frequency),
        "trust": None if contact.trust is None else _scale_level(contact.trust),
        "reciprocity": None
        if contact.reciprocity is None
        else RECIPROCITY_LEVEL[contact.reciprocity],
        "recency": None
        if contact.last_contact_date is None
        else recency_level(contact.last_contact_date, today),
        "result": None
        if contact.last_contact_result is None
        else RESULT_LEVEL[contact.last_contact_result],
    }


def potential_levels(contact: Contact) -> dict[str, float | None]:
    return {
        name: None if getattr(contact, name) is None else _scale_level(getattr(contact, name))
        for name in POTENTIAL_CRITERIA
    }


def _weighted_mean(levels: dict[str, float | None], weights: dict[str, float]) -> float | None:
    present = {name: level for name, level in levels.items() if level is not None}
    total_weight = sum(weights[name] for name in present)
    if total_weight <= 0:
        return None
    return 100 * sum(weights[name] * level for name, level in present.items()) / total_weight


def strength(contact: Contact, settings: ScoringSettings, today: date) -> float | None:
    """Force de la relation, 0-100; None until frequency and trust are known."""
    levels = strength_levels(contact, today)
    if any(levels[name] is None for name in STRENGTH_REQUIRED):
        return None
    return _weighted_mean(levels, settings.strength_weights)


def potential(contact: Contact, settings: ScoringSettings) -> float | None:
    """Potentiel pour la mission, 0-100; None until added value, interest and power are known."""
    levels = potential_levels(contact)
    if any(level is None for level in levels.values()):
        return None
    return _weighted_mean(levels, settings.potential_weights)


def quadrant_for(
    strength_score: float, potential_score: float, settings: ScoringSettings
) -> Quadrant:
    high_potential = potential_score >= settings.potential_threshold
    strong = strength_score >= settings.strength_threshold
    if high_potential:
        return Quadrant.MOBILISE if strong else Quadrant.DEVELOP
    return Quadrant.MAINTAIN if strong else Quadrant.WATCH


@dataclass(frozen=True)
class Score:
    """What scoring says of one contact; rank 1 is the first person to act on."""

    contact_id: str
    strength: float | None
    potential: float | None
    quadrant: Quadrant | None
    rank: int | None


def _priority_key(contact: Contact, strength_score: float, potential_score: float, quad: Quadrant):
    # Within Développer and Veiller the weaker tie is more urgent to invest in; within Mobiliser
    # and Entretenir the stronger tie is the one most ready to be asked. Name then id make the
    # order total and independent of the order contacts were entered in.
    weaker_first = quad in (Quadrant.DEVELOP, Quadrant.WATCH)
    return (
        QUADRANT_PRIORITY.index(quad),
        -round(potential_score, 9),
        round(strength_score if weaker_first else -strength_score, 9),
        contact.display_name.casefold(),
        contact.id,
    )


def score_network(
    network: Network, settings: ScoringSettings = DEFAULT_SETTINGS, today: date | None = None
) -> dict[str, Score]:
    """Scores every contact; those that can be scored get a rank, the others None."""
    today = today or date.today()
    raw: dict[str, tuple[float | None, float | None, Quadrant | None]] = {}
    ranked: list[tuple[tuple, str]] = []
    for contact in network:
        s = strength(contact, settings, today)
        p = potential(contact, settings)
        quad = quadrant_for(s, p, settings) if s is not None and p is not None else None
        raw[contact.id] = (s, p, quad)
        if s is not None and p is not None and quad is not None and contact.is_sorted:
            ranked.append((_priority_key(contact, s, p, quad), contact.id))
    ranks = {cid: i for i, (_, cid) in enumerate(sorted(ranked), start=1)}
    return {cid: Score(cid, s, p, q, ranks.get(cid)) for cid, (s, p, q) in raw.items()}


def in_priority_order(network: Network, scores: dict[str, Score]) -> list[Contact]:
    """Ranked contacts first (rank 1 first), then the others in the order they were entered."""
    big = len(network) + 1
    order = {cid: (score.rank or big) for cid, score in scores.items()}
    return sorted(network, key=lambda c: order.get(c.id, big))
