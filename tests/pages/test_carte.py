"""The « Carte du réseau » page, driven with AppTest on the demo and on an empty workbook."""

from __future__ import annotations

import json

from reseau.charts import ColourBy
from reseau.i18n import t
from reseau.vocabulary import Circle, Quadrant, Role
from tests.apptest import assert_no_error, goto, open_app, texts
from tests.conftest import TODAY

SUNBURST, CONCENTRIC, MATRIX, RADAR = range(4)


def figures(at) -> list[dict]:
    """The plotly figures on the page, as the browser receives them."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def traces(figure: dict, kind: str | None = None) -> list[dict]:
    return [trace for trace in figure["data"] if kind is None or trace["type"] == kind]


def sunburst_ids(at) -> list[str]:
    return traces(figures(at)[SUNBURST], "sunburst")[0]["ids"]


def matrix_points(at) -> int:
    return sum(len(trace["x"]) for trace in figures(at)[MATRIX]["data"])


def widget(at, kind: str, label_key: str, lang: str = "fr"):
    label = t(label_key, lang)
    return next(w for w in getattr(at, kind) if w.label == label)


def test_the_demo_shows_the_four_charts_in_tabs():
    at = goto(open_app(demo=True), "pages/carte.py")

    assert [tab.label for tab in at.tabs] == [
        t("map.tab.sunburst", "fr"),
        t("map.tab.concentric", "fr"),
        t("map.tab.matrix", "fr"),
        t("map.tab.radar", "fr"),
    ]
    shown = figures(at)
    assert len(shown) == 4
    assert traces(shown[SUNBURST])[0]["type"] == "sunburst"
    assert len([i for i in sunburst_ids(at) if i.startswith("contact/")]) == 30
    assert matrix_points(at) == 29
    assert {trace["type"] for trace in shown[RADAR]["data"]} == {"scatterpolar"}


def test_the_demo_page_says_what_the_charts_leave_out():
    at = goto(open_app(demo=True), "pages/carte.py")

    page = texts(at)
    assert t("map.notice.unplaced", "fr", count=1) in page
    assert t("map.notice.unscored", "fr", count=2) in page
    assert t("map.unavailable.no_marks", "fr") in page


def test_an_empty_workbook_gets_a_kind_notice_and_no_empty_chart():
    at = goto(open_app(), "pages/carte.py")

    assert t("common.needs_contacts", "fr") in texts(at)
    assert figures(at) == []
    assert not at.tabs


def test_a_circle_filter_changes_every_chart():
    at = goto(open_app(demo=True), "pages/carte.py")

    widget(at, "multiselect", "field.circle").set_value([Circle.SUPPORT]).run()

    assert_no_error(at)
    assert next(i for i in sunburst_ids(at) if i.startswith("circle/")) == "circle/support"
    assert not [i for i in sunburst_ids(at) if i.startswith("circle/information")]
    shown = figures(at)
    assert [trace["name"] for trace in shown[MATRIX]["data"]] == ["Réseau de soutien"]
    assert [trace["name"] for trace in shown[RADAR]["data"]] == ["Réseau de soutien"]
    assert t("map.filter.kept", "fr", kept=10, total=31) in texts(at)


def test_a_quadrant_filter_keeps_only_that_quadrant_on_the_map_and_the_matrix(monkeypatch):
    monkeypatch.setenv("RESEAU_TODAY", TODAY.isoformat())  # recency depends on the date
    at = goto(open_app(demo=True), "pages/carte.py")

    widget(at, "multiselect", "field.quadrant").set_value([Quadrant.DEVELOP]).run()

    concentric = figures(at)[CONCENTRIC]
    drawn = [trace for trace in concentric["data"] if trace.get("x") and trace["name"]]
    assert [trace["name"] for trace in drawn] == ["Développer"]
    assert matrix_points(at) == 9


def test_qualified_only_takes_the_contacts_still_to_qualify_off_the_map():
    at = goto(open_app(demo=True), "pages/carte.py")

    widget(at, "toggle", "map.filter.qualified_only").set_value(True).run()

    names = [trace["name"] for trace in figures(at)[CONCENTRIC]["data"]]
    assert t("quadrant.none", "fr") not in names
    assert len([i for i in sunburst_ids(at) if i.startswith("contact/")]) == 29


def test_a_filter_that_keeps_nobody_says_so_instead_of_drawing_empty_axes():
    at = goto(open_app(demo=True), "pages/carte.py")

    widget(at, "multiselect", "field.circle").set_value([Circle.INFORMATION]).run()
    widget(at, "multiselect", "field.role").set_value([Role.CLUB_MEMBER]).run()
    widget(at, "multiselect", "field.quadrant").set_value([Quadrant.MOBILISE]).run()

    assert_no_error(at)
    assert figures(at) == []
    reasons = [info.value for info in at.info]
    assert reasons.count(t("map.unavailable.filtered_out", "fr")) == 4


def test_clearing_the_filters_shows_everything_again():
    at = goto(open_app(demo=True), "pages/carte.py")
    widget(at, "multiselect", "field.circle").set_value([Circle.OPERATIONAL]).run()

    next(b for b in at.button if b.label == t("map.filter.reset", "fr")).click().run()

    assert_no_error(at)
    assert len([i for i in sunburst_ids(at) if i.startswith("contact/")]) == 30
    assert widget(at, "multiselect", "field.circle").value == []


def test_the_sunburst_can_colour_people_by_relationship_strength():
    at = goto(open_app(demo=True), "pages/carte.py")

    at.get("button_group")[0].set_value(ColourBy.STRENGTH).run()

    bars = [
        trace for trace in figures(at)[SUNBURST]["data"] if trace.get("marker", {}).get("showscale")
    ]
    assert len(bars) == 1


def test_the_page_speaks_english_when_the_participant_does():
    at = goto(open_app(demo=True, lang="en"), "pages/carte.py")

    assert at.tabs[0].label == "The three circles"
    assert figures(at)[MATRIX]["layout"]["xaxis"]["title"]["text"] == "<b>Relationship strength</b>"


def _up_to_the_reset_button(at) -> list[str]:
    """The sidebar's elements, top to bottom, until the reset button included."""
    kinds = []
    for child in at.sidebar.children.values():
        kinds.append(child.type)
        if getattr(child, "key", None) == "map.filter.reset":
            return kinds
    raise AssertionError("no reset button in the sidebar")


