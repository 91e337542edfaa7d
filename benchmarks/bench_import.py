"""How long the whole import of a 5,000-contact .xlsx takes, against a bare openpyxl read.

Run: .venv/bin/python benchmarks/bench_import.py [contacts]
The target (issue 3) is a ratio of at most 0.5: the full pipeline (read, header detection,
mapping, cleaning, duplicate detection) in at most half the time of
`pandas.read_excel(path, engine="openpyxl")` on the same file, measured in the same run.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd

from reseau.importing import read_contacts

FIRST = ["Éloïse", "Jean-François", "Zoë", "Noël", "Chloé", "Mathéo", "Inès", "Kévin", "Léa"]
LAST = ["Dupré-Ménard", "N'Diaye", "Ångström", "Lefèvre", "PÉRIER", "Giraud", "Benali", "Müller"]
COMPANIES = ["Lumières & Cie", "Atelier Brocéliande", "Zéphyr Labs", "Banque Hérissonne"]
CIRCLES = ["Information", "Soutien", "opérationnel", "Réseau de soutien", ""]


def write_workbook(path: Path, contacts: int) -> None:
    rng = random.Random(3)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Contacts"
    sheet.append(["Mes contacts — atelier réseau"])
    sheet.append([])
    sheet.append(
        ["Prénom", "Nom", "Entreprise", "Fonction", "E-mail", "Téléphone", "Cercle", "Confiance"]
    )
    for number in range(contacts):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{number}"
        sheet.append(
            [
                first,
                last,
                rng.choice(COMPANIES),
                "Responsable des achats",
                f"contact{number}@example.com",
                f"+33 6 {number % 100:02d} 98 00 {number % 97:02d}",
                rng.choice(CIRCLES),
                rng.choice([1, 2, 3, 4, 5, None]),
            ]
        )
    book.save(path)


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(contacts: int = 5_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.xlsx"
        write_workbook(path, contacts)
        data = path.read_bytes()
        preview = read_contacts(data, path.name)
        assert len(preview.contacts) == contacts, len(preview.contacts)
        baseline, baseline_median = best_of(
            5, lambda: pd.read_excel(path, engine="openpyxl", header=None)
        )
        ours, ours_median = best_of(5, lambda: read_contacts(data, path.name))
    print(f"contacts: {contacts}, file: {len(data) / 1024:.0f} KiB")
    print(f"pandas.read_excel(openpyxl): best {baseline:.3f} s, median {baseline_median:.3f} s")
    print(f"read_contacts (whole pipeline): best {ours:.3f} s, median {ours_median:.3f} s")
    print(
        f"ratio (best): {ours / baseline:.2f}  ratio (median): {ours_median / baseline_median:.2f}"
    )
    print("target: at most 0.50")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
