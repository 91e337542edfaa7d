"""Closed sessions' memory is freed once their TTL has passed, not at the next arrival."""

from __future__ import annotations

from streamlit.runtime.caching.ttl_cache import TTLCache

from reseau.ui import housekeeping


def test_a_pass_frees_memory_only_when_expired_sessions_were_dropped(monkeypatch):
    freed: list[bool] = []
    monkeypatch.setattr(housekeeping, "release_memory", lambda: freed.append(True))

    assert housekeeping.housekeeping_pass(lambda: 0) is False
    assert housekeeping.housekeeping_pass(lambda: 3) is True
    assert freed == [True]


def test_streamlits_session_cache_keeps_an_expired_session_until_expire_is_called():
    # Why the watcher exists: with nothing written to it, the cache holds the session's value.
    now = [0.0]
    cache: TTLCache[str, object] = TTLCache(maxsize=10, ttl=10, timer=lambda: now[0])
    cache["session"] = object()
    now[0] = 11.0

    assert len(cache._data) == 1  # still held, though no longer visible
    assert [key for key, _ in cache.expire()] == ["session"]
    assert len(cache._data) == 0


def test_outside_a_server_there_is_nothing_to_drop():
    assert housekeeping.drop_expired_sessions() == 0
