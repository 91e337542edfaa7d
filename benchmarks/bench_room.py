"""What one refresh of the trainer's live room costs when a participant holds 50,000 contacts.

The room tab refreshes every five seconds. Before the summary was cached each refresh, in each
open tab, read every member's workbook and counted it again; now a refresh without a change in
the room reads a few columns and hands back the summary already counted. Both are measured in
the same run on the same store: the baseline is the old refresh (`store.members` +
`summarise_room`), the app's is `ROOMS.summary` with nothing changed. Target: ratio <= 0.05.
CPU-seconds a minute for one open tab are 12 refreshes times the refresh.

    python benchmarks/bench_room.py [--size 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench import best_of, generated_network
from reseau.room import RoomSummaries, summarise_room
from reseau.storage import open_store
from reseau.workbook import Workbook

TARGET = 0.05
REFRESHES_PER_MINUTE = 12


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["RESEAU_DATA_DIR"] = data_dir
        store = open_store(f"sqlite:///{data_dir}/reseau.sqlite3")
        code = store.create_workshop("Benchmark").code
        store.join_workshop(code, Workbook(network=generated_network(args.size)))
        for _ in range(19):
            store.join_workshop(code, Workbook(network=generated_network(30)))
        today = date.today()

        def uncached() -> object:
            return summarise_room(store.workshop(code), store.members(code), today)

        baseline = best_of(uncached, args.repeat)
        first = best_of(lambda: RoomSummaries().summary(store, code, today), args.repeat)
        rooms = RoomSummaries()
        rooms.summary(store, code, today)
        cached = best_of(lambda: rooms.summary(store, code, today), args.repeat * 10)

    ratio = cached / baseline
    print(f"room of 20 participants, one holding {args.size:,} contacts")
    print(f"  refresh before (read + count every time): {baseline * 1000:9.1f} ms")
    print(f"  first refresh after a change (cached):     {first * 1000:9.1f} ms")
    print(f"  refresh without a change (cached):         {cached * 1000:9.1f} ms")
    print(
        f"  one open tab, CPU-s a minute: {baseline * REFRESHES_PER_MINUTE:.2f} before, "
        f"{cached * REFRESHES_PER_MINUTE:.3f} now"
    )
    print(f"  ratio {ratio:.4f} (target <= {TARGET}): {'ok' if ratio <= TARGET else 'OVER'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
