"""The card driven at random, as people do: every answer stays on the contact it was given to.

A hypothesis state machine clicks through the « Fiche par fiche » card in any order: it sets any
field to any value, walks (previous, next, skip, next not qualified, jump), changes the filter,
switches language, leaves for another page and comes back, and reopens the link in a new
session. The app is driven like a browser (`like_a_browser`: a selectbox sends back the label it
last showed). After every step it checks that no error is shown, that the card shows the contact
a plain model says it should, and that the store holds exactly the model's contacts.

`make test` runs a few short sequences; `RESEAU_LONG_PROPERTY=1` runs many longer ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import hypothesis.strategies as hs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from streamlit.testing.v1 import AppTest

from reseau.contact import CONTACT_FIELDS, REQUIRED_FOR_QUALIFIED, SCALE_FIELDS
from reseau.i18n import Lang, t
from reseau.storage import open_store
from reseau.ui.state import Workspace
from reseau.vocabulary import (
    ActionStatus,
    Circle,
    ContactNature,
    ContactResult,
    Reciprocity,
    Role,
    ValueKind,
    roles_of,
)
from tests.apptest import (
    assert_no_error,
    browser_label,
    goto,
    like_a_browser,
    open_app,
    stored_workbook,
)
from tests.conftest import TODAY

LONG = os.environ.get("RESEAU_LONG_PROPERTY") == "1"
ALL, UNSORTED = "all", "unsorted"
FILTERS = (ALL, *(circle.value for circle in Circle), UNSORTED)
CHOICES: dict[str, type] = {
    "reciprocity": Reciprocity,
    "last_contact_nature": ContactNature,
    "last_contact_result": ContactResult,
}
TEXTS = ("last_contact_note", "action_text")
WORDS = ("", "Appeler", "Déjeuner en mars", "  Écrire à Léa  ", "Call back")
# Within the card's limits on any day: a last contact is in the past, a due date any time.
PAST_DATES = hs.dates(date(2020, 1, 1), TODAY - timedelta(days=1))
DUE_DATES = hs.dates(date(2024, 1, 1), date(2030, 12, 31))


@dataclass
class Model:
    """What the participant did, kept as plain data: contacts as dicts, and where they are."""

    contacts: dict[str, dict[str, Any]]
    entry_order: list[str]
    cursor: str | None
    lang: str
    wanted: str = ALL
    skipped: set[str] = field(default_factory=set)

    def qualified(self, cid: str) -> bool:
        return all(self.contacts[cid][name] is not None for name in REQUIRED_FOR_QUALIFIED)

    def order(self, wanted: str | None = None, keep: str | None = None) -> list[str]:
        """Circle by circle in the method's order, then the unsorted; entry order inside."""
        wanted = self.wanted if wanted is None else wanted
        circles = list(Circle)

        def group(cid: str) -> int:
            circle = self.contacts[cid]["circle"]
            return len(circles) if circle is None else circles.index(circle)

        def fits(cid: str) -> bool:
            circle = self.contacts[cid]["circle"]
            if wanted == ALL or cid == keep:
                return True
            if wanted == UNSORTED:
                # The app's one « non classé »: no circle, or a circle but no role yet.
                return circle is None or self.contacts[cid]["role"] is None
            return circle is not None and circle.value == wanted

        ids = sorted(self.entry_order, key=lambda cid: (group(cid), self.entry_order.index(cid)))
        return [cid for cid in ids if fits(cid)]

    def walk(self) -> list[str]:
        return self.order(keep=self.cursor)

    def shown(self) -> str | None:
        order = self.walk()
        if self.cursor in order:
            return self.cursor
        return order[0] if order else None

    def next_open(self, skipped: set[str]) -> str | None:
        order, here = self.walk(), self.shown()
        if here is None:
            return None
        start = order.index(here)
        others = [order[(start + i) % len(order)] for i in range(1, len(order))]
        open_ids = [cid for cid in others if not self.qualified(cid)]
        fresh = [cid for cid in open_ids if cid not in skipped]
        if fresh or open_ids:
            return (fresh or open_ids)[0]
        return None if self.qualified(here) else here

    def step(self, delta: int) -> str | None:
        order, here = self.walk(), self.shown()
        if here is None:
            return None
        return order[min(max(order.index(here) + delta, 0), len(order) - 1)]

    def set(self, cid: str, name: str, value: Any) -> None:
        contact = self.contacts[cid]
        if name in (*TEXTS, "role_other"):
            value = value.strip()
        if name == "circle":
            if value is None:
                contact.update(circle=None, role=None, role_other="")
            else:
                if contact["role"] not in roles_of(value):
                    contact.update(role=None, role_other="")
                contact["circle"] = value
        else:
            contact[name] = value
        if name == "action_text" and value and contact["action_due"] is None:
            # A first action typed without a date is due in two weeks.
            contact["action_due"] = TODAY + timedelta(days=14)


