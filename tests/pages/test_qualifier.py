"""The Qualifier screen driven like a participant: walk, edit, leave, come back, sort, complete."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reseau.i18n import t
from reseau.ui.resources import store
from reseau.vocabulary import ActionStatus, Circle, Reciprocity, Role, ValueKind
from reseau.walkthrough import walk_order
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app, texts


def _qualifier(mode: str | None = None, lang: str = "en") -> AppTest:
    at = goto(open_app(demo=True, lang=lang), "pages/qualifier.py")
    if mode is not None:
        at.segmented_control[0].set_value(mode).run()
        assert_no_error(at)
    return at


def _saved(at: AppTest) -> Workbook:
    wb = at.query_params["wb"]
    return store().load(wb[0] if isinstance(wb, list) else wb)


def _shown(at: AppTest) -> str:
    return at.subheader[0].value


def _button(at: AppTest, key: str, lang: str = "en"):
    return next(b for b in at.button if b.label == t(key, lang))


def _jump_list(at: AppTest, lang: str = "en"):
    return next(s for s in at.selectbox if s.label == t("qualify.jump", lang))


def _filter(at: AppTest, lang: str = "en"):
    return next(s for s in at.selectbox if s.label == t("qualify.filter", lang))


def test_the_screen_opens_on_sorting_when_some_contacts_are_not_sorted():
    at = _qualifier()

    assert at.segmented_control[0].value == "sort"


def test_the_header_and_the_sorting_list_count_the_same_contacts_not_sorted():
    at = _qualifier("sort", lang="fr")
    unsorted = [c for c in _saved(at).network if not c.is_sorted]

    assert len(unsorted) == 2  # the demo has one contact without a circle, one without a role
    assert t("qualify.progress.unsorted.many", "fr", count=2) in texts(at)
    assert t("qualify.sort.selected.none", "fr", count=0, total=2) in texts(at)


def test_next_and_previous_walk_the_contacts_circle_by_circle():
    at = _qualifier("card")
    network = _saved(at).network
    order = [network.get(cid).display_name for cid in walk_order(network)]

    assert _shown(at) == order[0]
    _button(at, "qualify.next").click().run()
    assert _shown(at) == order[1]
    _button(at, "qualify.next").click().run()
    _button(at, "qualify.previous").click().run()
    assert _shown(at) == order[1]
    assert t("qualify.position", "en", place=2, total=31) in texts(at)


def test_a_criterion_edited_on_the_card_is_saved_and_still_there_after_changing_page():
    at = _qualifier("card")
    _button(at, "qualify.next").click().run()
    name = _shown(at)
    contact_id = _saved(at).cursor
    trust = at.segmented_control(key=f"qualify.{contact_id}.trust")

    trust.set_value(1).run()
    assert_no_error(at)
    goto(at, "pages/plan.py")
    goto(at, "pages/qualifier.py")

    assert _saved(at).network.get(contact_id).trust == 1
    assert _shown(at) == name
    assert at.segmented_control(key=f"qualify.{contact_id}.trust").value == 1
    assert t("qualify.anchor", "en", point=1, anchor=t("criterion.trust.1", "en")) in texts(at)


def test_a_typed_first_action_its_status_and_reciprocity_are_saved():
    at = _qualifier("card")
    contact_id = _saved(at).cursor

    at.text_area(key=f"qualify.{contact_id}.action_text").input("Call her on Monday").run()
    at.segmented_control(key=f"qualify.{contact_id}.action_status").set_value(
        ActionStatus.DONE
    ).run()
    at.pills(key=f"qualify.{contact_id}.reciprocity").set_value(Reciprocity.I_GIVE).run()
    assert_no_error(at)

    saved = _saved(at).network.get(contact_id)
    assert saved.action_text == "Call her on Monday"
    assert saved.action_status is ActionStatus.DONE
    assert saved.reciprocity is Reciprocity.I_GIVE


def test_next_not_qualified_opens_a_contact_that_says_what_is_missing():
    at = _qualifier("card")

    _button(at, "qualify.next_open").click().run()

    contact = _saved(at).network.get(_saved(at).cursor)
    assert not contact.is_qualified
    missing = ", ".join(t(f"field.{name}", "en") for name in contact.missing_for_qualification)
    assert t("qualify.status.missing", "en", missing=missing) in texts(at)


def test_jumping_to_a_contact_shows_its_card_and_moves_the_cursor():
    at = _qualifier("card")
    network = _saved(at).network
    target = walk_order(network)[5]

    _jump_list(at).set_value(target).run()

    assert _saved(at).cursor == target
    assert _shown(at) == network.get(target).display_name


def test_the_circle_filter_walks_only_that_circle():
    at = _qualifier("card")

    _filter(at).set_value(Circle.OPERATIONAL.value).run()

    network = _saved(at).network
    assert network.get(_saved(at).cursor).circle is Circle.OPERATIONAL
    assert t("qualify.position", "en", place=1, total=10) in texts(at)


def test_choosing_a_circle_on_the_card_offers_that_circles_roles():
    at = _qualifier("card")
    unsorted = next(c for c in _saved(at).network if c.circle is None)
    _jump_list(at).set_value(unsorted.id).run()

    at.segmented_control(key=f"qualify.{unsorted.id}.circle").set_value(Circle.SUPPORT).run()
    at.pills(key=f"qualify.{unsorted.id}.role.support").set_value(Role.SPONSOR).run()
    assert_no_error(at)

    saved = _saved(at).network.get(unsorted.id)
    assert saved.circle is Circle.SUPPORT and saved.role is Role.SPONSOR
    assert t("role.sponsor.help", "en") in texts(at)


def test_moving_a_contact_to_another_circle_clears_a_role_that_does_not_fit():
    at = _qualifier("card")
    sorted_one = next(c for c in _saved(at).network if c.role is Role.BENEFICIARY)
    _jump_list(at).set_value(sorted_one.id).run()

    at.segmented_control(key=f"qualify.{sorted_one.id}.circle").set_value(Circle.SUPPORT).run()
    assert_no_error(at)

    saved = _saved(at).network.get(sorted_one.id)
    assert saved.circle is Circle.SUPPORT and saved.role is None
    assert at.pills(key=f"qualify.{sorted_one.id}.role.support").value is None


def test_a_cell_edited_in_the_table_is_saved():
    at = _qualifier("table")
    first = walk_order(_saved(at).network)[0]

    at.session_state["qualify.table.grid.0"] = {
        "edited_rows": {0: {"trust": 1, "action_text": "Lunch in March"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert_no_error(at)

    saved = _saved(at).network.get(first)
    assert (saved.trust, saved.action_text) == (1, "Lunch in March")


def test_a_value_the_table_cannot_take_is_reported_and_the_rest_is_kept():
    at = _qualifier("table")
    first = walk_order(_saved(at).network)[0]

    at.session_state["qualify.table.grid.0"] = {
        "edited_rows": {0: {"reciprocity": "Sometimes", "action_text": "Write to her"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()

    saved = _saved(at).network.get(first)
    assert saved.action_text == "Write to her"
    assert any("Sometimes" in w.value for w in at.warning)


def test_several_contacts_are_sorted_at_once():
    at = _qualifier("sort")
    at.toggle(key="qualify.sort.unsorted_only").set_value(False).run()
    network = _saved(at).network

    _tick(at, [0, 1, 30])
    at.pills(key="qualify.sort.circle").set_value(Circle.OPERATIONAL).run()
    at.radio(key="qualify.sort.role.operational").set_value(Role.BENEFICIARY).run()
    apply = next(b for b in at.button if b.label.startswith("Place the 3"))
    apply.click().run()
    assert_no_error(at)

    saved = _saved(at).network
    for cid in (network.ids[0], network.ids[1], network.ids[30]):
        assert (saved.get(cid).circle, saved.get(cid).role) == (
            Circle.OPERATIONAL,
            Role.BENEFICIARY,
        )
    assert t("qualify.sort.done.many", "en", count=3, circle="Operational network") in [
        toast.value for toast in at.toast
    ]


def _above_the_sort_table(at: AppTest) -> list[str]:
    """The kinds of the elements drawn above the sorting table, top to bottom."""
    kinds: list[str] = []

    def walk(node) -> bool:
        for child in node.children.values():
            if child.type == "dataframe":
                return True
            kinds.append(child.type)
            if hasattr(child, "children") and walk(child):
                return True
        return False

    assert walk(at.main), "the sorting table is on screen"
    return kinds


def _tick(at: AppTest, rows: list[int]) -> None:
    version = next(v for v in range(20, -1, -1) if f"qualify.sort.table.{v}" in at.session_state)
    at.session_state[f"qualify.sort.table.{version}"] = {
        "selection": {"rows": rows, "columns": [], "cells": []}
    }
    at.run()


def test_nothing_above_the_sort_table_moves_when_contacts_are_placed_or_at_the_next_tick():
    at = _qualifier("sort")
    at.toggle(key="qualify.sort.unsorted_only").set_value(False).run()
    _tick(at, [0, 1])
    at.pills(key="qualify.sort.circle").set_value(Circle.OPERATIONAL).run()
    before = _above_the_sort_table(at)

    next(b for b in at.button if b.label.startswith("Place the 2")).click().run()
    after_placing = _above_the_sort_table(at)
    _tick(at, [5])
    after_next_tick = _above_the_sort_table(at)

    assert_no_error(at)
    assert before == after_placing == after_next_tick
    assert t("qualify.sort.selected.one", "en", count=1, total=31) in texts(at)


def test_a_gap_prompt_adds_people_with_just_a_name():
    at = _qualifier("gaps")
    prompt = t("role.sponsor.prompt", "en")
    assert f"**{prompt}**" in [m.value for m in at.markdown]

    at.text_area(key="qualify.gaps.draft.support.sponsor.0").input("Marie Dupont, Acme").run()
    at.button(key="qualify.gaps.draft.support.sponsor.0.add").click().run()
    assert_no_error(at)

    added = [c for c in _saved(at).network if c.display_name == "Marie Dupont"]
    assert [(c.circle, c.role, c.company) for c in added] == [
        (Circle.SUPPORT, Role.SPONSOR, "Acme")
    ]
    assert at.text_area(key="qualify.gaps.draft.support.sponsor.1").value == ""


def test_a_name_typed_in_a_gap_prompt_survives_a_page_change():
    at = _qualifier("gaps")
    at.text_area(key="qualify.gaps.draft.support.sponsor.0").input("Paul Martin").run()

    goto(at, "pages/plan.py")
    goto(at, "pages/qualifier.py")

    assert at.text_area(key="qualify.gaps.draft.support.sponsor.0").value == "Paul Martin"


def test_the_diagnosis_names_cold_relationships_and_saves_the_five_marks():
    at = _qualifier("diagnosis", lang="fr")

    assert any("se sont refroidies" in w.value for w in [*at.error, *at.warning])
    at.segmented_control(key="qualify.marks.support.trust").set_value(2).run()

    assert _saved(at).network.marks[Circle.SUPPORT]["trust"] == 2


def test_a_trainer_changes_a_threshold_and_the_method_text_follows():
    at = _qualifier("settings")

    at.slider[0].set_value(70.0)
    submit = next(b for b in at.button if b.label == t("qualify.settings.apply", "en"))
    submit.click().run()
    assert_no_error(at)

    assert _saved(at).settings.potential_threshold == 70.0
    assert "Potential is high from 70 out of 100" in texts(at)


def test_a_choice_the_browser_sends_as_plain_text_is_saved_as_the_methods_value(demo, memory_store):
    # In a browser, session state holds "sponsor", not Role.SPONSOR: the card must not keep a str.
    from reseau.ui.qualify_card import _saver
    from reseau.ui.state import Workspace

    session: dict = {}
    ws = Workspace(session, memory_store)
    ws.set_network(demo)
    victor = next(c for c in demo if c.circle is Circle.OPERATIONAL and c.role is None)
    session["role"] = "lending_manager"
    session["status"] = "in_progress"
    session["kinds"] = ["support"]
    session["trust"] = "4"

    for field, key in (
        ("role", "role"),
        ("action_status", "status"),
        ("value_kinds", "kinds"),
        ("trust", "trust"),
    ):
        _saver(ws, victor.id, field, key)()

    saved = ws.network.get(victor.id)
    assert saved.role is Role.LENDING_MANAGER
    assert saved.action_status is ActionStatus.IN_PROGRESS
    assert saved.value_kinds == {ValueKind.SUPPORT}
    assert saved.trust == 4


def test_settings_show_weights_and_thresholds_as_whole_numbers_not_decimals():
    from tests.apptest import goto, open_app

    at = goto(open_app(demo=True), "pages/qualifier.py")
    at.get("button_group")[0].set_value("settings").run()

    formats = {w.label: w.proto.format for w in (*at.number_input, *at.slider) if w.proto.format}
    assert formats and set(formats.values()) <= {"%g", "%d"}


def test_taking_contacts_out_of_their_circle_counts_only_those_that_have_one():
    at = _qualifier("sort", lang="fr")
    network = _saved(at).network
    unsorted = [c for c in network if not c.is_sorted]
    loose = next(place for place, c in enumerate(unsorted) if c.circle is None)
    half = next(c for c in unsorted if c.circle is not None)

    _tick(at, [loose])
    assert next(b for b in at.button if b.label == t("qualify.sort.clear.none", "fr")).disabled
    _tick(at, [0, 1])
    take_out = next(b for b in at.button if b.label == t("qualify.sort.clear.one", "fr", count=1))
    take_out.click().run()

    assert_no_error(at)
    assert _saved(at).network.get(half.id).circle is None
    assert [toast.value for toast in at.toast] == [t("qualify.sort.cleared.one", "fr", count=1)]


def test_switching_the_sorting_list_clears_the_ticks_instead_of_moving_them_to_other_people():
    at = _qualifier("sort", lang="fr")
    at.toggle(key="qualify.sort.unsorted_only").set_value(False).run()
    _tick(at, [0, 1])

    at.toggle(key="qualify.sort.unsorted_only").set_value(True).run()

    assert t("qualify.sort.selected.none", "fr", count=0, total=2) in texts(at)


def test_the_cards_radar_is_drawn_only_when_the_participant_asks_for_it():
    from tests.apptest import goto, open_app

    at = goto(open_app(demo=True), "pages/qualifier.py")
    at.get("button_group")[0].set_value("card").run()
    assert not [c for c in at.get("plotly_chart")]

    at.toggle(key="qualify.radar.show").set_value(True).run()

    assert len(at.get("plotly_chart")) == 1


def test_why_this_score_is_written_when_the_participant_opens_it_and_not_before():
    at = _qualifier("card", lang="fr")
    rank_title = f"**{t('field.rank', 'fr')}**"
    assert rank_title not in texts(at)

    at.session_state["qualify.why"] = True
    at.run()

    assert_no_error(at)
    assert rank_title in texts(at)
    assert f"**{t('field.potential', 'fr')}**" in texts(at)


def test_the_diagnosis_shows_the_shape_of_the_network_with_its_formula_once_pairs_are_answered(
    demo,
):
    from itertools import combinations

    from reseau.acquaintances import Acquaintance, WhoKnowsWhom

    support = [c.id for c in demo if c.circle is Circle.SUPPORT][:5]
    links = WhoKnowsWhom()
    for a, b in combinations(support, 2):
        links = links.with_pair(a, b, Acquaintance.KNOW)
    workbook_id = store().create(Workbook(network=demo, links=links))
    at = goto(open_app(lang="fr", wb=workbook_id), "pages/qualifier.py")
    at.segmented_control[0].set_value("diagnosis").run()
    assert_no_error(at)

    shown = texts(at)
    assert "contacts du Réseau de soutien se connaissent tous" in shown
    assert "Densité du Réseau de soutien = paires qui se connaissent ÷ paires renseignées" in shown
    assert "Taille effective (Burt, sous la forme de Borgatti)" in shown
