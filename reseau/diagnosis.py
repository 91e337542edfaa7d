"""The diagnosis of a network: what the method would point out to a participant, in sentences.

`diagnose` looks at the whole network and returns findings, most important first: roles with
nobody in them (« Aucun sponsor identifié pour l'instant »), a circle much thinner than the
others, contacts not yet sorted or qualified, relationships gone cold, one-way relationships,
priority contacts without a first action, circles whose five marks are weak and, once enough
pairs of contacts are answered, the network's shape (`reseau.network_shape`: contacts who all
know each other, effective size, bridges, pairs to introduce, the self-introduced share,
diversity), each with its formula (`Finding.formula`). Each finding keeps
the method's codes in its params and is worded only when asked, in the language asked, so the
app, the Excel export and a test all read the same facts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from reseau import network_shape as shape_of
from reseau.acquaintances import NO_LINKS, WhoKnowsWhom
from reseau.contact import Contact
from reseau.i18n import Lang, has_text, number, t
from reseau.network import Network
from reseau.network_shape import NetworkShape
from reseau.scoring import Score, ScoringSettings
from reseau.vocabulary import FIVE_MARKS, Circle, Quadrant, Reciprocity, Role, roles_of

# A circle is "much thinner" when it holds at most this share of the average of the other two,
# and those two are big enough (on average) for the comparison to mean something.
THIN_RATIO = 0.5
THIN_MIN_OTHERS = 4.0
# A share of one-way relationships from which the pattern is worth a warning, not a note.
ONE_WAY_WARNING_SHARE = 0.4
# The five marks: a circle whose average is at most this, or with a mark at 1, works poorly.
WEAK_MARKS_AVERAGE = 2.5
# How many names a sentence lists before it says "and N others".
NAMES_SHOWN = 5
# Roles whose absence the method treats as the most serious gaps.
KEY_ROLES: frozenset[Role] = frozenset({Role.SPONSOR, Role.LENDING_MANAGER})
# The network's shape: an efficiency (effective size ÷ contacts) under this is worth a warning.
LOW_EFFICIENCY = 0.5
# The self-introduced share is worded from this many answered introductions.
ENOUGH_INTRODUCTIONS = 5
# Diversity: from this many contacts with the trait filled in, a largest group holding at least
# this share of them is worth pointing out.
DIVERSITY_MIN_COUNTED = 5
DIVERSITY_LARGEST_SHARE = 0.6
# How many bridges and pairs to introduce the diagnosis names.
BRIDGES_SHOWN = 3


class Severity(StrEnum):
    """How much a finding matters; findings are listed from HIGH to INFO."""

    HIGH = "high"
    MEDIUM = "medium"
    INFO = "info"

    @property
    def label_key(self) -> str:
        return f"diagnosis.severity.{self.value}"

    @property
    def order(self) -> int:
        return list(Severity).index(self)


# The order findings of the same severity are listed in: the method's order of work.
CODES: tuple[str, ...] = (
    "network_empty",
    "circle_empty",
    "role_empty",
    "circle_thin",
    "not_sorted",
    "not_qualified",
    "cold",
    "one_way_give",
    "one_way_receive",
    "no_exchange",
    "no_action",
    "weak_marks",
    "shape.too_few",
    "shape.closed_group",
    "shape.effective_size",
    "shape.self_introduced_high",
    "shape.self_introduced_low",
    "shape.bridge",
    "shape.introduce",
    "shape.diversity",
)


@dataclass(frozen=True)
class Finding:
    """One thing the diagnosis points out; `message(lang)` says it as a sentence.

    `params` hold the method's values (a Circle, a Role, counts, names); `contact_ids` name the
    contacts concerned, so a screen can offer to open them.
    """

    code: str
    severity: Severity
    params: Mapping[str, Any] = field(default_factory=dict)
    contact_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        object.__setattr__(self, "contact_ids", tuple(self.contact_ids))

    def __hash__(self) -> int:
        return hash((self.code, self.severity, tuple(sorted(self.params)), self.contact_ids))

    @property
    def base_key(self) -> str:
        """The code's catalogue key: the network's shape has its own `shape.` keys."""
        return self.code if self.code.startswith("shape.") else f"diagnosis.{self.code}"

    @property
    def key(self) -> str:
        """The catalogue key of the sentence (a role-specific one where the catalogue has it)."""
        role = self.params.get("role")
        if role is not None and has_text(f"{self.base_key}.{role.value}"):
            return f"{self.base_key}.{role.value}"
        trait = self.params.get("trait")
        if isinstance(trait, str) and has_text(f"{self.base_key}.{trait}"):
            return f"{self.base_key}.{trait}"
        return self.base_key

    def message(self, lang: Lang | str, escape: Callable[[str], str] | None = None) -> str:
        """The finding as one sentence in `lang` (« Aucun sponsor identifié pour l'instant. »).

        `escape`, when given, is applied to what people typed (the names), so a screen can keep
        a contact called `**Bold**` from turning bold; the Excel export keeps the raw text.
        """
        key = self.key
        count = self.params.get("count")
        if count == 1 and has_text(f"{key}.one"):
            key = f"{key}.one"
        return t(key, lang, **_worded(self.params, Lang.parse(lang), escape or _as_is))

    def advice(self, lang: Lang | str) -> str:
        """What to do about it, as one sentence in `lang`."""
        return t(f"{self.base_key}.advice", lang)

    def formula(self, lang: Lang | str) -> str:
        """How the figure was computed, numbers filled in; empty when the finding has none."""
        key = f"{self.base_key}.formula"
        if not has_text(key):
            return ""
        return t(key, lang, **_worded(self.params, Lang.parse(lang), _as_is, digits=2))


def _as_is(text: str) -> str:
    return text


def _names(names: Sequence[str], lang: Lang, escape: Callable[[str], str]) -> str:
    shown = ", ".join(escape(name) for name in names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return t("diagnosis.names_more", lang, names=shown, more=more) if more > 0 else shown


def _groups(groups: Sequence[Sequence[str]], lang: Lang, escape: Callable[[str], str]) -> str:
    worded = [t("shape.group", lang, names=_names(group, lang, escape)) for group in groups]
    if len(worded) < 2:
        return "".join(worded)
    return t("shape.and", lang, first=", ".join(worded[:-1]), last=worded[-1])


def _pairs(pairs: Sequence[tuple[str, str]], lang: Lang, escape: Callable[[str], str]) -> str:
    worded = [t("shape.pair", lang, first=escape(a), second=escape(b)) for a, b in pairs]
    return t("shape.pairs_sep", lang).join(worded)


def _worded(
    params: Mapping[str, Any], lang: Lang, escape: Callable[[str], str], digits: int = 1
) -> dict[str, Any]:
    worded: dict[str, Any] = {}
    for name, value in params.items():
        if hasattr(value, "label_key"):
            worded[name] = t(value.label_key, lang)
        elif name in ("name", "largest"):
            worded[name] = escape(value)  # typed by the participant: a name, an organisation
        elif name == "names":
            worded[name] = _names(value, lang, escape)
        elif name == "groups":
            worded[name] = _groups(value, lang, escape)
        elif name == "pairs":
            worded[name] = _pairs(value, lang, escape)
        elif name == "trait":
            worded[name] = t(f"shape.trait.{value}", lang)
        elif name == "marks":
            worded[name] = ", ".join(t(f"mark.{mark}", lang) for mark in value)
        elif isinstance(value, float):
            worded[name] = number(value, lang, digits, keep_zeros=True)
        elif isinstance(value, int):
            worded[name] = value  # kept a number: the catalogue words it and chooses its plural
        else:
            worded[name] = str(value)
    return worded


def _names_and_ids(contacts: Sequence[Contact]) -> dict[str, Any]:
    return {"count": len(contacts), "names": tuple(c.display_name for c in contacts)}


def _circle_findings(network: Network) -> list[Finding]:
    counts = {circle: len(network.in_circle(circle)) for circle in Circle}
    findings: list[Finding] = []
    if not any(counts.values()):
        return findings
    for circle, count in counts.items():
        if count == 0:
            findings.append(Finding("circle_empty", Severity.HIGH, {"circle": circle}))
            continue
        others = [n for c, n in counts.items() if c is not circle]
        average = sum(others) / len(others)
        if average >= THIN_MIN_OTHERS and count <= THIN_RATIO * average:
            findings.append(
                Finding(
                    "circle_thin",
                    Severity.MEDIUM,
                    {"circle": circle, "count": count, "others": round(average, 1)},
                    tuple(c.id for c in network.in_circle(circle)),
                )
            )
    return findings


def _role_findings(network: Network) -> list[Finding]:
    filled = {contact.role for contact in network if contact.role is not None}
    findings = []
    for circle in Circle:
        empty_circle = not network.in_circle(circle)
        for role in roles_of(circle, with_other=False):
            # An empty circle is one finding already; only its key roles are worth repeating.
            if role not in filled and (role in KEY_ROLES or not empty_circle):
                severity = Severity.HIGH if role in KEY_ROLES else Severity.MEDIUM
                findings.append(Finding("role_empty", severity, {"role": role, "circle": circle}))
    return findings


def _progress_findings(network: Network) -> list[Finding]:
    findings = []
    not_sorted = [c for c in network if not c.is_sorted]
    if not_sorted:
        findings.append(
            Finding(
                "not_sorted",
                Severity.MEDIUM,
                _names_and_ids(not_sorted),
                tuple(c.id for c in not_sorted),
            )
        )
    not_qualified = [c for c in network if c.is_sorted and not c.is_qualified]
    if not_qualified:
        findings.append(
            Finding(
                "not_qualified",
                Severity.MEDIUM,
                _names_and_ids(not_qualified),
                tuple(c.id for c in not_qualified),
            )
        )
    return findings


def _is_cold(contact: Contact, settings: ScoringSettings, today: date) -> bool:
    last = contact.last_contact_date
    return last is not None and (today - last).days > settings.cold_after_days


def _high_potential(score: Score | None) -> bool:
    return score is not None and score.quadrant in (Quadrant.DEVELOP, Quadrant.MOBILISE)


def _cold_findings(
    network: Network, scores: Mapping[str, Score], settings: ScoringSettings, today: date
) -> list[Finding]:
    cold = [c for c in network if _is_cold(c, settings, today)]
    if not cold:
        return []
    # Cold ties with high potential are the ones the mission is about to need.
    cold.sort(key=lambda c: (not _high_potential(scores.get(c.id)), c.last_contact_date))
    severity = Severity.HIGH if _high_potential(scores.get(cold[0].id)) else Severity.MEDIUM
    params = {**_names_and_ids(cold), "days": settings.cold_after_days}
    return [Finding("cold", severity, params, tuple(c.id for c in cold))]


_ONE_WAY_CODES = {
    Reciprocity.I_GIVE: "one_way_give",
    Reciprocity.I_RECEIVE: "one_way_receive",
    Reciprocity.NO_EXCHANGE: "no_exchange",
}


def _reciprocity_findings(network: Network) -> list[Finding]:
    known = [c for c in network if c.reciprocity is not None]
    findings = []
    for pattern, code in _ONE_WAY_CODES.items():
        concerned = [c for c in known if c.reciprocity is pattern]
        if not concerned:
            continue
        share = len(concerned) / len(known)
        severity = Severity.MEDIUM if share >= ONE_WAY_WARNING_SHARE else Severity.INFO
        params = {**_names_and_ids(concerned), "share": round(100 * share)}
        findings.append(Finding(code, severity, params, tuple(c.id for c in concerned)))
    return findings


def _action_findings(network: Network, scores: Mapping[str, Score]) -> list[Finding]:
    waiting = [c for c in network if _high_potential(scores.get(c.id)) and not c.has_action]
    waiting.sort(key=lambda c: scores[c.id].rank or len(network) + 1)
    if not waiting:
        return []
    return [
        Finding("no_action", Severity.MEDIUM, _names_and_ids(waiting), tuple(c.id for c in waiting))
    ]


def _marks_findings(network: Network) -> list[Finding]:
    findings = []
    for circle in Circle:
        marks = network.marks.get(circle)
        if not marks:
            continue
        average = sum(marks.values()) / len(marks)
        weak = tuple(mark for mark in FIVE_MARKS if marks.get(mark, 5) <= 2)
        if average <= WEAK_MARKS_AVERAGE or any(v == 1 for v in marks.values()):
            params = {"circle": circle, "average": round(average, 1), "marks": weak}
            findings.append(Finding("weak_marks", Severity.MEDIUM, params))
    return findings


def _percent(share: float) -> int:
    return round(100 * share)


def _plain(value: float) -> float | int:
    """A setting as a trainer typed it: 50, not « 50,00 »."""
    return int(value) if float(value).is_integer() else float(value)


def _closed_group_findings(network: Network, shape: NetworkShape) -> list[Finding]:
    findings = []
    for circle, members in shape.closed_groups.items():
        total = shape.circle_sizes[circle]
        if 2 * len(members) < total:
            continue  # a small corner of a big circle: the circle still hears other news
        density = shape.density_by_circle[circle]
        params = {
            "count": len(members),
            "total": total,
            "circle": circle,
            "names": tuple(network.get(cid).display_name for cid in members),
            "known": density.known,
            "answered": density.answered,
            "density": _percent(density.value or 0),
        }
        findings.append(Finding("shape.closed_group", Severity.MEDIUM, params, members))
    return findings


def _effective_size_finding(shape: NetworkShape) -> Finding:
    efficiency = shape.efficiency or 0
    params = {
        "alters": len(shape.alters),
        "ties": shape.ties,
        "effective": float(shape.effective_size or 0),
        "efficiency": _percent(efficiency),
        "constraint": float(shape.constraint or 0),
        "answered": shape.answered_pairs,
        "possible": shape.possible_pairs,
    }
    severity = Severity.MEDIUM if efficiency < LOW_EFFICIENCY else Severity.INFO
    return Finding("shape.effective_size", severity, params)


def _bridge_findings(network: Network, shape: NetworkShape) -> list[Finding]:
    findings = []
    for bridge in shape.bridges[:BRIDGES_SHOWN]:
        groups = tuple(
            tuple(network.get(cid).display_name for cid in group) for group in bridge.groups
        )
        params = {
            "name": network.get(bridge.contact_id).display_name,
            "groups": groups,
            "count": len(groups),
        }
        findings.append(Finding("shape.bridge", Severity.INFO, params, (bridge.contact_id,)))
    return findings


def _introduce_finding(
    network: Network, shape: NetworkShape, settings: ScoringSettings
) -> list[Finding]:
    if not shape.to_introduce:
        return []
    shown = shape.to_introduce[:NAMES_SHOWN]
    pairs = tuple(
        (network.get(p.first).display_name, network.get(p.second).display_name) for p in shown
    )
    ids = tuple(dict.fromkeys(cid for p in shown for cid in (p.first, p.second)))
    params = {
        "count": len(shape.to_introduce),
        "pairs": pairs,
        "threshold": _plain(settings.potential_threshold),
    }
    return [Finding("shape.introduce", Severity.INFO, params, ids)]


def _self_introduced_finding(shape: NetworkShape) -> list[Finding]:
    introduced = shape.self_introduced
    if introduced.whole < ENOUGH_INTRODUCTIONS:
        return []
    high = (introduced.value or 0) > shape_of.SELF_INTRODUCED_WARNING
    params = {
        "part": introduced.part,
        "whole": introduced.whole,
        "share": _percent(introduced.value or 0),
        "warning": _percent(shape_of.SELF_INTRODUCED_WARNING),
    }
    code = "shape.self_introduced_high" if high else "shape.self_introduced_low"
    return [Finding(code, Severity.MEDIUM if high else Severity.INFO, params)]


def _diversity_findings(shape: NetworkShape) -> list[Finding]:
    findings = []
    for trait in ("company", "function"):
        spread = shape.diversity.get(trait)
        if spread is None or spread.counted < DIVERSITY_MIN_COUNTED:
            continue
        share = spread.largest_share or 0
        if share < DIVERSITY_LARGEST_SHARE:
            continue
        params = {
            "trait": trait,
            "largest": spread.largest,
            "count": spread.largest_count,
            "counted": spread.counted,
            "share": _percent(share),
            "distinct": spread.groups,
            "iqv": float(spread.iqv or 0),
        }
        findings.append(Finding("shape.diversity", Severity.INFO, params))
    return findings


def shape_findings(
    network: Network,
    links: WhoKnowsWhom,
    scores: Mapping[str, Score],
    settings: ScoringSettings,
) -> list[Finding]:
    """What the network's shape says, once enough is answered; nothing when nothing is."""
    shape = shape_of.network_shape(network, links, scores)
    if shape.is_empty:
        return []
    findings = _self_introduced_finding(shape)
    if not shape.has_pairs:
        return findings
    if not shape.enough_pairs:
        params = {"answered": shape.answered_pairs, "enough": shape_of.ENOUGH_PAIRS}
        return [*findings, Finding("shape.too_few", Severity.INFO, params)]
    return [
        *_closed_group_findings(network, shape),
        _effective_size_finding(shape),
        *findings,
        *_bridge_findings(network, shape),
        *_introduce_finding(network, shape, settings),
        *_diversity_findings(shape),
    ]


def diagnose(
    network: Network,
    scores: Mapping[str, Score],
    settings: ScoringSettings,
    today: date,
    links: WhoKnowsWhom = NO_LINKS,
) -> list[Finding]:
    """Everything worth pointing out about this network, most important first."""
    if not len(network):
        return [Finding("network_empty", Severity.HIGH)]
    # Until something is sorted, every circle and role is empty: "not sorted" says it once.
    anything_sorted = any(contact.circle is not None for contact in network)
    findings = [
        *(_circle_findings(network) if anything_sorted else ()),
        *(_role_findings(network) if anything_sorted else ()),
        *_progress_findings(network),
        *_cold_findings(network, scores, settings, today),
        *_reciprocity_findings(network),
        *_action_findings(network, scores),
        *_marks_findings(network),
        *shape_findings(network, links, scores, settings),
    ]
    # Stable sort: within one code the findings keep the method's order of circles and roles.
    findings.sort(key=lambda f: (f.severity.order, CODES.index(f.code)))
    return findings
