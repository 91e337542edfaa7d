"""Browser journeys: one `streamlit run` server and one Debian Chromium for the whole session.

The server runs in a subprocess on a free loopback port with its own data directory, so the
journeys never touch a real store. `start_server` is reusable (the durability tests restart a
server on the same data directory). The helpers below speak Streamlit's DOM: wait until a rerun
is over, click a page in the sidebar, find a widget by its label.

Without /usr/bin/chromium the journeys skip and say how to enable them; with
`RESEAU_REQUIRE_BROWSER=1` (set by `.ci/run`) a missing browser fails the run instead.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from reseau.ui.housekeeping import SERVER_ALLOCATOR
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TRAINER_PASSWORD = "formateur-e2e"
VIEWPORT = {"width": 1440, "height": 1000}
STARTUP_TIMEOUT_S = 60.0
IDLE_TIMEOUT_MS = 30_000
# Assertions wait on the page's state; on a machine busy with other work (CI, two cores shared
# with the server and Chromium), a state that arrives within seconds must not fail at the
# default five. A passing assertion returns as soon as it holds, so this costs nothing then.
expect.set_options(timeout=IDLE_TIMEOUT_MS)


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port nobody listens on right now, on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running `streamlit run app.py`: its address, process and log file."""

    process: subprocess.Popen[bytes]
    port: int
    data_dir: Path
    log_path: Path
    env: dict[str, str] = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def kill(self) -> None:
        """Stops the server abruptly (SIGKILL), as a crash or a pulled plug would."""
        if self.alive():
            self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stops the server politely (SIGTERM), then forcefully if it lingers."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_server(
    data_dir: Path,
    env: Mapping[str, str] | None = None,
    *,
    script: str = "app.py",
    port: int | None = None,
    timeout: float = STARTUP_TIMEOUT_S,
) -> Server:
    """Starts `streamlit run SCRIPT` (the app by default) on a free loopback port with its own
    data directory; waits until healthy.

    `env` adds or overrides environment variables (e.g. `DATABASE_URL`); by default the store is
    a SQLite file in `data_dir` and the trainer password is `TRAINER_PASSWORD`.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    full_env = {
        # The allocator `make run` and deploy/ start the app with (reseau/ui/housekeeping.py).
        "PYTHONMALLOC": SERVER_ALLOCATOR,
        **os.environ,
        "RESEAU_DATA_DIR": str(data_dir),
        "RESEAU_TRAINER_PASSWORD": TRAINER_PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    full_env.pop("DATABASE_URL", None)
    full_env.update(env or {})
    log_path = data_dir / f"streamlit-{port}.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command, cwd=ROOT, env=full_env, stdout=log_file, stderr=subprocess.STDOUT
        )
    server = Server(process, port, data_dir, log_path, full_env)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{server.log()}")
        if _healthy(server.url):
            return server
        time.sleep(0.2)
    server.kill()
    raise RuntimeError(f"streamlit did not become healthy in {timeout:.0f}s:\n{server.log()}")


# --- the browser ------------------------------------------------------------------------------


def require_browser() -> None:
    """Skips (or fails in CI) when Debian's Chromium is not installed."""
    if CHROMIUM.exists():
        return
    message = (
        f"browser journeys need Debian's Chromium at {CHROMIUM}: "
        "install it with `sudo apt-get install chromium` to run them"
    )
    if os.environ.get("RESEAU_REQUIRE_BROWSER") == "1":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Iterator[Server]:
    """One app server for every journey of the session (starting one costs seconds)."""
    running = start_server(tmp_path_factory.mktemp("e2e-data"))
    yield running
    running.stop()


