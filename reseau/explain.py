"""Every score in plain words: the formula with its weights and each criterion's level, why a
contact sits in its quadrant, why it has its rank, and the whole method as text.

The numbers come from `reseau.scoring` itself (the same levels, weights and thresholds), so an
explanation cannot drift from the score it explains. `method_description` is what the app's
settings panel and the Excel « Méthode » sheet show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from reseau import diagnosis, network_shape
from reseau.contact import SCALE_FIELDS, Contact
from reseau.i18n import Lang, day, label, number, t
from reseau.network import Network
from reseau.scoring import (
    POTENTIAL_CRITERIA,
    RECENCY_BANDS,
    RECIPROCITY_LEVEL,
    RESULT_LEVEL,
    STRENGTH_CRITERIA,
    STRENGTH_REQUIRED,
    Score,
    ScoringSettings,
    potential,
    potential_levels,
    strength,
    strength_levels,
)
from reseau.vocabulary import QUADRANT_PRIORITY, Quadrant


def percent(level: float, lang: Lang | str) -> str:
    return t("explain.percent", lang, value=number(100 * level, lang))


@dataclass(frozen=True)
class Term:
    """One criterion's part in a score: its weight, its 0-1 level, and what was recorded."""

    criterion: str
    weight: float
    level: float | None
    recorded: str  # what the participant recorded, in words; empty when nothing was

    @property
    def counted(self) -> bool:
        return self.level is not None and self.weight > 0


def criterion_name(criterion: str, lang: Lang | str) -> str:
    """The name of a criterion of a score (the recency and result of the last contact too)."""
    return t(f"explain.criterion.{criterion}", lang)


def _recorded(contact: Contact, criterion: str, lang: Lang | str, today: date) -> str:
    if criterion in SCALE_FIELDS:
        value = getattr(contact, criterion)
        if value is None:
            return ""
        anchor = t(SCALE_FIELDS[criterion].anchor_key(value), lang)
        return t("explain.scale_value", lang, value=value, anchor=anchor)
    if criterion == "reciprocity":
        return "" if contact.reciprocity is None else label(contact.reciprocity, lang)
    if criterion == "result":
        result = contact.last_contact_result
        return "" if result is None else label(result, lang)
    if criterion == "recency":
        last = contact.last_contact_date
        if last is None:
            return ""
        return t("explain.recency_value", lang, date=day(last, lang), days=(today - last).days)
    raise ValueError(criterion)


def strength_terms(
    contact: Contact, settings: ScoringSettings, today: date, lang: Lang | str = Lang.FR
) -> list[Term]:
    """The strength criteria of a contact with their weights and levels, in the method's order."""
    levels = strength_levels(contact, today)
    return [
        Term(
            name,
            settings.strength_weights[name],
            levels[name],
            _recorded(contact, name, lang, today),
        )
        for name in STRENGTH_CRITERIA
    ]


def potential_terms(
    contact: Contact, settings: ScoringSettings, lang: Lang | str = Lang.FR
) -> list[Term]:
    """The potential criteria of a contact with their weights and levels."""
    levels = potential_levels(contact)
    return [
        Term(
            name,
            settings.potential_weights[name],
            levels[name],
            _recorded(contact, name, lang, date.today()),
        )
        for name in POTENTIAL_CRITERIA
    ]


def _term_line(term: Term, lang: Lang | str) -> str:
    name = criterion_name(term.criterion, lang)
    if term.level is None:
        return t("explain.term.missing", lang, criterion=name)
    return t(
        "explain.term",
        lang,
        criterion=name,
        recorded=term.recorded,
        level=percent(term.level, lang),
        weight=number(term.weight, lang, 1),
    )


def _formula(title: str, terms: list[Term], score: float, lang: Lang | str) -> str:
    counted = [term for term in terms if term.level is not None]
    products = " + ".join(
        f"{number(term.weight, lang, 1)} × {number(term.level or 0, lang, 2)}" for term in counted
    )
    weights = " + ".join(number(term.weight, lang, 1) for term in counted)
    return t(
        "explain.formula",
        lang,
        score_name=title,
        products=products,
        weights=weights,
        score=number(score, lang),
    )


def explain_strength(
    contact: Contact, settings: ScoringSettings, today: date, lang: Lang | str
) -> list[str]:
    """Force de la relation, criterion by criterion, then the formula with the numbers."""
    title = t("field.strength", lang)
    terms = strength_terms(contact, settings, today, lang)
    lines = [_term_line(term, lang) for term in terms]
    score = strength(contact, settings, today)
    if score is None:
        missing = [
            criterion_name(c, lang) for c in STRENGTH_REQUIRED if getattr(contact, c) is None
        ]
        lines.append(t("explain.cannot_score", lang, score_name=title, missing=", ".join(missing)))
    else:
        lines.append(_formula(title, terms, score, lang))
    return lines


