"""Where the server's CPU goes when a participant works on the card: py-spy over the real server.

Starts the app on a loopback port, plays one participant over Streamlit's protocol (demo link,
Qualifier, « Fiche par fiche », then `--actions` card interactions alternating a mark and
« Suivant », without pauses) while `py-spy record` samples every thread of the server. Prints
the share of the busy samples spent under each function of interest (inclusive: a function's
share holds its callees'), for Réseau's own functions and Streamlit's, and writes the raw
stacks to `bench-results/profile-card-<timestamp>.txt` (flamegraph.pl reads them).

    python benchmarks/profile_card.py [--actions 60] [--rate 200]

py-spy is a development tool (`requirements-dev.txt`); it needs ptrace (root, or
`kernel.yama.ptrace_scope=0`).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from loadtest import DEMO_LINK, Journey, Participant, cpu_seconds  # noqa: E402
from protocol_client import StreamlitSession  # noqa: E402

from tests.e2e.cluster import start_app  # noqa: E402

_FRAME = re.compile(r"^(?P<func>.+?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def frames(stack: str) -> list[tuple[str, str]]:
    out = []
    for part in stack.split(";"):
        found = _FRAME.match(part.strip())
        if found:
            out.append((found["func"], found["file"]))
    return out


def family(file: str) -> str:
    """Who a frame's file belongs to: reseau (app, pages, package), streamlit, plotly or other.

    py-spy names files relative to their sys.path entry (`ui/qualify_card.py`,
    `streamlit/runtime/...`), so Réseau's are recognised by existing in the repository.
    """
    top = file.split("/", 1)[0]
    if top in ("streamlit", "plotly", "_plotly_utils", "sqlalchemy", "pandas", "starlette"):
        return "plotly" if top == "_plotly_utils" else top
    if any((base / file).exists() for base in (ROOT, ROOT / "reseau", ROOT / "pages")):
        return "reseau"
    return "other"


def summarise(raw: str, top: int) -> tuple[dict[str, float], list[tuple[str, float]]]:
    """Share of the busy samples by family of the running frame (self), and the top functions
    of Réseau and Streamlit by inclusive share (a function's share holds its callees')."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        parsed = frames(stack)
        if parsed:
            own[family(parsed[-1][1])] += count
        seen = set()
        for func, file in parsed:
            if family(file) not in ("reseau", "streamlit", "plotly"):
                continue
            name = f"{file.removesuffix('.py')}:{func}"
            if name not in seen:
                seen.add(name)
                inclusive[name] += count
    share = {name: round(100 * count / max(total, 1), 1) for name, count in own.most_common()}
    functions = [
        (name, round(100 * count / max(total, 1), 1)) for name, count in inclusive.most_common(top)
    ]
    return share, functions


async def play(url: str, actions: int) -> None:
    async with StreamlitSession(url, DEMO_LINK) as session:
        journey = Journey(Participant(0), session)
        await journey.open()
        for action in range(actions):
            await journey.act(action)


def report(raw: str, top: int) -> None:
    share, functions = summarise(raw, top)
    print("busy samples by who runs (self):", ", ".join(f"{k} {v} %" for k, v in share.items()))
    print("functions of Réseau, Streamlit and plotly, inclusive share of busy samples:")
    for name, value in functions:
        print(f"  {value:5.1f} %  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--rate", type=int, default=200, help="samples per second")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument("--stacks", help="summarise a stacks file written before, no run")
    args = parser.parse_args(argv)
    if args.stacks:
        report(Path(args.stacks).read_text(encoding="utf-8"), args.top)
        return 0
    spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    with tempfile.TemporaryDirectory(prefix="reseau-profile-") as tmp:
        server = start_app(Path(tmp))
        try:
            asyncio.run(play(server.url, 6))  # imports and caches are not the card's cost
            raw_path = Path(tmp) / "stacks.txt"
            recorder = subprocess.Popen(
                [
                    *(spy, "record", "--pid", str(server.pid), "--rate", str(args.rate)),
                    *("--format", "raw", "--output", str(raw_path), "--nonblocking"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            cpu0 = cpu_seconds([server.pid])
            asyncio.run(play(server.url, args.actions))
            cpu = cpu_seconds([server.pid]) - cpu0
            recorder.send_signal(2)  # SIGINT: py-spy writes its file and exits
            _, errors = recorder.communicate(timeout=60)
            raw = raw_path.read_text(encoding="utf-8") if raw_path.exists() else ""
            if not raw:
                print(errors.decode(errors="replace"), file=sys.stderr)
                return 1
        finally:
            server.stop()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stacks = out / f"profile-card-{datetime.now():%Y%m%d-%H%M%S}.txt"
    stacks.write_text(raw, encoding="utf-8")
    interactions = args.actions + 3  # open, navigate and mode too
    each = cpu / interactions
    print(f"server CPU {cpu:.2f} s for {interactions} interactions ({each:.3f} s each)")
    report(raw, args.top)
    print(f"\nstacks: {stacks}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