@pytest.fixture
def new_context(browser: Browser, server: Server) -> Iterator[Callable[..., BrowserContext]]:
    """Opens fresh browser contexts (separate people: separate cookies and sessions)."""
    contexts = []

    def make(locale: str = "fr-FR", **options: object) -> BrowserContext:
        context = browser.new_context(
            locale=locale, viewport=VIEWPORT, accept_downloads=True, **options
        )
        context.set_default_timeout(IDLE_TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A page in a fresh French-speaking context."""
    return new_context().new_page()


# --- talking to Streamlit in the browser ------------------------------------------------------


def wait_idle(page: Page, timeout: int = IDLE_TIMEOUT_MS, settle_ms: int = 150) -> None:
    """Waits until the script is not running and nothing shows the 'running' indicator.

    A click's rerun starts a few milliseconds after the click, so the app must look idle twice,
    `settle_ms` apart, before we believe it.
    """
    deadline = time.monotonic() + timeout / 1000
    idle_since: float | None = None
    while time.monotonic() < deadline:
        idle = page.evaluate(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                if (!app) return false;
                const state = app.getAttribute('data-test-script-state');
                const connection = app.getAttribute('data-test-connection-state');
                const running = document.querySelector(
                    '[data-testid="stStatusWidgetRunningIcon"]');
                const skeleton = document.querySelector('[data-testid="stAppSkeleton"]');
                // The app holds a page change until a grid edit has reached the server.
                const holding = document.body.dataset.reseauHolding;
                return state === 'notRunning' && connection === 'CONNECTED'
                    && !running && !skeleton && !holding;
            }"""
        )
        now = time.monotonic()
        if idle:
            idle_since = idle_since or now
            if (now - idle_since) * 1000 >= settle_ms:
                return
        else:
            idle_since = None
        time.sleep(0.05)
    raise TimeoutError(f"the app was still running after {timeout} ms")


def open_app(page: Page, server: Server, query: str = "", path: str = "") -> None:
    """Opens the app (optionally a page path and a query such as '?demo=1') and waits."""
    page.goto(f"{server.url}/{path.lstrip('/')}{query}")
    page.wait_for_selector('[data-testid="stApp"]')
    wait_idle(page)


def workbook_id(page: Page) -> str:
    """The workbook id the app put in the URL (`?wb=…`)."""
    found = re.search(r"[?&]wb=([^&#]+)", page.url)
    assert found, f"no workbook id in {page.url}"
    return found.group(1)


def go_to(page: Page, title: str) -> None:
    """Clicks the sidebar link whose text is `title`, then waits for the page to run."""
    link = page.locator('[data-testid="stSidebarNav"] a', has_text=title).first
    link.click()
    # The page's own state, not the first idle moment: that can come before the new page's
    # run has started, and the screen read then is still the previous page's.
    expect(link).to_have_attribute("aria-current", "page")
    wait_idle(page)


def main_area(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def title_text(page: Page) -> str:
    """The page's title (the first `st.title`)."""
    return main_area(page).locator("h1").first.inner_text().strip()


def button(page: Page, label: str) -> Locator:
    """A button by its visible label (exact match first, then containing)."""
    exact = page.get_by_role("button", name=label, exact=True)
    return exact.first if exact.count() else page.get_by_role("button", name=label).first


def click_button(page: Page, label: str) -> None:
    button(page, label).click()
    wait_idle(page)


def widget(page: Page, testid: str, label: str) -> Locator:
    """The Streamlit widget of kind `testid` (e.g. 'stSelectbox') whose label is `label`."""
    container = page.locator(f'[data-testid="{testid}"]')
    labelled = container.filter(has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))
    return labelled.first


def fill_text(page: Page, label: str, text: str) -> None:
    """Types into a text input or text area by label, then presses Tab to send it."""
    field_ = page.get_by_label(label, exact=True).first
    field_.fill(text)
    field_.press("Tab")
    wait_idle(page)


def open_section(page: Page, title: str) -> None:
    """Opens the expander titled `title` unless it is open already (it may start either way)."""
    wait_idle(page)
    section = main_area(page).locator("details").filter(has_text=title).first
    if section.get_attribute("open") is None:
        section.locator("summary").first.click()
        wait_idle(page)


