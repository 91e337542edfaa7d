"""Files that ask for far more than their size are refused from what they declare, cheaply.

The grid files are only given to the scanners here (`declared.check_*`), never to the reader:
before these checks, the reader asked for 549 GB and aborted the process. The whole import of
each hostile file runs in a bounded child process in `test_bounded.py`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reseau.i18n import t
from reseau.importing import declared, read_contacts
from reseau.importing.errors import (
    NulCharacter,
    SheetTooLarge,
    VCardCardTooLong,
    VCardLineTooLong,
    VCardTooManyParameters,
)
from reseau.importing.readers import vcard_lines
from tests.importing import hostile


@pytest.mark.parametrize(
    ("far", "dimension", "extent"),
    [
        ("XFD1048576", None, "XFD1048576"),
        ("ALL49000", None, "ALL49000"),
        ("XFD1048576", "A1:D2", "XFD1048576"),  # a dimension that lies
        ("B60000", "A1:D2", "D60000"),  # the header is four columns wide
    ],
)
def test_an_xlsx_with_one_cell_far_away_is_refused_from_its_cell_positions(far, dimension, extent):
    data = hostile.xlsx_with_far_cell(far, dimension)

    with pytest.raises(SheetTooLarge) as refused:
        declared.check_xlsx_extent(data)

    assert refused.value.params["sheet"] == "Contacts"
    assert refused.value.params["cell"] == extent


def test_an_xlsx_that_declares_a_huge_dimension_is_refused_before_its_cells_are_read():
    data = hostile.xlsx_with_far_cell("D3", dimension="A1:XFD1048576")

    with pytest.raises(SheetTooLarge) as refused:
        declared.check_xlsx_extent(data)

    assert refused.value.params["cell"] == "XFD1048576"


def test_cells_without_positions_are_counted_one_by_one():
    data = hostile.xlsx_with_far_cell("A4", dimension="A1:D4", with_r=False)

    with pytest.raises(SheetTooLarge) as refused:
        declared.check_xlsx_extent(data)

    assert refused.value.params["columns"].value == 1200


def test_a_far_cell_in_a_sheet_written_with_a_namespace_prefix_is_found():
    data = hostile.xlsx_with_far_cell("XFD1048576", dimension="A1:D2", prefix="x")

    with pytest.raises(SheetTooLarge) as refused:
        declared.check_xlsx_extent(data)

    assert refused.value.params["cell"] == "XFD1048576"


def test_a_sheet_written_with_a_namespace_prefix_still_imports():
    data = hostile.xlsx_with_far_cell("D3", prefix="x")

    preview = read_contacts(data, "prefixed.xlsx")

    assert preview.contacts[0].last_name == "Dupré"


def test_a_normal_xlsx_passes_the_extent_check():
    declared.check_xlsx_extent(hostile.xlsx_with_far_cell("D3"))


@pytest.mark.parametrize(
    ("rows", "columns", "filled"),
    [(40_000, 1_000, True), (1_000_000, 1, True), (100, 16_384, True), (30_000, 1_000, False)],
)
def test_an_ods_whose_repeats_fill_a_huge_grid_is_refused_without_expanding_them(
    rows, columns, filled
):
    data = hostile.ods_with_repeats(rows, columns, filled=filled)

    with pytest.raises(SheetTooLarge) as refused:
        declared.check_ods_extent(data)

    assert refused.value.params["sheet"] == "Contacts"


def test_libreoffice_s_empty_tail_of_a_million_rows_does_not_count():
    data = hostile.ods_small()

    declared.check_ods_extent(data)
    preview = read_contacts(data, "contacts.ods")

    assert [c.last_name for c in preview.contacts] == ["Dupré", "Martin"]


def cpu_seconds(read: Callable[[], object]) -> float:
    """The best of three CPU times of `read()`."""
    times = []
    for _ in range(3):
        started = time.process_time()
        read()
        times.append(time.process_time() - started)
    return min(times)


def test_a_photo_folded_at_74_characters_is_read_in_linear_time():
    small, large = hostile.vcard_with_photo(2), hostile.vcard_with_photo(20)

    ratio = cpu_seconds(lambda: read_contacts(large, "p.vcf")) / cpu_seconds(
        lambda: read_contacts(small, "p.vcf")
    )

    # Ten times the photo: about ten times the work when linear, a hundred when quadratic
    # (vobject's own unfolding took 426 CPU-seconds on the 20 MB photo).
    assert ratio < 30
    assert read_contacts(large, "p.vcf").contacts[0].company == "Lumières & Cie"


def test_a_vcard_property_with_500000_parameters_is_refused():
    with pytest.raises(VCardTooManyParameters) as refused:
        read_contacts(hostile.vcard_with_parameters(500_000), "parametres.vcf")

    message = t(refused.value.key, "fr", **refused.value.params)
    assert "500\u202f000 paramètres" in message
    assert "fiche n° 1" in message


def test_a_note_of_two_million_characters_is_refused_with_its_card():
    with pytest.raises(VCardLineTooLong) as refused:
        read_contacts(hostile.vcard_with_long_note(2_000_000), "note.vcf")

    assert refused.value.params["property"] == "NOTE"


def test_a_card_with_two_hundred_thousand_phones_is_refused():
    with pytest.raises(VCardCardTooLong):
        read_contacts(hostile.vcard_with_many_lines(200_000), "tel.vcf")


def test_folded_and_quoted_printable_lines_unfold_as_vobject_reads_them():
    text = (
        "BEGIN:VCARD\r\nNOTE:une note\r\n  pliée\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:ligne=\r\nsuite\r\nEND:VCARD\r\n"
    )

    lines = list(vcard_lines(text))

    assert lines == [
        "BEGIN:VCARD",
        "NOTE:une note pliée",
        "NOTE;ENCODING=QUOTED-PRINTABLE:ligne=\nsuite",
        "END:VCARD",
    ]


def test_a_nul_early_in_a_csv_says_so_with_its_line_not_image_or_pdf():
    with pytest.raises(NulCharacter) as refused:
        read_contacts(hostile.csv_with_nul(), "contacts.csv")

    message = t(refused.value.key, "fr", **refused.value.params)
    assert "caractère nul" in message
    assert "ligne 2" in message
    assert "image" not in message


def test_a_csv_saved_as_utf16_without_its_mark_is_read():
    text = "Nom,Prénom,Email\r\nDupré,Éloïse,eloise@example.com\r\n"

    preview = read_contacts(text.encode("utf-16-le"), "contacts.csv")

    assert preview.contacts[0].first_name == "Éloïse"


def test_every_new_refusal_has_a_message_in_both_languages():
    params = {
        "sheet": "S",
        "cell": "XFD1048576",
        "rows": 1,
        "columns": 1,
        "limit_rows": 1,
        "limit_cells": 1,
        "line": 2,
        "card": 1,
        "property": "TEL",
        "size": 1,
        "limit": 1,
        "count": 1,
        "seconds": 10,
    }
    keys = [
        "import.error.sheet_extent",
        "import.error.nul_character",
        "import.error.vcard_line_too_long",
        "import.error.vcard_parameters",
        "import.error.vcard_card_lines",
        "import.error.too_much_memory",
        "import.error.too_slow",
        "import.error.cancelled",
        "import.error.busy",
    ]
    for key in keys:
        french, english = t(key, "fr", **params), t(key, "en", **params)
        assert french != english and "{" not in french + english


_LINE = st.one_of(
    st.text(alphabet="AZaz09:;=,é -", min_size=1, max_size=30),
    st.sampled_from(["NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9=", "quoted-", "printable:x="]),
)


@given(
    st.lists(
        st.tuples(_LINE, st.sampled_from(["\r\n", "\n", "\r\n ", "\r\n\t", "=\r\n"])),
        max_size=12,
    )
)
@settings(max_examples=500, deadline=None)
def test_unfolding_in_linear_time_reads_the_lines_vobject_reads(pieces):
    import io

    from vobject.base import getLogicalLines

    text = "".join(line + end for line, end in pieces)

    ours = list(vcard_lines(text))
    theirs = [line for line, _ in getLogicalLines(io.StringIO(text), allowQP=True)]

    assert ours == theirs
