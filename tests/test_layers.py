"""The domain's boundaries, held by the linter: no streamlit and no store in the domain.

`reseau/` is the method's domain. It never imports streamlit (only `reseau/ui/` does) and never
depends on a store: what a rule needs from storage is a Protocol in the domain
(`reseau.workshop.WorkshopStore`, `reseau.room.RoomStore`) that `reseau/storage/` answers.
Ruff's banned-api rule (TID251, `pyproject.toml` and `reseau/storage/ruff.toml`) says so; these
tests check the rule catches each crossing, and that importing the domain loads no store.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).parent / "ruff"


def banned_imports(path: str, source: str) -> list[str]:
    """The TID251 messages ruff gives for `source` as if it were the project's file `path`."""
    result = subprocess.run(
        [
            str(RUFF),
            "check",
            "--select",
            "TID251",
            "--output-format",
            "concise",
            "--quiet",
            "--stdin-filename",
            path,
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return [line for line in result.stdout.splitlines() if "TID251" in line]


@pytest.mark.parametrize(
    ("path", "source", "banned"),
    [
        ("reseau/plan.py", "from reseau.storage import open_store\n", "reseau.storage"),
        ("reseau/room.py", "from reseau.storage.store import workbooks\n", "reseau.storage"),
        ("reseau/plan.py", "import streamlit as st\n", "streamlit"),
        ("reseau/storage/store.py", "import streamlit as st\n", "streamlit"),
        ("reseau/charts/room.py", "from reseau import storage\n", "reseau.storage"),
    ],
)
def test_the_linter_refuses_a_domain_module_that_imports_a_store_or_streamlit(
    path: str, source: str, banned: str
) -> None:
    messages = banned_imports(path, source)

    assert len(messages) == 1 and f"`{banned}` is banned" in messages[0], messages


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("reseau/ui/state.py", "import streamlit as st\nfrom reseau.storage import open_store\n"),
        ("reseau/storage/cli.py", "from reseau.storage.store import open_store\n"),
        ("pages/plan.py", "import streamlit as st\n"),
        ("tests/test_plan.py", "from reseau.storage import open_store\n"),
    ],
)
def test_the_linter_lets_the_ui_the_store_and_tests_import_what_they_need(
    path: str, source: str
) -> None:
    assert banned_imports(path, source) == []


def test_importing_the_workshop_rules_and_the_room_loads_no_store() -> None:
    probe = (
        "import sys, reseau.workshop, reseau.room, reseau.follow_up, reseau.charts.room, "
        "reseau.export.room\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reseau.storage', 'sqlalchemy'))))"
    )

    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()

    assert loaded == "[]"
