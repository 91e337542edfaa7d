"""Every grid shows an empty cell as empty, never as Python's « None »."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest import goto, open_app


def _grids(at: AppTest) -> list:
    return list(at.dataframe)  # read-only tables and editable grids alike


def _has_blank_cell(grid) -> bool:
    return bool(grid.value.isna().to_numpy().any())


def _blank_is_empty(grid) -> bool:
    # Unless told otherwise, Streamlit writes « None » in a grid's blank cells.
    return grid.proto.HasField("placeholder") and grid.proto.placeholder == ""


def _assert_blanks_are_shown_empty(at: AppTest) -> None:
    grids = _grids(at)
    assert grids and any(_has_blank_cell(grid) for grid in grids)
    assert all(_blank_is_empty(grid) for grid in grids)


def test_the_home_grid_shows_empty_cells_as_empty():
    at = open_app(demo=True)

    _assert_blanks_are_shown_empty(at)


def test_the_qualifier_table_shows_empty_cells_as_empty():
    at = goto(open_app(demo=True), "pages/qualifier.py")
    at.segmented_control[0].set_value("table").run()

    _assert_blanks_are_shown_empty(at)


def test_the_sorting_list_shows_empty_cells_as_empty():
    at = goto(open_app(demo=True), "pages/qualifier.py")
    at.segmented_control[0].set_value("sort").run()
    at.toggle(key="qualify.sort.unsorted_only").set_value(False).run()

    assert all(_blank_is_empty(grid) for grid in _grids(at))


def test_the_plan_grids_show_empty_cells_as_empty():
    at = goto(open_app(demo=True), "pages/plan.py")

    grids = _grids(at)
    assert len(grids) == 2 and all(_blank_is_empty(grid) for grid in grids)