def choose(page: Page, label: str, option: str) -> None:
    """Picks `option` in the selectbox, radio, segmented control or pills labelled `label`."""
    for testid in ("stSelectbox", "stMultiSelect"):
        box = widget(page, testid, label)
        if box.count():
            # Streamlit 1.67 draws its lists as ARIA combo boxes; older releases as BaseWeb selects.
            box.locator('[role="combobox"], [data-baseweb="select"]').first.click()
            page.get_by_role("option", name=option, exact=True).first.click()
            wait_idle(page)
            return
    radio = widget(page, "stRadio", label)
    if radio.count():
        radio.get_by_text(option, exact=True).first.click()
        wait_idle(page)
        return
    for testid in ("stButtonGroup", "stSegmentedControl", "stPills", "stSelectSlider"):
        group = widget(page, testid, label)
        if group.count():
            group.get_by_text(option, exact=True).first.click()
            wait_idle(page)
            return
    raise AssertionError(f"no choice widget labelled {label!r} on the page")


def upload(page: Page, path: Path, label: str | None = None) -> None:
    """Drops a file on the file uploader (the one labelled `label`, or the only one)."""
    uploaders = page.locator('[data-testid="stFileUploader"]')
    if label is not None:
        uploaders = uploaders.filter(has_text=label)
    uploaders.first.locator('input[type="file"]').set_input_files(str(path))
    wait_idle(page)


def main_text(page: Page) -> str:
    """Everything the main area of the page shows, as text."""
    return main_area(page).inner_text()


# --- screenshots ------------------------------------------------------------------------------


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("RESEAU_SCREENSHOT_DIR") or ROOT / "test-artifacts/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page: Page, name: str) -> Path:
    """Writes a PNG of the whole page to the screenshot folder, for a person to look at."""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "screen"
    return screenshot_to(page, screenshot_dir() / f"{safe}.png")


def screenshot_to(page: Page, path: Path) -> Path:
    """Writes a PNG of the whole page (not only the visible part) to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    wait_idle(page)
    # Plotly draws after the script run is over: wait for every visible chart's drawing.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
            .filter(c => c.offsetParent !== null)
            .every(c => c.querySelector('.main-svg'))""",
        timeout=IDLE_TIMEOUT_MS,
    )
    # Streamlit scrolls inside its main container, not the document: grow the viewport to the
    # content's height so the picture shows the whole page, then put it back.
    viewport = page.viewport_size or VIEWPORT
    height = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll(
            '[data-testid="stMain"], [data-testid="stAppViewContainer"], section')]
            .map(e => e.scrollHeight), document.body.scrollHeight)"""
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(max(height, 600), 8000)})
    try:
        page.wait_for_timeout(300)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e is a browser journey: mark it so `-m "not e2e"` skips them."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)


def expect_text(page: Page, text: str, timeout: int = IDLE_TIMEOUT_MS) -> None:
    """Waits until the main area shows `text` (a fragment may add it without any click)."""
    main_area(page).get_by_text(text, exact=False).first.wait_for(timeout=timeout)


def button_group(page: Page, label: str) -> Locator:
    """The segmented control or pills labelled `label` (its label may be visually hidden)."""
    quoted = label.replace("\\", "\\\\").replace('"', '\\"')
    return (
        main_area(page)
        .locator('[data-testid="stButtonGroup"]')
        .filter(has=page.locator(f'[aria-label="{quoted}"]'))
        .first
    )


def press_option(page: Page, label: str, option: str) -> None:
    """Clicks `option` in the segmented control or pills labelled `label`, then waits."""
    exact = re.compile(rf"^\s*{re.escape(option)}\s*$")
    button_group(page, label).locator("button").filter(has_text=exact).first.click()
    wait_idle(page)


def assert_no_error(page: Page) -> None:
    """Fails with the app's own words when it shows its 'unexpected error' message."""
    from reseau.i18n import t

    shown = main_text(page)
    for lang in ("fr", "en"):
        assert t("error.unexpected", lang) not in shown, f"the app showed an error:\n{shown}"
