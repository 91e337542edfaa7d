"""The UI layer's boundaries: screens do not import each other; shared widgets import no screen."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "reseau" / "ui"

# What every screen may use: the session, the process's resources, links, texts, shared widgets.
SHARED = {
    "state",
    "session",
    "resources",
    "pages",
    "pages_folder",
    "markdown",
    "client",
    "frontend_words",
    "widgets",
    "downloads",
    "joining",
    "field_columns",  # grid columns derived from the table of contact fields
    "screen",  # whether the browser's window is phone-narrow
    "my_data",  # the sidebar block; Bilans shows its retention notice too
}
# A screen made of panels assembles them; no other screen module imports a screen module.
ASSEMBLES = {
    "qualify_modes": {
        "qualify_card",
        "qualify_links",
        "qualify_review",
        "qualify_sort",
        "qualify_table",
    },
    "workshop_view": {"shape_view"},
}


def _ui_imports(path: Path) -> set[str]:
    """The reseau.ui modules a file imports (`components.x` for a shared widget)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "reseau.ui":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("reseau.ui."):
                found.add(node.module.removeprefix("reseau.ui."))
    return found


def _screens() -> set[str]:
    return {p.stem for p in UI.glob("*.py")} - SHARED - {"__init__"}


def test_no_screen_module_imports_another_screen_module():
    screens = _screens()

    crossings = {
        name: sorted(_ui_imports(UI / f"{name}.py") & screens - ASSEMBLES.get(name, set()))
        for name in sorted(screens)
    }

    assert {name: found for name, found in crossings.items() if found} == {}


def test_shared_widgets_import_no_screen_module():
    screens = _screens()
    shared = [UI / f"{name}.py" for name in SHARED] + list((UI / "components").glob("*.py"))

    crossings = {path.stem: sorted(_ui_imports(path) & screens) for path in shared}

    assert {name: found for name, found in crossings.items() if found} == {}


def test_the_rule_sees_an_import_between_screens(tmp_path):
    # The check itself must be able to fail: a screen importing another is found.
    screen = tmp_path / "plan_view.py"
    screen.write_text("from reseau.ui.qualify_card import card\n", encoding="utf-8")

    assert _ui_imports(screen) & _screens() == {"qualify_card"}
