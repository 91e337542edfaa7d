"""« Qui connaît qui » on the Qualifier screen: each answer saved at once, unknown apart from no."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction
from reseau.i18n import Lang, t
from reseau.storage import open_store
from reseau.ui.qualify_links import GRID_LIMIT
from reseau.ui.state import Workspace
from tests.apptest import assert_no_error, goto, like_a_browser, open_app, stored_workbook, texts


def _links_step(lang: str = "fr") -> AppTest:
    at = like_a_browser(goto(open_app(demo=True, lang=lang), "pages/qualifier.py"))
    at.segmented_control[0].set_value("links").run()
    assert_no_error(at)
    return at


def _by_key(widgets, prefix: str):  # type: ignore[no-untyped-def]
    found = [w for w in widgets if str(w.key).startswith(prefix)]
    assert len(found) == 1, (prefix, [w.key for w in widgets])
    return found[0]


def _knows(at: AppTest, contact_id: str):  # type: ignore[no-untyped-def]
    return _by_key(at.multiselect, f"links.knows.{contact_id}.")


def _cell(at: AppTest, a: str, b: str):  # type: ignore[no-untyped-def]
    first, second = sorted((a, b))
    return _by_key(at.button, f"links.cell.{first}.{second}")


def _cell_value(at: AppTest, a: str, b: str, lang: str = "fr") -> str:
    shown = _cell(at, a, b).label
    return next(v for v in ("unknown", "know", "strangers") if t(f"links.cell.{v}", lang) == shown)


def _answer(at: AppTest, a: str, b: str, answer: str, lang: str = "fr") -> None:
    """Clicks the pair's cell until it shows `answer` (each click moves to the next answer)."""
    for _ in range(3):
        if _cell_value(at, a, b, lang) == answer:
            return
        _cell(at, a, b).click().run()
        assert_no_error(at)
    assert _cell_value(at, a, b, lang) == answer


def _members(at: AppTest) -> list[str]:
    return list(_by_key(at.multiselect, "links.members.").value)


def _grid(at: AppTest, lang: str = "fr") -> AppTest:
    view = next(s for s in at.segmented_control if s.label == t("links.view", lang))
    view.set_value("grid").run()
    assert_no_error(at)
    return at


def _switch_language(at: AppTest, lang: str) -> None:
    # As the sidebar's switch does (tests/pages/test_card_state_machine.py drives it the same way).
    Workspace(at.session_state, open_store()).set_lang(Lang(lang))
    at.run()
    assert_no_error(at)


def test_the_step_asks_about_the_qualified_contacts_by_default():
    at = _links_step()
    stored = stored_workbook(at)

    qualified = {c.id for c in stored.network if c.is_qualified}
    assert set(_members(at)) == qualified
    assert stored.links.is_empty


def test_a_connait_aussi_answer_is_saved_and_shows_on_the_other_contacts_list():
    at = _links_step()
    a, b, c = _members(at)[:3]

    _knows(at, a).set_value([b, c]).run()

    assert_no_error(at)
    links = stored_workbook(at).links
    assert links.between(a, b) is Acquaintance.KNOW
    assert links.between(a, c) is Acquaintance.KNOW
    assert links.between(b, c) is None
    assert _knows(at, b).value == [a]
    assert _knows(at, c).value == [a]


def test_a_name_taken_out_of_connait_aussi_goes_back_to_unknown_not_to_no():
    at = _links_step()
    a, b, c = _members(at)[:3]
    _knows(at, a).set_value([b, c]).run()

    _knows(at, a).set_value([c]).run()

    links = stored_workbook(at).links
    assert links.between(a, b) is None
    assert links.between(a, c) is Acquaintance.KNOW


def test_a_pairs_grid_answer_is_saved_and_shows_in_the_lists():
    at = _grid(_links_step())
    a, b, c = _members(at)[:3]

    _answer(at, a, b, "know")
    _answer(at, a, c, "strangers")

    assert_no_error(at)
    links = stored_workbook(at).links
    assert links.between(a, b) is Acquaintance.KNOW
    assert links.between(a, c) is Acquaintance.STRANGERS
    view = next(s for s in at.segmented_control if s.label == t("links.view", "fr"))
    view.set_value("each").run()
    assert _knows(at, a).value == [b]
    assert t("links.strangers", "fr", names=stored_workbook(at).network.get(c).display_name) in (
        texts(at)
    )


def test_unknown_and_no_stay_different_in_the_grid_and_in_the_store():
    at = _grid(_links_step())
    a, b, c = _members(at)[:3]
    _answer(at, a, b, "strangers")
    _answer(at, a, c, "know")

    _answer(at, a, c, "unknown")

    links = stored_workbook(at).links
    assert links.between(a, b) is Acquaintance.STRANGERS
    assert links.between(a, c) is None
    assert (a, c) not in links.pairs and (c, a) not in links.pairs
    assert _cell_value(at, a, b) == "strangers"
    assert _cell_value(at, a, c) == "unknown"


def test_a_connait_aussi_answer_keeps_a_no_given_in_the_grid():
    at = _grid(_links_step())
    a, b, c = _members(at)[:3]
    _answer(at, a, b, "strangers")
    view = next(s for s in at.segmented_control if s.label == t("links.view", "fr"))
    view.set_value("each").run()

    _knows(at, a).set_value([c]).run()

    links = stored_workbook(at).links
    assert links.between(a, b) is Acquaintance.STRANGERS
    assert links.between(a, c) is Acquaintance.KNOW


