"""vCard files written the way phones, mail clients and address books write them, damaged the
way real copies are damaged (all people invented)."""

from __future__ import annotations


def card_30(name: str, family: str, given: str, email: str = "", extra: str = "") -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{name}"]
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if extra:
        lines.append(extra)
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def android_21_bad_quoted_printable() -> bytes:
    """Android's vCard 2.1: quoted-printable UTF-8, where one card's bytes are Latin-1 instead
    (René's é as =E9), and another card holds bytes that are no text at all."""
    return (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Fran=C3=A7ois;Ana=C3=AFs;;;\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ana=C3=AFs Fran=C3=A7ois\r\n"
        b"TEL;CELL:+33 6 39 98 00 11\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupr=E9;Ren=E9;;;\r\n"
        b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ren=E9 Dupr=E9\r\n"
        b"EMAIL;HOME:rene.dupre@example.com\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"N:Morel;Lucie;;;\r\nFN:Lucie Morel\r\n"
        b"ORG;CHARSET=X-UNKNOWN-9;ENCODING=QUOTED-PRINTABLE:Soci=E9t=E9 Morel\r\n"
        b"END:VCARD\r\n"
    )


def icloud_30_folded_inside_a_character() -> bytes:
    """iCloud/macOS vCard 3.0 folds at 75 bytes, here in the middle of a two-byte é; another
    card holds one byte that is not UTF-8 (a copy damaged in transit)."""
    note = ("Rencontrée au salon de Lyon, très intéressée par le projet. " * 2).encode()
    folded = b"NOTE:" + note
    cut = 74
    while (folded[cut - 1] < 0xC0 and folded[cut - 1] >= 0x80) or folded[cut - 1] < 0x80:
        cut += 1  # find a lead byte, then fold right after it: inside the character
    body = folded[:cut] + b"\r\n " + folded[cut:]
    return (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:L\xc3\xa9vy;Rapha\xc3\xabl;;;\r\n"
        b"FN:Rapha\xc3\xabl L\xc3\xa9vy\r\n" + body + b"\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguy\xc3\xaan;Th\xc3\xa0nh;;;\r\n"
        b"FN:Th\xc3\xa0nh Nguy\xc3\xaan\r\n"
        b"ORG:Atelier \xff Broc\xc3\xa9liande\r\nTITLE:G\xc3\xa9rant\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:\xc3\x89tienne;Zo\xc3\xa9;;;\r\n"
        b"FN:Zo\xc3\xa9 \xc3\x89tienne\r\n"
        b"END:VCARD\r\n"
    )


def truncated_after_a_name() -> bytes:
    """An export cut short by a failed download: the last card stops after its name."""
    text = card_30("Claire Fontaine", "Fontaine", "Claire", "claire@example.com")
    text += card_30("Hugo Marchand", "Marchand", "Hugo", "hugo@example.com")
    text += "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bernard;Inès;;;\r\nFN:Inès Bern"
    return text.encode()


def single_card_without_end() -> bytes:
    return b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marc Olivier\r\nEMAIL:marc@example.com\r\n"


def nested_agent_21() -> bytes:
    """vCard 2.1 with an AGENT: the assistant's card written inside the manager's card."""
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Garnier;Sophie\r\nFN:Sophie Garnier\r\n"
        "TITLE:Directrice générale\r\nAGENT:\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Perrin;Julien\r\nFN:Julien Perrin\r\n"
        "TITLE:Assistant de direction\r\nTEL;WORK:+33 1 40 00 00 01\r\nEND:VCARD\r\n"
        "EMAIL;INTERNET:sophie.garnier@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Rey;Louis\r\nFN:Louis Rey\r\nEND:VCARD\r\n"
    ).encode()


def nested_agent_30_inline() -> bytes:
    """vCard 3.0 writes the agent's card as the AGENT value, its line breaks escaped."""
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Caron;Alice;;;\r\nFN:Alice Caron\r\n"
        "AGENT:BEGIN:VCARD\\nVERSION:3.0\\nN:Petit;Noé;;;\\nFN:Noé Petit\\n"
        "EMAIL:noe.petit@example.com\\nEND:VCARD\r\n"
        "END:VCARD\r\n"
    ).encode()


def raw_values_40() -> bytes:
    """vCard 4.0 values as mail clients write them: a display name around the address, a phone
    as a `tel:` URI with an extension."""
    return (
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Omega Durand\r\nN:Durand;Omega;;;\r\n"
        b'EMAIL;TYPE=work:"Omega" <omega@example.com>\r\n'
        b"TEL;VALUE=uri;TYPE=work:tel:+1-418-656-9254;ext=102\r\nEND:VCARD\r\n"
    )
