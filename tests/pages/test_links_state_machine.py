"""« Qui connaît qui » driven at random: lists, grid, introductions and store agree with a model.

A hypothesis state machine answers « connaît aussi… » lists, grid cells and « Qui vous l'a
présenté ? » in any order, changes the set of contacts asked about, switches view and language,
and leaves for another page and comes back. After every step it checks that no error is shown,
that the store holds exactly the model's pairs (an unanswered pair absent, never stored as
« no ») and introductions, and that every list, cell and choice on screen shows the model.

`make test` runs a few short sequences (about fifteen seconds); `RESEAU_LONG_PROPERTY=1` runs more.
"""

from __future__ import annotations

import os

import hypothesis.strategies as hs
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from streamlit.testing.v1 import AppTest

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, pair
from reseau.i18n import Lang, t
from reseau.storage import open_store
from reseau.ui.state import Workspace
from tests.apptest import assert_no_error, goto, like_a_browser, open_app, stored_workbook

LONG = os.environ.get("RESEAU_LONG_PROPERTY") == "1"
POOL = 7  # the first contacts of the demo the machine picks its sets from: runs stay short
ANSWERS = ("unknown", "know", "strangers")  # the order a grid cell's clicks go through


class LinksMachine(RuleBasedStateMachine):
    """One participant on the « Qui connaît qui » step, answering anything in any order."""

    at: AppTest
    pairs: dict[tuple[str, str], Acquaintance]
    introductions: dict[str, Introduction]
    members: list[str]
    pool: list[str]
    view: str
    lang: str

    @initialize(size=hs.integers(2, 5))
    def open_the_step(self, size: int) -> None:
        self.at = like_a_browser(goto(open_app(demo=True, lang="fr"), "pages/qualifier.py"))
        self.at.segmented_control[0].set_value("links").run()
        stored = stored_workbook(self.at)
        self.pool = [c.id for c in stored.network if c.is_qualified][:POOL]
        self.pairs, self.introductions, self.view, self.lang = {}, {}, "each", "fr"
        self._choose(self.pool[:size])

    # --- helpers ---
    def _widget(self, widgets, prefix: str):  # type: ignore[no-untyped-def]
        found = [w for w in widgets if str(w.key).startswith(prefix)]
        assert len(found) == 1, (prefix, [w.key for w in widgets])
        return found[0]

    def _choose(self, chosen: list[str]) -> None:
        self._widget(self.at.multiselect, "links.members.").set_value(chosen).run()
        scores = Workspace(self.at.session_state, open_store()).scores()
        self.members = sorted(chosen, key=lambda cid: scores[cid].rank or 0)

    def _known_by(self, contact_id: str) -> set[str]:
        return {
            b if a == contact_id else a
            for (a, b), state in self.pairs.items()
            if state is Acquaintance.KNOW and contact_id in (a, b)
        }

    def _set_view(self, view: str) -> None:
        chooser = next(
            s for s in self.at.segmented_control if s.label == t("links.view", self.lang)
        )
        chooser.set_value(view).run()
        self.view = view

    # --- answering ---
    @rule(data=hs.data())
    def answer_connait_aussi(self, data: hs.DataObject) -> None:
        if self.view != "each":
            self._set_view("each")
        who = data.draw(hs.sampled_from(self.members))
        others = [cid for cid in self.members if cid != who]
        named = data.draw(hs.lists(hs.sampled_from(others), unique=True))
        self._widget(self.at.multiselect, f"links.knows.{who}.").set_value(named).run()
        for other in others:
            key = pair(who, other)
            if other in named:
                self.pairs[key] = Acquaintance.KNOW
            elif self.pairs.get(key) is Acquaintance.KNOW:
                del self.pairs[key]  # left out of the list: back to unknown, not to « no »

    @rule(data=hs.data(), clicks=hs.integers(1, 3))
    def click_a_grid_cell(self, data: hs.DataObject, clicks: int) -> None:
        if self.view != "grid":
            self._set_view("grid")
        two = hs.lists(hs.sampled_from(self.members), min_size=2, max_size=2, unique=True)
        first, second = pair(*data.draw(two))
        for _ in range(clicks):
            self._widget(self.at.button, f"links.cell.{first}.{second}").click().run()
            state = self.pairs.get((first, second))
            after = ANSWERS[(ANSWERS.index("unknown" if state is None else state.value) + 1) % 3]
            if after == "unknown":
                self.pairs.pop((first, second), None)
            else:
                self.pairs[(first, second)] = Acquaintance(after)

    @rule(data=hs.data(), by=hs.sampled_from([None, *IntroducedBy]))
    def say_who_introduced(self, data: hs.DataObject, by: IntroducedBy | None) -> None:
        if self.view != "each":
            self._set_view("each")
        who = data.draw(hs.sampled_from(self.members))
        self._widget(self.at.pills, f"links.intro.{who}.").set_value(by).run()
        before = self.introductions.get(who)
        if by is None:
            self.introductions.pop(who, None)
        elif by is IntroducedBy.CONTACT and before is not None and before.by is by:
            pass  # choosing « un contact du réseau » again keeps the contact named
        else:
            self.introductions[who] = Introduction(by)

    @rule(data=hs.data())
    def name_the_introducer(self, data: hs.DataObject) -> None:
        if self.view != "each":
            self._set_view("each")
        waiting = [
            cid
            for cid in self.members
            if (i := self.introductions.get(cid)) is not None and i.by is IntroducedBy.CONTACT
        ]
        if not waiting:
            return
        who = data.draw(hs.sampled_from(waiting))
        introducer = data.draw(hs.sampled_from([c for c in self.pool if c != who]))
        self._widget(self.at.selectbox, f"links.introducer.{who}.").set_value(introducer).run()
        self.introductions[who] = Introduction(IntroducedBy.CONTACT, introducer)

    # --- changing what is shown ---
    @rule(data=hs.data())
    def choose_other_contacts(self, data: hs.DataObject) -> None:
        chosen = data.draw(
            hs.lists(hs.sampled_from(self.pool), min_size=2, max_size=5, unique=True)
        )
        if self.view != "each":
            self._set_view("each")  # the set is chosen above either view; any will do
        self._choose(chosen)

    @rule()
    def switch_language(self) -> None:
        self.lang = "en" if self.lang == "fr" else "fr"
        Workspace(self.at.session_state, open_store()).set_lang(Lang(self.lang))
        self.at.run()

    @rule()
    def leave_and_come_back(self) -> None:
        goto(self.at, "pages/plan.py")
        goto(self.at, "pages/qualifier.py")

    # --- what must hold after every step ---
    @invariant()
    def nothing_went_wrong(self) -> None:
        assert_no_error(self.at)

    @invariant()
    def the_store_holds_exactly_the_answered_pairs(self) -> None:
        assert dict(stored_workbook(self.at).links.pairs) == self.pairs

    @invariant()
    def the_store_holds_exactly_the_introductions_given(self) -> None:
        assert dict(stored_workbook(self.at).links.introductions) == self.introductions

    @invariant()
    def the_screen_shows_the_model(self) -> None:
        if self.view == "each":
            for who in self.members:
                pills = self._widget(self.at.pills, f"links.intro.{who}.")
                given = self.introductions.get(who)
                assert pills.value == (None if given is None else given.by), who
            for who in self.members:
                shown = self._widget(self.at.multiselect, f"links.knows.{who}.").value
                assert set(shown) == self._known_by(who) & set(self.members), who
            return
        for i, a in enumerate(self.members):
            for b in self.members[:i]:
                first, second = pair(a, b)
                cell = self._widget(self.at.button, f"links.cell.{first}.{second}")
                state = self.pairs.get((first, second))
                answer = "unknown" if state is None else state.value
                assert cell.label == t(f"links.cell.{answer}", self.lang)


def test_any_sequence_of_answers_keeps_lists_grid_and_store_in_step() -> None:
    run_state_machine_as_test(
        LinksMachine,
        settings=settings(
            max_examples=30 if LONG else 3,
            stateful_step_count=40 if LONG else 12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            print_blob=True,
        ),
    )
