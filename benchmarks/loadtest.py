"""A room of N participants on one server, measured without browsers (Streamlit's own protocol).

Each participant is a `StreamlitSession` (benchmarks/protocol_client.py): it opens the
trainer's demo link (`?demo=1&lang=fr`), goes to Qualifier, picks « Fiche par fiche », then acts
every `--every` seconds (±20 %, first action at a random moment of the first interval) until the
run's time is up, alternating two card interactions: a mark on the current contact (the trust
scale) and « Suivant ». With `--detours K`, every Kth action is a trip instead: the map, the
Excel file (built, downloaded and opened) and back. Every interaction is timed from its
`BackMsg` to the end of the run it caused (`script_finished`).

One run of this script measures, on servers started for the purpose (loopback only, a
throw-away SQLite store, Streamlit's disconnected-session TTL shortened to `--session-ttl`
seconds so its cleanup happens within the run):

- `scenarios`: for each "NxS" (N participants acting every S seconds, e.g. 30x3) a fresh server,
  the latency percentiles of each kind of interaction, errors, interactions per second, the
  server's CPU seconds (all its threads, from /proc) per interaction, its RSS before, at the
  peak, with everyone connected (memory per session), right after everyone left and after the
  session cleanup; then the store is read: every mark the client saw confirmed must be there
  and the walkthrough must stand on the contact shown last ("lost saves");
- `knee`: the smallest N of the scenarios whose p95 is above 1 s;
- `cpu_ratio`: one participant clicking through the card without thinking (`--cpu-actions`
  interactions) against the app and against `benchmarks/bare_card.py` (the same widgets and no
  app), server CPU per interaction of each and their ratio;
- `processes` (with `--processes-compare`): participants without think-time for a fixed time
  through HAProxy (`deploy/haproxy.cfg`) in front of one, then two app processes sharing
  PostgreSQL (`RESEAU_TEST_DATABASE_URL`): interactions per second of each.

The machine's load is recorded too: on a shared machine every figure is also a measure of
the neighbours. JSON goes to `bench-results/loadtest-<timestamp>.json`.

    python benchmarks/loadtest.py [--scenarios 1x3,10x3,30x3,100x5] [--seconds 60]
        [--cpu-actions 40] [--detours 10] [--processes-compare]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import openpyxl  # noqa: E402
from protocol_client import StreamlitSession, fetch_cookies  # noqa: E402

from reseau.i18n import t  # noqa: E402
from reseau.storage import WorkbookNotFound, open_store  # noqa: E402

LANG = "fr"
DEMO_LINK = f"demo=1&lang={LANG}"
MARKED = "trust"
KNEE_S = 1.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
LABEL = {
    "mode": t("qualify.mode", LANG),
    "card": t("qualify.mode.card", LANG),
    "next": t("qualify.next", LANG),
    "previous": t("qualify.previous", LANG),
    "mark": t(f"criterion.{MARKED}", LANG),
    "build": t("export.build", LANG),
    "download": t("export.download", LANG),
    "contacts_sheet": t("export.sheet.contacts", LANG),
}


# --- the server, seen from /proc ------------------------------------------------------------


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes (all their threads) have used so far."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return total


def rss_mb(pids: list[int]) -> float:
    return sum(
        int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE / 2**20 for pid in pids
    )


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy so far, all cores and processes together."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice_, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    return (user + nice_ + system + irq + softirq + steal) / CLOCK_TICKS


def own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def percentiles(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0}
    ordered = sorted(values)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 4)

    return {
        "count": len(ordered),
        "p50": round(statistics.median(ordered), 4),
        "p95": at(0.95),
        "p99": at(0.99),
        "max": round(ordered[-1], 4),
    }


# --- one participant ------------------------------------------------------------------------


def chosen_mark(action: int) -> str:
    return str(1 + action % 5)


@dataclass
class Participant:
    number: int
    latencies: dict[str, list[float]] = field(default_factory=dict)
    workbook_id: str | None = None
    marks: dict[str, int] = field(default_factory=dict)  # contact shown -> mark confirmed
    pending: tuple[str, int] | None = None  # the mark in flight when the run stopped
    shown_last: str | None = None
    exports: list[int] = field(default_factory=list)  # rows of the Contacts sheet
    error: str | None = None
    step: str = "start"
    backend: str | None = None

    def count(self) -> int:
        return sum(len(values) for values in self.latencies.values())


class Journey:
    """One participant's interactions with the app (or the bare card), timed."""

    def __init__(self, who: Participant, session: StreamlitSession) -> None:
        self.who, self.session = who, session

    async def timed(self, kind: str, action: Any) -> None:
        self.who.step = kind
        elapsed = await action
        self.who.latencies.setdefault(kind, []).append(elapsed)
        if self.session.errors:
            raise RuntimeError(f"the app showed an exception: {self.session.errors[0]}")

    def shown(self) -> str | None:
        names = self.session.headings("h3")
        return names[0] if names else None

    async def open(self) -> None:
        await self.timed("open", self.session.open())
        self.who.backend = self.session.backend
        wb = parse_qs(self.session.query_string).get("wb")
        self.who.workbook_id = wb[0] if wb else None
        await self.to_card()

    async def to_card(self) -> None:
        if self.session.find("button", LABEL["next"]) is None and "qualifier" in self.session.pages:
            await self.timed("navigate", self.session.go_to("qualifier"))
        if self.session.find("button", LABEL["next"]) is None:
            await self.timed("mode", self.session.choose(LABEL["mode"], LABEL["card"]))
        self.who.shown_last = self.shown()

    async def act(self, action: int) -> None:
        """One card interaction: a mark on even actions, « Suivant » (or back) on odd ones."""
        if action % 2 == 0:
            name, value = self.shown() or "?", int(chosen_mark(action // 2))
            control = self.session.find("button_group", LABEL["mark"])
            if control is not None and self.session.selected(control) == [str(value)]:
                value = value % 5 + 1  # a person sets a new mark; a click on the same clears it
            self.who.pending = (name, value)
            await self.timed("mark", self.session.choose(LABEL["mark"], str(value)))
            self.who.marks[name] = value
            self.who.pending = None
        else:
            forward = self.session.find("button", LABEL["next"])
            label = LABEL["next"] if forward and not forward.disabled else LABEL["previous"]
            await self.timed("next", self.session.click(label))
            self.who.shown_last = self.shown()

    async def detour(self) -> None:
        """The map, the Excel file built, downloaded and opened, then back to the card."""
        await self.timed("navigate", self.session.go_to("carte"))
        await self.timed("navigate", self.session.go_to("exporter"))
        await self.timed("build export", self.session.click(LABEL["build"]))
        self.who.step = "download"
        start = time.perf_counter()
        data = await asyncio.to_thread(self.session.download, LABEL["download"])
        self.who.latencies.setdefault("download", []).append(time.perf_counter() - start)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        self.who.exports.append(book[LABEL["contacts_sheet"]].max_row)
        await self.to_card()


async def participate(
    who: Participant,
    url: str,
    every: float,
    until: float,
    detours: int,
    rng: random.Random,
    sticky: bool,
) -> None:
    """Plays one participant's journey until the monotonic time `until`."""
    await asyncio.sleep(rng.uniform(0, every))
    cookie = await asyncio.to_thread(fetch_cookies, f"{url}/?{DEMO_LINK}") if sticky else None
    session = StreamlitSession(url, DEMO_LINK, locale="fr-FR", cookie=cookie)
    journey = Journey(who, session)
    try:
        await journey.open()
        action = 0
        while time.monotonic() < until:
            if every:
                await asyncio.sleep(every * rng.uniform(0.8, 1.2))
            if time.monotonic() >= until:
                break
            if detours and action % detours == detours - 1:
                await journey.detour()
            else:
                await journey.act(action)
            action += 1
    except Exception as problem:  # one participant's failure is a figure, not a crash
        who.error = f"at '{who.step}': {type(problem).__name__}: {problem}".splitlines()[0][:300]
    finally:
        await session.close()


# --- the store afterwards -------------------------------------------------------------------


def check_store(database_url: str, participants: list[Participant]) -> dict[str, Any]:
    """Every confirmed mark and the walkthrough's position must be in the store."""
    store = open_store(database_url)
    problems: list[str] = []
    confirmed = lost = 0
    for who in participants:
        if not who.workbook_id:
            problems.append(f"participant {who.number}: no workbook id ({who.step})")
            continue
        try:
            workbook = store.load(who.workbook_id)
        except WorkbookNotFound:
            problems.append(f"participant {who.number}: workbook not found")
            continue
        by_name = {c.display_name: c for c in workbook.network.contacts}
        for name, value in who.marks.items():
            confirmed += 1
            stored = getattr(by_name[name], MARKED) if name in by_name else None
            if stored != value:
                lost += 1
                problems.append(f"participant {who.number}: {name} {MARKED}={stored}, saw {value}")
        cursor = workbook.network.get(workbook.cursor).display_name if workbook.cursor else None
        if who.shown_last and cursor != who.shown_last and not who.error:
            problems.append(f"participant {who.number}: cursor on {cursor}, shown {who.shown_last}")
    return {
        "marks_confirmed": confirmed,
        "marks_lost": lost,
        "problems": problems[:20],
        "problem_count": len(problems),
    }


# --- servers --------------------------------------------------------------------------------


@contextlib.contextmanager
def app_server(script: str, data_dir: Path, ttl: float) -> Any:
    from tests.e2e.cluster import start_app

    server = start_app(
        data_dir,
        {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(int(ttl))},
        script=script,
    )
    try:
        yield server
    finally:
        server.stop()


async def sample_rss(pids: list[int], peak: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        with contextlib.suppress(OSError):
            peak[0] = max(peak[0], rss_mb(pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def warm_up(url: str) -> None:
    """One participant's opening, so the first real one does not pay the imports."""
    async with StreamlitSession(url, DEMO_LINK) as session:
        await Journey(Participant(-1), session).open()


async def crowd(
    url: str,
    pids: list[int],
    count: int,
    every: float,
    seconds: float,
    *,
    detours: int = 0,
    sticky: bool = False,
    seed: int = 13,
) -> dict[str, Any]:
    """N participants for `seconds`; latencies, CPU and memory of the processes `pids`."""
    rng = random.Random(seed)
    participants = [Participant(n) for n in range(count)]
    peak = [rss_mb(pids)]
    rss_before = peak[0]
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pids, peak, stop))
    cpu0, busy0, own0, wall0 = (
        cpu_seconds(pids),
        machine_busy_seconds(),
        own_cpu_seconds(),
        time.monotonic(),
    )
    until = wall0 + seconds
    await asyncio.gather(
        *(
            participate(who, url, every, until, detours, random.Random(rng.random()), sticky)
            for who in participants
        )
    )
    wall = time.monotonic() - wall0
    cpu, busy, own = (
        cpu_seconds(pids) - cpu0,
        machine_busy_seconds() - busy0,
        own_cpu_seconds() - own0,
    )
    stop.set()
    await sampler
    kinds: dict[str, list[float]] = {}
    for who in participants:
        for kind, values in who.latencies.items():
            kinds.setdefault(kind, []).extend(values)
    card = kinds.get("mark", []) + kinds.get("next", [])
    everything = [v for values in kinds.values() for v in values]
    interactions = len(everything)
    errors = [f"participant {w.number}: {w.error}" for w in participants if w.error]
    return {
        "participants": count,
        "every_s": every,
        "seconds": round(wall, 1),
        "interactions": interactions,
        "interactions_per_s": round(interactions / wall, 2),
        "card": percentiles(card),
        "by_kind": {kind: percentiles(values) for kind, values in sorted(kinds.items())},
        "errors": len(errors),
        "error_samples": errors[:5],
        "server_cpu_s": round(cpu, 2),
        "server_cpu_s_per_interaction": round(cpu / interactions, 4) if interactions else None,
        "machine_busy_s": round(busy, 1),
        "client_cpu_s": round(own, 1),
        "rss_mb": {"before": round(rss_before, 1), "peak": round(peak[0], 1)},
        "backends": sorted({w.backend or "" for w in participants}),
        "exports_rows": sorted({rows for w in participants for rows in w.exports}),
        "_participants": participants,
    }


async def scenario(
    count: int, every: float, seconds: float, ttl: float, detours: int, tmp: Path
) -> dict[str, Any]:
    data_dir = tmp / f"scenario-{count}x{every:g}{'-detours' if detours else ''}"
    with app_server("app.py", data_dir, ttl) as server:
        await warm_up(server.url)
        await asyncio.sleep(1)
        result = await crowd(server.url, [server.pid], count, every, seconds, detours=detours)
        rss = result["rss_mb"]
        rss["connected_end"] = round(rss_mb([server.pid]), 1)
        await asyncio.sleep(2)
        rss["after_leaving"] = round(rss_mb([server.pid]), 1)
        # Streamlit drops a disconnected session after the TTL, on its next cleanup pass.
        await asyncio.sleep(ttl + 10)
        rss["after_cleanup"] = round(rss_mb([server.pid]), 1)
        rss["per_session_mb"] = round(max(0.0, rss["peak"] - rss["before"]) / count, 2)
        rss["after_cleanup_vs_before"] = round(rss["after_cleanup"] / rss["before"], 3)
        participants = result.pop("_participants")
        url = f"sqlite:///{data_dir / 'reseau.sqlite3'}"
        result["store"] = await asyncio.to_thread(check_store, url, participants)
    return result


async def cpu_ratio(actions: int, ttl: float, tmp: Path) -> dict[str, Any]:
    """Server CPU per card interaction, app vs bare script, one participant each, no pauses.

    Both servers run at once and take turns, one interaction each: on a shared machine a burst
    of other work then weighs on both alike, so the ratio holds even when the seconds do not.
    """
    out: dict[str, Any] = {"actions": actions, "turns": "app and bare script alternate"}
    scripts = {"app": "app.py", "bare": "benchmarks/bare_card.py"}
    with contextlib.ExitStack() as servers_stack:
        servers = {
            name: servers_stack.enter_context(app_server(script, tmp / f"cpu-{name}", ttl))
            for name, script in scripts.items()
        }
        async with contextlib.AsyncExitStack() as sessions:
            journeys = {}
            for name, server in servers.items():
                session = await sessions.enter_async_context(
                    StreamlitSession(server.url, DEMO_LINK)
                )
                journeys[name] = Journey(Participant(0), session)
                await journeys[name].open()
                for action in range(6):  # warm: the first reruns import and cache
                    await journeys[name].act(action)
            cpu0 = {name: cpu_seconds([server.pid]) for name, server in servers.items()}
            wall = dict.fromkeys(servers, 0.0)
            for action in range(6, 6 + actions):
                for name, journey in journeys.items():
                    start = time.perf_counter()
                    await journey.act(action)
                    wall[name] += time.perf_counter() - start
            cpu = {name: cpu_seconds([server.pid]) - cpu0[name] for name, server in servers.items()}
    for name, journey in journeys.items():
        lat = journey.who.latencies
        out[name] = {
            "cpu_s_per_interaction": round(cpu[name] / actions, 4),
            "wall_s_per_interaction": round(wall[name] / actions, 4),
            "mark": percentiles(lat.get("mark", [])[3:]),
            "next": percentiles(lat.get("next", [])[3:]),
        }
    out["ratio"] = round(
        out["app"]["cpu_s_per_interaction"] / out["bare"]["cpu_s_per_interaction"], 2
    )
    return out


async def processes_compare(count: int, seconds: float, tmp: Path) -> dict[str, Any]:
    """Throughput through HAProxy: one process, then two, sharing PostgreSQL, in one run."""
    from tests.e2e.cluster import haproxy_path, start_cluster

    database_url = os.environ.get("RESEAU_TEST_DATABASE_URL", "").strip()
    if not database_url or not haproxy_path():
        return {"skipped": "needs haproxy and RESEAU_TEST_DATABASE_URL (.ci/postgres.sh)"}
    out: dict[str, Any] = {"participants": count, "every_s": 0}
    for processes in (1, 2):
        cluster = await asyncio.to_thread(
            start_cluster, tmp / f"cluster-{processes}", database_url, processes
        )
        try:
            for app in cluster.apps.values():
                await warm_up(app.url)
            pids = [app.pid for app in cluster.apps.values()]
            result = await crowd(cluster.balancer.url, pids, count, 0, seconds, sticky=True)
            participants = result.pop("_participants")
            result["store"] = await asyncio.to_thread(check_store, database_url, participants)
            out[f"{processes}_process"] = result
        finally:
            await asyncio.to_thread(cluster.stop)
    one, two = out["1_process"]["interactions_per_s"], out["2_process"]["interactions_per_s"]
    out["speed_up"] = round(two / one, 2) if one else None
    return out


def parse_scenarios(text: str) -> list[tuple[int, float]]:
    pairs = []
    for item in text.split(","):
        count, every = item.lower().split("x")
        pairs.append((int(count), float(every)))
    return pairs


def knee(scenarios: list[dict[str, Any]]) -> int | None:
    """The fewest participants whose card p95 is above one second, or None if none was."""
    over = [s["participants"] for s in scenarios if s["card"].get("p95", 0) > KNEE_S]
    return min(over) if over else None


async def run(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    load0 = os.getloadavg()
    result: dict[str, Any] = {
        "started": datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_at_start": [round(x, 2) for x in load0],
        },
        "settings": {
            "seconds": args.seconds,
            "session_ttl_s": args.session_ttl,
            "link": f"/?{DEMO_LINK}",
        },
    }
    with tempfile.TemporaryDirectory(prefix="reseau-loadtest-") as tmp_name:
        tmp = Path(tmp_name)
        if args.cpu_actions:
            log(f"cpu ratio: {args.cpu_actions} card interactions, app then bare script")
            result["cpu_ratio"] = await cpu_ratio(args.cpu_actions, args.session_ttl, tmp)
            log(f"  {json.dumps(result['cpu_ratio'])}")
        scenarios = []
        for count, every in parse_scenarios(args.scenarios) if args.scenarios else []:
            log(f"scenario {count} participants every {every:g} s for {args.seconds:g} s")
            one = await scenario(count, every, args.seconds, args.session_ttl, args.detours, tmp)
            scenarios.append(one)
            log(
                f"  card {one['card']}, errors {one['errors']}, "
                f"{one['interactions_per_s']}/s, cpu/int {one['server_cpu_s_per_interaction']}, "
                f"rss {one['rss_mb']}, store {one['store']['marks_lost']} lost"
            )
        result["scenarios"] = scenarios
        result["knee_participants_p95_over_1s"] = knee(scenarios)
        if args.processes_compare:
            log(f"processes: {args.compare_participants} participants without pauses, 1 then 2")
            result["processes"] = await processes_compare(
                args.compare_participants, args.compare_seconds, tmp
            )
            log(f"  speed-up {result['processes'].get('speed_up')}")
    result["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="1x3,10x3,30x3,100x5", help="NxS,NxS,...")
    parser.add_argument("--seconds", type=float, default=60.0, help="time each scenario acts")
    parser.add_argument("--cpu-actions", type=int, default=40, help="0 skips the CPU ratio")
    parser.add_argument(
        "--detours", type=int, default=0, metavar="K", help="map and Excel file every Kth action"
    )
    parser.add_argument("--session-ttl", type=int, default=10)
    parser.add_argument("--processes-compare", action="store_true")
    parser.add_argument("--compare-participants", type=int, default=12)
    parser.add_argument("--compare-seconds", type=float, default=40.0)
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(f"{datetime.now():%H:%M:%S} {line}", flush=True)

    result = asyncio.run(run(args, log))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"loadtest-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {path}")
    failed = any(s["errors"] or s["store"]["marks_lost"] for s in result["scenarios"])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
