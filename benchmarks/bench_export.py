"""How long the Excel export takes for 5,000 contacts, against a bare `DataFrame.to_excel`.

Both write the same contacts in the same run: the bare baseline is `DataFrame.to_excel(path,
engine="openpyxl")` of the contact table (one row per contact, the Contacts sheet's columns);
the app writes its whole workbook (Synthèse with charts, Plan d'action, Contacts, Méthode and
the hidden metadata sheet). Target: ratio <= 3. Timings are the best of a few runs.

    python benchmarks/bench_export.py [--size 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench import best_of, generated_network
from reseau.contact_table import contact_to_record, headers
from reseau.export.xlsx import write_xlsx
from reseau.i18n import Lang
from reseau.workbook import Workbook

TARGET = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    network = generated_network(args.size)
    workbook = Workbook(network=network, lang=Lang.FR)
    frame = pd.DataFrame([contact_to_record(c, Lang.FR) for c in network], columns=None).set_axis(
        headers(Lang.FR), axis=1
    )
    today = date.today()
    with tempfile.TemporaryDirectory(prefix="reseau-bench-export-") as folder:
        bare_path = Path(folder) / "bare.xlsx"
        app_path = Path(folder) / "reseau.xlsx"
        bare = best_of(
            lambda: frame.to_excel(bare_path, engine="openpyxl", index=False), args.repeat
        )
        ours = best_of(lambda: write_xlsx(workbook, app_path, today=today), args.repeat)
        sizes = (bare_path.stat().st_size, app_path.stat().st_size)
    ratio = ours / bare
    print(f"contacts: {args.size}")
    print(f"DataFrame.to_excel (openpyxl): {bare:.2f} s  ({sizes[0] / 1e6:.1f} MB)")
    print(f"Réseau workbook (4 sheets + charts): {ours:.2f} s  ({sizes[1] / 1e6:.1f} MB)")
    print(f"ratio: {ratio:.2f}  (target <= {TARGET}: {'met' if ratio <= TARGET else 'NOT met'})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
