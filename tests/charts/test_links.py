"""The links chart: which lines are drawn, which contacts are ringed, names readable up to 40."""

from __future__ import annotations

from itertools import combinations

from reseau.acquaintances import Acquaintance, WhoKnowsWhom
from reseau.charts import ChartUnavailable, concentric
from reseau.charts.concentric import SCALE
from reseau.charts.labels import CHAR_WIDTH, LINE_HEIGHT, _box_for
from reseau.charts.links import links_figure
from reseau.charts.style import LABEL_FONT
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.network_shape import network_shape
from tests.charts.helpers import hostile_network, many_contacts, scores

KNOW = Acquaintance.KNOW
STRANGERS = Acquaintance.STRANGERS


def _links(pairs) -> WhoKnowsWhom:
    links = WhoKnowsWhom()
    for (a, b), state in pairs.items():
        links = links.with_pair(a, b, state)
    return links


def _figure(network: Network, links: WhoKnowsWhom, lang: Lang = Lang.FR, **options):
    found = scores(network)
    shape = network_shape(network, links, found)
    return links_figure(network, links, shape, lang, scores=found, **options)


def _trace(figure, key: str, lang: Lang = Lang.FR):
    return next(trace for trace in figure.data if trace.name == t(key, lang))


def _points(figure) -> set[tuple[float, float]]:
    return {
        (x, y)
        for trace in figure.data
        if trace.mode == "markers+text"
        for x, y in zip(trace.x, trace.y, strict=True)
    }


def test_a_line_joins_each_pair_said_to_know_each_other_and_no_other(demo):
    a, b, c, d = [contact.id for contact in demo if contact.is_qualified][:4]
    links = _links({(a, b): KNOW, (b, c): KNOW, (a, d): STRANGERS})

    figure = _figure(demo, links)

    lines = _trace(figure, "links_chart.legend.know")
    assert sorted(map(tuple, lines.meta["pairs"])) == sorted(
        [tuple(sorted((a, b))), tuple(sorted((b, c)))]
    )
    ends = {(x, y) for x, y in zip(lines.x, lines.y, strict=True) if x is not None}
    assert len(ends) == 3
    assert ends <= _points(figure), "every line ends on a contact's point"
    assert lines.hoverinfo == "skip"
    assert figure.data[0] is lines, "lines are drawn under the points and their names"


def test_the_one_contact_joining_two_groups_is_ringed_and_named_in_the_legend(demo):
    ids = [contact.id for contact in demo if contact.is_qualified][:7]
    left, right, joiner = ids[:3], ids[3:6], ids[6]
    pairs = {pair: KNOW for pair in combinations([*left, joiner], 2)}
    pairs.update({pair: KNOW for pair in combinations([*right, joiner], 2)})

    figure = _figure(demo, _links(pairs))

    rings = _trace(figure, "links_chart.legend.bridge")
    assert rings.meta["contacts"] == [joiner]
    assert rings.showlegend
    assert rings.marker.symbol == "circle-open"
    assert (rings.x[0], rings.y[0]) in _points(figure)
    assert demo.get(joiner).display_name in rings.hovertext[0]


def test_without_a_bridge_no_ring_and_no_legend_entry(demo):
    ids = [contact.id for contact in demo if contact.is_qualified][:4]
    figure = _figure(demo, _links({pair: KNOW for pair in combinations(ids, 2)}))

    rings = _trace(figure, "links_chart.legend.bridge")
    assert list(rings.x) == []
    assert not rings.showlegend


def test_nothing_is_drawn_until_a_pair_is_answered(demo):
    only_introductions = WhoKnowsWhom()

    figure = _figure(demo, only_introductions)

    assert isinstance(figure, ChartUnavailable)
    assert figure.key == "links_chart.unavailable.no_pairs"


def test_a_hostile_name_is_inert_in_the_bridge_hover(demo):
    network = hostile_network(demo)
    hostile = network.contacts[-1].id
    others = [contact.id for contact in network if contact.is_qualified and contact.id != hostile]
    pairs = {(others[0], hostile): KNOW, (hostile, others[1]): KNOW}

    figure = _figure(network, _links(pairs))

    hover = _trace(figure, "links_chart.legend.bridge").hovertext[0]
    assert "<script>" not in hover
    assert "&lt;script&gt;" in hover


