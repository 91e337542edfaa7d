"""Réseau's benchmark: how the app's own work compares with bare library baselines, run by run.

On generated networks of 50, 500 and 5,000 contacts it measures, in the same run:

- import (`reseau.importing.read_contacts`) vs bare `pandas.read_excel(engine="openpyxl")`
  on the same .xlsx file (target: ratio <= 0.5);
- the Excel export (`reseau.export.xlsx`) vs bare `DataFrame.to_excel(engine="openpyxl")` of the
  same contacts (target: ratio <= 3);
- the time to rerun each page's script (Streamlit AppTest) with 500 contacts vs with 10
  (target: ratio <= 1.5), with the absolute milliseconds;
- the peak memory of one session holding 5,000 contacts (tracemalloc);
- clicks and seconds per contact qualifying five contacts on the card in Chromium at 1440x900
  (the journey of `tests/e2e/test_card_orders.py`; target: at most 9 clicks; `--skip-browser`).

It prints a table and writes the figures as JSON to `bench-results/<timestamp>.json`, so runs can
be compared. It is not part of the test suite: timings depend on the machine.

    python benchmarks/bench.py [--quick] [--sizes 50,500,5000] [--out bench-results]
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib
import inspect
import io
import json
import logging
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
import pandas as pd  # noqa: E402

from reseau.contact import new_contact_id  # noqa: E402
from reseau.contact_table import contact_to_record, headers  # noqa: E402
from reseau.demo import load_demo_network  # noqa: E402
from reseau.i18n import Lang  # noqa: E402
from reseau.network import Network  # noqa: E402
from reseau.scoring import score_network  # noqa: E402
from reseau.workbook import Workbook  # noqa: E402

SIZES = (50, 500, 5000)
PAGE_SMALL, PAGE_LARGE = 10, 500
MEMORY_SIZE = 5000
TARGETS = {"import": 0.5, "export": 3.0, "page": 1.5}


# --- generated networks ---------------------------------------------------------------------


def generated_network(size: int) -> Network:
    """`size` contacts cycling through the demo's qualified people, each with its own name."""
    demo = load_demo_network()
    contacts = []
    for index in range(size):
        model = demo.contacts[index % len(demo.contacts)]
        contacts.append(
            dataclasses.replace(
                model,
                first_name=f"{model.first_name} {index // len(demo.contacts) + 1}",
                email=f"contact{index}@example.com",
                id=new_contact_id(),
            )
        )
    return Network(contacts=tuple(contacts), participant="Alex Benchmark", mission="Benchmark")


def records(network: Network, lang: Lang = Lang.FR) -> list[dict[str, Any]]:
    return [contact_to_record(contact, lang) for contact in network.contacts]


def xlsx_file(network: Network, lang: Lang = Lang.FR) -> bytes:
    """The network as a plain .xlsx in the app's own table layout (what a participant uploads)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers(lang))
    for record in records(network, lang):
        sheet.append([_cell(value) for value in record.values()])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    if value is None or isinstance(value, str | int | float):
        return value
    if hasattr(value, "isoformat"):
        return value
    return str(value)


# --- timing ---------------------------------------------------------------------------------


def best_of(action: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def repeats_for(size: int) -> int:
    return 7 if size <= 50 else 5 if size <= 500 else 3


# --- the app's functions, found where the other modules put them ------------------------------


def find_importer() -> Callable[[bytes, str], object] | None:
    """`reseau.importing.read_contacts`, called with the file's bytes and name."""
    try:
        module = importlib.import_module("reseau.importing")
    except ImportError:
        return None
    read_contacts = getattr(module, "read_contacts", None)
    if read_contacts is None:
        return None
    parameters = list(inspect.signature(read_contacts).parameters)

    def run(data: bytes, name: str) -> object:
        if len(parameters) >= 2:
            return read_contacts(data, name)
        return read_contacts(io.BytesIO(data))

    return run


