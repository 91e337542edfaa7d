"""The shortlist after a large import: search, filter by company, job title and connection
date, and keep only the people ticked."""

from __future__ import annotations

from datetime import date

from reseau.importing import read_contacts
from reseau.importing.shortlist import (
    ShortlistFilter,
    companies_by_count,
    keep_only,
    matching,
    offers_shortlist,
    shortlist_table,
)
from tests.importing import linkedin


def big_import(count=1_500):
    return read_contacts(linkedin.connections_csv(count), "Connections.csv")


def test_a_shortlist_is_offered_above_sixty_contacts_only():
    assert offers_shortlist(big_import(61))
    assert not offers_shortlist(big_import(60))


def test_the_connection_date_of_each_linkedin_row_is_read():
    preview = big_import(100)
    assert len(preview.connected) == 100 and None not in preview.connected
    assert preview.connected[0] == "2026-11-01"


def test_search_company_title_and_date_filters_combine():
    preview = big_import()
    table = shortlist_table(preview)
    assert len(table) == 1_500
    orange = matching(table, ShortlistFilter(companies=("Orange",)))
    assert set(table.loc[orange, "company"]) == {"Orange"}
    chefs = matching(table, ShortlistFilter(companies=("Orange",), title="chef projet"))
    assert 0 < chefs.sum() < orange.sum()
    assert set(table.loc[chefs, "job_title"]) == {"Chef de projet"}
    recent = matching(table, ShortlistFilter(since=date(2026, 10, 1)))
    assert 0 < recent.sum() < 1_500
    assert (table.loc[recent, "connected"] >= "2026-10-01").all()
    one = matching(table, ShortlistFilter(query="hugo 12"))
    assert all("Hugo" in name and "12" in name for name in table.loc[one, "name"])


def test_a_search_ignores_accents_and_case():
    table = shortlist_table(big_import(200))
    found = matching(table, ShortlistFilter(query="CHLOE"))
    assert found.sum() > 0 and all("Chloé" in name for name in table.loc[found, "name"])


def test_companies_are_offered_the_most_frequent_first():
    table = shortlist_table(big_import(300))
    companies = companies_by_count(table)
    counts = table["company"].value_counts()
    assert counts[companies[0]] == counts.max()


def test_only_the_ticked_rows_are_kept_in_the_files_order():
    preview = big_import(100)
    kept = keep_only(preview, {40, 3, 77})
    assert kept.rows == (preview.rows[3], preview.rows[40], preview.rows[77])
    assert kept.connected == (preview.connected[3], preview.connected[40], preview.connected[77])
    assert [c.display_name for c in kept.contacts] == [
        preview.contacts[3].display_name,
        preview.contacts[40].display_name,
        preview.contacts[77].display_name,
    ]


def test_with_several_sheets_the_source_filters_and_equal_row_numbers_stay_apart():
    from tests.importing import sheets

    preview = read_contacts(
        sheets.workbook_on_several_sheets(), "equipes.xlsx", sheet=("Clients", "Partenaires")
    )
    table = shortlist_table(preview)
    partners = matching(table, ShortlistFilter(sources=("Partenaires",)))
    assert list(table.loc[partners, "name"]) == ["Yann Le Roux"]
    # Row 2 of each sheet is a different person: keeping one keeps only that one.
    assert preview.rows[:2] == (2, 3) and 2 in preview.rows[2:]
    kept = keep_only(preview, {0})
    assert [c.display_name for c in kept.contacts] == ["Morgane Le Floch"]
    assert kept.sources == ("Clients",)


def test_the_people_not_kept_make_a_not_for_now_csv_the_importer_reads_back():
    from reseau.importing.shortlist import later_csv

    preview = big_import(80)
    data = later_csv(preview, {0, 5, 9}, "fr")
    later = read_contacts(data, "pas-pour-l-instant.csv")
    others = [c for i, c in enumerate(preview.contacts) if i not in {0, 5, 9}]
    fields = ("first_name", "last_name", "company", "job_title", "email")
    assert [tuple(getattr(c, f) for f in fields) for c in later.contacts] == [
        tuple(getattr(c, f) for f in fields) for c in others
    ]
