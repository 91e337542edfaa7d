"""How long each chart takes to build, and how much JSON it sends to the browser, by size.

On copies of the qualified demo contacts (50, 150, 500 and 2,000 by default) it builds each
chart of `reseau.charts` a few times and prints the median milliseconds and the size of the
figure's JSON. Beyond `DETAIL_LIMIT` contacts the circle charts group people by role and
quadrant, so their cost should stop growing with the network. Not part of the test suite:
timings depend on the machine.

    python benchmarks/bench_charts.py [--sizes 50,150,500,2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reseau.charts import concentric, matrix, radar, sunburst  # noqa: E402
from reseau.contact import Contact  # noqa: E402
from reseau.demo import load_demo_network  # noqa: E402
from reseau.i18n import Lang  # noqa: E402
from reseau.network import Network  # noqa: E402
from reseau.scoring import score_network  # noqa: E402

TODAY = date(2026, 11, 27)


def network_of(size: int) -> Network:
    qualified = [c for c in load_demo_network() if c.is_qualified]
    return Network(
        contacts=tuple(
            Contact(
                **{**qualified[i % len(qualified)].__dict__, "first_name": f"P{i}", "id": f"c{i}"}
            )
            for i in range(size)
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,150,500,2000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    charts = {
        "sunburst": lambda n, s: sunburst(n, s, Lang.FR),
        "concentric": lambda n, s: concentric(n, s, Lang.FR),
        "matrix": lambda n, s: matrix(n, s, Lang.FR),
        "radar": lambda n, s: radar(n, s, Lang.FR, today=TODAY),
    }
    print(f"{'contacts':>8} {'chart':<11} {'median ms':>9} {'JSON kB':>8}")
    for size in (int(part) for part in args.sizes.split(",")):
        network = network_of(size)
        scores = score_network(network, today=TODAY)
        for name, build in charts.items():
            timings = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                figure = build(network, scores)
                timings.append((time.perf_counter() - start) * 1000)
            kilobytes = len(figure.to_json()) / 1000
            print(f"{size:>8} {name:<11} {statistics.median(timings):>9.0f} {kilobytes:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
