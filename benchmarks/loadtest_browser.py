"""A workshop on one server: 30 participants import, qualify and export at the same time.

Starts one `streamlit run` on a loopback port with a throwaway SQLite store, then drives N
concurrent participants (browser contexts sharing one Debian Chromium, async Playwright). Each
participant opens the app, imports their own small LinkedIn export, qualifies three contacts
through the walkthrough card and downloads the Excel file. It reports:

- p50/p95/max latency of an interaction: from the click (or upload) until the page shows what
  the server did with it (the card's status line, the next card, the import message...) and the
  app is idle again;
- server CPU-seconds per participant journey (from /proc of the server process, all threads);
- server memory (RSS) before, at its peak and after;
- whether every participant's workbook is intact in the store afterwards: each contact holds
  exactly the values that participant chose (and the page confirmed), nobody else's contacts,
  and nothing on the contacts they did not touch. The store is also read right after each
  contact is qualified, so a save that is late or later overwritten shows up as such.

Every step waits for the page to show the server's answer before the next click: a step that
clicks while the previous rerun is still on its way acts on a stale page (the script read the
previous card's name, or pressed an option of the panel that was being replaced).

To measure the server rather than 30 browser tabs fighting it for two cores, the browser side
runs at a lower CPU priority (`os.nice`, after the server has started at normal priority), the
pages poll inside the browser rather than over the wire, images and fonts are not fetched, and
plotly.js is replaced by an empty component (the server still builds and sends every figure;
the tabs do not draw them). The latencies still include the browser's share of the
machine: they are an upper bound. The run is capped in time (`--max-seconds`, default 440, with
a watchdog that ends the process 30 s later whatever happens), listens on 127.0.0.1 only and
always stops the server. Figures go to `bench-results/loadtest-browser-<timestamp>.json`.

    python benchmarks/loadtest_browser.py [--participants 30] [--max-seconds 440]
        [--browser-nice 10]
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
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from playwright.async_api import Browser, Page, Route, async_playwright  # noqa: E402

from reseau.i18n import t  # noqa: E402
from reseau.storage import WorkbookNotFound, WorkbookStore, open_store  # noqa: E402
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server, start_server  # noqa: E402

LANG = "fr"
CONTACTS_PER_FILE = 40
QUALIFIED_PER_PARTICIPANT = 3
STEP_TIMEOUT_S = 90.0
POLL_MS = 100
WATCHDOG_GRACE_S = 30.0  # 440 s of journeys + this + start-up stays under 8 minutes
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MARKS = ("frequency", "trust", "added_value", "interest", "power")
# The fields the card sets, in the order the participant sets them, and their labels.
FIELDS = ("circle", "role", *MARKS)
FIELD_LABELS = {name: t(f"field.{name}", LANG) for name in FIELDS}
CHOSEN_CIRCLE, CHOSEN_ROLE = "support", "sponsor"
# open, 3 page changes, upload, confirm, mode, a choice per field and "next" per contact, build,
# download.
INTERACTIONS_PER_JOURNEY = 1 + 3 + 3 + QUALIFIED_PER_PARTICIPANT * (len(FIELDS) + 1) + 2


# --- the server, seen from /proc ------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process (all its threads) has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy so far, all cores and processes together."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice_, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    return (user + nice_ + system + irq + softirq + steal) / CLOCK_TICKS


def own_cpu_seconds() -> float:
    """CPU time of this process itself (the journeys' coordination and the store checks)."""
    times = os.times()
    return times.user + times.system


def rss_mb(pid: int) -> float:
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * PAGE_SIZE / 2**20


# --- one participant ------------------------------------------------------------------------


def linkedin_export(participant: int, contacts: int = CONTACTS_PER_FILE) -> str:
    """A small LinkedIn 'Connections.csv' whose names only this participant has."""
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


def chosen_mark(contact_number: int, criterion: str) -> int:
    return 1 + (contact_number + len(criterion)) % 5


@dataclass
class Participant:
    number: int
    file: Path
    latencies: dict[str, list[float]] = field(default_factory=dict)
    workbook_id: str | None = None
    # What the page confirmed, contact by contact: {display name: {field: value}}.
    confirmed: dict[str, dict[str, Any]] = field(default_factory=dict)
    # A choice clicked but not (yet) confirmed by the page when the journey stopped.
    pending: tuple[str, str, Any] | None = None
    # The store read right after the page said a contact was qualified: name -> problems.
    probes: dict[str, list[str]] = field(default_factory=dict)
    export_bytes: int = 0
    export_rows: int | None = None
    error: str | None = None
    step: str = "start"
    finished: bool = False

    @property
    def all_latencies(self) -> list[float]:
        return [s for values in self.latencies.values() for s in values]


# Runs in the page: true once the app is connected, not running, and `expected` holds.
_IDLE_AND = """([kind, value]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return false;
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
    if (document.querySelector('[data-testid="stAppSkeleton"]')) return false;
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main) return false;
    const text = main.innerText;
    const first = (selector) => {
        const node = main.querySelector(selector);
        return node ? node.innerText.trim() : null;
    };
    switch (kind) {
        case 'title': return first('h1') === value;
        case 'text': return text.includes(value);
        case 'button': return [...main.querySelectorAll('button')]
            .some(b => b.innerText.trim().endsWith(value));
        case 'card': return first('h3') !== null && first('h3') !== value;
        case 'card_status': return first('h3') === value[0]
            && value.slice(1).some(option => text.includes(option));
        default: return false;
    }
}"""


class Steps:
    """One participant's clicks, each timed until the page shows the server's answer."""

    def __init__(self, who: Participant, page: Page, server: Server, store: WorkbookStore) -> None:
        self.who, self.page, self.server, self.store = who, page, server, store

    async def timed(self, kind: str, action: Any, expect: tuple[str, Any]) -> None:
        start = time.perf_counter()
        await action
        await self.page.wait_for_function(
            _IDLE_AND, arg=list(expect), polling=POLL_MS, timeout=STEP_TIMEOUT_S * 1000
        )
        self.who.latencies.setdefault(kind, []).append(time.perf_counter() - start)

    def main(self) -> Any:
        return self.page.locator('[data-testid="stMain"]')

    async def open(self) -> None:
        self.who.step = "open"
        await self.timed(
            "open",
            self.page.goto(f"{self.server.url}/?lang={LANG}"),
            ("title", t("home.title", LANG)),
        )

    async def nav(self, nav_key: str, title_key: str) -> None:
        self.who.step = f"nav {nav_key}"
        link = self.page.locator('[data-testid="stSidebarNav"] a', has_text=t(nav_key, LANG)).first
        await self.timed("navigate", link.click(), ("title", t(title_key, LANG)))

    async def import_file(self) -> None:
        await self.nav("nav.import", "import.title")
        self.who.step = "upload"
        uploader = self.page.locator('[data-testid="stFileUploader"] input[type="file"]').first
        confirm_label = t("import.confirm", LANG, count=CONTACTS_PER_FILE)
        await self.timed(
            "upload", uploader.set_input_files(str(self.who.file)), ("button", confirm_label)
        )
        self.who.step = "confirm import"
        confirm = self.main().get_by_role("button", name=confirm_label)
        done = t("import.done", LANG, added=CONTACTS_PER_FILE, merged=0)
        await self.timed("confirm import", confirm.first.click(), ("text", done))
        self.who.workbook_id = await self.page.evaluate(
            "() => new URL(location.href).searchParams.get('wb')"
        )

    async def press(self, label: str, option: str, expect: tuple[str, Any], kind: str) -> None:
        """Clicks an option of the segmented control or pills labelled `label`."""
        group = (
            self.main()
            .locator('[data-testid="stButtonGroup"]')
            .filter(has=self.page.locator(f'[aria-label="{label}"]'))
            .first
        )
        exact = re.compile(rf"^\s*{re.escape(option)}\s*$")
        await self.timed(kind, group.locator("button").filter(has_text=exact).first.click(), expect)

    async def qualify(self) -> None:
        await self.nav("nav.qualify", "qualify.title")
        self.who.step = "card mode"
        card_help = t("qualify.mode.card.help", LANG)
        await self.press(
            t("qualify.mode", LANG), t("qualify.mode.card", LANG), ("text", card_help), "mode"
        )
        for number in range(QUALIFIED_PER_PARTICIPANT):
            heading = self.main().locator("h3").first
            name = (await heading.inner_text()).strip()
            self.who.step = f"qualify {name}"
            done: dict[str, Any] = {}
            self.who.confirmed[name] = done
            missing = list(FIELDS)
            for field_name in FIELDS:
                if field_name == "circle":
                    label, option, value = (
                        t("field.circle", LANG),
                        t(f"circle.{CHOSEN_CIRCLE}", LANG),
                        CHOSEN_CIRCLE,
                    )
                elif field_name == "role":
                    label, option, value = (
                        t("field.role", LANG),
                        t(f"role.{CHOSEN_ROLE}", LANG),
                        CHOSEN_ROLE,
                    )
                else:
                    value = chosen_mark(number, field_name)
                    label, option = t(f"criterion.{field_name}", LANG), str(value)
                missing.remove(field_name)
                self.who.pending = (name, field_name, value)
                await self.press(label, option, self.status_after(name, missing), "choose")
                done[field_name] = value
                self.who.pending = None
            self.who.probes[name] = await asyncio.to_thread(self.probe, name, dict(done))
            self.who.step = f"next after {name}"
            next_open = self.main().get_by_role("button", name=t("qualify.next_open", LANG))
            await self.timed("next contact", next_open.first.click(), ("card", name))

    @staticmethod
    def status_after(name: str, missing: list[str]) -> tuple[str, Any]:
        """What the card's status line says once the server has saved the choice."""
        if missing:
            text = t(
                "qualify.status.missing", LANG, missing=", ".join(FIELD_LABELS[f] for f in missing)
            )
            return ("card_status", [name, text])
        ranked = t("qualify.status.ranked", LANG, rank=0, quadrant="").split("0")[0]
        return ("card_status", [name, t("qualify.status.qualified", LANG), ranked])

    def probe(self, name: str, expected: dict[str, Any]) -> list[str]:
        """Reads the store the moment the page said the contact is qualified."""
        try:
            network = self.store.load(self.who.workbook_id or "").network
        except WorkbookNotFound:
            return ["workbook not found"]
        found = [c for c in network.contacts if c.display_name == name]
        if not found:
            return [f"{name} not in the store"]
        return contact_differences(found[0], expected)

    async def export(self) -> None:
        await self.nav("nav.export", "export.title")
        self.who.step = "build export"
        build = self.main().get_by_role("button", name=t("export.build", LANG))
        download_label = t("export.download", LANG)
        await self.timed("build export", build.first.click(), ("button", download_label))
        self.who.step = "download"
        download_button = self.main().get_by_role("button", name=download_label)
        start = time.perf_counter()
        async with self.page.expect_download() as info:
            await download_button.first.click()
        data = Path(await (await info.value).path()).read_bytes()
        self.who.latencies.setdefault("download", []).append(time.perf_counter() - start)
        self.who.export_bytes = len(data)
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        self.who.export_rows = book[t("export.sheet.contacts", LANG)].max_row


# Pictures and fonts change nothing the server does: the browser need not fetch them.
_NOT_NEEDED = re.compile(r".*\.(png|jpe?g|gif|svg|ico|woff2?|ttf)(\?.*)?$")
# Streamlit loads plotly.js only to draw a chart; an empty component in its place keeps 30 tabs
# from drawing the card's radar on every rerun. The server still builds and sends the figure.
_PLOTLY_CHUNK = re.compile(r".*/static/js/PlotlyChart\.[^/]*\.js(\?.*)?$")
_NO_CHART_JS = "export function PlotlyChart() { return null }\nexport default PlotlyChart\n"


async def _skip(route: Route) -> None:
    await route.abort()


async def _no_chart(route: Route) -> None:
    await route.fulfill(status=200, content_type="application/javascript", body=_NO_CHART_JS)


async def journey(browser: Browser, server: Server, store: WorkbookStore, who: Participant) -> None:
    """Opens the app, imports a file, qualifies three contacts, downloads the Excel file."""
    context = await browser.new_context(
        locale="fr-FR",
        viewport={"width": 1280, "height": 800},
        accept_downloads=True,
        reduced_motion="reduce",
    )
    context.set_default_timeout(STEP_TIMEOUT_S * 1000)
    await context.route(_NOT_NEEDED, _skip)
    await context.route(_PLOTLY_CHUNK, _no_chart)
    page = await context.new_page()
    steps = Steps(who, page, server, store)
    try:
        await steps.open()
        await steps.import_file()
        await steps.qualify()
        await steps.export()
        who.finished = True
    except Exception as problem:  # one participant's failure is a figure, not a crash
        who.error = f"at '{who.step}': {type(problem).__name__}: {problem}".splitlines()[0][:300]
    finally:
        await context.close()


# --- the store afterwards -------------------------------------------------------------------


def stored_choices(contact: Any) -> dict[str, Any]:
    """The fields the card sets, as the store holds them for one contact."""
    return {
        "circle": contact.circle.value if contact.circle else None,
        "role": contact.role.value if contact.role else None,
        **{name: getattr(contact, name) for name in MARKS},
    }


def contact_differences(contact: Any, expected: dict[str, Any]) -> list[str]:
    """How a stored contact differs from what the participant chose (an empty dict: untouched)."""
    actual = stored_choices(contact)
    return [
        f"{contact.display_name}: {name} is {actual[name]!r}, chosen {expected.get(name)!r}"
        for name in FIELDS
        if actual[name] != expected.get(name)
    ]


def check_store(store: WorkbookStore, participants: list[Participant]) -> dict[str, Any]:
    """Checks every participant's stored workbook against what the page confirmed to them."""
    problems: list[str] = []
    intact = lost = 0
    for who in participants:
        if not who.workbook_id:
            problems.append(f"participant {who.number}: never got a workbook id ({who.step})")
            continue
        try:
            network = store.load(who.workbook_id).network
        except WorkbookNotFound:
            problems.append(f"participant {who.number}: workbook not found")
            continue
        wrong: list[str] = []
        names = {c.last_name for c in network.contacts}
        if len(network) != CONTACTS_PER_FILE:
            wrong.append(f"{len(network)} contacts instead of {CONTACTS_PER_FILE}")
        if names - {f"Participant{who.number:02d}"}:
            wrong.append(f"holds other people's contacts: {sorted(names)[:3]}")
        for contact in network.contacts:
            expected = dict(who.confirmed.get(contact.display_name, {}))
            actual = stored_choices(contact)
            lost += sum(1 for name, value in expected.items() if actual[name] != value)
            if who.pending and who.pending[0] == contact.display_name:
                # The one click in flight when the journey stopped may or may not have landed.
                _, name, value = who.pending
                if actual[name] == value:
                    expected[name] = value
            wrong.extend(contact_differences(contact, expected))
        if wrong:
            problems.append(f"participant {who.number}: " + "; ".join(wrong[:4]))
        else:
            intact += 1
    probe_problems = [
        f"participant {who.number}: right after qualifying: {'; '.join(found)}"
        for who in participants
        for found in who.probes.values()
        if found
    ]
    return {
        "intact": intact,
        "checked": len(participants),
        "confirmed_choices": sum(len(v) for who in participants for v in who.confirmed.values()),
        "confirmed_choices_missing_from_store": lost,
        "contacts_qualified": sum(
            1 for who in participants for v in who.confirmed.values() if len(v) == len(FIELDS)
        ),
        "problems": problems,
        "probe_problems": probe_problems,
    }


# --- the run --------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def start_watchdog(server: Server, seconds: float) -> threading.Timer:
    """Ends everything, server included, if the run overstays its cap (a hung browser...)."""

    def fire() -> None:
        print(f"\nwatchdog: still running after {seconds:.0f} s, stopping", file=sys.stderr)
        server.kill()
        os._exit(3)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    return timer


def browser_processes(server_pid: int) -> list[int]:
    """This process's descendants (Playwright's driver, Chromium), the server aside."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    waiting = [pid for pid in children.get(os.getpid(), []) if pid != server_pid]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting.extend(children.get(pid, []))
    return found


def watch_browser(server_pid: int, nice: int, cpu: dict[int, float]) -> None:
    """Records the browser's CPU time per process and keeps all its threads at `nice`.

    Chromium raises some of its own threads (browser, GPU, compositing) above the niceness it
    inherited; this puts them back, so the browser cannot take the CPU from the server.
    """
    for pid in browser_processes(server_pid):
        with contextlib.suppress(OSError, ValueError):
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
            if nice <= 0:
                continue
            for task in Path(f"/proc/{pid}/task").iterdir():
                with contextlib.suppress(OSError):
                    if os.getpriority(os.PRIO_PROCESS, int(task.name)) < nice:
                        os.setpriority(os.PRIO_PROCESS, int(task.name), nice)


async def watch(
    server_pid: int, nice: int, peak: list[float], browser_cpu: dict[int, float], stop: Any
) -> None:
    """Samples the server's memory and the browser's CPU, keeps the browser niced, until `stop`."""
    while not stop.is_set():
        peak[0] = max(peak[0], rss_mb(server_pid))
        await asyncio.to_thread(watch_browser, server_pid, nice, browser_cpu)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.5)


async def drive(
    server: Server,
    store: WorkbookStore,
    people: list[Participant],
    max_seconds: float,
    ramp_seconds: float,
) -> bool:
    """Runs every journey at once in one shared browser; True when the time cap cut it short."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )

        async def start(who: Participant) -> None:
            # Participants arrive over a few seconds, as they do in a room.
            await asyncio.sleep(ramp_seconds * (who.number - 1) / max(len(people), 1))
            await journey(browser, server, store, who)

        tasks = [asyncio.create_task(start(who)) for who in people]
        _done, pending = await asyncio.wait(tasks, timeout=max_seconds)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for who in people:
            if not who.finished and who.error is None:
                who.error = f"at '{who.step}': stopped by the {max_seconds:.0f} s cap"
        await browser.close()
    return bool(pending)


def run(participants: int, max_seconds: float, ramp_seconds: float, nice: int) -> dict[str, Any]:
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

        load_before = os.getloadavg()
        server = start_server(data_dir)
        watchdog = start_watchdog(server, max_seconds + WATCHDOG_GRACE_S)
        # From here on this process and its children (Playwright's driver, Chromium) yield the
        # CPU to the server, which was started before at normal priority.
        os.nice(nice)
        store = open_store(f"sqlite:///{data_dir / 'reseau.sqlite3'}")
        try:
            time.sleep(1.0)
            rss_before, cpu_before = rss_mb(server.pid), cpu_seconds(server.pid)
            machine_before, own_before = machine_busy_seconds(), own_cpu_seconds()
            peak = [rss_before]
            browser_cpu: dict[int, float] = {}
            started = time.perf_counter()

            async def everything() -> bool:
                stop = asyncio.Event()
                sampler = asyncio.create_task(watch(server.pid, nice, peak, browser_cpu, stop))
                try:
                    return await drive(server, store, people, max_seconds, ramp_seconds)
                finally:
                    stop.set()
                    await sampler

            cut_short = asyncio.run(everything())
            elapsed = time.perf_counter() - started
            time.sleep(1.0)
            rss_after, cpu_after = rss_mb(server.pid), cpu_seconds(server.pid)
            machine_busy = machine_busy_seconds() - machine_before
            # Sampled every half second while the browser ran, plus this process itself.
            driver_cpu = sum(browser_cpu.values()) + own_cpu_seconds() - own_before
            server_alive = server.alive()
            server_errors = server.log().count("Traceback")
        finally:
            server.stop()
            watchdog.cancel()
        checked = check_store(store, people)
        store.engine.dispose()

    latencies = [s for who in people for s in who.all_latencies]
    by_kind: dict[str, list[float]] = {}
    for who in people:
        for kind, values in who.latencies.items():
            by_kind.setdefault(kind, []).extend(values)
    finished = [who for who in people if who.finished]
    return {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_before": load_before,
        },
        "participants": participants,
        "browser_nice": nice,
        "finished": len(finished),
        "cut_short": cut_short,
        "elapsed_s": elapsed,
        "interactions": len(latencies),
        "latency_p50_s": percentile(latencies, 0.50),
        "latency_p95_s": percentile(latencies, 0.95),
        "latency_max_s": max(latencies, default=float("nan")),
        "latency_mean_s": statistics.fmean(latencies) if latencies else float("nan"),
        "latency_by_kind": {
            kind: {
                "count": len(values),
                "p50_s": percentile(values, 0.50),
                "p95_s": percentile(values, 0.95),
            }
            for kind, values in sorted(by_kind.items())
        },
        "server_cpu_s": cpu_after - cpu_before,
        "server_cpu_s_per_journey": (cpu_after - cpu_before) / max(len(finished), 1),
        "server_cpu_s_per_interaction": (cpu_after - cpu_before) / max(len(latencies), 1),
        "interactions_per_journey": INTERACTIONS_PER_JOURNEY,
        "machine_busy_cpu_s": machine_busy,
        "browser_and_driver_cpu_s": driver_cpu,
        "other_processes_cpu_s": machine_busy - (cpu_after - cpu_before) - driver_cpu,
        "machine_cpu_s_available": elapsed * (os.cpu_count() or 1),
        "server_rss_before_mb": rss_before,
        "server_rss_peak_mb": peak[0],
        "server_rss_after_mb": rss_after,
        "server_alive": server_alive,
        "server_tracebacks": server_errors,
        "store": checked,
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
    for kind, figures in result["latency_by_kind"].items():
        print(
            f"    {kind:<16} n={figures['count']:<4} p50 {figures['p50_s']:.2f} s, "
            f"p95 {figures['p95_s']:.2f} s"
        )
    print(
        f"  server CPU per journey:   {result['server_cpu_s_per_journey']:.2f} CPU-s "
        f"({result['server_cpu_s_per_interaction']:.3f} CPU-s per interaction, "
        f"{result['interactions_per_journey']} interactions in a journey)"
    )
    print(
        f"  machine CPU in the run:   {result['machine_busy_cpu_s']:.0f} of "
        f"{result['machine_cpu_s_available']:.0f} CPU-s busy: server "
        f"{result['server_cpu_s']:.0f}, browser {result['browser_and_driver_cpu_s']:.0f}, "
        f"other processes {result['other_processes_cpu_s']:.0f}"
    )
    print(f"  server CPU in total:      {result['server_cpu_s']:.1f} CPU-s")
    print(
        f"  server memory (RSS):      {result['server_rss_before_mb']:.0f} MB before, "
        f"{result['server_rss_peak_mb']:.0f} MB at peak, "
        f"{result['server_rss_after_mb']:.0f} MB after"
    )
    print(f"  server tracebacks:        {result['server_tracebacks']}")
    store = result["store"]
    print(f"  workbooks intact:         {store['intact']}/{store['checked']}")
    print(
        f"  confirmed choices:        {store['confirmed_choices']} "
        f"({store['contacts_qualified']} contacts qualified), "
        f"{store['confirmed_choices_missing_from_store']} missing from the store"
    )
    for problem in (store["problems"] + store["probe_problems"])[:12]:
        print(f"    - {problem}")
    for number, error in list(result["errors"].items())[:10]:
        print(f"  participant {number} stopped {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--max-seconds", type=float, default=440.0, help="cap on the journeys")
    parser.add_argument("--ramp-seconds", type=float, default=10.0)
    parser.add_argument("--browser-nice", type=int, default=10, help="0 to share the CPU evenly")
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    args = parser.parse_args(argv)

    result = run(args.participants, args.max_seconds, args.ramp_seconds, args.browser_nice)
    print_report(result)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"loadtest-browser-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    print(f"\nfigures written to {path}")
    intact = result["store"]["intact"] == result["participants"]
    return 0 if intact and result["finished"] == result["participants"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
