"""The room's summary is counted once per change of the room, whatever the tabs and refreshes."""

from __future__ import annotations

import threading
from datetime import timedelta

from reseau.room import RoomSummaries, summarise_room
from reseau.storage import open_store
from reseau.workbook import Workbook
from tests.conftest import TODAY


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, workshop, members, today):  # type: ignore[no-untyped-def]
        self.calls += 1
        return summarise_room(workshop, members, today)


def _room(demo):  # type: ignore[no-untyped-def]
    store = open_store()
    workshop = store.create_workshop("Atelier de Lyon")
    first, _ = store.join_workshop(workshop.code, Workbook(network=demo))
    store.join_workshop(workshop.code, Workbook())
    return store, workshop.code, first


def test_refreshes_without_a_change_reuse_the_summary(demo):
    store, code, _ = _room(demo)
    counting = Counting()
    rooms = RoomSummaries(counting)

    summaries = [rooms.summary(store, code, TODAY) for _ in range(5)]

    assert counting.calls == 1
    assert summaries[0].total_contacts == len(demo)
    assert all(s is summaries[0] for s in summaries)


def test_a_save_an_arrival_a_first_name_a_closing_and_a_new_day_each_count_again(demo):
    store, code, first = _room(demo)
    counting = Counting()
    rooms = RoomSummaries(counting)
    rooms.summary(store, code, TODAY)

    store.save(first, Workbook(network=demo.remove(demo.ids[0]), workshop_code=code))
    assert rooms.summary(store, code, TODAY).total_contacts == len(demo) - 1
    store.join_workshop(code, Workbook(network=demo))
    assert len(rooms.summary(store, code, TODAY).participants) == 3
    store.set_first_name(first, "Camille")
    assert rooms.summary(store, code, TODAY).participants[0].first_name == "Camille"
    store.close_workshop(code)
    assert not rooms.summary(store, code, TODAY).workshop.is_open
    rooms.summary(store, code, TODAY + timedelta(days=1))

    assert counting.calls == 6


def test_tabs_asking_at_the_same_moment_share_one_count(demo):
    store, code, _ = _room(demo)
    counting = Counting()
    rooms = RoomSummaries(counting)

    tabs = [threading.Thread(target=rooms.summary, args=(store, code, TODAY)) for _ in range(8)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()

    assert counting.calls == 1
