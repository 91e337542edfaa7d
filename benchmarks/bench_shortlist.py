"""How long the shortlist step takes on a 5,000-row LinkedIn export, against reading the file.

Run: .venv/bin/python benchmarks/bench_shortlist.py [rows]
The shortlist must stay fast at 5,000 rows (issue 15). Measured in the same run against
the import of the same file (`read_contacts`, which the participant has just waited for):
building the shortlist table once, and one filter change (search + company + job title +
date), which every click on the import screen redoes. Targets: the table at most 0.2x the
import, a filter change at most 0.05x.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date

from reseau.importing import read_contacts
from reseau.importing.shortlist import ShortlistFilter, matching, shortlist_table
from tests.importing.linkedin import connections_csv


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(rows: int = 5_000) -> dict[str, float]:
    data = connections_csv(rows)
    preview = read_contacts(data, "Connections.csv")
    table = shortlist_table(preview)
    chosen = ShortlistFilter("chef", ("Orange", "Airbus"), "projet", date(2026, 1, 1), None)
    baseline = best_of(3, lambda: read_contacts(data, "Connections.csv"))
    build = best_of(5, lambda: shortlist_table(preview))
    change = best_of(5, lambda: matching(table, chosen))
    result = {
        "rows": rows,
        "import_s": round(baseline, 4),
        "table_s": round(build, 4),
        "filter_s": round(change, 4),
        "table_ratio": round(build / baseline, 3),
        "filter_ratio": round(change / baseline, 4),
    }
    print(result)
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5_000)
