"""CSV files written the way other programs and hand-made French sheets write them (people
invented)."""

from __future__ import annotations

from tests.importing.files import csv_text

THUNDERBIRD_HEADER = [
    "First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email",
    "Screen Name", "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number",
    "Home Address", "Home Address 2", "Home City", "Home State", "Home ZipCode", "Home Country",
    "Work Address", "Work Address 2", "Work City", "Work State", "Work ZipCode", "Work Country",
    "Job Title", "Department", "Organization", "Web Page 1", "Web Page 2", "Birth Year",
    "Birth Month", "Birth Day", "Custom 1", "Custom 2", "Custom 3", "Custom 4", "Notes", "",
]  # fmt: skip


def thunderbird_csv() -> bytes:
    """Thunderbird's address book export: UTF-8, a trailing comma on every line."""

    def row(**values: str) -> list[str]:
        cells = dict.fromkeys(THUNDERBIRD_HEADER, "")
        cells.update({k.replace("_", " "): v for k, v in values.items()})
        return [cells[h] for h in THUNDERBIRD_HEADER]

    rows = [
        THUNDERBIRD_HEADER,
        row(
            First_Name="Anouk",
            Last_Name="Bréhat",
            Display_Name="Anouk Bréhat",
            Primary_Email="anouk.brehat@example.com",
            Secondary_Email="anouk@perso.example",
            Work_Phone="+33 2 98 00 00 01",
            Mobile_Number="+33 6 39 98 00 21",
            Job_Title="Cheffe de projet",
            Organization="Brest Métropole",
        ),
        row(
            First_Name="Yves",
            Last_Name="Kervella",
            Display_Name="Yves Kervella",
            Secondary_Email="yves.kervella@example.org",
            Work_Phone="+33 2 98 00 00 02",
            Organization="Chantiers de l'Odet",
        ),
    ]
    return csv_text(rows).encode("utf-8")


def french_hand_made_csv() -> bytes:
    """A sheet typed by hand and saved from Excel as CSV (Windows-1252, semicolons)."""
    rows = [
        ["CONTACT PRINCIPAL", "Société / Raison sociale", "Mail du destinataire", "Portable"],
        ["Maëlle Cornec", "Crêperie du Port", "maelle@example.fr", "06 39 98 00 31"],
        ["Gwenaël Le Bihan", "Océan Bois", "gwenael@example.fr", "06 39 98 00 32"],
    ]
    return csv_text(rows, ";").encode("cp1252")


def mailing_list_csv() -> bytes:
    """A mail-merge list: the recipient's name and address, and other e-mail columns."""
    rows = [
        ["Nom du destinataire", "Mail du destinataire", "Email Home", "Email Work", "Company Name"],
        ["Solène Tanguy", "", "solene@perso.example", "solene.tanguy@example.com", "Armor Conseil"],
        ["Erwan Guivarc'h", "erwan@example.com", "", "", "Iroise SAS"],
    ]
    return csv_text(rows).encode("utf-8")


def untitled_columns_csv() -> bytes:
    """Columns whose titles say nothing, one of e-mails and two of phones."""
    rows = [
        ["Nom", "Prénom", "Coordonnées", "Joindre", "Ligne directe"],
        ["Rolland", "Inès", "ines.rolland@example.com", "06 39 98 00 41", "02 99 00 00 41"],
        ["Hamon", "Loïc", "loic.hamon@example.com", "06 39 98 00 42", "02 99 00 00 42"],
        ["Le Goff", "Soizic", "", "06 39 98 00 43", ""],
    ]
    return csv_text(rows, ";").encode("utf-8")


def crm_export_csv() -> bytes:
    """A CRM's export: an `Action` column of record codes, a `Role` of job descriptions and a
    `Title` of civilities; none of them is the method's."""
    rows = [
        ["Action", "Title", "First Name", "Last Name", "Email", "Role", "Status"],
        ["add", "Dr", "Helen", "Marsh", "helen@example.com", "Chief Medical Officer", "Active"],
        ["update", "Mrs", "Priya", "Shah", "priya@example.com", "Procurement lead", "Active"],
        ["delete", "Mr", "Tom", "Baker", "tom@example.com", "Sales representative", "Inactive"],
        ["add", "Ms", "Nora", "Quinn", "nora@example.com", "Head of operations", "Active"],
    ]
    return csv_text(rows).encode("utf-8")


