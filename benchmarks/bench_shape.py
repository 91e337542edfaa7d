"""How long the network's shape takes, against the concentric map built in the same run.

On copies of the qualified demo contacts with every pair answered (half of them « se
connaissent », drawn at random with a fixed seed), it times `network_shape`, the diagnosis's
shape findings and `links_figure`, and prints each as a ratio to `concentric` on the same
network (the chart the links view adds to), plus networkx's own `constraint` for reference
(what `ego_measures` replaces). Not part of the test suite: timings depend on the machine.

    python benchmarks/bench_shape.py [--sizes 15,40,150] [--repeat 3] [--know 0.5]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from benchmarks.bench_charts import TODAY, network_of  # noqa: E402
from reseau.acquaintances import Acquaintance, WhoKnowsWhom, pair  # noqa: E402
from reseau.charts import concentric  # noqa: E402
from reseau.charts.links import links_figure  # noqa: E402
from reseau.diagnosis import shape_findings  # noqa: E402
from reseau.i18n import Lang  # noqa: E402
from reseau.network import Network  # noqa: E402
from reseau.network_shape import alters_graph, network_shape  # noqa: E402
from reseau.scoring import DEFAULT_SETTINGS, score_network  # noqa: E402


def answered(network: Network, know: float) -> WhoKnowsWhom:
    draw = random.Random(20)
    return WhoKnowsWhom(
        {
            pair(a, b): Acquaintance.KNOW if draw.random() < know else Acquaintance.STRANGERS
            for a, b in itertools.combinations(network.ids, 2)
        }
    )


def median_ms(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def networkx_constraint(network: Network, links: WhoKnowsWhom) -> float:
    graph = nx.Graph(alters_graph(network, links))
    graph.add_edges_from((("ego",), node) for node in list(graph.nodes))
    return nx.constraint(graph, nodes=[("ego",)])[("ego",)]


def measure(size: int, know: float, repeat: int) -> dict[str, float]:
    """Median milliseconds of each step on `size` contacts with every pair answered."""
    network = network_of(size)
    links = answered(network, know)
    scores = score_network(network, today=TODAY)
    shape = network_shape(network, links, scores)
    timed = {
        "concentric (baseline)": median_ms(lambda: concentric(network, scores, Lang.FR), repeat),
        "network_shape": median_ms(lambda: network_shape(network, links, scores), repeat),
        "shape_findings": median_ms(
            lambda: shape_findings(network, links, scores, DEFAULT_SETTINGS), repeat
        ),
        "links_figure": median_ms(
            lambda: links_figure(network, links, shape, Lang.FR, scores=scores), repeat
        ),
    }
    if size <= 60:  # networkx's constraint grows as the cube of the alters
        timed["networkx constraint"] = median_ms(
            lambda: networkx_constraint(network, links), repeat
        )
    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15,40,150")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--know", type=float, default=0.5)
    args = parser.parse_args(argv)
    print(f"{'contacts':>8} {'pairs':>6} {'what':<22} {'median ms':>9} {'× concentric':>12}")
    for size in (int(part) for part in args.sizes.split(",")):
        timed = measure(size, args.know, args.repeat)
        base = timed["concentric (baseline)"]
        pairs = size * (size - 1) // 2
        for what, ms in timed.items():
            print(f"{size:>8} {pairs:>6} {what:<22} {ms:>9.1f} {ms / base:>12.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
