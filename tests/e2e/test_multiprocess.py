"""Two app processes behind HAProxy (deploy/haproxy.cfg), sharing one PostgreSQL database.

Participants are played over Streamlit's own protocol (benchmarks/protocol_client.py): the
question here is where their sessions live, not what a browser draws. HAProxy says which
process answered in the `X-Reseau-Backend` header of each response, the websocket's upgrade
included. Skipped with a message without HAProxy or PostgreSQL (`RESEAU_TEST_DATABASE_URL`),
failed instead when CI requires them (`RESEAU_REQUIRE_BROWSER=1`, `RESEAU_REQUIRE_POSTGRES=1`).
The throughput of two processes against one is a benchmark: `benchmarks/loadtest.py
--processes-compare`.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from reseau.i18n import t
from reseau.storage import open_store
from tests.conftest import ROOT
from tests.e2e.cluster import Cluster, require_haproxy, require_postgres, start_app, start_cluster

if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from protocol_client import StreamlitSession, fetch_cookies

pytestmark = pytest.mark.slow

LANG = "fr"
DEMO_LINK = f"demo=1&lang={LANG}"
TRUST = t("criterion.trust", LANG)
NEXT = t("qualify.next", LANG)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    require_haproxy()
    database_url = require_postgres()
    running = start_cluster(tmp_path_factory.mktemp("cluster"), database_url, processes=2)
    running.database_url = database_url  # type: ignore[attr-defined]
    yield running
    running.stop()


def run(coroutine: object) -> object:
    """Runs the client in a thread of its own: Playwright's sync API may hold this thread's
    event loop (the browser journeys share the session)."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()  # type: ignore[arg-type]


async def open_card(session: StreamlitSession) -> None:
    """Opens the link and goes to the Qualifier's card, as a participant does."""
    await session.open()
    await session.go_to("qualifier")
    if session.find("button", NEXT) is None:
        await session.choose(t("qualify.mode", LANG), t("qualify.mode.card", LANG))


def shown(session: StreamlitSession) -> str:
    return session.headings("h3")[0]


def shown_mark(session: StreamlitSession) -> str | None:
    """The trust mark the card shows as chosen (the segmented control's default)."""
    control = session.widget("button_group", TRUST)
    chosen = list(control.proto.default)
    return control.options[chosen[0]] if chosen else None


async def set_new_mark(session: StreamlitSession, wanted: str) -> str:
    """Sets the shown contact's trust to `wanted`, or the next mark if it is already that one
    (a click on the chosen mark would clear it); returns the mark set."""
    mark = wanted if shown_mark(session) != wanted else str(int(wanted) % 5 + 1)
    await session.choose(TRUST, mark)
    return mark


def workbook_id(session: StreamlitSession) -> str:
    return parse_qs(session.query_string)["wb"][0]


def test_a_participant_comes_back_to_the_process_that_holds_their_session(
    cluster: Cluster,
) -> None:
    async def journey() -> tuple[list[str | None], set[str | None]]:
        cookie = fetch_cookies(f"{cluster.balancer.url}/?{DEMO_LINK}")
        seen: list[str | None] = []
        async with StreamlitSession(cluster.balancer.url, DEMO_LINK, cookie=cookie) as session:
            await open_card(session)
            seen.append(session.backend)
            await session.choose(TRUST, "4")
            await session.click(NEXT)
            for _ in range(2):  # a refresh, twice: a new websocket each time
                await session.reconnect()
                seen.append(session.backend)
        # Other people arriving without the cookie are spread over both processes.
        others = set()
        for _ in range(4):
            async with StreamlitSession(cluster.balancer.url, DEMO_LINK) as other:
                await other.open()
                others.add(other.backend)
        return seen, others

    seen, others = run(journey())  # type: ignore[misc]

    assert seen[0] in cluster.apps, f"HAProxy named no process: {seen}"
    assert seen == [seen[0]] * 3
    assert others == set(cluster.apps)


def test_killing_a_participants_process_moves_them_to_another_with_nothing_lost(
    cluster: Cluster,
) -> None:
    async def before_crash(session: StreamlitSession) -> dict[str, str]:
        await open_card(session)
        marks = {}
        for wanted in ("2", "5"):
            name = shown(session)
            marks[name] = await set_new_mark(session, wanted)
            await session.click(NEXT)
        return marks

    async def after_crash(session: StreamlitSession) -> tuple[str, str, str | None]:
        await session.reconnect()  # the frontend reconnects to the same address by itself
        if session.find("button", NEXT) is None:
            await open_card(session)
        where = shown(session)
        mark = await set_new_mark(session, "3")
        return where, mark, session.backend

    async def journey() -> None:
        cookie = fetch_cookies(f"{cluster.balancer.url}/?{DEMO_LINK}")
        async with StreamlitSession(cluster.balancer.url, DEMO_LINK, cookie=cookie) as session:
            marks = await before_crash(session)
            first, link, on = session.backend, session.url, shown(session)
            assert first in cluster.apps
            killed = cluster.apps[first]
            killed.kill()
            try:
                where, mark, second = await after_crash(session)
                # The same address, served by the other process, on the contact left open.
                assert session.url.split("?")[0] == link.split("?")[0]
                assert workbook_id(session) in link
                assert second in cluster.apps and second != first
                assert where == on
                assert shown_mark(session) == mark
                store = open_store(cluster.database_url)  # type: ignore[attr-defined]
                stored = store.load(workbook_id(session))
                by_name = {c.display_name: c for c in stored.network.contacts}
                assert {name: str(by_name[name].trust) for name in marks} == marks
                assert str(by_name[on].trust) == mark
                assert stored.network.get(stored.cursor).display_name == on
            finally:
                # Put the process back for whatever runs next on this cluster.
                cluster.apps[first] = start_app(Path(killed.data_dir), killed.env, port=killed.port)

    run(journey())
