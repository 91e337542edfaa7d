"""A workshop on one server: 30 participants import, qualify and export at the same time.

Starts one `streamlit run` on a loopback port with a throwaway SQLite store, then drives N
concurrent participants (browser contexts sharing one Debian Chromium, async Playwright). Each
participant opens the app, imports their own LinkedIn export, qualifies three contacts through the
walkthrough and downloads the Excel file. It reports:

- p50/p95/max latency of an interaction (a click or an upload until the app is idle again);
- server CPU-seconds per participant journey (from /proc of the server process);
- server memory (RSS) before and after;
- whether every participant's workbook is intact in the store afterwards.

The browser runs on the same machine as the server, so the latencies include its share of the CPU:
they are an upper bound. The run is capped in time (`--max-seconds`, default 480) and always stops
the server. Figures go to `bench-results/loadtest-<timestamp>.json`.

    python benchmarks/loadtest.py [--participants 30] [--max-seconds 480]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from playwright.async_api import Browser, Page, async_playwright  # noqa: E402

from reseau.i18n import t  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server, start_server  # noqa: E402

LANG = "fr"
CONTACTS_PER_FILE = 40
QUALIFIED_PER_PARTICIPANT = 3
IDLE_TIMEOUT_S = 120.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- the server, seen from /proc ------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * PAGE_SIZE / 2**20


# --- one participant ------------------------------------------------------------------------


def linkedin_export(participant: int, contacts: int = CONTACTS_PER_FILE) -> str:
    """A LinkedIn 'Connections.csv' with names only this participant has."""
    rng = random.Random(participant)
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses'
        ' are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    firsts = ["Camille", "Léa", "Hugo", "Inès", "Noé", "Zoé", "Malik", "Chloé", "Jules", "Anaïs"]
    for index in range(contacts):
        first = f"{rng.choice(firsts)}{index}"
        last = f"Participant{participant:02d}"
        lines.append(
            f"{first},{last},https://www.linkedin.com/in/{first}-{last},"
            f"{first.lower()}@example.com,Altéa {index % 7},Chef de projet,12 Mar 2024"
        )
    return "\n".join(lines) + "\n"


@dataclass
class Participant:
    number: int
    file: Path
    latencies: list[float] = field(default_factory=list)
    workbook_id: str | None = None
    qualified: list[str] = field(default_factory=list)
    export_bytes: int = 0
    export_rows: int | None = None
    error: str | None = None
    finished: bool = False


async def wait_idle(page: Page, timeout: float = IDLE_TIMEOUT_S, settle: float = 0.15) -> None:
    """Waits until the script run is over (see tests/e2e/conftest.py: wait_idle)."""
    deadline = time.monotonic() + timeout
    idle_since: float | None = None
    while time.monotonic() < deadline:
        idle = await page.evaluate(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                if (!app) return false;
                return app.getAttribute('data-test-script-state') === 'notRunning'
                    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
                    && !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
                    && !document.querySelector('[data-testid="stAppSkeleton"]');
            }"""
        )
        now = time.monotonic()
        if idle:
            idle_since = idle_since or now
            if now - idle_since >= settle:
                return
        else:
            idle_since = None
        await asyncio.sleep(0.05)
    raise TimeoutError(f"the app was still running after {timeout:.0f} s")


class Timed:
    """Measures one interaction: from the action until the app is idle again."""

    def __init__(self, participant: Participant, page: Page) -> None:
        self.participant, self.page = participant, page

    async def __call__(self, action: Any) -> None:
        start = time.perf_counter()
        await action
        await wait_idle(self.page)
        # The settle time is our own waiting, not the server's: take it off.
        self.participant.latencies.append(time.perf_counter() - start - 0.15)


async def journey(browser: Browser, server: Server, who: Participant) -> None:
    """Opens the app, imports a file, qualifies three contacts, downloads the Excel file."""
    context = await browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(IDLE_TIMEOUT_S * 1000)
    page = await context.new_page()
    timed = Timed(who, page)
    try:
        await timed(page.goto(f"{server.url}/?lang={LANG}"))
        await steps.import_file(page, timed, who)
        await steps.qualify(page, timed, who)
        await steps.export(page, timed, who)
        who.finished = True
    except Exception as problem:  # one participant's failure is a figure, not a crash
        who.error = f"{type(problem).__name__}: {problem}"[:500]
    finally:
        await context.close()


