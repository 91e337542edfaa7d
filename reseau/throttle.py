"""Slowing down guessing across every session of the process: the trainer password, join codes.

A delay inside one session does not stop forty sessions guessing in parallel, so failures are
counted here, process-wide: per client (its address, when the server knows it) and for all
clients together. After `per_client` failures within `window` seconds a client is locked out
for `lockout` seconds; after `overall` failures from anyone, everyone is, which also stops a
guesser who changes address. A success clears that client's count.

Pure Python and thread-safe (Streamlit runs each session's script on its own thread); the clock
is injected so tests need no waiting.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

_EVERYONE = "\x00everyone"  # a key no client address can be


@dataclass
class Throttle:
    """Counts failed attempts and says how long a client must wait before trying again."""

    per_client: int
    overall: int
    window: float  # seconds over which failures are counted
    lockout: float  # seconds a client (or everyone) waits once over the limit
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    _locked_until: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def wait(self, client: str) -> float:
        """Seconds this client must wait before its next attempt counts; 0 when it may try now."""
        now = self.clock()
        with self._lock:
            until = max(self._locked_until.get(client, 0.0), self._locked_until.get(_EVERYONE, 0.0))
        return max(0.0, until - now)

    def failed(self, client: str) -> int:
        """Records a failed attempt; returns how many this client made within the window."""
        now = self.clock()
        with self._lock:
            count = self._record(client, self.per_client, now)
            self._record(_EVERYONE, self.overall, now)
            self._forget_old(now)
        return count

    def succeeded(self, client: str) -> None:
        """A right answer: this client's failures no longer count against it."""
        with self._lock:
            self._failures.pop(client, None)
            self._locked_until.pop(client, None)

    def reset(self) -> None:
        """Forgets every failure and lockout (tests, or a restart of the count by hand)."""
        with self._lock:
            self._failures.clear()
            self._locked_until.clear()

    def _record(self, key: str, limit: int, now: float) -> int:
        times = self._failures.setdefault(key, deque())
        times.append(now)
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) >= limit:
            self._locked_until[key] = now + self.lockout
            times.clear()
        return len(times) or limit

    def _forget_old(self, now: float) -> None:
        # Bounded memory whatever the number of addresses seen: drop what no longer counts.
        if len(self._failures) < 1024:
            return
        for key in [k for k, t in self._failures.items() if not t or t[-1] <= now - self.window]:
            del self._failures[key]
        for key in [k for k, until in self._locked_until.items() if until <= now]:
            del self._locked_until[key]


# The trainer password: five wrong answers from one client, or twenty from anyone, within a
# quarter of an hour lock the form for a quarter of an hour.
TRAINER_PASSWORD = Throttle(per_client=5, overall=20, window=900.0, lockout=900.0)
# Join codes (887 million of them): ten unknown codes a minute per client, a hundred overall.
JOIN_CODES = Throttle(per_client=10, overall=100, window=60.0, lockout=60.0)