EXPORT_CANDIDATES = (
    "build_xlsx",
    "workbook_bytes",
    "export_workbook",
    "write_workbook",
    "xlsx_bytes",
    "to_xlsx",
    "export_xlsx",
    "build_workbook",
)


def find_exporter() -> Callable[[Workbook], bytes] | None:
    """The Excel export's writer in `reseau/export/xlsx.py`, called with a whole workbook."""
    try:
        module = importlib.import_module("reseau.export.xlsx")
    except ImportError:
        return None
    for name in EXPORT_CANDIDATES:
        writer = getattr(module, name, None)
        if callable(writer):
            return _adapt_writer(writer)
    return None


def _adapt_writer(writer: Callable[..., Any]) -> Callable[[Workbook], bytes]:
    parameters = inspect.signature(writer).parameters

    def run(workbook: Workbook) -> bytes:
        kwargs: dict[str, Any] = {}
        if "today" in parameters:
            kwargs["today"] = datetime.now().date()
        if "lang" in parameters:
            kwargs["lang"] = workbook.lang
        first = next(iter(parameters))
        argument: Any = workbook.network if first == "network" else workbook
        result = writer(argument, **kwargs)
        if isinstance(result, bytes | bytearray):
            return bytes(result)
        if isinstance(result, io.BytesIO):
            return result.getvalue()
        buffer = io.BytesIO()
        result.save(buffer)
        return buffer.getvalue()

    return run


# --- measures -------------------------------------------------------------------------------


def import_file(size: int) -> bytes:
    """The .xlsx to import: `benchmarks/bench_import.py`'s realistic file when it is there."""
    try:
        from benchmarks.bench_import import write_workbook
    except ImportError:
        return xlsx_file(generated_network(size))
    with tempfile.TemporaryDirectory(prefix="reseau-bench-") as folder:
        path = Path(folder) / "contacts.xlsx"
        write_workbook(path, size)
        return path.read_bytes()


def measure_import(size: int) -> dict[str, Any]:
    data = import_file(size)
    repeat = repeats_for(size)
    baseline = best_of(lambda: pd.read_excel(io.BytesIO(data), engine="openpyxl"), repeat)
    result: dict[str, Any] = {"size": size, "baseline_s": baseline, "file_bytes": len(data)}
    importer = find_importer()
    if importer is None:
        result["note"] = "reseau.importing.read_contacts not found"
        return result
    result["reseau_s"] = best_of(lambda: importer(data, "contacts.xlsx"), repeat)
    result["ratio"] = result["reseau_s"] / baseline
    return result


def measure_export(size: int) -> dict[str, Any]:
    network = generated_network(size)
    workbook = Workbook(network=network, lang=Lang.FR)
    frame = pd.DataFrame(records(network))
    repeat = repeats_for(size)

    def bare() -> None:
        frame.to_excel(io.BytesIO(), engine="openpyxl", index=False)

    baseline = best_of(bare, repeat)
    result: dict[str, Any] = {"size": size, "baseline_s": baseline}
    exporter = find_exporter()
    if exporter is None:
        result["note"] = "no writer found in reseau/export/xlsx.py"
        return result
    result["reseau_s"] = best_of(lambda: exporter(workbook), repeat)
    result["ratio"] = result["reseau_s"] / baseline
    return result


def _stored_workbook(size: int) -> str:
    from reseau.storage import open_store

    return open_store().create(Workbook(network=generated_network(size), lang=Lang.FR))


def _page_paths() -> list[str]:
    from reseau.ui import pages

    return [screen.path for screen in pages.WORKBOOK_SCREENS]


def _timed_run(at: Any) -> float:
    """The CPU seconds of one rerun (every thread of this process: the script's and AppTest's).

    CPU rather than the clock: on a shared machine the clock counts other jobs' time too.
    """
    start = time.process_time()
    at.run()
    return float("nan") if at.exception else time.process_time() - start


