"""The demo network a trainer puts on the projector: about thirty invented, qualified contacts."""

from __future__ import annotations

import csv
from pathlib import Path

from reseau.contact_table import contact_from_fields, field_for_header
from reseau.network import Network

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "reseau_demo.csv"


def load_demo_network(path: Path = DEMO_FILE) -> Network:
    """Reads the demo file, which is written in the app's own contact-table layout."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        fields = [field_for_header(h) for h in next(reader)]
        contacts = []
        for row in reader:
            record = {f: v for f, v in zip(fields, row, strict=False) if f}
            contact, _ = contact_from_fields(record)
            contacts.append(contact)
    return Network(contacts=tuple(contacts), participant="Alex", mission="")
