"""Takes a screenshot of one screen of the app, for a person to look at.

    python tests/screenshot.py "?demo=1&lang=en" pages/carte out.png [--width 1440]

Starts the app on a free loopback port with a throwaway store, opens the screen (a page file such
as `pages/carte.py`, or its URL path `carte`) with the given query, waits until it has finished
running, writes the whole page as a PNG, and stops the server.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from reseau.ui import pages  # noqa: E402
from tests.e2e.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    open_app,
    screenshot_to,
    start_server,
)


def url_path(screen: str) -> str:
    """The URL path of a screen named by its file (`pages/carte.py`, `pages/carte`) or path."""
    wanted = screen.removesuffix(".py")
    for known in vars(pages).values():
        if isinstance(known, pages.Screen) and wanted in (
            known.path.removesuffix(".py"),
            known.url_path,
        ):
            return "" if known is pages.HOME else known.url_path
    raise SystemExit(f"no screen called {screen!r} in reseau/ui/pages.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", help='e.g. "?demo=1&lang=en" (or "" for none)')
    parser.add_argument("screen", help="e.g. pages/carte or carte")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1440)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        raise SystemExit(f"needs Debian's Chromium at {CHROMIUM}: sudo apt-get install chromium")
    query = args.query if not args.query or args.query.startswith("?") else f"?{args.query}"

    with tempfile.TemporaryDirectory(prefix="reseau-shot-") as tmp:
        server = start_server(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = browser.new_page(
                    locale="fr-FR", viewport={"width": args.width, "height": 1000}
                )
                open_app(page, server, query, path=url_path(args.screen))
                screenshot_to(page, args.out)
                browser.close()
        finally:
            server.stop()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
