"""The shape of the participant's network: do their contacts know one another, who bridges groups.

Everything here is measured on the *answered* pairs of `reseau.acquaintances.WhoKnowsWhom`.
The graph is the one Burt's ego-network measures are defined on: its nodes are the contacts
with at least one answered pair (the alters), its edges the pairs said to know each other, and
the participant (ego) is tied to every alter. A pair nobody answered for draws no edge, like a
pair said not to know each other, so effective size is an upper bound until every pair among
the alters is answered; `coverage` says how far that is from true, and density, which divides
by the answered pairs only, never counts an unknown pair as a « no ».

Formulas (each is shown to the participant by `reseau.diagnosis` and the Excel Synthèse):
- effective size (Burt 1992, in Borgatti's 1997 form for unvalued ties): n − 2t/n, for n
  alters with t ties among them; efficiency = effective size ÷ n;
- constraint (Burt 1992): Σ_j (p_ij + Σ_q p_iq p_qj)², the value of networkx's `constraint`
  on the ego graph, written out (`ego_measures`); from 1/n for n alters who do not know each
  other up to (2n − 1)²/n³ for n alters who all know each other;
- density = pairs who know each other ÷ answered pairs, overall and within each circle;
- bridging contacts: the articulation points of the alters' graph (someone whose removal cuts
  a group of contacts off from the others, as far as the participant has said). Chosen over the
  highest betweenness because it names someone only when there really is no other known path
  between the groups, and it says which groups: « sans elle, ces deux groupes ne se connaissent
  pas », which a participant can check and act on; betweenness always names somebody;
- groups: the connected components of the alters' graph;
- pairs worth introducing: two high-potential contacts (Développer or Mobiliser) with no known
  link (said not to know each other, or in different groups), ranked: the surest first (an
  answered « ne se connaissent pas »), then the higher combined potential;
- self-introduced share: contacts met without anyone's help ÷ contacts whose introduction is
  answered; above 65 % the classic warning of a network too much like oneself;
- diversity of a trait (circle, organisation, function): over the contacts for whom it is
  filled in, the share of the largest group and the index of qualitative variation
  IQV = (1 − Σ pᵢ²) ÷ (1 − 1/K), K the number of groups possible (3 circles; for the free-text
  organisation and function, as many as contacts counted): 0 when everyone is in one group,
  1 when they are spread as evenly as can be.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

import networkx as nx

from reseau.acquaintances import Acquaintance, IntroducedBy, WhoKnowsWhom
from reseau.contact import Contact
from reseau.network import Network
from reseau.scoring import Score
from reseau.vocabulary import Circle, Quadrant

# Above this self-introduced share, a network tends to be too homogeneous (the classic warning).
SELF_INTRODUCED_WARNING = 0.65
# The network-wide figures are worded only from this many answered pairs.
ENOUGH_PAIRS = 5
# A group of contacts who all know each other is worth a sentence from this size on.
CLOSED_GROUP_MIN = 3
# How many maximal groups the search for the largest closed group looks at (see _largest_clique).
CLIQUE_BUDGET = 2000
# How many pairs to introduce the shape keeps, best first.
PAIRS_KEPT = 10
DIVERSITY_TRAITS: tuple[str, ...] = ("circle", "company", "function")


@dataclass(frozen=True)
class Density:
    """Pairs who know each other among the answered pairs; `value` is None when none is answered."""

    known: int
    answered: int

    @property
    def value(self) -> float | None:
        return self.known / self.answered if self.answered else None


@dataclass(frozen=True)
class Bridge:
    """A contact through whom, alone, two or more groups of contacts are linked."""

    contact_id: str
    groups: tuple[tuple[str, ...], ...]  # the groups they link, largest first


@dataclass(frozen=True)
class Introduce:
    """Two high-potential contacts with no known link: worth introducing to each other."""

    first: str
    second: str
    said_strangers: bool  # the participant answered that they do not know each other
    potential: float  # the two contacts' potentials added up


@dataclass(frozen=True)
class Share:
    """`part` out of `whole`."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None


@dataclass(frozen=True)
class Diversity:
    """How one trait is spread over the contacts for whom it is filled in."""

    trait: str
    counted: int  # contacts with the trait filled in
    groups: int  # distinct values among them
    largest: str  # the largest group's value (a Circle's value for circles)
    largest_count: int
    iqv: float | None  # index of qualitative variation, None under two contacts

    @property
    def largest_share(self) -> float | None:
        return self.largest_count / self.counted if self.counted else None


