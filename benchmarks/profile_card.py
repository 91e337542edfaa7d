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


def where(file: str) -> str | None:
    """A short module name for Réseau's files and Streamlit's, None for the rest."""
    file = file.replace("\\", "/")
    for marker in ("site-packages/", "/reseau/", "/pages/"):
        if marker in file:
            tail = file.split(marker, 1)[1]
            prefix = "reseau/" if marker == "/reseau/" else "pages/" if marker == "/pages/" else ""
            return (prefix + tail).removesuffix(".py").replace("/", ".")
    if file.endswith("app.py"):
        return "app"
    return None


def summarise(raw: str, top: int) -> dict[str, list[tuple[str, float]]]:
    """Inclusive share of the samples of each function, by family (reseau, streamlit, other)."""
    inclusive: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        seen = set()
        for func, file in frames(stack):
            module = where(file)
            if module is None:
                continue
            name = f"{module}.{func}"
            if name not in seen:
                seen.add(name)
                inclusive[name] += count
    families: dict[str, list[tuple[str, float]]] = {"reseau": [], "streamlit": [], "other": []}
    for name, count in inclusive.most_common():
        family = (
            "reseau"
            if name.startswith(("reseau.", "pages.", "app."))
            else "streamlit"
            if name.startswith("streamlit.")
            else "other"
        )
        if len(families[family]) < top:
            families[family].append((name, round(100 * count / max(total, 1), 1)))
    return families


async def play(url: str, actions: int) -> None:
    async with StreamlitSession(url, DEMO_LINK) as session:
        journey = Journey(Participant(0), session)
        await journey.open()
        for action in range(actions):
            await journey.act(action)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--rate", type=int, default=200, help="samples per second")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    args = parser.parse_args(argv)
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
    for family, rows in summarise(raw, args.top).items():
        print(f"\n{family}: share of busy samples, inclusive")
        for name, share in rows:
            print(f"  {share:5.1f} %  {name}")
    print(f"\nstacks: {stacks}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