def test_the_reset_button_stands_above_the_filters_and_is_never_switched_off():
    at = goto(open_app(demo=True), "pages/carte.py")
    assert not at.button(key="map.filter.reset").disabled
    before = _up_to_the_reset_button(at)

    widget(at, "multiselect", "field.circle").set_value([Circle.OPERATIONAL]).run()

    assert not at.button(key="map.filter.reset").disabled
    assert _up_to_the_reset_button(at) == before
    assert "multiselect" not in before


def test_clearing_with_no_filter_set_says_there_is_nothing_to_clear():
    at = goto(open_app(demo=True), "pages/carte.py")

    at.button(key="map.filter.reset").click().run()

    assert_no_error(at)
    assert [toast.value for toast in at.toast] == [t("map.filter.nothing_to_clear", "fr")]
    assert len([i for i in sunburst_ids(at) if i.startswith("contact/")]) == 30


def test_clearing_a_filter_set_in_the_same_run_clears_it_without_a_notice():
    # The browser sends the filter's new value with the click when the click comes before the
    # run the filter started is over: the button must see that filter, not the one drawn last.
    at = goto(open_app(demo=True), "pages/carte.py")
    widget(at, "multiselect", "field.circle").set_value([Circle.OPERATIONAL])

    at.button(key="map.filter.reset").click().run()

    assert_no_error(at)
    assert not at.toast
    assert widget(at, "multiselect", "field.circle").value == []
    assert len([i for i in sunburst_ids(at) if i.startswith("contact/")]) == 30