@dataclass(frozen=True)
class NetworkShape:
    """The measures of the network's shape; `answered_pairs` == 0 means nothing to show."""

    alters: tuple[str, ...] = ()  # contacts with at least one answered pair, network order
    answered_pairs: int = 0
    possible_pairs: int = 0  # pairs among the alters
    ties: int = 0  # pairs said to know each other
    effective_size: float | None = None
    constraint: float | None = None
    density: Density = Density(0, 0)
    density_by_circle: Mapping[Circle, Density] = field(default_factory=dict)
    groups: tuple[tuple[str, ...], ...] = ()  # connected components, largest first
    bridges: tuple[Bridge, ...] = ()
    closed_groups: Mapping[Circle, tuple[str, ...]] = field(default_factory=dict)
    circle_sizes: Mapping[Circle, int] = field(default_factory=dict)
    to_introduce: tuple[Introduce, ...] = ()
    self_introduced: Share = Share(0, 0)
    diversity: Mapping[str, Diversity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("density_by_circle", "closed_groups", "circle_sizes", "diversity"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    @property
    def has_pairs(self) -> bool:
        return self.answered_pairs > 0

    @property
    def is_empty(self) -> bool:
        """Nothing answered at all: no figure, no chart, no sentence."""
        return not self.answered_pairs and not self.self_introduced.whole

    @property
    def enough_pairs(self) -> bool:
        return self.answered_pairs >= ENOUGH_PAIRS

    @property
    def efficiency(self) -> float | None:
        if self.effective_size is None or not self.alters:
            return None
        return self.effective_size / len(self.alters)

    @property
    def coverage(self) -> float | None:
        """Answered pairs ÷ pairs among the alters: how far the figures rest on answers."""
        return self.answered_pairs / self.possible_pairs if self.possible_pairs else None

    @property
    def bridge_ids(self) -> frozenset[str]:
        return frozenset(bridge.contact_id for bridge in self.bridges)


def borgatti_effective_size(alters: int, ties: int) -> float:
    """Effective size of an ego network with `alters` alters and `ties` ties among them."""
    if alters <= 0:
        raise ValueError("an ego network without alters has no effective size")
    return alters - 2 * ties / alters


def alters_graph(network: Network, links: WhoKnowsWhom) -> nx.Graph:
    """The contacts with an answered pair, linked where they are said to know each other."""
    present = set(network.ids)
    graph: nx.Graph[str] = nx.Graph()
    answered = {a for pair in links.pairs for a in pair if set(pair) <= present}
    graph.add_nodes_from(cid for cid in network.ids if cid in answered)
    graph.add_edges_from(
        (a, b)
        for (a, b), state in links.pairs.items()
        if state is Acquaintance.KNOW and a in present and b in present
    )
    return graph


def ego_measures(graph: nx.Graph[str]) -> tuple[float | None, float | None]:
    """Effective size and constraint of the participant tied to every node of `graph`.

    Written out for the unvalued ego network rather than calling networkx's `effective_size`
    and `constraint` on it (which give the same values, see the tests): `constraint` there takes
    seconds from 40 alters who know each other a lot, this takes milliseconds for hundreds.
    With ego tied to all n alters, p(ego, q) = 1/n and p(q, j) = 1/(deg q + 1) for a tie q–j, so
    c(ego, j) = (1/n + Σ_q~j 1/n × 1/(deg q + 1))², summed over the alters j.
    """
    n = graph.number_of_nodes()
    if not n:
        return None, None
    effective = borgatti_effective_size(n, graph.number_of_edges())
    share = {node: 1 / (degree + 1) for node, degree in graph.degree}
    constraint = sum(
        (1 / n + sum(share[q] for q in graph.neighbors(j)) / n) ** 2 for j in graph.nodes
    )
    return effective, constraint


def _order(network: Network) -> dict[str, int]:
    return {cid: index for index, cid in enumerate(network.ids)}


def _sorted_group(ids: Iterable[str], order: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=order.__getitem__))


def _groups(graph: nx.Graph, order: Mapping[str, int]) -> tuple[tuple[str, ...], ...]:
    groups = [_sorted_group(component, order) for component in nx.connected_components(graph)]
    return tuple(sorted(groups, key=lambda g: (-len(g), order[g[0]])))


def _bridges(graph: nx.Graph, order: Mapping[str, int]) -> tuple[Bridge, ...]:
    bridges = []
    for node in sorted(nx.articulation_points(graph), key=order.__getitem__):
        without = graph.subgraph(n for n in graph.nodes if n != node)
        neighbours = set(graph.neighbors(node))
        linked = [
            _sorted_group(component, order)
            for component in nx.connected_components(without)
            if component & neighbours
        ]
        linked.sort(key=lambda g: (-len(g), order[g[0]]))
        bridges.append(Bridge(node, tuple(linked)))
    # The bridge between the biggest groups first: the one the network most depends on.
    bridges.sort(key=lambda b: (-sorted(map(len, b.groups))[-2], order[b.contact_id]))
    return tuple(bridges)


def _density(links: WhoKnowsWhom, keep: Callable[[str, str], bool]) -> Density:
    answered = [state for (a, b), state in links.pairs.items() if keep(a, b)]
    return Density(sum(state is Acquaintance.KNOW for state in answered), len(answered))


def _greedy_clique(graph: nx.Graph[str], order: Mapping[str, int]) -> set[str]:
    """A group who all know each other, grown from the best-connected contact outwards."""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), order[n]))
    clique: set[str] = set()
    for node in ranked:
        if all(graph.has_edge(node, member) for member in clique):
            clique.add(node)
    return clique


