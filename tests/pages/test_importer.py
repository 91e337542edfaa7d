"""The import screen: upload, preview, mapping fix, confirm, and refusals that change nothing."""

from __future__ import annotations

from reseau.i18n import t
from tests.apptest import assert_no_error, goto, open_app, stored_workbook, texts
from tests.importing import files

FR_CSV = files.csv_text(
    [
        ["Prénom", "Nom", "Entreprise", "Cercle", "Confiance"],
        ["Anne", "Martin", "Zéphyr Labs", "Soutien", "4"],
        ["Paul", "Roux", "ACME", "Informations", "9"],
        ["", "", "", "", ""],
        ["ANNE", "martin", "zephyr labs", "", ""],
    ],
    ";",
).encode("cp1252")


def cells(at):
    """Every value shown in the page's tables, as text."""
    return [str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel().tolist()]


def upload(at, name, data):
    at.file_uploader[0].upload(name, data)
    at.run()
    assert_no_error(at)
    return at


def importer(**params):
    return goto(open_app(lang="fr", **params), "pages/importer.py")


def confirm_button(at):
    return next(b for b in at.button if b.label.startswith("Importer "))


def test_an_upload_shows_what_was_understood_before_anything_is_added():
    at = upload(importer(), "contacts.csv", FR_CSV)
    page = texts(at)
    assert (
        t("import.summary", "fr", contacts=2, source="Fichier CSV", skipped=1, duplicates=1) in page
    )
    assert t(
        "import.warning.at_row",
        "fr",
        row=3,
        message=t("import.warning.value_dropped", "fr", value="Informations", field="Cercle"),
    ) in cells(at)
    assert [v for v in cells(at) if v in ("Anne", "Paul")] == ["Anne", "Paul"]
    assert confirm_button(at).label == t("import.confirm", "fr", count=2)
    assert len(stored_workbook(at).network) == 0  # nothing added yet


def test_confirming_adds_the_contacts_and_says_so():
    at = upload(importer(), "contacts.csv", FR_CSV)
    confirm_button(at).click()
    at.run()
    assert_no_error(at)
    assert t("import.done", "fr", added=2, merged=0) in texts(at)
    assert sorted(c.display_name for c in stored_workbook(at).network) == [
        "Anne Martin",
        "Paul Roux",
    ]


def test_importing_into_the_demo_merges_a_contact_already_there():
    data = files.csv_text(
        [["Prénom", "Nom", "E-mail"], ["claire", "FONTAINE", "claire.fontaine@example.com"]]
    ).encode()
    at = upload(goto(open_app(demo=True, lang="fr"), "pages/importer.py"), "c.csv", data)
    confirm_button(at).click()
    at.run()
    assert_no_error(at)
    assert t("import.done", "fr", added=0, merged=1) in texts(at)
    merged = t("import.merged.line", "fr", name="claire FONTAINE", into="Claire Fontaine")
    assert merged in cells(at)


