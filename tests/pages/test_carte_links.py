"""« Qui connaît qui » on the « Carte du réseau »: a graph once a pair is answered, else a line."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from reseau.acquaintances import Acquaintance
from reseau.i18n import t
from tests.apptest import assert_no_error, goto, like_a_browser, open_app, stored_workbook, texts


def _links_step(at: AppTest) -> AppTest:
    goto(at, "pages/qualifier.py")
    at.segmented_control[0].set_value("links").run()
    assert_no_error(at)
    return at


def _members(at: AppTest) -> list[str]:
    found = [w for w in at.multiselect if str(w.key).startswith("links.members.")]
    return list(found[0].value)


def _knows(at: AppTest, contact_id: str, others: list[str]) -> None:
    found = [w for w in at.multiselect if str(w.key).startswith(f"links.knows.{contact_id}.")]
    found[0].set_value(others).run()
    assert_no_error(at)


def _links_chart(at: AppTest) -> dict | None:
    """The links chart's figure: the one whose traces name the pairs they draw."""
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        if any("pairs" in (trace.get("meta") or {}) for trace in figure["data"]):
            return figure
    return None


def _drawn_pairs(figure: dict) -> set[frozenset[str]]:
    lines = figure["data"][0]  # the known links, drawn first, under the points
    return {frozenset(pair) for pair in lines["meta"]["pairs"]}


def test_without_any_answered_pair_the_map_has_no_links_tab_and_one_line_inviting_to_answer():
    at = goto(open_app(demo=True, lang="fr"), "pages/carte.py")

    assert t("map.tab.links", "fr") not in [tab.label for tab in at.tabs]
    assert t("map.links.invitation", "fr") in texts(at)
    assert _links_chart(at) is None


def test_the_invitation_opens_the_qualifier_on_the_who_knows_whom_step():
    at = like_a_browser(goto(open_app(demo=True, lang="fr"), "pages/carte.py"))

    next(b for b in at.button if b.key == "map.links.go").click().run()

    assert_no_error(at)
    assert at.segmented_control[0].value == "links"
    assert any(str(w.key).startswith("links.knows.") for w in at.multiselect)


def test_answered_pairs_draw_the_links_tab_and_each_new_answer_changes_the_graph():
    at = _links_step(like_a_browser(open_app(demo=True, lang="fr")))
    a, b, c = _members(at)[:3]
    _knows(at, a, [b])

    goto(at, "pages/carte.py")

    assert t("map.tab.links", "fr") in [tab.label for tab in at.tabs]
    assert t("map.links.invitation", "fr") not in texts(at)
    figure = _links_chart(at)
    assert figure is not None and _drawn_pairs(figure) == {frozenset((a, b))}
    _links_step(at)
    _knows(at, c, [a, b])
    goto(at, "pages/carte.py")
    figure = _links_chart(at)
    assert figure is not None
    assert _drawn_pairs(figure) == {frozenset(p) for p in ((a, b), (a, c), (b, c))}
    assert stored_workbook(at).links.between(b, c) is Acquaintance.KNOW