def placeholder_values_csv() -> bytes:
    """A CRM export where « no e-mail » is written as text, an address has a space, a cell holds
    two phones on two lines, a name carries its title, and some rows are only a company."""
    rows = [
        ["Nom complet", "Entreprise", "Email", "Téléphone"],
        ["Marie Martin", "Alpha Conseil", "null", "06 39 98 00 51"],
        ["Marie Martin", "Bêta Industrie", "null", ""],
        ["Jean Petit", "", "n/a", ""],
        ["Luc Roy", "", "-", ""],
        ["Anne Blanc", "", "pas d'adresse email", ""],
        ["Paul Noir", "", "paul noir@example.com", ""],
        ["Zoé Vert", "", "à demander", "06 39 98 00 52\n01 40 00 00 52"],
        ["Philippe LAILLIER, Directeur", "Granit & Fils", "", ""],
        ["Verrerie de Quimperlé", "Verrerie de Quimperlé", "contact@verrerie.example", ""],
        ["", "Scierie du Léon", "", "02 98 00 00 53"],
    ]
    return csv_text(rows).encode("utf-8")


def ligature_duplicates_csv() -> bytes:
    """The same people typed twice: with and without a ligature, and in NFD as macOS writes."""
    nfd = "Hélène Cadiou".replace("é", "e\u0301").replace("è", "e\u0300")
    rows = [
        ["Nom complet", "Entreprise", "Email"],
        ["Bernard Dubœuf", "Vins Dubœuf", ""],
        ["Bernard Duboeuf", "Vins Duboeuf", "bernard@example.com"],
        ["Ægir Lindqvist", "Nordisk", "aegir@example.com"],
        ["Aegir Lindqvist", "", "aegir@example.com"],
        [nfd, "Cadiou SA", ""],
        ["Hélène Cadiou", "Cadiou SA", "helene@example.com"],
    ]
    return csv_text(rows).encode("utf-8")


def without_header_csv() -> bytes:
    """A list typed straight into a sheet, no titles: the first row is already a person."""
    rows = [
        ["Kerjean", "Maud", "Groupe Arvor", "maud.kerjean@example.com", "06 39 98 00 61"],
        ["Pellen", "Tanguy", "Ouest Logistique", "tanguy.pellen@example.com", "06 39 98 00 62"],
        ["Quéré", "Annaïg", "Maison Quéré", "", "06 39 98 00 63"],
    ]
    return csv_text(rows, ";").encode("utf-8")


def without_header_full_names_csv() -> bytes:
    """No titles, one column of full names written « Prénom NOM »."""
    rows = [
        ["Lénaïc MORVAN", "lenaic.morvan@example.com"],
        ["Rozenn LE DÛ", "rozenn.ledu@example.com"],
    ]
    return csv_text(rows).encode("utf-8")


def workbook_on_several_sheets() -> bytes:
    """A workbook whose contacts sit on one sheet per team, and a sheet of notes."""
    from tests.importing.files import xlsx

    def build(book) -> None:
        clients = book.active
        clients.title = "Clients"
        clients.append(["Nom", "Prénom", "Entreprise", "Email"])
        clients.append(["Le Floch", "Morgane", "Armor Pêche", "morgane@example.fr"])
        clients.append(["Cadiou", "Hervé", "Cadiou SA", "herve@example.fr"])
        partners = book.create_sheet("Partenaires")
        partners.append(["Prénom", "Nom", "Société", "Téléphone"])
        partners.append(["Yann", "Le Roux", "Breizh Logistique", "06 39 98 00 71"])
        partners.append(["Hervé", "Cadiou", "Cadiou SA", "06 39 98 00 72"])
        notes = book.create_sheet("Notes")
        notes.append(["Penser à relancer avant l'été"])

    return xlsx(build)
