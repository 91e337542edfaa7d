"""Hostile uploads against a real server: refused in words, the server and the room unharmed.

Each file of `tests/importing/hostile.py` is dropped on the Import page by one participant
while another participant keeps clicking. The server's resident memory is sampled from
/proc/PID/status during the upload (psutil is not installed), and the other participant's
click-to-answer latency is measured. The figures are written to
`test-artifacts/hostile-uploads.json`; the assertions are the issue's bounds.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from reseau.i18n import t
from tests.conftest import ROOT
from tests.e2e.conftest import (
    IDLE_TIMEOUT_MS,
    Server,
    _healthy,
    assert_no_error,
    go_to,
    main_area,
    open_app,
    wait_idle,
)
from tests.importing import hostile

# What the participant must read for each file (French, the default language).
EXPECTED = {
    "far-cell-XFD1048576.xlsx": "s'étend jusqu'à la cellule XFD1048576",
    "far-cell-ALL49000.xlsx": "s'étend jusqu'à la cellule ALL49000",
    "lying-dimension.xlsx": "s'étend jusqu'à la cellule XFD1048576",
    "repeat-40000x1000.ods": "s'étend jusqu'à la cellule ALL40001",
    "repeat-rows-1000000.ods": "1\u202f000\u202f001 lignes",
    "empty-repeats-then-cell.ods": "s'étend jusqu'à la cellule ALM30002",
    "parameters-500000.vcf": "500\u202f000 paramètres",
    "nul-early.csv": "caractère nul",
    "photo-20MB.vcf": t("import.confirm", "fr", count=1),  # read: the person, not the photo
}
MAX_RSS_GROWTH_MB = 300
RESULTS = ROOT / "test-artifacts" / "hostile-uploads.json"


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB, from /proc/PID/status."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmRSS for process {pid}")


class PeakSampler:
    """Samples a process's resident memory every 20 ms in a thread and keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = rss_mb(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            try:
                self.peak = max(self.peak, rss_mb(self.pid))
            except (OSError, AssertionError):
                return

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def click_and_time(page: Page, nav_label: str) -> float:
    """Clicks a page in the sidebar and returns the seconds until that page has answered."""
    before = main_area(page).locator("h1").first.inner_text()
    started = time.monotonic()
    page.locator('[data-testid="stSidebarNav"] a', has_text=nav_label).first.click()
    page.wait_for_function(
        """(before) => {
            const app = document.querySelector('[data-testid="stApp"]');
            const title = document.querySelector('[data-testid="stMain"] h1');
            return app && app.getAttribute('data-test-script-state') === 'notRunning'
                && title && title.innerText !== before;
        }""",
        arg=before,
        timeout=IDLE_TIMEOUT_MS,
    )
    return time.monotonic() - started


def watch_for(page: Page, text: str) -> None:
    """Makes the page note the moment (epoch ms) its main area first shows `text`."""
    page.evaluate(
        """(text) => {
            window.__answeredAt = null;
            const check = () => {
                const main = document.querySelector('[data-testid="stMain"]');
                if (!window.__answeredAt && main && main.innerText.includes(text)) {
                    window.__answeredAt = Date.now();
                }
            };
            new MutationObserver(check).observe(
                document.body, {subtree: true, childList: true, characterData: true});
        }""",
        text,
    )


def answered_at(page: Page) -> float | None:
    """When the watched text appeared, in seconds since the epoch (None: not yet)."""
    stamp = page.evaluate("() => window.__answeredAt")
    return None if stamp is None else stamp / 1000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, make in hostile.HOSTILE.items():
        paths[name] = folder / name
        paths[name].write_bytes(make())
    return paths


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = {}
    yield found
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(found, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("name", list(EXPECTED))
def test_a_hostile_upload_is_refused_in_words_while_the_server_and_the_room_carry_on(
    name: str,
    corpus: dict[str, Path],
    results: dict[str, dict[str, float]],
    server: Server,
    new_context: Callable[..., BrowserContext],
) -> None:
    uploader, other = new_context().new_page(), new_context().new_page()
    open_app(uploader, server)
    go_to(uploader, t("nav.import", "fr"))
    open_app(other, server)
    pages = [t("nav.export", "fr"), t("nav.home", "fr")]
    quiet = click_and_time(other, pages[0])  # the same click with nobody uploading
    before = rss_mb(server.pid)

    watch_for(uploader, EXPECTED[name])
    started = time.time()
    latencies = []
    with PeakSampler(server.pid) as sampler:
        uploader.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
            str(corpus[name])
        )
        # The other participant clicks as long as the upload is being answered (at least once).
        while not latencies or (answered_at(uploader) is None and len(latencies) < 15):
            latencies.append(click_and_time(other, pages[len(latencies) % 2 - 1]))
        try:
            main_area(uploader).get_by_text(EXPECTED[name], exact=False).first.wait_for(
                timeout=IDLE_TIMEOUT_MS
            )
        except PlaywrightTimeout:
            shown = main_area(uploader).inner_text()
            raise AssertionError(
                f"not shown; the page says:\n{shown}\nserver log:\n{server.log()[-3000:]}"
            ) from None
        answered = answered_at(uploader) - started
        wait_idle(uploader)
    after = rss_mb(server.pid)

    results[name] = {
        "bytes": corpus[name].stat().st_size,
        "answered_s": round(answered, 2),
        "rss_before_mb": round(before, 1),
        "rss_peak_growth_mb": round(sampler.peak - before, 1),
        "rss_after_growth_mb": round(after - before, 1),
        "other_click_quiet_s": round(quiet, 2),
        "other_click_during_upload_s": [round(s, 2) for s in latencies],
    }
    assert server.alive() and _healthy(server.url), server.log()[-2000:]
    assert_no_error(uploader)
    assert sampler.peak - before < MAX_RSS_GROWTH_MB, results[name]
    assert after - before < MAX_RSS_GROWTH_MB, results[name]
    assert answered < 10 + 5, results[name]  # 10 s of reading, plus the upload and the page
    assert "Traceback" not in main_area(uploader).inner_text()


def big_csv(folder: Path) -> Path:
    """49,000 contacts with notes, about 20 MB: a legitimate file that takes seconds to read."""
    note = "une note assez longue " * 17
    rows = ["Nom,Prénom,Entreprise,Email,Notes"]
    rows += [f"Nom{n},P{n},Société,p{n}@example.com,{note}" for n in range(49_000)]
    big = folder / "gros.csv"
    big.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    return big


def test_a_long_reading_can_be_cancelled_and_ends_its_child(
    tmp_path: Path, server: Server, page: Page
) -> None:
    big = big_csv(tmp_path)
    open_app(page, server)
    go_to(page, t("nav.import", "fr"))

    uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]').first
    uploader.set_input_files(str(big))
    page.get_by_role("button", name=t("import.cancel", "fr")).click()

    main_area(page).get_by_text(t("import.error.cancelled", "fr")).first.wait_for()
    wait_idle(page)
    assert_no_error(page)
    assert grandchildren(server.pid) == []


def grandchildren(pid: int) -> list[int]:
    """Processes whose parent is a child of `pid`: the reading children under the forkserver."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    children = {child for child, parent in parents.items() if parent == pid}
    return sorted(child for child, parent in parents.items() if parent in children)
