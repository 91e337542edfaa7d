"""Removing a contact through the Workspace also removes it from past assessments."""

from __future__ import annotations

from datetime import date

from reseau.assessments import close_assessment
from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.ui.state import Workspace
from reseau.workbook import Workbook


def test_removing_a_contact_removes_it_from_the_assessments_closed_before(memory_store):
    ws = Workspace({}, memory_store)
    workbook = close_assessment(Workbook(network=load_demo_network()), date(2026, 11, 29))
    ws.commit(workbook.with_changes(cadences={"demo04": 10}))

    ws.remove_contacts(["demo04"])

    assert "demo04" not in ws.workbook.assessments[0].by_id()
    assert ws.workbook.cadences == {}


def test_a_contact_deleted_from_a_grid_is_removed_from_past_assessments_too(memory_store):
    ws = Workspace({}, memory_store)
    ws.commit(close_assessment(Workbook(network=load_demo_network()), date(2026, 11, 29)))

    ws.set_network(ws.network.remove("demo04"))

    assert "demo04" not in ws.workbook.assessments[0].by_id()


def test_replacing_the_whole_network_leaves_no_empty_assessment_behind(memory_store):
    ws = Workspace({}, memory_store)
    ws.commit(close_assessment(Workbook(network=load_demo_network()), date(2026, 11, 29)))

    ws.set_network(Network())

    assert ws.workbook.assessments == ()