def _largest_clique(graph: nx.Graph[str], order: Mapping[str, int]) -> tuple[str, ...]:
    """The largest group who all know each other, or a large one when there are too many.

    Listing every maximal group is exponential on dense graphs (a few hundred thousand groups
    for 150 contacts half of whom know each other): the search stops after `CLIQUE_BUDGET`
    groups and keeps the best of those and of a greedy one. The sentence built on it (« 4 de vos
    6 contacts… se connaissent tous ») stays true either way: every group found is complete.
    """
    best = _sorted_group(_greedy_clique(graph, order), order)
    for count, clique in enumerate(nx.find_cliques(graph)):
        if count >= CLIQUE_BUDGET:
            break
        found = _sorted_group(clique, order)
        if (-len(found), [order[i] for i in found]) < (-len(best), [order[i] for i in best]):
            best = found
    return best


def _closed_groups(
    graph: nx.Graph[str], network: Network, order: Mapping[str, int]
) -> dict[Circle, tuple[str, ...]]:
    closed = {}
    for circle in Circle:
        members = [c.id for c in network.in_circle(circle) if c.id in graph]
        clique = _largest_clique(nx.Graph(graph.subgraph(members)), order)
        if len(clique) >= CLOSED_GROUP_MIN:
            closed[circle] = clique
    return closed


def _high_potential(score: Score | None) -> bool:
    return score is not None and score.quadrant in (Quadrant.DEVELOP, Quadrant.MOBILISE)


def _to_introduce(
    graph: nx.Graph,
    links: WhoKnowsWhom,
    scores: Mapping[str, Score],
    order: Mapping[str, int],
) -> tuple[Introduce, ...]:
    component = {
        node: i for i, group in enumerate(nx.connected_components(graph)) for node in group
    }
    high = [
        cid
        for cid in sorted(graph.nodes, key=order.__getitem__)
        if _high_potential(scores.get(cid))
    ]
    found = []
    for i, first in enumerate(high):
        for second in high[i + 1 :]:
            state = links.between(first, second)
            if state is Acquaintance.KNOW:
                continue
            said_strangers = state is Acquaintance.STRANGERS
            if said_strangers or component[first] != component[second]:
                total = (scores[first].potential or 0) + (scores[second].potential or 0)
                found.append(Introduce(first, second, said_strangers, round(total, 9)))
    found.sort(key=lambda p: (not p.said_strangers, -p.potential, order[p.first], order[p.second]))
    return tuple(found[:PAIRS_KEPT])


def self_introduced_share(network: Network, links: WhoKnowsWhom) -> Share:
    """Contacts met without anyone's help among those whose introduction is answered."""
    answered = [links.introduction(cid) for cid in network.ids if links.introduction(cid)]
    return Share(sum(i.by is IntroducedBy.SELF for i in answered if i), len(answered))


def _trait(contact: Contact, trait: str) -> str:
    if trait == "circle":
        return contact.circle.value if contact.circle is not None else ""
    text = contact.company if trait == "company" else contact.job_title
    return " ".join(text.split()).casefold()


