"""Today's date, from one place, so a test or a demonstration can move the clock.

`RESEAU_TODAY` (an ISO date, as 2027-02-28) stands for today when set: a browser journey closes
an assessment, then moves the clock three months on without waiting for them.
"""

from __future__ import annotations

import os
from datetime import date, timedelta


def today() -> date:
    """The real date, or the one `RESEAU_TODAY` gives (ignored when it is not a date)."""
    given = os.environ.get("RESEAU_TODAY", "").strip()
    if given:
        try:
            return date.fromisoformat(given)
        except ValueError:
            pass
    return date.today()


def shift() -> timedelta:
    """How far `RESEAU_TODAY` moves the clock from the real date (nothing when it is not set).

    Dates that the real clock decides (the store's purge) are shown moved by as much, so a
    demonstration three months on tells a consistent story.
    """
    return today() - date.today()
