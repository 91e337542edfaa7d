"""Version 5 of the workbook document: the day each first action was marked done."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from reseau.demo import load_demo_network
from reseau.export.metadata import read_metadata
from reseau.export.xlsx import build_xlsx
from reseau.importing import read_contacts
from reseau.serialization import (
    FORMAT_VERSION,
    read_workbook,
    upgrade,
    workbook_from_json,
    workbook_to_dict,
    workbook_to_json,
)
from reseau.vocabulary import ActionStatus
from reseau.workbook import Workbook

DONE_ON = date(2026, 12, 3)
V4 = Path(__file__).parent / "fixtures" / "v4"


def _with_a_done_action() -> Workbook:
    network = load_demo_network().update("demo04", action_status=ActionStatus.DONE)
    return Workbook(network=network, actions_done={"demo04": DONE_ON})


def test_the_day_an_action_was_done_reads_back_from_the_store():
    again = workbook_from_json(workbook_to_json(_with_a_done_action()))

    assert FORMAT_VERSION == 5
    assert again.actions_done == {"demo04": DONE_ON}


def test_a_version_4_document_upgrades_with_no_day_recorded():
    document = json.loads((V4 / "stored_workbook.json").read_text(encoding="utf-8"))
    assert document["version"] == 4

    upgraded = upgrade(document)
    workbook = read_workbook(document)

    assert (upgraded["version"], upgraded["actions_done"]) == (5, {})
    assert workbook.workbook.actions_done == {}
    assert workbook.dropped == ()


def test_unusable_days_are_left_out_and_named():
    document = workbook_to_dict(_with_a_done_action())
    document["actions_done"] = {"demo04": "2026-12-03", "demo05": "hier", "ghost": "2026-12-01"}

    read = read_workbook(json.loads(json.dumps(document)))

    assert read.workbook.actions_done == {"demo04": DONE_ON}
    assert {"actions_done.demo05", "actions_done.ghost"} <= set(read.dropped)
    assert read_workbook({**document, "actions_done": ["demo04"]}).dropped == ("actions_done",)


def test_the_excel_save_file_carries_the_day_in_its_hidden_sheet():
    data = build_xlsx(_with_a_done_action(), lang="fr", today=date(2026, 12, 4))

    saved = read_metadata(data)
    assert saved is not None
    restored = saved.restore(read_contacts(data, "reseau_export.xlsx").contacts)

    assert restored.actions_done == {"demo04": DONE_ON}
    assert restored.network.get("demo04").action_status is ActionStatus.DONE
