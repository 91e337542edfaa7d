"""Contact files generated for the tests, shaped like what people bring (all data invented)."""

from __future__ import annotations

import io
import random
import struct
import zipfile

import openpyxl
import pandas as pd

FR_HEADER = ["Nom", "Prénom", "Entreprise", "Fonction", "Email", "Téléphone"]
PEOPLE = [
    ["Dupré-Ménard", "Éloïse", "Lumières & Cie", "DAF", "eloise@example.com", "+33 6 39 98 00 01"],
    ["N'Diaye", "Jean-François", "Atelier Brocéliande", "Achats", "", "06 39 98 00 02"],
    ["王", "小明", "Lotus Bleu", "Export Asie", "xiaoming.wang@example.com", ""],
]


def xlsx(build) -> bytes:
    """An .xlsx written by openpyxl; `build(workbook)` fills it."""
    book = openpyxl.Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def hand_made_xlsx() -> bytes:
    """A title and a blank row above the header, which starts in column B; merged cells; a
    first sheet of notes and a second sheet holding the contacts."""

    def build(book: openpyxl.Workbook) -> None:
        notes = book.active
        notes.title = "Notes"
        notes["A1"] = "Préparation de l'atelier"
        notes["A2"] = "À faire avant jeudi"
        sheet = book.create_sheet("Mes contacts")
        sheet["B1"] = "Contacts pour la mission Horizon"
        sheet.merge_cells("B1:G1")
        for offset, name in enumerate(FR_HEADER):
            sheet.cell(row=3, column=2 + offset, value=f"{name}  ")
        for line, person in enumerate(PEOPLE, start=4):
            for offset, value in enumerate(person):
                sheet.cell(row=line, column=2 + offset, value=value or None)
        sheet.cell(row=7, column=2, value="Martin")
        sheet.cell(row=7, column=3, value="Anne")
        sheet.cell(row=7, column=4, value="Zéphyr Labs")
        sheet.cell(row=8, column=2, value="Roux")
        sheet.cell(row=8, column=3, value="Paul")
        sheet.merge_cells("D7:D8")  # one company for the two people below each other
        sheet.cell(row=9, column=2, value=None)
        sheet.cell(row=10, column=2, value="Leroy ")
        sheet.cell(row=10, column=3, value=" Tabby")
        sheet.cell(row=10, column=7, value=612345678)  # a phone typed as a number

    return xlsx(build)


def ods(frame: pd.DataFrame, sheet: str = "Contacts") -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="odf") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
    return out.getvalue()


def csv_text(rows: list[list[str]], sep: str = ",") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def vcard_21_quoted_printable() -> bytes:
    """A vCard 2.1 as old phones and Outlook write it: quoted-printable, Windows-1252."""
    return (
        b"BEGIN:VCARD\r\n"
        b"VERSION:2.1\r\n"
        b"N;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Lef=E8vre;Chlo=E9\r\n"
        b"FN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Chlo=E9 Lef=E8vre\r\n"
        b"ORG;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:=C9ditions du Pr=E9 Vert\r\n"
        b"TITLE:Directrice\r\n"
        b"TEL;CELL;VOICE:+33 6 39 98 00 06\r\n"
        b"EMAIL;PREF;INTERNET:chloe.lefevre@example.org\r\n"
        b"NOTE;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Budget 15 000 =80, c=9Cur du r=\r\n"
        b"=E9seau\r\n"
        b"END:VCARD\r\n"
    )


def vcard_40_fn_only() -> bytes:
    return (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Gaëlle Le Gall\r\n"
        "EMAIL;TYPE=work:gaelle.legall@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Verrerie de Quimperlé\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:KERBRAT Yannick\r\nEND:VCARD\r\n"
    ).encode()


OUTLOOK_FR_HEADER = [
    "Titre", "Prénom", "Deuxième prénom", "Nom", "Suffixe", "Société", "Service", "Titre",
    "Rue (bureau)", "Rue (bureau) 2", "Rue (bureau) 3", "Ville (bureau)", "Dép/Région (bureau)",
    "Code postal (bureau)", "Pays/Région (bureau)", "Rue (domicile)", "Rue (domicile) 2",
    "Rue (domicile) 3", "Ville (domicile)", "Dép/Région (domicile)", "Code postal (domicile)",
    "Pays/Région (domicile)", "Rue (autre)", "Rue (autre) 2", "Rue (autre) 3", "Ville (autre)",
    "Dép/Région (autre)", "Code postal (autre)", "Pays/Région (autre)",
    "Téléphone de l'assistant(e)", "Télécopie (bureau)", "Téléphone (bureau)",
    "Téléphone 2 (bureau)", "Rappel", "Téléphone (voiture)", "Téléphone société",
    "Télécopie (domicile)", "Téléphone (domicile)", "Téléphone 2 (domicile)", "RNIS",
    "Tél. mobile", "Télécopie (autre)", "Téléphone (autre)", "Récepteur de radiomessagerie",
    "Téléphone principal", "Radio téléphone", "Téléphone TDD/TTY", "Télex", "Compte",
    "Anniversaire de mariage ou fête", "Nom de l'assistant(e)", "Informations facturation",
    "Anniversaire", "Boîte postale (bureau)", "Catégories", "Enfants", "Serveur d'annuaire",
    "Adresse de messagerie", "Type de messagerie", "Nom complet de l'adresse de messagerie",
    "Adresse de messagerie 2", "Type de messagerie 2", "Nom complet de l'adresse de messagerie 2",
    "Adresse de messagerie 3", "Type de messagerie 3", "Nom complet de l'adresse de messagerie 3",
    "Sexe", "Numéro d'identification du gouvernement", "Passe-temps",
    "Boîte postale (domicile)", "Initiales", "Disponibilité Internet", "Mots clés", "Langue",
    "Emplacement", "Nom du manager", "Kilométrage", "Notes", "Bureau",
    "Numéro d'identification de l'organisation", "B.P. (autre)", "Priorité", "Privé",
    "Profession", "Recommandé par", "Critère de diffusion", "Conjoint(e)", "Utilisateur 1",
    "Utilisateur 2", "Utilisateur 3", "Utilisateur 4", "Page Web",
]  # fmt: skip