def measure_pages(repeat: int) -> list[dict[str, Any]]:
    """Median CPU seconds to rerun each page's script, with 10 and with 500 contacts.

    Both sessions hold their workbook and have run the page twice (caches filled); their reruns
    then alternate, so a burst of load from other work weighs on both sizes alike.
    """
    from tests.apptest import open_app

    sessions = {size: open_app(wb=_stored_workbook(size)) for size in (PAGE_SMALL, PAGE_LARGE)}
    rows = []
    for path in _page_paths():
        samples: dict[int, list[float]] = {size: [] for size in sessions}
        for at in sessions.values():
            at.switch_page(path)
            at.run()
            at.run()  # warm: caches filled, first-run work done
        for _ in range(repeat):
            for size, at in sessions.items():
                samples[size].append(_timed_run(at))
        small, large = (statistics.median(samples[size]) for size in (PAGE_SMALL, PAGE_LARGE))
        rows.append(
            {
                "page": path,
                f"ms_{PAGE_SMALL}": small * 1000,
                f"ms_{PAGE_LARGE}": large * 1000,
                "ratio": large / small if small else float("nan"),
            }
        )
    return rows


def measure_memory(size: int) -> dict[str, Any]:
    """Memory one session needs for `size` contacts: the network, its scores and every page."""
    from tests.apptest import open_app

    workbook_id = _stored_workbook(size)
    gc.collect()
    tracemalloc.start()
    base, _ = tracemalloc.get_traced_memory()

    network = generated_network(size)
    scores = score_network(network, Workbook().settings, datetime.now().date())
    held, domain_peak = tracemalloc.get_traced_memory()
    del network, scores
    gc.collect()

    tracemalloc.reset_peak()
    before_pages, _ = tracemalloc.get_traced_memory()
    at = open_app(wb=workbook_id)
    for path in _page_paths():
        at.switch_page(path)
        at.run()
    after_pages, pages_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "size": size,
        "network_and_scores_mb": (held - base) / 2**20,
        "network_and_scores_peak_mb": (domain_peak - base) / 2**20,
        "session_after_all_pages_mb": (after_pages - before_pages) / 2**20,
        "session_peak_mb": (pages_peak - before_pages) / 2**20,
        "errors": [str(e.value) for e in at.exception],
    }


# --- report ---------------------------------------------------------------------------------


def measure_card_journey() -> dict[str, Any]:
    """Clicks and seconds per contact on the card, in Chromium at 1440x900 (the e2e journey)."""
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_server
    from tests.e2e.test_card_orders import SCREEN, qualify_everyone

    if not CHROMIUM.exists():
        return {"note": f"skipped: no Chromium at {CHROMIUM}"}
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="reseau-bench-card-") as data_dir:
        server = start_server(Path(data_dir))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = browser.new_page(locale="fr-FR", viewport=SCREEN)
                tally = qualify_everyone(page, server, None, check=False)
                browser.close()
        finally:
            server.stop()
    clicks, qualifying, seconds = tally.averages()
    return {
        "contacts": len(tally.per_contact),
        "qualifying_clicks": qualifying,
        "clicks": clicks,
        "seconds": seconds,
    }


def _fmt(value: float | None, spec: str) -> str:
    if value is None or value != value:  # None or NaN
        return "n/a"
    return format(value, spec)


def _verdict(ratio: float | None, target: float) -> str:
    if ratio is None or ratio != ratio:
        return "?"
    return "ok" if ratio <= target else "OVER"