def diversity(contacts: Sequence[Contact], trait: str) -> Diversity:
    """How `trait` (circle, company or function) is spread; see the module's formula."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}  # a group's name as first typed, not its casefolded key
    for contact in contacts:
        value = _trait(contact, trait)
        if value:
            counts[value] += 1
            if value not in spelling:
                typed = contact.company if trait == "company" else contact.job_title
                spelling[value] = value if trait == "circle" else " ".join(typed.split())
    counted = sum(counts.values())
    if not counted:
        return Diversity(trait, 0, 0, "", 0, None)
    first_met = {value: index for index, value in enumerate(spelling)}
    largest, largest_count = min(counts.items(), key=lambda item: (-item[1], first_met[item[0]]))
    possible = len(Circle) if trait == "circle" else counted
    iqv = None
    if counted >= 2 and possible >= 2:
        spread = 1 - sum((n / counted) ** 2 for n in counts.values())
        iqv = min(1.0, spread / (1 - 1 / possible))
    return Diversity(trait, counted, len(counts), spelling[largest], largest_count, iqv)


def network_shape(
    network: Network, links: WhoKnowsWhom, scores: Mapping[str, Score] | None = None
) -> NetworkShape:
    """Every measure of the network's shape; an empty shape when nothing is answered."""
    if links.is_empty:
        return NetworkShape()
    links = links.restricted_to(network.ids)
    if links.is_empty:
        return NetworkShape()
    introduced = self_introduced_share(network, links)
    graph = alters_graph(network, links)
    order = _order(network)
    alters = _sorted_group(graph.nodes, order)
    circle_of = {c.id: c.circle for c in network}
    effective, constraint = ego_measures(graph)
    n = len(alters)
    by_circle = {}
    for circle in Circle:

        def within(a: str, b: str, circle: Circle = circle) -> bool:
            return circle_of[a] is circle and circle_of[b] is circle

        density = _density(links, within)
        if density.answered:
            by_circle[circle] = density
    return NetworkShape(
        alters=alters,
        answered_pairs=len(links.pairs),
        possible_pairs=n * (n - 1) // 2,
        ties=graph.number_of_edges(),
        effective_size=effective,
        constraint=constraint,
        density=_density(links, lambda a, b: True),
        density_by_circle=by_circle,
        groups=_groups(graph, order),
        bridges=_bridges(graph, order),
        closed_groups=_closed_groups(graph, network, order),
        circle_sizes={circle: len(network.in_circle(circle)) for circle in Circle},
        to_introduce=_to_introduce(graph, links, scores or {}, order),
        self_introduced=introduced,
        diversity={trait: diversity(network.contacts, trait) for trait in DIVERSITY_TRAITS},
    )


# Below this many participants who answered, a room's lines and medians would point at someone.
MIN_ROOM = 3


@dataclass(frozen=True)
class ShapeFigures:
    """One participant's shape as numbers only, for the trainer's anonymous room view."""

    effective_size: float | None
    density: float | None
    self_introduced: float | None


@dataclass(frozen=True)
class RoomShape:
    """The room's shape figures: one line per participant who answered, and the medians.

    `answered` counts the participants with links; under `MIN_ROOM` of them the lines and the
    medians stay empty, since with one or two the trainer would know whose figures they are.
    """

    answered: int = 0
    participants: tuple[ShapeFigures, ...] = ()
    median_effective_size: float | None = None
    median_density: float | None = None
    median_self_introduced: float | None = None

    @property
    def is_empty(self) -> bool:
        return not self.answered

    @property
    def shown(self) -> bool:
        return bool(self.participants)


NO_ROOM_SHAPE = RoomShape()


def shape_figures(network: Network, links: WhoKnowsWhom) -> ShapeFigures:
    """Effective size, density and self-introduced share only: what the room needs, no more."""
    links = links.restricted_to(network.ids)
    effective, _ = ego_measures(alters_graph(network, links))
    return ShapeFigures(
        effective,
        _density(links, lambda a, b: True).value,
        self_introduced_share(network, links).value,
    )


def _median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _line_key(figures: ShapeFigures) -> tuple[tuple[bool, float], ...]:
    values = (figures.effective_size, figures.density, figures.self_introduced)
    return tuple((v is None, v or 0.0) for v in values)


def room_shape(
    workbooks: Iterable[tuple[Network, WhoKnowsWhom]], min_room: int = MIN_ROOM
) -> RoomShape:
    """The room's anonymous shape figures: numbers only, no name, who skipped left out.

    The lines are sorted by their numbers, so their order says nothing of who is who.
    """
    lines = sorted(
        (shape_figures(network, links) for network, links in workbooks if not links.is_empty),
        key=_line_key,
    )
    if len(lines) < min_room:
        return RoomShape(answered=len(lines))
    return RoomShape(
        len(lines),
        tuple(lines),
        _median(f.effective_size for f in lines),
        _median(f.density for f in lines),
        _median(f.self_introduced for f in lines),
    )
