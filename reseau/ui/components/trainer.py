"""What the trainer's screen parts share: the workshop the screen shows."""

from __future__ import annotations

SELECTED_WORKSHOP = "trainer.workshop"  # the scratch value holding the workshop's code