# --- the steps, against the pages' widgets ----------------------------------------------------


class steps:  # noqa: N801 - a namespace for the journey's steps
    """The participant's clicks, page by page (kept in step with tests/e2e journeys)."""

    @staticmethod
    async def nav(page: Page, timed: Timed, title_key: str) -> None:
        link = page.locator('[data-testid="stSidebarNav"] a', has_text=t(title_key, LANG)).first
        await timed(link.click())

    @staticmethod
    async def press(page: Page, timed: Timed, label: str, option: str) -> None:
        """Clicks an option of the segmented control or pills labelled `label`."""
        group = (
            page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]')
            .filter(has=page.locator(f'[aria-label="{label}"]'))
            .first
        )
        exact = re.compile(rf"^\s*{re.escape(option)}\s*$")
        await timed(group.locator("button").filter(has_text=exact).first.click())
        text = await page.locator('[data-testid="stMain"]').inner_text()
        if t("error.unexpected", LANG) in text:
            raise RuntimeError(f"the app showed its unexpected-error message after {label}")

    @staticmethod
    async def import_file(page: Page, timed: Timed, who: Participant) -> None:
        await steps.nav(page, timed, "nav.import")
        uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]').first
        await timed(uploader.set_input_files(str(who.file)))
        confirm = page.locator('[data-testid="stMain"] [data-testid="stBaseButton-primary"]')
        await timed(confirm.first.click())
        who.workbook_id = await page.evaluate("() => new URL(location.href).searchParams.get('wb')")

    @staticmethod
    async def qualify(page: Page, timed: Timed, who: Participant) -> None:
        await steps.nav(page, timed, "nav.qualify")
        await steps.press(page, timed, t("qualify.mode", LANG), t("qualify.mode.card", LANG))
        marks = ("frequency", "trust", "added_value", "interest", "power")
        for number in range(QUALIFIED_PER_PARTICIPANT):
            name = (await page.locator('[data-testid="stMain"] h3').first.inner_text()).strip()
            await steps.press(page, timed, t("field.circle", LANG), t("circle.support", LANG))
            await steps.press(page, timed, t("field.role", LANG), t("role.sponsor", LANG))
            for criterion in marks:
                mark = str(1 + (number + len(criterion)) % 5)
                await steps.press(page, timed, t(f"criterion.{criterion}", LANG), mark)
            who.qualified.append(name)
            next_open = page.get_by_role("button", name=t("qualify.next_open", LANG))
            await timed(next_open.first.click())

    @staticmethod
    async def export(page: Page, timed: Timed, who: Participant) -> None:
        await steps.nav(page, timed, "nav.export")
        build = page.get_by_role("button", name=t("export.build", LANG))
        await timed(build.first.click())
        download_button = page.get_by_role("button", name=t("export.download", LANG))
        async with page.expect_download() as info:
            await download_button.first.click()
        data = Path(await (await info.value).path()).read_bytes()
        who.export_bytes = len(data)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        who.export_rows = book[t("export.sheet.contacts", LANG)].max_row


# --- the store afterwards -------------------------------------------------------------------


def check_store(data_dir: Path, participants: list[Participant]) -> dict[str, Any]:
    """Opens the SQLite store and checks every participant's workbook holds what they did."""
    from reseau.storage import open_store

    store = open_store(f"sqlite:///{data_dir / 'reseau.sqlite3'}")
    problems: list[str] = []
    intact = 0
    for who in participants:
        if not who.workbook_id:
            problems.append(f"participant {who.number}: no workbook id")
            continue
        try:
            network = store.load(who.workbook_id).network
        except Exception as problem:
            problems.append(f"participant {who.number}: {type(problem).__name__}")
            continue
        names = {c.last_name for c in network.contacts}
        qualified = {c.display_name for c in network.contacts if c.is_qualified}
        wrong = []
        if len(network) != CONTACTS_PER_FILE:
            wrong.append(f"{len(network)} contacts instead of {CONTACTS_PER_FILE}")
        if names != {f"Participant{who.number:02d}"}:
            wrong.append(f"holds other people's contacts: {sorted(names)[:3]}")
        missing = [name for name in who.qualified if name not in qualified]
        if missing:
            wrong.append(f"not qualified in the store: {missing}")
        if wrong:
            problems.append(f"participant {who.number}: " + "; ".join(wrong))
        else:
            intact += 1
    store.engine.dispose()
    return {"intact": intact, "checked": len(participants), "problems": problems}