class CardMachine(RuleBasedStateMachine):
    """One participant on the card, clicking anything in any order."""

    at: AppTest
    model: Model

    @initialize()
    def open_the_card(self) -> None:
        self.at = like_a_browser(goto(open_app(demo=True, lang="fr"), "pages/qualifier.py"))
        self._card_mode()
        stored = stored_workbook(self.at)
        self.model = Model(
            contacts={c.id: {n: getattr(c, n) for n in CONTACT_FIELDS} for c in stored.network},
            entry_order=list(stored.network.ids),
            cursor=stored.cursor,
            lang="fr",
        )

    # --- helpers ---
    def _card_mode(self) -> None:
        mode = self.at.segmented_control[0]
        if mode.value != "card":
            mode.set_value("card").run()
            assert_no_error(self.at)

    def _button(self, key: str):  # type: ignore[no-untyped-def]
        label = t(key, self.model.lang if hasattr(self, "model") else "fr")
        return next(b for b in self.at.button if b.label == label)

    def _here(self) -> str:
        here = self.model.shown()
        assert here is not None
        return here

    def _edit(self, name: str, value: Any) -> None:
        cid = self._here()
        key = f"qualify.{cid}.{name}"
        if name == "role":
            key = f"qualify.{cid}.role.{self.model.contacts[cid]['circle'].value}"
        kind = {
            "circle": "segmented_control",
            "action_status": "segmented_control",
            "role": "pills",
            "value_kinds": "pills",
            "last_contact_date": "date_input",
            "action_due": "date_input",
            "role_other": "text_input",
            "last_contact_note": "text_input",
            "action_text": "text_area",
            **dict.fromkeys(SCALE_FIELDS, "segmented_control"),
            **dict.fromkeys(CHOICES, "pills"),
        }[name]
        widget = getattr(self.at, kind)(key=key)
        if kind in ("text_input", "text_area"):
            widget.input(value)
        else:
            widget.set_value(sorted(value) if name == "value_kinds" else value)
        widget.run()
        self.model.set(cid, name, value)
        self.model.cursor = cid
        self.edited = cid

    # --- setting any field to any value ---
    @precondition(lambda self: self.model.shown() is not None)
    @rule(value=hs.sampled_from([None, *Circle]))
    def set_circle(self, value: Circle | None) -> None:
        self._edit("circle", value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(choice=hs.integers(0, 6))
    def set_role(self, choice: int) -> None:
        circle = self.model.contacts[self._here()]["circle"]
        if circle is None:
            return
        roles = [None, *roles_of(circle)]
        self._edit("role", roles[choice % len(roles)])

    @precondition(
        lambda self: (
            self.model.shown() is not None
            and self.model.contacts[self.model.shown()]["role"] is Role.OTHER
        )
    )
    @rule(value=hs.sampled_from(WORDS))
    def describe_other_role(self, value: str) -> None:
        self._edit("role_other", value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(name=hs.sampled_from(sorted(SCALE_FIELDS)), value=hs.sampled_from([None, 1, 2, 3, 4, 5]))
    def set_scale(self, name: str, value: int | None) -> None:
        self._edit(name, value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(name=hs.sampled_from(sorted(CHOICES)), data=hs.data())
    def set_choice(self, name: str, data: hs.DataObject) -> None:
        self._edit(name, data.draw(hs.sampled_from([None, *CHOICES[name]])))

    @precondition(lambda self: self.model.shown() is not None)
    @rule(value=hs.frozensets(hs.sampled_from(list(ValueKind))))
    def set_value_kinds(self, value: frozenset[ValueKind]) -> None:
        self._edit("value_kinds", value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(name=hs.sampled_from(TEXTS), value=hs.sampled_from(WORDS))
    def type_text(self, name: str, value: str) -> None:
        self._edit(name, value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(value=PAST_DATES)
    def set_last_contact_date(self, value: date) -> None:
        self._edit("last_contact_date", value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(value=DUE_DATES)
    def set_due_date(self, value: date) -> None:
        self._edit("action_due", value)

    @precondition(lambda self: self.model.shown() is not None)
    @rule(value=hs.sampled_from(list(ActionStatus)))
    def set_status(self, value: ActionStatus) -> None:
        self._edit("action_status", value)

    # --- moving ---
    @precondition(lambda self: self.model.shown() is not None)
    @rule(delta=hs.sampled_from([-1, 1]))
    def previous_or_next(self, delta: int) -> None:
        button = self._button("qualify.next" if delta > 0 else "qualify.previous")
        target = self.model.step(delta)
        assert button.disabled == (target == self.model.shown())
        if not button.disabled:
            button.click().run()
            self.model.cursor = target

    @precondition(lambda self: self.model.shown() is not None)
    @rule()
    def skip(self) -> None:
        self._button("qualify.skip").click().run()
        here = self.model.shown()
        self.model.skipped.add(here)
        target = self.model.next_open(self.model.skipped)
        self.model.cursor = target if target is not None else self.model.step(+1)

    @precondition(lambda self: self.model.shown() is not None)
    @rule()
    def next_not_qualified(self) -> None:
        self._button("qualify.next_open").click().run()
        target = self.model.next_open(self.model.skipped)
        if target is not None:
            self.model.cursor = target

    @precondition(lambda self: self.model.shown() is not None)
    @rule(place=hs.integers(0, 40))
    def jump(self, place: int) -> None:
        jump = next(s for s in self.at.selectbox if s.label == t("qualify.jump", self.model.lang))
        target = self.model.walk()[place % len(self.model.walk())]
        jump.set_value(target).run()
        self.model.cursor = target

    @rule(wanted=hs.sampled_from(FILTERS))
    def change_filter(self, wanted: str) -> None:
        chooser = next(
            s for s in self.at.selectbox if s.label == t("qualify.filter", self.model.lang)
        )
        chooser.set_value(wanted).run()
        if wanted != self.model.wanted:
            self.model.wanted = wanted
            order = self.model.order(wanted)
            if self.model.cursor not in order:
                self.model.cursor = order[0] if order else None

    # --- leaving and coming back ---
    @rule()
    def switch_language(self) -> None:
        lang = "en" if self.model.lang == "fr" else "fr"
        Workspace(self.at.session_state, open_store()).set_lang(Lang(lang))
        self.at.run()
        self.model.lang = lang

    @rule()
    def leave_and_come_back(self) -> None:
        goto(self.at, "pages/plan.py")
        goto(self.at, "pages/qualifier.py")

    @rule()
    def reopen_the_link(self) -> None:
        link = stored_workbook(self.at).cursor, self.at.query_params["wb"]
        workbook_id = link[1][0] if isinstance(link[1], list) else link[1]
        self.at = like_a_browser(goto(open_app(wb=workbook_id), "pages/qualifier.py"))
        self._card_mode()
        self.model.wanted, self.model.skipped = ALL, set()

    # --- what must hold after every step ---
    @invariant()
    def nothing_went_wrong(self) -> None:
        assert_no_error(self.at)

    @invariant()
    def the_card_shows_the_contact_it_should(self) -> None:
        here = self.model.shown()
        if here is None:
            assert t("qualify.filter.empty", self.model.lang) in [i.value for i in self.at.info]
            return
        self.model.cursor = here  # the card moves the cursor onto the contact it shows
        contact = self.model.contacts[here]
        name = " ".join(p for p in (contact["first_name"], contact["last_name"]) if p)
        assert self.at.subheader[0].value == name
        assert self.at.segmented_control(key=f"qualify.{here}.circle").value == contact["circle"]
        jump = next(s for s in self.at.selectbox if s.label == t("qualify.jump", self.model.lang))
        mark = "✓" if self.model.qualified(here) else "○"
        assert browser_label(self.at, jump) == f"{mark} {name}"

    @invariant()
    def every_field_on_the_card_shows_what_is_stored(self) -> None:
        here = self.model.shown()
        if here is None:
            return
        contact = self.model.contacts[here]
        at = self.at
        shown = {
            "circle": at.segmented_control(key=f"qualify.{here}.circle").value,
            "action_status": at.segmented_control(key=f"qualify.{here}.action_status").value,
            "action_text": at.text_area(key=f"qualify.{here}.action_text").value,
            "action_due": at.date_input(key=f"qualify.{here}.action_due").value,
            "last_contact_date": at.date_input(key=f"qualify.{here}.last_contact_date").value,
            "last_contact_note": at.text_input(key=f"qualify.{here}.last_contact_note").value,
            "value_kinds": set(at.pills(key=f"qualify.{here}.value_kinds").value),
            **{n: at.segmented_control(key=f"qualify.{here}.{n}").value for n in SCALE_FIELDS},
            **{n: at.pills(key=f"qualify.{here}.{n}").value for n in CHOICES},
        }
        if contact["circle"] is not None:
            role_key = f"qualify.{here}.role.{contact['circle'].value}"
            shown["role"] = at.pills(key=role_key).value
        for name in TEXTS:  # the field keeps the spaces typed around; the store does not
            shown[name] = shown[name].strip()
        expected = {name: contact[name] for name in shown}
        expected["value_kinds"] = set(contact["value_kinds"])
        assert shown == expected

    @invariant()
    def the_store_holds_what_the_participant_did(self) -> None:
        stored = stored_workbook(self.at)
        assert stored.cursor == self.model.cursor
        assert stored.lang.value == self.model.lang
        for contact in stored.network:
            expected = self.model.contacts[contact.id]
            actual = {n: getattr(contact, n) for n in CONTACT_FIELDS}
            assert actual == expected, contact.display_name


def test_any_sequence_of_card_actions_keeps_every_answer_on_its_contact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RESEAU_TODAY", TODAY.isoformat())  # the model's dates count from it
    run_state_machine_as_test(
        CardMachine,
        settings=settings(
            max_examples=60 if LONG else 3,
            stateful_step_count=60 if LONG else 20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            print_blob=True,
        ),
    )