def print_report(results: dict[str, Any]) -> None:
    target = TARGETS["import"]
    print(f"\nImport vs pandas.read_excel(engine='openpyxl')   target ratio <= {target}")
    print(f"{'contacts':>9} {'pandas ms':>10} {'reseau ms':>10} {'ratio':>7}  verdict")
    for row in results["import"]:
        reseau_ms = row.get("reseau_s", float("nan")) * 1000
        print(
            f"{row['size']:>9} {row['baseline_s'] * 1000:>10.1f} {_fmt(reseau_ms, '10.1f'):>10}"
            f" {_fmt(row.get('ratio'), '7.2f'):>7}  {_verdict(row.get('ratio'), target)}"
            f" {row.get('note', '')}"
        )
    target = TARGETS["export"]
    print(f"\nExcel export vs DataFrame.to_excel(engine='openpyxl')   target ratio <= {target}")
    print(f"{'contacts':>9} {'pandas ms':>10} {'reseau ms':>10} {'ratio':>7}  verdict")
    for row in results["export"]:
        reseau_ms = row.get("reseau_s", float("nan")) * 1000
        print(
            f"{row['size']:>9} {row['baseline_s'] * 1000:>10.1f} {_fmt(reseau_ms, '10.1f'):>10}"
            f" {_fmt(row.get('ratio'), '7.2f'):>7}  {_verdict(row.get('ratio'), target)}"
            f" {row.get('note', '')}"
        )
    target = TARGETS["page"]
    print(
        f"\nPage rerun (AppTest, median CPU) with {PAGE_LARGE} vs {PAGE_SMALL} contacts"
        f"   target ratio <= {target}"
    )
    print(f"{'page':<22} {f'ms @{PAGE_SMALL}':>10} {f'ms @{PAGE_LARGE}':>10} {'ratio':>7}  verdict")
    for row in results["pages"]:
        print(
            f"{row['page']:<22} {_fmt(row[f'ms_{PAGE_SMALL}'], '10.1f'):>10}"
            f" {_fmt(row[f'ms_{PAGE_LARGE}'], '10.1f'):>10} {_fmt(row['ratio'], '7.2f'):>7}"
            f"  {_verdict(row['ratio'], target)}"
        )
    memory = results.get("memory")
    if memory:
        print(f"\nMemory of one session holding {memory['size']} contacts (tracemalloc)")
        print(f"  network + scores held:        {memory['network_and_scores_mb']:.1f} MB")
        print(f"  network + scores peak:        {memory['network_and_scores_peak_mb']:.1f} MB")
        print(f"  session after every page:     {memory['session_after_all_pages_mb']:.1f} MB")
        print(f"  peak while running each page: {memory['session_peak_mb']:.1f} MB")
        if memory["errors"]:
            print(f"  page errors: {memory['errors']}")
    card = results.get("card")
    if card:
        print("\nQualifying on the card, top to bottom (Chromium 1440x900)   target <= 9 clicks")
        if "note" in card:
            print(f"  {card['note']}")
        else:
            print(
                f"  per contact over {card['contacts']}: {card['qualifying_clicks']:.1f} clicks "
                f"to qualify and go on ({_verdict(card['qualifying_clicks'] / 9, 1.0)}), "
                f"{card['clicks']:.1f} with the other criteria, {card['seconds']:.1f} s"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--quick", action="store_true", help="50 and 500 contacts, fewer reruns")
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-browser", action="store_true", help="no card journey")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.quick:
        sizes = [s for s in sizes if s <= 500]

    # AppTest outside `streamlit run` warns about its bare mode on every run: not news here.
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="reseau-bench-") as data_dir:
        # Every workbook the benchmark stores goes to a throwaway SQLite file.
        os.environ["RESEAU_DATA_DIR"] = data_dir
        os.environ.pop("DATABASE_URL", None)
        started = time.perf_counter()
        results: dict[str, Any] = {
            "when": datetime.now().isoformat(timespec="seconds"),
            "machine": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "pandas": pd.__version__,
                "openpyxl": openpyxl.__version__,
            },
            "targets": TARGETS,
        }
        print("measuring import…", flush=True)
        results["import"] = [measure_import(size) for size in sizes]
        print("measuring export…", flush=True)
        results["export"] = [measure_export(size) for size in sizes]
        print("measuring page reruns…", flush=True)
        results["pages"] = measure_pages(repeat=5 if args.quick else 11)
        if not args.skip_memory and not args.quick:
            print("measuring memory…", flush=True)
            results["memory"] = measure_memory(MEMORY_SIZE)
        if not args.skip_browser:
            print("measuring the card in a browser…", flush=True)
            results["card"] = measure_card_journey()
        results["duration_s"] = time.perf_counter() - started

    print_report(results)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nfigures written to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