# --- the run --------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def run(participants: int, max_seconds: float, ramp_seconds: float) -> dict[str, Any]:
    if not CHROMIUM.exists():
        raise SystemExit(f"needs Debian's Chromium at {CHROMIUM}: sudo apt-get install chromium")
    with tempfile.TemporaryDirectory(prefix="reseau-load-") as tmp:
        data_dir = Path(tmp) / "data"
        files = Path(tmp) / "files"
        files.mkdir()
        people = []
        for number in range(1, participants + 1):
            path = files / f"Connections-{number:02d}.csv"
            path.write_text(linkedin_export(number), encoding="utf-8")
            people.append(Participant(number, path))

        server = start_server(data_dir)
        try:
            await asyncio.sleep(1.0)
            rss_before, cpu_before = rss_mb(server.pid), cpu_seconds(server.pid)
            started = time.perf_counter()
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )

                async def start(who: Participant) -> None:
                    # Participants arrive over a few seconds, as they do in a room.
                    await asyncio.sleep(ramp_seconds * (who.number - 1) / max(participants, 1))
                    await journey(browser, server, who)

                tasks = [asyncio.create_task(start(who)) for who in people]
                _done, pending = await asyncio.wait(tasks, timeout=max_seconds)
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
                await browser.close()
            elapsed = time.perf_counter() - started
            await asyncio.sleep(1.0)
            rss_after, cpu_after = rss_mb(server.pid), cpu_seconds(server.pid)
            server_alive = server.alive()
        finally:
            server.stop()
        store = check_store(data_dir, people)

    latencies = [s for who in people for s in who.latencies]
    finished = [who for who in people if who.finished]
    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "participants": participants,
        "finished": len(finished),
        "timed_out": len(pending) > 0,
        "elapsed_s": elapsed,
        "interactions": len(latencies),
        "latency_p50_s": percentile(latencies, 0.50),
        "latency_p95_s": percentile(latencies, 0.95),
        "latency_max_s": max(latencies, default=float("nan")),
        "latency_mean_s": statistics.fmean(latencies) if latencies else float("nan"),
        "server_cpu_s": cpu_after - cpu_before,
        "server_cpu_s_per_journey": (cpu_after - cpu_before) / max(len(finished), 1),
        "server_rss_before_mb": rss_before,
        "server_rss_after_mb": rss_after,
        "server_alive": server_alive,
        "store": store,
        "errors": {who.number: who.error for who in people if who.error},
        "exports": {who.number: [who.export_bytes, who.export_rows] for who in people},
    }


def print_report(result: dict[str, Any]) -> None:
    print(f"\nWorkshop load test: {result['participants']} participants on one server")
    print(f"  finished journeys:        {result['finished']}/{result['participants']}")
    print(f"  wall time:                {result['elapsed_s']:.1f} s")
    print(f"  interactions measured:    {result['interactions']}")
    print(
        f"  interaction latency:      p50 {result['latency_p50_s']:.2f} s, "
        f"p95 {result['latency_p95_s']:.2f} s, max {result['latency_max_s']:.2f} s"
    )
    print(f"  server CPU per journey:   {result['server_cpu_s_per_journey']:.2f} CPU-s")
    print(f"  server CPU in total:      {result['server_cpu_s']:.1f} CPU-s")
    print(
        f"  server memory (RSS):      {result['server_rss_before_mb']:.0f} MB before, "
        f"{result['server_rss_after_mb']:.0f} MB after"
    )
    store = result["store"]
    print(f"  workbooks intact:         {store['intact']}/{store['checked']}")
    for problem in store["problems"][:10]:
        print(f"    - {problem}")
    for number, error in list(result["errors"].items())[:10]:
        print(f"  participant {number} failed: {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--max-seconds", type=float, default=480.0, help="hard cap on the run")
    parser.add_argument("--ramp-seconds", type=float, default=10.0)
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    args = parser.parse_args(argv)

    result = asyncio.run(run(args.participants, args.max_seconds, args.ramp_seconds))
    print_report(result)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"loadtest-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(f"\nfigures written to {path}")
    intact = result["store"]["intact"] == result["participants"]
    return 0 if intact and result["finished"] == result["participants"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
