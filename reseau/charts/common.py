"""What every chart needs: the filtered contacts, the reasons a chart cannot be drawn, hovers.

A chart function returns either a plotly figure or a `ChartUnavailable` whose catalogue key the
page turns into a helpful sentence; remarks about what a drawn chart leaves out are
`ChartNotice`s. Neither is ever an empty axis or an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reseau import plan
from reseau.charts.filters import NO_FILTER, ChartFilter
from reseau.charts.style import bold, escape, hover_lines
from reseau.contact import SCALE_FIELDS, Contact
from reseau.i18n import Lang, label, number, t
from reseau.network import Network
from reseau.scoring import Score
from reseau.vocabulary import QUADRANT_PRIORITY, Circle, Quadrant

# Above this many contacts the circle charts draw roles (with counts), not people: 500 labels
# would be unreadable and slow. Up to LABEL_LIMIT contacts every name is written on the map.
DETAIL_LIMIT = 150
LABEL_LIMIT = 60


@dataclass(frozen=True)
class ChartMessage:
    """A sentence from the catalogue; vocabulary items among the params are translated."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        values = {
            name: label(value, lang) if hasattr(value, "label_key") else value
            for name, value in self.params.items()
        }
        return t(self.key, lang, **values)


class ChartUnavailable(ChartMessage):
    """Why a chart is not drawn; the page shows this sentence in its place."""


class ChartNotice(ChartMessage):
    """A remark about a drawn chart, such as contacts it cannot place yet."""


@dataclass(frozen=True)
class ChartData:
    """The network as the charts see it: the contacts the filter keeps, with their scores."""

    network: Network
    scores: Mapping[str, Score]
    lang: Lang
    chart_filter: ChartFilter
    contacts: tuple[Contact, ...]

    @classmethod
    def of(
        cls,
        network: Network,
        scores: Mapping[str, Score],
        lang: Lang,
        chart_filter: ChartFilter = NO_FILTER,
    ) -> ChartData:
        return cls(network, scores, lang, chart_filter, chart_filter.apply(network, scores))

    def score(self, contact: Contact) -> Score | None:
        return self.scores.get(contact.id)

    def quadrant(self, contact: Contact) -> Quadrant | None:
        score = self.score(contact)
        return None if score is None else score.quadrant

    @property
    def placed(self) -> tuple[Contact, ...]:
        """Contacts placed in a circle (a role may still be missing)."""
        return tuple(c for c in self.contacts if c.circle is not None)

    def position(self, contact: Contact) -> tuple[float, float]:
        """The strength and potential of a contact in `scored`."""
        score = self.scores[contact.id]
        # A quadrant is only given to a contact with both a strength and a potential.
        assert score.strength is not None and score.potential is not None
        return score.strength, score.potential

    @property
    def scored(self) -> tuple[Contact, ...]:
        """Contacts with a strength, a potential and so a quadrant."""
        return tuple(c for c in self.contacts if self.quadrant(c) is not None)

    @property
    def circles(self) -> tuple[Circle, ...]:
        """The circles the filter shows, in the method's order."""
        return tuple(c for c in Circle if self.chart_filter.shows_circle(c))

    @property
    def detailed(self) -> bool:
        return len(self.placed) <= DETAIL_LIMIT


def unavailable(data: ChartData, *, needs_scores: bool) -> ChartUnavailable | None:
    """Why nothing can be drawn for this data, or None when there is something to draw."""
    if not len(data.network):
        return ChartUnavailable("map.unavailable.no_contacts")
    if not data.contacts:
        return ChartUnavailable("map.unavailable.filtered_out")
    if needs_scores and not data.scored:
        key = "filtered_out" if data.chart_filter.is_active else "no_qualified"
        return ChartUnavailable(f"map.unavailable.{key}")
    if not needs_scores and not data.placed:
        return ChartUnavailable("map.unavailable.none_placed")
    return None


def notices(data: ChartData) -> tuple[ChartNotice, ...]:
    """Remarks about what the charts leave out, for the page to show once above them."""
    found: list[ChartNotice] = []
    for circle in data.circles:
        if not data.network.in_circle(circle):
            found.append(ChartNotice("map.notice.circle_empty", {"circle": circle}))
    unplaced = len(data.contacts) - len(data.placed)
    if unplaced:
        found.append(ChartNotice("map.notice.unplaced", {"count": unplaced}))
    unscored = len(data.contacts) - len(data.scored)
    if unscored:
        found.append(ChartNotice("map.notice.unscored", {"count": unscored}))
    if not data.detailed:
        found.append(ChartNotice("map.notice.aggregated", {"limit": DETAIL_LIMIT}))
    return tuple(found)


def role_text(contact: Contact, lang: Lang) -> str:
    """The contact's role as the participant named it (escaped: 'Autre' carries user text)."""
    if contact.role is None:
        return t("role.none", lang)
    return escape(plan.role_text(contact, lang))


def short_name(contact: Contact) -> str:
    """'Claire F.' for Claire Fontaine: short enough to write beside a point."""
    if contact.first_name and contact.last_name:
        return f"{contact.first_name} {contact.last_name[0]}."
    return contact.display_name


def _scale_line(contact: Contact, lang: Lang) -> str:
    parts = []
    for name in SCALE_FIELDS:
        value = getattr(contact, name)
        shown = t("map.hover.missing", lang) if value is None else f"{value}/5"
        parts.append(t("map.hover.pair", lang, label=t(f"field.{name}", lang), value=shown))
    return " · ".join(parts[:2]) + "<br>" + " · ".join(parts[2:])


def contact_hover(contact: Contact, score: Score | None, lang: Lang) -> str:
    """The key criteria of a contact, for a hover box; every piece of user text is escaped."""
    circle = label(contact.circle, lang) if contact.circle else t("circle.none", lang)
    work = " — ".join(escape(p) for p in (contact.job_title, contact.company) if p)
    if score is not None and score.quadrant is not None:
        quadrant = t("map.hover.quadrant", lang, quadrant=label(score.quadrant, lang))
        if score.rank is not None:
            quadrant += " · " + t("map.hover.rank", lang, rank=score.rank)
        scores = " · ".join(
            (
                t(
                    "map.hover.pair",
                    lang,
                    label=t("field.strength", lang),
                    value=number(score.strength or 0, lang),
                ),
                t(
                    "map.hover.pair",
                    lang,
                    label=t("field.potential", lang),
                    value=number(score.potential or 0, lang),
                ),
            )
        )
    else:
        quadrant, scores = t("quadrant.none", lang), ""
    return hover_lines(
        bold(escape(contact.display_name)),
        f"{role_text(contact, lang)} · {circle}",
        work,
        quadrant,
        scores,
        _scale_line(contact, lang),
    )


def count_text(count: int, lang: Lang) -> str:
    """'1 contact' or '12 contacts'."""
    return t("map.count.one" if count == 1 else "map.count.many", lang, count=count)


def quadrant_breakdown(data: ChartData, contacts: tuple[Contact, ...]) -> str:
    """'Développer 4 · Mobiliser 2 …' for the quadrants present among these contacts."""
    counts: dict[Quadrant | None, int] = {}
    for contact in contacts:
        quadrant = data.quadrant(contact)
        counts[quadrant] = counts.get(quadrant, 0) + 1
    order: list[Quadrant | None] = [*QUADRANT_PRIORITY, None]
    return " · ".join(
        f"{label(q, data.lang) if q else t('quadrant.none', data.lang)} {counts[q]}"
        for q in order
        if counts.get(q)
    )
