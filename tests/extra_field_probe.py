"""Run alone (`python tests/extra_field_probe.py`): declares two more contact fields, as a
developer would add them to `reseau.contact_fields.FIELDS`, then reports as JSON what the rest
of the app made of them. `tests/test_contact_fields.py` runs it in its own process, so the extra
field never leaks into the other tests.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reseau import contact_fields  # noqa: E402
from reseau.contact_fields import FieldKind, FieldSpec, Grid  # noqa: E402
from reseau.vocabulary import Scale  # noqa: E402

# The one declaration: a date, in the contacts grid, with two titles other programs write.
EXTRA = FieldSpec(
    "met_on",
    FieldKind.DATE,
    grids=frozenset({Grid.CONTACTS}),
    synonyms=("Première rencontre", "First met"),
)
# And a scored criterion of the table mode, on a 1-5 scale of its own.
ENERGY = Scale("energy")
SCORED = FieldSpec("energy", FieldKind.SCALE, scale=ENERGY, grids=frozenset({Grid.QUALIFY}))
contact_fields.FIELDS = (*contact_fields.FIELDS[:-1], EXTRA, SCORED, contact_fields.FIELDS[-1])

# Its labels, as they would be written in both catalogues.
from reseau.i18n import Lang, catalogue, t  # noqa: E402

catalogue(Lang.FR)["field.met_on"] = "Rencontré le"
catalogue(Lang.EN)["field.met_on"] = "Met on"
for lang, title in ((Lang.FR, "Énergie"), (Lang.EN, "Energy")):
    catalogue(lang)["field.energy"] = title
    catalogue(lang)["criterion.energy"] = title
    catalogue(lang)["criterion.energy.help"] = title

# Only now the rest of the app, which reads the declarations when it is imported.
from reseau.contact import Contact  # noqa: E402
from reseau.contact_table import TABLE_FIELDS, contact_from_fields, headers  # noqa: E402
from reseau.editing import IDENTITY_COLUMNS, QUALIFY_COLUMNS, editor_frame, qualify_frame  # noqa: E402
from reseau.errors import ScoreOutOfScale  # noqa: E402
from reseau.export.xlsx import build_xlsx  # noqa: E402
from reseau.importing import read_contacts  # noqa: E402
from reseau.importing.mapping import guess_mapping  # noqa: E402
from reseau.network import Network  # noqa: E402
from reseau.serialization import contact_to_dict, workbook_from_json, workbook_to_json  # noqa: E402
from reseau.ui.field_columns import field_columns  # noqa: E402
from reseau.workbook import Workbook  # noqa: E402


def observe() -> dict[str, Any]:
    """What each part of the app does with the extra field."""
    anne = Contact(first_name="Anne", last_name="Leroy", id="anne")
    anne = anne.with_changes(met_on=date(2024, 3, 5), energy=4)
    workbook = Workbook(network=Network((anne,)))
    stored = workbook_from_json(workbook_to_json(workbook)).network.get("anne")
    v3 = (ROOT / "tests" / "fixtures" / "v3" / "stored_workbook.json").read_text("utf-8")
    old = workbook_from_json(v3).network.get("demo04")
    csv = "Prénom;Nom;Première rencontre;Énergie\nBruno;Caron;05/03/2024;3\n".encode()
    imported = read_contacts(csv, "contacts.csv").contacts[0]
    exported = build_xlsx(workbook, lang=Lang.EN, today=date(2026, 11, 29))
    reimported = read_contacts(exported, "reseau.xlsx").contacts[0]
    _, warnings = contact_from_fields({"first_name": "Chloé", "met_on": "un jour", "energy": "9"})
    try:
        anne.with_changes(energy=7)
        refused = None
    except ScoreOutOfScale as problem:
        refused = problem.params
    ws = SimpleNamespace(lang=Lang.FR, t=lambda key, **params: t(key, Lang.FR, **params))
    column = field_columns(ws, IDENTITY_COLUMNS)["met_on"]
    scored = field_columns(ws, QUALIFY_COLUMNS)["energy"]
    qualify = qualify_frame(workbook.network, Lang.FR, ["anne"])
    return {
        "table_fields": list(TABLE_FIELDS),
        "headers_fr": headers(Lang.FR),
        "contacts_grid": list(IDENTITY_COLUMNS),
        "qualify_grid": list(QUALIFY_COLUMNS),
        "editor_frame": list(editor_frame(workbook.network, Lang.FR).columns),
        "grid_column": {"label": column["label"], "type": column["type_config"]["type"]},
        "scored_column": {
            "label": scored["label"],
            "type": scored["type_config"]["type"],
            "range": [scored["type_config"]["min_value"], scored["type_config"]["max_value"]],
        },
        "qualify_cell": [str(qualify["energy"].dtype), int(qualify["energy"].iloc[0])],
        "stored_value": [contact_to_dict(anne)["met_on"], contact_to_dict(anne)["energy"]],
        "read_back": [stored.met_on.isoformat(), stored.energy],
        "old_workbook_value": [old.met_on, old.energy],
        "mapping": guess_mapping(["Rencontré le", "Met on", "First met", "Première rencontre"]),
        "imported": [imported.met_on.isoformat(), imported.energy],
        "exported_and_imported": [reimported.met_on.isoformat(), reimported.energy],
        "warnings": [(w.field, w.value) for w in warnings],
        "refused": refused,
    }


if __name__ == "__main__":
    print(json.dumps(observe(), ensure_ascii=False))
