"""« Qui vous l'a présenté ? » for one contact, on the card and in the « Qui connaît qui » step.

The widget shows what the workbook holds on every run and saves the moment an answer is given,
so an answer given in one place shows at once in the other.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

from reseau.acquaintances import IntroducedBy, Introduction
from reseau.contact import Contact
from reseau.ui.components.walkthrough_filter import labelled_key
from reseau.ui.state import Workspace


def unique_names(ws: Workspace) -> dict[str, str]:
    """A name per contact that no other contact shares: a list sends back names, not ids."""
    contacts = list(ws.network)
    counts = Counter(c.display_name for c in contacts)
    names: dict[str, str] = {}
    for contact in contacts:
        name = contact.display_name or "…"
        if counts[contact.display_name] > 1 and contact.company:
            name = f"{name} ({contact.company})"
        names[contact.id] = name
    seen: Counter[str] = Counter()
    for contact_id, name in list(names.items()):
        seen[name] += 1
        if seen[name] > 1:
            names[contact_id] = f"{name} ({seen[name]})"
    return names


def _save_introduction(ws: Workspace, contact_id: str, key: str) -> None:
    value = ws.widget_value(key)
    if contact_id not in ws.network:
        return
    links = ws.workbook.links
    if value is None:
        ws.set_links(links.with_introduction(contact_id, None))
        return
    by = IntroducedBy(value)
    before = links.introduction(contact_id)
    # Choosing « un contact du réseau » again keeps the introducer already named.
    introducer = before.contact_id if before is not None and by is IntroducedBy.CONTACT else None
    ws.set_links(links.with_introduction(contact_id, Introduction(by, introducer)))


def _save_introducer(ws: Workspace, contact_id: str, key: str) -> None:
    introducer = ws.widget_value(key)
    if contact_id not in ws.network:
        return
    current = ws.workbook.links.introduction(contact_id)
    if current is None or current.by is not IntroducedBy.CONTACT:
        # The way was changed in the same run (« un contact » cleared, then this list's own
        # callback): naming an introducer must not bring « un contact du réseau » back.
        return
    if introducer not in ws.network or introducer == contact_id:
        introducer = None
    introduction = Introduction(IntroducedBy.CONTACT, introducer)
    ws.set_links(ws.workbook.links.with_introduction(contact_id, introduction))


def introduction(ws: Workspace, contact: Contact, where: str = "links") -> None:
    """« Qui vous l'a présenté ? »: the way, then the contact when it was one; saved on change."""
    current = ws.workbook.links.introduction(contact.id)
    ways = {by: ws.t(f"links.intro.{by.value}") for by in IntroducedBy}
    # A new key in another language: the old widget's state would hold the old labels.
    key = labelled_key(f"{where}.intro.{contact.id}", list(ways.values()))
    ws.set_widget_value(key, None if current is None else current.by)
    st.pills(
        ws.t("links.intro"),
        list(IntroducedBy),
        format_func=lambda by: ways[IntroducedBy(by)],
        key=key,
        on_change=_save_introduction,
        args=(ws, contact.id, key),
        wrap=True,
    )
    if current is None or current.by is not IntroducedBy.CONTACT:
        return
    names = unique_names(ws)
    others = [cid for cid in ws.network.ids if cid != contact.id]
    who_key = labelled_key(f"{where}.introducer.{contact.id}", [names[cid] for cid in others])
    ws.set_widget_value(who_key, current.contact_id)
    st.selectbox(
        ws.t("links.intro.who"),
        others,
        index=None,
        format_func=names.__getitem__,
        placeholder=ws.t("links.intro.who.placeholder"),
        key=who_key,
        on_change=_save_introducer,
        args=(ws, contact.id, who_key),
    )
