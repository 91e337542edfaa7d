"""A LinkedIn Connections.csv of any size, shaped as LinkedIn writes it (people invented)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.importing.files import csv_text

FIRST = ["Camille", "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Yanis", "Manon", "Nathan", "Zoé"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy"]
COMPANIES = ["Airbus", "Orange", "Decathlon", "SNCF", "Michelin", "Capgemini", "Ubisoft", "EDF"]
POSITIONS = [
    "Chef de projet", "Directrice des achats", "Ingénieur logiciel", "Responsable RH",
    "Data analyst", "Directeur commercial", "Consultante", "Product manager",
]  # fmt: skip


def connections_csv(count: int, seed: int = 15) -> bytes:
    """`count` connections, newest first, with LinkedIn's three-line notes above the header."""
    pick = random.Random(seed)
    rows = [
        ["Notes:"],
        [
            "When exporting your connection data, you may notice that some of the email "
            "addresses are missing."
        ],
        [],
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
    ]
    day = date(2026, 11, 1)
    for number in range(count):
        first = pick.choice(FIRST)
        last = f"{pick.choice(LAST)}-{number}"
        email = f"{first.lower()}.{number}@example.com" if number % 7 == 0 else ""
        rows.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{first.lower()}-{number}",
                email,
                pick.choice(COMPANIES),
                pick.choice(POSITIONS),
                day.strftime("%d %b %Y"),
            ]
        )
        day -= timedelta(days=pick.randint(0, 3))
    return csv_text(rows).encode("utf-8")
