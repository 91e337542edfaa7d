"""Failed attempts are counted across sessions: per client, for everyone, with a lockout."""

from __future__ import annotations

import threading

from reseau.throttle import Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _throttle(clock: Clock) -> Throttle:
    return Throttle(per_client=3, overall=5, window=60.0, lockout=300.0, clock=clock)


def test_a_client_may_try_until_its_failures_reach_the_limit_then_waits_the_lockout():
    clock = Clock()
    throttle = _throttle(clock)

    throttle.failed("10.0.0.1")
    throttle.failed("10.0.0.1")
    assert throttle.wait("10.0.0.1") == 0
    throttle.failed("10.0.0.1")

    assert throttle.wait("10.0.0.1") == 300.0
    clock.now += 299
    assert throttle.wait("10.0.0.1") == 1.0
    clock.now += 1
    assert throttle.wait("10.0.0.1") == 0


def test_another_client_is_not_locked_out_by_one_clients_failures():
    throttle = _throttle(Clock())

    for _ in range(3):
        throttle.failed("10.0.0.1")

    assert throttle.wait("10.0.0.2") == 0


def test_failures_older_than_the_window_no_longer_count():
    clock = Clock()
    throttle = _throttle(clock)

    throttle.failed("10.0.0.1")
    throttle.failed("10.0.0.1")
    clock.now += 61
    throttle.failed("10.0.0.1")

    assert throttle.wait("10.0.0.1") == 0


def test_many_clients_failing_together_lock_everyone_out():
    throttle = _throttle(Clock())

    for address in range(5):
        throttle.failed(f"10.0.0.{address}")

    assert throttle.wait("10.0.0.99") == 300.0


def test_a_success_clears_the_clients_failures():
    throttle = _throttle(Clock())
    throttle.failed("10.0.0.1")
    throttle.failed("10.0.0.1")

    throttle.succeeded("10.0.0.1")
    throttle.failed("10.0.0.1")

    assert throttle.wait("10.0.0.1") == 0


def test_forty_sessions_guessing_at_once_get_no_more_tries_than_the_limit():
    throttle = Throttle(per_client=5, overall=20, window=900.0, lockout=900.0)
    tried: list[int] = []
    lock = threading.Lock()

    def session(address: str) -> None:
        for _ in range(10):
            if throttle.wait(address) == 0:
                with lock:
                    tried.append(1)
                throttle.failed(address)

    threads = [threading.Thread(target=session, args=(f"10.0.{i % 4}.1",)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert throttle.wait("10.0.9.9") > 0
    assert len(tried) < 400  # without the throttle: every one of the 400 guesses is tried
    assert len(tried) <= 20 + 40  # the limit, plus the guesses already past the check