def explain_potential(contact: Contact, settings: ScoringSettings, lang: Lang | str) -> list[str]:
    """Potentiel pour la mission, criterion by criterion, then the formula with the numbers."""
    title = t("field.potential", lang)
    terms = potential_terms(contact, settings, lang)
    lines = [_term_line(term, lang) for term in terms]
    score = potential(contact, settings)
    if score is None:
        missing = [
            criterion_name(c, lang) for c in POTENTIAL_CRITERIA if getattr(contact, c) is None
        ]
        lines.append(t("explain.cannot_score", lang, score_name=title, missing=", ".join(missing)))
    else:
        lines.append(_formula(title, terms, score, lang))
    return lines


def explain_quadrant(score: Score, settings: ScoringSettings, lang: Lang | str) -> str:
    """Why the two scores put the contact in its quadrant, with both thresholds."""
    if score.quadrant is None or score.strength is None or score.potential is None:
        return t("explain.quadrant.none", lang)
    high = score.potential >= settings.potential_threshold
    strong = score.strength >= settings.strength_threshold
    return t(
        "explain.quadrant",
        lang,
        potential=number(score.potential, lang),
        potential_cmp="≥" if high else "<",
        potential_threshold=number(settings.potential_threshold, lang, 1),
        potential_word=t("explain.potential.high" if high else "explain.potential.low", lang),
        strength=number(score.strength, lang),
        strength_cmp="≥" if strong else "<",
        strength_threshold=number(settings.strength_threshold, lang, 1),
        strength_word=t("explain.strength.strong" if strong else "explain.strength.weak", lang),
        quadrant=label(score.quadrant, lang),
        meaning=t(score.quadrant.help_key, lang),
    )


def _ordinal(position: int, lang: Lang | str) -> str:
    return t("explain.first" if position == 1 else "explain.nth", lang, n=position)


def _within_rule(quadrant: Quadrant, lang: Lang | str) -> str:
    weaker_first = quadrant in (Quadrant.DEVELOP, Quadrant.WATCH)
    key = (
        "explain.rank.within.weaker_first" if weaker_first else "explain.rank.within.stronger_first"
    )
    return t(key, lang, quadrant=label(quadrant, lang))


def _neighbour(
    contact: Contact, score: Score, lang: Lang | str, escape: Callable[[str], str] | None
) -> str:
    return t(
        "explain.rank.neighbour_scores",
        lang,
        name=contact.display_name if escape is None else escape(contact.display_name),
        quadrant=label(score.quadrant, lang),
        potential=number(score.potential or 0, lang),
        strength=number(score.strength or 0, lang),
    )


def explain_rank(
    contact: Contact,
    network: Network,
    scores: Mapping[str, Score],
    lang: Lang | str,
    escape: Callable[[str], str] | None = None,
) -> list[str]:
    """Why this contact has its priority: quadrant order, the rule inside it, its neighbours.

    `escape`, when given, is applied to the neighbours' names (text people typed).
    """
    score = scores.get(contact.id)
    if score is None or score.rank is None:
        if not contact.is_sorted:
            return [t("explain.rank.none.not_sorted", lang)]
        missing = ", ".join(t(f"field.{name}", lang) for name in contact.missing_for_qualification)
        return [t("explain.rank.none.missing", lang, missing=missing)]
    ranked = sorted((s for s in scores.values() if s.rank is not None), key=lambda s: s.rank or 0)
    assert score.quadrant is not None
    same = [s for s in ranked if s.quadrant is score.quadrant]
    lines = [
        t("explain.rank.position", lang, rank=score.rank, total=len(ranked)),
        t(
            "explain.rank.quadrant_order",
            lang,
            order=" → ".join(label(q, lang) for q in QUADRANT_PRIORITY),
            quadrant=label(score.quadrant, lang),
            position=QUADRANT_PRIORITY.index(score.quadrant) + 1,
        ),
        _within_rule(score.quadrant, lang),
        t(
            "explain.rank.in_quadrant",
            lang,
            position=_ordinal(same.index(score) + 1, lang),
            count=len(same),
            quadrant=label(score.quadrant, lang),
        ),
    ]
    index = ranked.index(score)
    if index > 0:
        before = ranked[index - 1]
        lines.append(
            t(
                "explain.rank.after",
                lang,
                who=_neighbour(network.get(before.contact_id), before, lang, escape),
            )
        )
    if index + 1 < len(ranked):
        after = ranked[index + 1]
        lines.append(
            t(
                "explain.rank.before",
                lang,
                who=_neighbour(network.get(after.contact_id), after, lang, escape),
            )
        )
    return lines


