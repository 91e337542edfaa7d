"""Python's « None », « nan » or « NaT » never reach a screen, in either language.

Every screen is opened with the demo network plus contacts that leave nearly everything blank,
a participant without a name or mission, and every mode, tab, preview and chart drawn: the card
(on a blank contact, its radar and explanations open), the plan, the import and export previews,
the trainer's room and the participant's comparison with it. Everything shown is read: texts,
widget labels, options and values, table cells and headers, and every string of every chart.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from reseau.contact import Contact
from reseau.demo import load_demo_network
from reseau.network import Network
from reseau.storage import open_store
from reseau.vocabulary import Circle, Role
from reseau.workbook import Workbook
from tests.apptest import assert_no_error, goto, open_app
from tests.importing import files

LEAKS = re.compile(r"(?<![\w])(None|nan|NaN|NaT|<NA>|null|undefined)(?![\w])")
LANGS = ["fr", "en"]
PASSWORD = "Atelier-2026!"
BLANK_ID = "blank1"
SPARSE = (
    Contact(id=BLANK_ID, last_name="Seul"),
    Contact(id="blank2", first_name="Inès", circle=Circle.SUPPORT),
    Contact(id="blank3", first_name="Zoé", circle=Circle.OPERATIONAL, role=Role.OTHER),
)
IMPORT_WITH_BLANKS = files.csv_text(
    [
        ["Prénom", "Nom", "Entreprise", "Cercle", "Confiance", "Échéance"],
        ["Anne", "", "", "Soutien", "", ""],
        ["", "Roux", "ACME", "", "4", "pas une date"],
        ["", "", "", "", "", ""],
    ],
    ";",
).encode("utf-8")


def _workbook(**changes: Any) -> Workbook:
    network = Network(contacts=(*load_demo_network().contacts, *SPARSE))
    return Workbook(network=network, cursor=BLANK_ID, **changes)


def _stored(lang: str, **changes: Any) -> AppTest:
    workbook_id = open_store().create(_workbook(**changes))
    return open_app(wb=workbook_id, lang=lang)


def _nodes(node: Any) -> Iterator[Any]:
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for child in children.values():
        yield from _nodes(child)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _shown(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the screen shows."""
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if kind == "bidi_component":
            continue  # a component's script and its data, never shown as text
        if kind == "plotly_chart":
            figure = json.loads(proto.spec)
            for text in _strings(figure):
                yield "chart", text
        elif kind == "dataframe":
            frame = node.value
            yield "table header", " | ".join(map(str, frame.columns))
            blank_shown_empty = proto.HasField("placeholder") and proto.placeholder == ""
            for cell in frame.to_numpy().ravel().tolist():
                if _is_blank(cell):
                    if not blank_shown_empty:
                        yield "table blank cell", "None"
                else:
                    yield "table cell", str(cell)
        elif kind == "html":
            # What the HTML shows: its text, not the scripts and styles that come with it.
            body = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", proto.body)
            yield kind, re.sub(r"<[^>]+>", " ", body)
        else:
            # The element as Streamlit sends it: labels, values, options, help, placeholders.
            for line in str(proto).splitlines():
                if not line.strip().startswith(("id:", "form_id:", "key:")):
                    yield kind, line


def _is_blank(cell: Any) -> bool:
    blank = pd.isna(cell)
    return bool(blank) if isinstance(blank, bool | np.bool_) else False


def _assert_no_leak(at: AppTest, screen: str) -> None:
    assert_no_error(at)
    leaks = [(where, text[:160]) for where, text in _shown(at) if LEAKS.search(text)]
    assert leaks == [], screen


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_screen_shows_no_python_blank(lang):
    _assert_no_leak(_stored(lang), "accueil")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("mode", ["sort", "gaps", "card", "table", "diagnosis", "settings"])
def test_every_qualifier_mode_shows_no_python_blank(lang, mode):
    at = goto(_stored(lang), "pages/qualifier.py")
    at.segmented_control[0].set_value(mode).run()
    if mode == "card":
        at.toggle(key="qualify.radar.show").set_value(True).run()
        for expander in at.expander:
            expander.proto.expanded = True

    _assert_no_leak(at, mode)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "page", ["pages/carte.py", "pages/plan.py", "pages/bilans.py", "pages/exporter.py"]
)
def test_the_map_plan_assessments_and_export_show_no_python_blank(lang, page):
    at = goto(_stored(lang), page)
    _assert_no_leak(at, page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_export_once_built_shows_no_python_blank(lang):
    at = goto(_stored(lang), "pages/exporter.py")
    next(b for b in at.button if b.proto.type == "primary").click().run()

    _assert_no_leak(at, "export built")


@pytest.mark.parametrize("lang", LANGS)
def test_the_import_preview_shows_no_python_blank(lang):
    at = goto(_stored(lang), "pages/importer.py")
    at.file_uploader[0].upload("contacts.csv", IMPORT_WITH_BLANKS)
    at.run()

    _assert_no_leak(at, "import preview")


def _room(lang: str) -> tuple[str, str]:
    """A revealed workshop of three, one of them with blank contacts and no name."""
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    for _ in range(2):
        store.join_workshop(workshop.code, Workbook(network=load_demo_network()))
    mine, _ = store.join_workshop(workshop.code, _workbook())
    store.reveal_room(workshop.code, True)
    return workshop.code, mine


@pytest.mark.parametrize("lang", LANGS)
def test_the_participants_comparison_with_the_room_shows_no_python_blank(lang):
    _, mine = _room(lang)

    at = goto(open_app(wb=mine, lang=lang), "pages/carte.py")

    _assert_no_leak(at, "room comparison")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("presenting", [False, True])
def test_the_trainers_room_shows_no_python_blank(monkeypatch, lang, presenting):
    monkeypatch.setenv("RESEAU_TRAINER_PASSWORD", PASSWORD)
    code, _ = _room(lang)
    at = open_app(lang=lang)
    if presenting:
        at.query_params["present"] = code
    at = goto(at, "pages/formateur.py")
    at.text_input[0].input(PASSWORD)
    at.button[0].click()

    at.run()

    _assert_no_leak(at, "trainer")
