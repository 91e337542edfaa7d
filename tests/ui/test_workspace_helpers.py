"""Workspace's helpers for values derived from the workbook and for widgets drawn afresh."""

from __future__ import annotations

import pandas as pd

from reseau.ui.state import Flash, Level, Workspace


def test_a_derived_value_is_computed_once_while_what_it_depends_on_stays_the_same(
    memory_store, demo
):
    ws = Workspace({}, memory_store)
    ws.set_network(demo)
    calls: list[int] = []

    def count() -> int:
        calls.append(1)
        return len(ws.network)

    first = ws.derived("count", count, ws.network, ws.lang)
    ws.set_cursor(demo.contacts[3].id)  # a new workbook, the same network
    second = ws.derived("count", count, ws.network, ws.lang)

    assert (first, second, len(calls)) == (31, 31, 1)


def test_a_derived_value_is_computed_again_when_the_network_changes(memory_store, demo):
    ws = Workspace({}, memory_store)
    ws.set_network(demo)
    ws.derived("count", lambda: len(ws.network), ws.network)

    ws.remove_contacts([demo.contacts[0].id])

    assert ws.derived("count", lambda: len(ws.network), ws.network) == 30


def test_a_dependency_without_plain_equality_is_compared_by_identity(memory_store):
    ws = Workspace({}, memory_store)
    frame = pd.DataFrame({"a": [1, 2]})
    ws.derived("rows", lambda: len(frame), frame)

    again = ws.derived("rows", lambda: -1, frame)
    other = ws.derived("rows", lambda: -2, pd.DataFrame({"a": [1, 2]}))

    assert (again, other) == (2, -2)


def test_resetting_widgets_gives_them_a_new_number_and_leaves_the_others_alone(memory_store):
    ws = Workspace({}, memory_store)

    ws.reset_widgets("plan.editor")
    ws.reset_widgets("plan.editor")

    assert (ws.resets("plan.editor"), ws.resets("plan.unplanned")) == (2, 0)


def test_a_message_level_given_as_text_is_kept_as_the_level(memory_store):
    ws = Workspace({}, memory_store)

    ws.flash("toast", "Enregistré")

    assert ws.pop_flashes() == [Flash(Level.TOAST, "Enregistré")]
