"""A save file whose hidden sheet was edited still imports: what is invalid is left out."""

from __future__ import annotations

import json

from reseau.i18n import t
from reseau.scoring import DEFAULT_SETTINGS
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app, stored_workbook
from tests.export.test_metadata import edited_export


def test_an_edited_hidden_sheet_is_announced_in_the_preview_and_the_rest_restored(demo):
    settings = {
        "strength_threshold": 65.0,
        "cold_after_days": "abc",
        "strength_weights": {"trust": 1e999},
        "unknown": 1,
    }
    network = demo.with_details(participant="Camille")
    data = edited_export(Workbook(network=network), settings=json.dumps(settings))
    at = goto(open_app(lang="fr"), "pages/importer.py")
    at.file_uploader[0].upload("reseau.xlsx", data)
    at.run()
    assert_no_error(at)

    warnings = [w.value for w in at.warning if "feuille cachée" in w.value]
    assert len(warnings) == 1
    assert "settings.cold\\_after\\_days" in warnings[0]
    assert "settings.unknown" in warnings[0]

    next(b for b in at.button if b.label.startswith("Importer ")).click()
    at.run()
    assert_no_error(at)

    restored = stored_workbook(at)
    assert len(restored.network) == len(demo)
    assert restored.network.participant == "Camille"
    assert restored.settings.strength_threshold == 65.0
    assert restored.settings.cold_after_days == DEFAULT_SETTINGS.cold_after_days
    assert restored.settings.strength_weights == DEFAULT_SETTINGS.strength_weights
    assert t("import.restored", "fr") in [s.value for s in at.info]


def test_the_settings_screen_opens_after_restoring_an_edited_save_file(demo):
    data = edited_export(Workbook(network=demo), settings=json.dumps({"cold_after_days": 1e9}))
    at = goto(open_app(lang="fr"), "pages/importer.py")
    at.file_uploader[0].upload("reseau.xlsx", data)
    at.run()
    next(b for b in at.button if b.label.startswith("Importer ")).click()
    at.run()

    at = goto(at, "pages/qualifier.py")
    at.segmented_control[0].set_value("settings").run()

    assert_no_error(at)


def test_the_settings_screen_opens_for_a_workbook_stored_with_impossible_settings(demo):
    from reseau.scoring import ScoringSettings
    from reseau.ui.resources import store

    weights = {**DEFAULT_SETTINGS.strength_weights, "trust": 1e12}
    broken = ScoringSettings(strength_weights=weights, cold_after_days="abc")  # type: ignore[arg-type]
    workbook_id = store().create(Workbook(network=demo, settings=broken))
    at = goto(open_app(lang="fr", wb=workbook_id), "pages/qualifier.py")

    at.segmented_control[0].set_value("settings").run()

    assert_no_error(at)