def test_the_grid_shows_at_most_fifteen_contacts_and_says_so():
    at = _grid(_links_step())
    people = GRID_LIMIT

    cells = [b for b in at.button if str(b.key).startswith("links.cell.")]

    assert len(_members(at)) > GRID_LIMIT
    assert len(cells) == people * (people - 1) // 2
    assert t("links.grid.first", "fr", limit=GRID_LIMIT) in texts(at)


def test_an_introduction_by_a_contact_is_saved_with_the_contact_who_made_it():
    at = _links_step()
    a, b = _members(at)[:2]

    _by_key(at.pills, f"links.intro.{a}.").set_value(IntroducedBy.CONTACT).run()
    _by_key(at.selectbox, f"links.introducer.{a}.").set_value(b).run()

    assert_no_error(at)
    assert stored_workbook(at).links.introduction(a) == Introduction(IntroducedBy.CONTACT, b)
    _by_key(at.pills, f"links.intro.{a}.").set_value(IntroducedBy.EVENT).run()
    assert stored_workbook(at).links.introduction(a) == Introduction(IntroducedBy.EVENT)
    assert not [s for s in at.selectbox if str(s.key).startswith(f"links.introducer.{a}.")]


def test_an_introduction_given_on_the_card_shows_in_the_step_and_back():
    at = like_a_browser(goto(open_app(demo=True, lang="fr"), "pages/qualifier.py"))
    at.segmented_control[0].set_value("card").run()
    shown = stored_workbook(at).cursor or stored_workbook(at).network.ids[0]
    card_intro = _by_key(at.pills, f"card.intro.{shown}.")

    card_intro.set_value(IntroducedBy.SELF).run()

    assert_no_error(at)
    assert stored_workbook(at).links.introduction(shown) == Introduction(IntroducedBy.SELF)
    at.segmented_control[0].set_value("links").run()
    if shown in _members(at):
        assert _by_key(at.pills, f"links.intro.{shown}.").value == IntroducedBy.SELF


def test_answers_survive_a_change_of_language_and_more_can_be_given_after_it():
    at = _links_step()
    a, b, c = _members(at)[:3]
    _knows(at, a).set_value([b]).run()

    _switch_language(at, "en")

    assert t("links.knows", "en", name=stored_workbook(at).network.get(a).display_name) in [
        m.label for m in at.multiselect
    ]
    assert _knows(at, a).value == [b]
    _grid(at, "en")
    assert _cell_value(at, a, b, "en") == "know"
    _answer(at, b, c, "strangers", "en")
    assert_no_error(at)
    links = stored_workbook(at).links
    assert links.between(a, b) is Acquaintance.KNOW
    assert links.between(b, c) is Acquaintance.STRANGERS
    assert links.between(a, c) is None


def test_answers_are_still_there_after_leaving_the_screen_and_coming_back():
    at = _links_step()
    a, b, c = _members(at)[:3]
    _knows(at, a).set_value([b, c]).run()
    _by_key(at.pills, f"links.intro.{b}.").set_value(IntroducedBy.ORGANISATION).run()

    goto(at, "pages/plan.py")
    goto(at, "pages/qualifier.py")

    assert at.segmented_control[0].value == "links"
    assert _knows(at, a).value == [b, c]
    assert _knows(at, c).value == [a]
    assert _by_key(at.pills, f"links.intro.{b}.").value == IntroducedBy.ORGANISATION


def test_a_smaller_chosen_set_is_asked_about_and_the_default_comes_back():
    at = _links_step()
    a, b, c = _members(at)[:3]

    _by_key(at.multiselect, "links.members.").set_value([a, b, c]).run()

    assert _members(at) == [a, b, c]
    assert _knows(at, a).options == [
        stored_workbook(at).network.get(x).display_name for x in (b, c)
    ]
    next(b for b in at.button if b.key == "links.members.reset").click().run()
    assert len(_members(at)) > 3


def test_a_connait_aussi_answer_keeps_the_pairs_with_contacts_outside_the_chosen_set():
    at = _links_step()
    a, b, c = _members(at)[:3]
    _knows(at, a).set_value([b, c]).run()
    _by_key(at.multiselect, "links.members.").set_value([a, b]).run()

    _knows(at, a).set_value([]).run()

    links = stored_workbook(at).links
    assert links.between(a, b) is None
    assert links.between(a, c) is Acquaintance.KNOW


def test_on_a_phone_each_pair_is_asked_with_the_names_as_typed_not_as_markdown():
    from reseau.contact import Contact
    from reseau.network import Network
    from reseau.ui.markdown import escape_markdown
    from reseau.workbook import Workbook

    bold, image = "**Ana**", "![Marc](https://example.com/x.png)"
    contacts = (Contact(first_name=bold), Contact(first_name=image))
    workbook_id = open_store().create(Workbook(network=Network(contacts=contacts)))
    at = goto(open_app(lang="fr", wb=workbook_id), "pages/qualifier.py")
    at.session_state["reseau.screen.narrow"] = True  # what the width report says on a phone
    at.segmented_control[0].set_value("links").run()
    _grid(at)

    labels = [box.label for box in at.selectbox if str(box.key).startswith("links.pair.")]

    assert labels == [t("links.pair", "fr", a=escape_markdown(image), b=escape_markdown(bold))]


def test_an_introduction_given_after_a_change_of_language_is_saved():
    at = _links_step()
    a = _members(at)[0]
    _switch_language(at, "en")

    _by_key(at.pills, f"links.intro.{a}.").set_value(IntroducedBy.ORGANISATION).run()

    assert_no_error(at)
    assert stored_workbook(at).links.introduction(a) == Introduction(IntroducedBy.ORGANISATION)
    assert _by_key(at.pills, f"links.intro.{a}.").value == IntroducedBy.ORGANISATION