def outlook_fr_csv() -> bytes:
    """Outlook desktop, French edition: 92 columns, cp1252, `Titre` twice (civility, job)."""
    assert len(OUTLOOK_FR_HEADER) == 92
    rows = [OUTLOOK_FR_HEADER]
    for civility, first, last, company, job, mobile, email in (
        ("Mme", "Agnès", "Fontaine", "Mairie de Sainte-Imaginaire", "Directrice de cabinet",
         "+33 6 39 98 00 21", "agnes.fontaine@example.org"),
        ("M.", "Noël", "Bouchard-Côté", "Compagnie des Ponts", "Ingénieur travaux",
         "", "noel@example.com"),
    ):  # fmt: skip
        row = [""] * 92
        row[0], row[1], row[3], row[5], row[7] = civility, first, last, company, job
        row[40], row[57], row[58] = mobile, email, "SMTP"
        row[52] = "0/0/00"
        rows.append(row)
    return csv_text(rows).encode("cp1252")


GOOGLE_LEGACY_HEADER = [
    "Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi",
    "Additional Name Yomi", "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials",
    "Nickname", "Short Name", "Maiden Name", "Birthday", "Gender", "Location",
    "Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby", "Sensitivity",
    "Priority", "Subject", "Notes", "Language", "Photo", "Group Membership", "E-mail 1 - Type",
    "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Type",
    "Organization 1 - Name", "Organization 1 - Yomi Name", "Organization 1 - Title",
    "Organization 1 - Department",
]  # fmt: skip


def google_legacy_csv() -> bytes:
    """The old Google Contacts export: `Given Name`/`Family Name`, UTF-16 with a BOM."""
    rows = [GOOGLE_LEGACY_HEADER]
    row = dict.fromkeys(GOOGLE_LEGACY_HEADER, "")
    row.update(
        {
            "Name": "Inès Benali",
            "Given Name": "Inès",
            "Family Name": "Benali",
            "Group Membership": "* myContacts",
            "E-mail 1 - Type": "* Work",
            "E-mail 1 - Value": "ines.benali@example.org ::: ines@example.com",
            "Phone 1 - Value": "+33 6 39 98 00 13",
            "Organization 1 - Name": "Clinique du Val Fictif",
            "Organization 1 - Title": "Directrice des soins",
        }
    )
    rows.append(list(row.values()))
    return csv_text(rows).encode("utf-16")


def password_protected_xlsx() -> bytes:
    """What Excel writes for a workbook with a password: an OLE2 compound file holding the
    `EncryptionInfo` and `EncryptedPackage` streams (contents random here)."""
    rng = random.Random(7)
    sector = 512
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sector, end]
    fat += [*range(3, 10), end]  # EncryptionInfo: sectors 2..9
    fat += [*range(11, 18), end]  # EncryptedPackage: sectors 10..17
    fat += [free] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int):
        encoded = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        raw = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
        raw += struct.pack("<III", left, right, child) + bytes(16 + 4 + 16)
        return raw + struct.pack("<IQ", start, size)

    directory = entry("Root Entry", 5, no_stream, no_stream, 1, end, 0)
    directory += entry("EncryptionInfo", 2, no_stream, 2, no_stream, 2, 4096)
    directory += entry("EncryptedPackage", 2, no_stream, no_stream, no_stream, 10, 4096)
    directory += entry("", 0, no_stream, no_stream, no_stream, 0, 0)
    body = struct.pack("<128I", *fat) + directory + rng.randbytes(8 * sector * 2)
    assert len(header) == sector
    return header + body


def zip_bomb(size: int = 60 * 1024 * 1024) -> bytes:
    """An .xlsx-looking archive whose sheet inflates a thousand times its compressed size."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b"\x20" * (1024 * 1024)
            for _ in range(size // len(block)):
                sheet.write(block)
    return out.getvalue()


def lying_zip() -> bytes:
    """An archive whose directory declares a tiny sheet that in fact inflates to megabytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" * (4 * 1024 * 1024))
    data = bytearray(out.getvalue())
    real = (4 * 1024 * 1024).to_bytes(4, "little")
    fake = (1000).to_bytes(4, "little")
    # Rewrite the declared uncompressed size in the local header and in the central directory.
    position = data.find(real)
    while position != -1:
        data[position : position + 4] = fake
        position = data.find(real, position + 4)
    return bytes(data)


def many_entries_zip(count: int = 2_500) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(count):
            archive.writestr(f"xl/media/{number}.txt", "")
    return out.getvalue()


def binary_garbage(size: int = 4096) -> bytes:
    return random.Random(11).randbytes(size)