@dataclass(frozen=True)
class MethodSection:
    """One part of the method as text: a title and its lines, ready for a screen or a sheet."""

    title: str
    lines: tuple[str, ...]


def _weights_line(weights: Mapping[str, float], lang: Lang | str) -> str:
    total = sum(weights.values())
    parts = [
        t(
            "explain.method.weight",
            lang,
            criterion=criterion_name(name, lang),
            weight=number(weight, lang, 1),
            share=number(100 * weight / total, lang),
        )
        for name, weight in weights.items()
    ]
    return t("explain.method.weights", lang, weights=t("explain.separator", lang).join(parts))


def method_description(settings: ScoringSettings, lang: Lang | str) -> list[MethodSection]:
    """The whole method's formulas, weights and thresholds in plain words, section by section."""
    scale = t("explain.method.scale_level", lang)
    reciprocity = ", ".join(
        f"{label(item, lang)} {percent(level, lang)}" for item, level in RECIPROCITY_LEVEL.items()
    )
    result = ", ".join(
        f"{label(item, lang)} {percent(level, lang)}" for item, level in RESULT_LEVEL.items()
    )
    bands = ", ".join(
        t("explain.method.band", lang, days=days, level=percent(level, lang))
        for days, level in RECENCY_BANDS
    )
    quadrant_lines = tuple(
        t(
            "explain.method.quadrant",
            lang,
            quadrant=label(q, lang),
            meaning=t(q.help_key, lang),
        )
        for q in QUADRANT_PRIORITY
    )
    return [
        MethodSection(
            t("field.strength", lang),
            (
                t("explain.method.strength", lang),
                _weights_line(settings.strength_weights, lang),
                scale,
                t("explain.method.reciprocity_levels", lang, levels=reciprocity),
                t("explain.method.recency_levels", lang, bands=bands),
                t("explain.method.result_levels", lang, levels=result),
                t("explain.method.strength_required", lang),
            ),
        ),
        MethodSection(
            t("field.potential", lang),
            (
                t("explain.method.potential", lang),
                _weights_line(settings.potential_weights, lang),
                scale,
                t("explain.method.potential_required", lang),
            ),
        ),
        MethodSection(
            t("explain.method.quadrants.title", lang),
            (
                t(
                    "explain.method.thresholds",
                    lang,
                    potential=number(settings.potential_threshold, lang, 1),
                    strength=number(settings.strength_threshold, lang, 1),
                ),
                *quadrant_lines,
            ),
        ),
        MethodSection(
            t("explain.method.rank.title", lang),
            (
                t(
                    "explain.method.rank",
                    lang,
                    order=" → ".join(label(q, lang) for q in QUADRANT_PRIORITY),
                ),
                _within_rule(Quadrant.DEVELOP, lang),
                _within_rule(Quadrant.MOBILISE, lang),
                t("explain.method.rank.ties", lang),
            ),
        ),
        MethodSection(
            t("diagnosis.title", lang),
            (
                t("explain.method.cold", lang, days=settings.cold_after_days),
                t(
                    "explain.method.thin",
                    lang,
                    share=number(100 * diagnosis.THIN_RATIO, lang),
                    minimum=number(diagnosis.THIN_MIN_OTHERS, lang),
                ),
                t(
                    "explain.method.one_way",
                    lang,
                    share=number(100 * diagnosis.ONE_WAY_WARNING_SHARE, lang),
                ),
                t(
                    "explain.method.marks",
                    lang,
                    average=number(diagnosis.WEAK_MARKS_AVERAGE, lang, 1),
                ),
            ),
        ),
        _shape_section(lang),
    ]


def _shape_section(lang: Lang | str) -> MethodSection:
    """Who knows whom: the network's shape measures and the thresholds of their sentences."""
    return MethodSection(
        t("shape.method.title", lang),
        (
            t("shape.method.answered", lang, enough=network_shape.ENOUGH_PAIRS),
            t("shape.method.density", lang),
            t("shape.method.effective_size", lang),
            t(
                "shape.method.closed_group",
                lang,
                size=network_shape.CLOSED_GROUP_MIN,
            ),
            t("shape.method.bridge", lang),
            t("shape.method.introduce", lang),
            t(
                "shape.method.self_introduced",
                lang,
                share=number(100 * network_shape.SELF_INTRODUCED_WARNING, lang),
                least=diagnosis.ENOUGH_INTRODUCTIONS,
            ),
            t(
                "shape.method.diversity",
                lang,
                share=number(100 * diagnosis.DIVERSITY_LARGEST_SHARE, lang),
                least=diagnosis.DIVERSITY_MIN_COUNTED,
            ),
        ),
    )
