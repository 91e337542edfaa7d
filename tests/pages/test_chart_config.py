"""Every chart on every screen gets plotly's config in the screen's language (its mode bar in
French on a French screen): the card's radar and the trainer's room charts included."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from reseau.demo import load_demo_network
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app

ROOT = Path(__file__).resolve().parents[2]


def _configs(at) -> list[dict]:  # type: ignore[no-untyped-def]
    return [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]


def test_every_plotly_chart_call_passes_the_shared_config():
    calls = []
    for path in [*(ROOT / "reseau" / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "plotly_chart":
                config = next((k.value for k in node.keywords if k.arg == "config"), None)
                given = isinstance(config, ast.Call) and ast.unparse(config.func) == "chart_config"
                calls.append((path.name, node.lineno, given))

    assert calls, "the app draws charts"
    assert [call for call in calls if not call[2]] == []


@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr"), ("en", None)])
def test_the_cards_radar_has_its_mode_bar_in_the_screens_language(lang, locale):
    at = goto(open_app(demo=True, lang=lang), "pages/qualifier.py")
    at.segmented_control[0].set_value("card").run()

    at.toggle(key="qualify.radar.show").set_value(True).run()

    assert_no_error(at)
    configs = _configs(at)
    assert len(configs) == 1
    assert configs[0].get("locale") == locale
    assert configs[0]["displaylogo"] is False


def test_the_trainers_room_charts_have_their_mode_bar_in_french(monkeypatch):
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", "Atelier-2026!")
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    store.reveal_room(workshop.code, True)
    at = open_app()
    at.query_params["present"] = workshop.code
    at = goto(at, "pages/formateur.py")
    at.text_input[0].input("Atelier-2026!")
    at.button[0].click()

    at.run()

    assert_no_error(at)
    configs = _configs(at)
    assert len(configs) == 2
    assert all(config.get("locale") == "fr" and "fr" in config["locales"] for config in configs)
