"""Soak test of the store: 30 sessions saving into one SQLite file for a minute, as processes.

Each process opens its own engine on the same file (as separate app processes would), joins one
workshop, then saves its workbook again and again (the demo network, a new version each time)
while a reader loads the whole room every second, like the trainer's dashboard. At the end every
workbook must hold the last version its writer saved, and no save may have failed.

    .venv/bin/python benchmarks/soak_store.py [--writers 30] [--seconds 60] [--url URL]

Prints the number of saves, their latency (median, 95th percentile, worst) and any error; exits
with status 1 if anything was lost or failed.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reseau.demo import load_demo_network
from reseau.storage import open_store
from reseau.workbook import Workbook


def writer(url: str, code: str, seconds: float, results: mp.Queue) -> None:
    store = open_store(url)
    network = load_demo_network()
    latencies: list[float] = []
    version = 0
    workbook_id = ""
    try:
        workbook = Workbook(network=network, workshop_code=code)
        workbook_id, _ = store.join_workshop(code, workbook)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            contact = network.contacts[(version + 1) % len(network)]
            workbook = workbook.with_changes(
                network=workbook.network.with_details(mission=f"version {version + 1}"),
                cursor=contact.id,
            )
            started = time.perf_counter()
            store.save(workbook_id, workbook)
            latencies.append(time.perf_counter() - started)
            version += 1
        results.put((workbook_id, version, latencies, None))
    except Exception as problem:  # reported, not raised: the parent counts failures
        results.put((workbook_id, version, latencies, repr(problem)))


def reader(url: str, code: str, seconds: float, results: mp.Queue) -> None:
    store = open_store(url)
    reads = 0
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            store.members(code)
            reads += 1
            time.sleep(1)
        results.put(("reader", reads, [], None))
    except Exception as problem:
        results.put(("reader", reads, [], repr(problem)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="reseau-soak-") as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'reseau.sqlite3'}"
        store = open_store(url)
        code = store.create_workshop("Soak").code
        context = mp.get_context("spawn")
        results: mp.Queue = context.Queue()
        processes = [
            context.Process(target=writer, args=(url, code, args.seconds, results))
            for _ in range(args.writers)
        ]
        processes.append(context.Process(target=reader, args=(url, code, args.seconds, results)))
        started = time.monotonic()
        for process in processes:
            process.start()
        outcomes = [results.get(timeout=args.seconds + 120) for _ in processes]
        for process in processes:
            process.join()
        elapsed = time.monotonic() - started

        errors = [error for *_, error in outcomes if error]
        lost = []
        latencies: list[float] = []
        saves = 0
        for workbook_id, version, timings, error in outcomes:
            if workbook_id == "reader" or error:
                continue
            saves += version
            latencies.extend(timings)
            stored = store.load(workbook_id).network.mission
            if stored != f"version {version}":
                lost.append((workbook_id[:6], version, stored))
        members = len(store.members(code))
        reads = next(version for workbook_id, version, *_ in outcomes if workbook_id == "reader")

    latencies.sort()
    print(f"store: {'SQLite (one file)' if url.startswith('sqlite') else url.split('@')[-1]}")
    print(f"{args.writers} writer processes + 1 reader for {args.seconds:.0f} s ({elapsed:.1f} s)")
    print(f"saves: {saves} ({saves / args.seconds:.0f}/s), room reads: {reads}")
    if latencies:
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(
            f"save latency: median {statistics.median(latencies) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms, worst {latencies[-1] * 1000:.1f} ms"
        )
    print(f"workbooks in the workshop: {members}/{args.writers}")
    print(f"errors: {len(errors)} {errors[:3]}")
    print(f"lost updates: {len(lost)} {lost[:3]}")
    return 1 if errors or lost or members != args.writers else 0


if __name__ == "__main__":
    sys.exit(main())