def test_forty_contacts_with_links_keep_their_names_apart_at_projector_size(demo):
    network = many_contacts(demo, 40)
    ids = list(network.ids)
    links = _links(
        {(ids[i], ids[(i * 7 + 3) % 40]): KNOW for i in range(40) if i != (i * 7 + 3) % 40}
    )

    figure = _figure(network, links)

    boxes = []
    for trace in figure.data:
        if trace.mode != "markers+text" or len(trace.x) < 1 or trace.x[0] == 0:
            continue
        assert trace.textfont.size >= 18
        for x, y, text, where, size in zip(
            trace.x, trace.y, trace.text, trace.textposition, trace.marker.size, strict=True
        ):
            if text:
                width = len(text) * LABEL_FONT * CHAR_WIDTH
                boxes.append(
                    (
                        text,
                        _box_for(
                            x * SCALE, y * SCALE, size / 2, width, LABEL_FONT * LINE_HEIGHT, where
                        ),
                    )
                )
    leaders = [note.text for note in figure.layout.annotations if note.showarrow]
    plain = concentric(network, scores(network), Lang.FR)
    plain_names = [text for trace in plain.data for text in trace.text if text]
    assert sorted(text for text, _ in boxes) == sorted(plain_names[:-1]), "no name lost to lines"
    assert len(boxes) + len(leaders) >= 25, "most names are written, the others in the hover"
    for (first, one), (second, other) in combinations(boxes, 2):
        assert not one.overlaps(other), f"{first!r} overlaps {second!r}"
    assert len(_trace(figure, "links_chart.legend.know").meta["pairs"]) == len(links.pairs)


def test_on_a_phone_names_are_left_to_a_tap_and_lines_are_thinner(demo):
    ids = [contact.id for contact in demo if contact.is_qualified][:3]
    links = _links({pair: KNOW for pair in combinations(ids, 2)})

    phone = _figure(demo, links, compact=True)
    projector = _figure(demo, links)

    written = [
        text
        for trace in phone.data
        if trace.mode == "markers+text" and trace.x[0] != 0
        for text in trace.text
        if text
    ]
    assert written == []
    assert (
        _trace(phone, "links_chart.legend.know").line.width
        < _trace(projector, "links_chart.legend.know").line.width
    )


def test_the_legend_speaks_the_participants_language(demo):
    ids = [contact.id for contact in demo if contact.is_qualified][:2]

    figure = _figure(demo, _links({tuple(ids): KNOW}), Lang.EN)

    assert _trace(figure, "links_chart.legend.know", Lang.EN).name == "Know each other"


def test_two_high_potential_contacts_who_do_not_know_each_other_get_a_dotted_line(demo):
    from reseau.vocabulary import Quadrant

    found = scores(demo)
    high = [c.id for c in demo if found[c.id].quadrant in (Quadrant.DEVELOP, Quadrant.MOBILISE)]
    links = _links({(high[0], high[1]): STRANGERS})

    figure = _figure(demo, links)

    introduce = _trace(figure, "links_chart.legend.introduce")
    assert [sorted(pair) for pair in introduce.meta["pairs"]] == [sorted(high[:2])]
    assert introduce.line.dash == "dot"
    assert _trace(figure, "links_chart.legend.know").meta["pairs"] == []


def test_the_drawing_leaves_the_legend_its_own_column_so_it_covers_no_name(demo):
    # The links' entries made the legend reach the circles and grey out a name under it
    # (« Lucas S. » in the demo at 1440 px): the circles now start right of the legend.
    a, b = [contact.id for contact in demo if contact.is_qualified][:2]

    wide = _figure(demo, _links({(a, b): KNOW}))
    phone = _figure(demo, _links({(a, b): KNOW}), compact=True)

    assert wide.layout.legend.x == 0.0 and wide.layout.legend.xanchor == "left"
    assert wide.layout.xaxis.domain[0] >= 0.2
    assert phone.layout.xaxis.domain is None or phone.layout.xaxis.domain[0] == 0