def test_a_refused_file_says_why_and_keeps_the_workbook():
    at = upload(importer(demo="1"), "photo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert t("import.error.not_a_spreadsheet", "fr") in [e.value for e in at.error]
    assert t("import.untouched", "fr") in texts(at)
    assert not any(b.label.startswith("Importer ") for b in at.button)


def test_without_a_name_column_the_user_maps_one_by_hand():
    data = files.csv_text([["Qui", "Société"], ["Anne Martin", "ACME"]]).encode()
    at = upload(importer(), "c.csv", data)
    assert at.error[0].value.startswith("Aucune colonne de noms")
    at.selectbox(key=next(s.key for s in at.selectbox if s.label == "Qui")).set_value("full_name")
    next(b for b in at.button if b.label == t("import.mapping.apply", "fr")).click()
    at.run()
    assert_no_error(at)
    assert confirm_button(at).label == t("import.confirm", "fr", count=1)


def test_the_user_can_switch_to_another_sheet():
    at = upload(importer(), "c.xlsx", files.hand_made_xlsx())
    sheet = next(s for s in at.multiselect if s.label == t("import.sheets", "fr"))
    assert sheet.value == ["Mes contacts"]
    sheet.set_value(["Notes"])
    at.run()
    assert_no_error(at)
    assert at.error[0].value.startswith("Aucune colonne de noms")


def test_an_exported_workbook_imported_into_an_empty_one_restores_it_whole(demo):
    from reseau.export.xlsx import build_xlsx
    from reseau.scoring import ScoringSettings
    from reseau.vocabulary import Circle
    from reseau.workbook import Workbook

    network = demo.with_details(participant="Camille", mission="Déployer le nouvel outil")
    network = network.with_marks(Circle.SUPPORT, {"trust": 4, "reach": 2})
    saved = Workbook(network=network, settings=ScoringSettings(strength_threshold=60))
    at = upload(importer(), "reseau.xlsx", build_xlsx(saved))

    confirm_button(at).click()
    at.run()

    restored = stored_workbook(at)
    assert restored.network.participant == "Camille"
    assert restored.network.mission == "Déployer le nouvel outil"
    assert dict(restored.network.marks[Circle.SUPPORT]) == {"trust": 4, "reach": 2}
    assert restored.settings.strength_threshold == 60
    assert restored.network.contacts == network.contacts
    assert t("import.restored", "fr") in texts(at)


def test_the_preview_announces_merges_with_the_workbook_before_confirming():
    data = files.csv_text(
        [
            ["Prénom", "Nom", "E-mail"],
            ["Claire", "Fontaine", "claire.fontaine@example.com"],
            ["Nadia", "Benali", "nadia.benali@example.com"],
        ]
    ).encode()
    at = upload(goto(open_app(demo=True, lang="fr"), "pages/importer.py"), "c.csv", data)
    assert t("import.merging", "fr", added=1, merged=1) in texts(at)
    assert t("import.merging.title", "fr", count=1) in [e.label for e in at.expander]
    assert t("import.merging.line", "fr", name="Claire Fontaine", into="Claire Fontaine") in cells(
        at
    )
    assert confirm_button(at).label == t("import.confirm.merging", "fr", added=1, merged=1)
    assert len(stored_workbook(at).network) == 31  # nothing changed yet


def test_confirming_after_the_preview_does_what_the_preview_announced():
    data = files.csv_text(
        [
            ["Prénom", "Nom", "E-mail"],
            ["Claire", "Fontaine", "claire.fontaine@example.com"],
            ["Nadia", "Benali", "nadia.benali@example.com"],
        ]
    ).encode()
    at = upload(goto(open_app(demo=True, lang="fr"), "pages/importer.py"), "c.csv", data)
    confirm_button(at).click()
    at.run()
    assert_no_error(at)
    assert t("import.done", "fr", added=1, merged=1) in texts(at)
    assert len(stored_workbook(at).network) == 32


def test_the_participant_chooses_that_a_file_has_no_title_row_and_its_first_person_is_kept():
    data = files.csv_text(
        [["Prénom", "Nom"], ["Maud", "Kerjean"], ["Tanguy", "Pellen"]], ";"
    ).encode()
    at = upload(importer(), "liste.csv", data)
    assert confirm_button(at).label == t("import.confirm", "fr", count=2)
    chooser = next(box for box in at.selectbox if box.label == t("import.header_row", "fr"))
    chooser.set_value(0).run()
    assert_no_error(at)
    # The first row is a person now; the columns are guessed from the values.
    assert confirm_button(at).label == t("import.confirm", "fr", count=3)
    assert t("import.column.no_header", "fr") in texts(at)


def test_the_participant_takes_contacts_from_several_sheets_at_once():
    from tests.importing import sheets

    at = upload(importer(), "equipes.xlsx", sheets.workbook_on_several_sheets())
    assert confirm_button(at).label == t("import.confirm", "fr", count=2)
    at.multiselect[0].set_value(["Clients", "Partenaires"]).run()
    assert_no_error(at)
    assert confirm_button(at).label == t("import.confirm", "fr", count=3)
    confirm_button(at).click()
    at.run()
    assert sorted(c.last_name for c in stored_workbook(at).network) == [
        "Cadiou",
        "Le Floch",
        "Le Roux",
    ]


def test_after_a_large_linkedin_import_the_participant_keeps_only_the_people_found():
    from tests.importing import linkedin

    at = upload(importer(), "Connections.csv", linkedin.connections_csv(150))
    assert t("import.shortlist.title", "fr") in texts(at)
    assert confirm_button(at).label == t("import.confirm", "fr", count=150)
    at.text_input(key="import.shortlist.query").set_value("hugo").run()
    at.multiselect(key="import.shortlist.companies").set_value(["Orange"]).run()
    tick = next(b for b in at.button if b.label.startswith("Cocher les personnes affichées"))
    tick.click().run()
    assert_no_error(at)
    line = next(m.value for m in at.markdown if m.value.startswith("**Personnes gardées"))
    count = int(line.split(":")[1].split("sur")[0].strip(" *"))
    assert 0 < count < 150
    assert confirm_button(at).label == t("import.confirm", "fr", count=count)
    later = t("import.shortlist.later", "fr", count=150 - count)
    assert later in [b.label for b in at.get("download_button")]
    confirm_button(at).click()
    at.run()
    names = [c.display_name for c in stored_workbook(at).network]
    assert len(names) == count and all(name.startswith("Hugo") for name in names)
    assert {c.company for c in stored_workbook(at).network} == {"Orange"}


def test_titles_chosen_on_a_row_of_people_are_refused_and_the_title_row_can_be_chosen_again():
    from tests.importing import sheets

    at = upload(importer(), "liste.csv", sheets.without_header_csv())
    assert confirm_button(at).label == t("import.confirm", "fr", count=3)
    chooser = next(box for box in at.selectbox if box.label == t("import.header_row", "fr"))
    chooser.set_value(1).run()
    assert at.error[0].value.startswith("Aucune colonne de noms")
    chooser = next(box for box in at.selectbox if box.label == t("import.header_row", "fr"))
    chooser.set_value(0).run()
    assert_no_error(at)
    assert confirm_button(at).label == t("import.confirm", "fr", count=3)
