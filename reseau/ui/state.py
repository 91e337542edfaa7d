"""The one typed accessor for a session's state: pages never touch `st.session_state` keys.

Every change to the workbook goes through `Workspace`, which keeps it in the session and saves it
to the store at once, so a refresh, a closed laptop or a server restart loses nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reseau import clock
from reseau.assessments import forget_removed
from reseau.contact import Contact
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.scoring import Score, ScoringSettings, score_network
from reseau.storage import WorkbookNotFound, WorkbookStore
from reseau.ui.pages_folder import run_through_the_app_shell
from reseau.vocabulary import Circle
from reseau.workbook import Workbook

log = logging.getLogger(__name__)

_WORKBOOK = "reseau.workbook"
_WORKBOOK_ID = "reseau.workbook_id"
_SCORES = "reseau.scores"
_FLASHES = "reseau.flashes"
_SCRATCH = "reseau.scratch"
_SAVE_ORDER = "reseau.save_order"


@dataclass(frozen=True)
class Flash:
    """A message to show once, on the next run of a page (after a button's rerun)."""

    level: str  # "success", "info", "warning" or "error"
    text: str


class _SaveOrder:
    """Keeps a session's saves in the order its changes were made.

    Two runs of one session can overlap for a moment: the run a click interrupts finishes its
    save on its thread while the new run already saves a newer workbook. Each change takes a
    ticket before the session holds it; a save whose ticket is older than one already stored is
    dropped, since the newer workbook was built on top of it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._issued = 0
        self._saved = 0

    def ticket(self) -> int:
        with self._lock:
            self._issued += 1
            return self._issued

    def save(self, store: WorkbookStore, workbook_id: str, workbook: Workbook, ticket: int) -> None:
        with self._lock:
            if ticket < self._saved:
                return
            store.save(workbook_id, workbook)
            self._saved = ticket


class Workspace:
    """The session's workbook, its id in the store, and the passing messages for the user."""

    def __init__(
        self, session: MutableMapping[str, Any], store: WorkbookStore | None = None
    ) -> None:
        self._session = session
        self._store = store

    # --- reading ---
    @property
    def store(self) -> WorkbookStore | None:
        return self._store

    @property
    def workbook(self) -> Workbook:
        workbook = self._session.get(_WORKBOOK)
        if workbook is None:
            workbook = Workbook()
            self._session[_WORKBOOK] = workbook
        return workbook

    @property
    def workbook_id(self) -> str | None:
        return self._session.get(_WORKBOOK_ID)

    @property
    def network(self) -> Network:
        return self.workbook.network

    @property
    def lang(self) -> Lang:
        return self.workbook.lang

    @property
    def settings(self) -> ScoringSettings:
        return self.workbook.settings

    @property
    def cursor(self) -> str | None:
        return self.workbook.cursor

    @property
    def today(self) -> date:
        return clock.today()

    def t(self, key: str, **params: Any) -> str:
        """The text for `key` in the participant's language."""
        return t(key, self.lang, **params)

    def scores(self) -> dict[str, Score]:
        """Scores for the current network, computed once per change rather than on every rerun."""
        network, settings, today = self.network, self.settings, self.today
        cached = self._session.get(_SCORES)
        if cached is None or not (
            cached[0] is network and cached[1] == settings and cached[2] == today
        ):
            cached = (network, settings, today, score_network(network, settings, today))
            self._session[_SCORES] = cached
        return cached[3]

    # --- changing: each method saves ---
    def attach(self, workbook_id: str, workbook: Workbook) -> None:
        """Makes this session show a stored workbook (after a refresh or from a link)."""
        self._session[_WORKBOOK_ID] = workbook_id
        self._session[_WORKBOOK] = workbook

    def commit(self, workbook: Workbook) -> None:
        """Makes `workbook` the session's and saves it, in an order a rerun cannot break.

        Streamlit may stop a run at any access to the session (a click during the run starts a
        new one at once, on another thread). So everything the save needs is read first; after
        the session holds the new workbook, nothing touches the session until it is saved.
        """
        store, workbook_id = self._store, self.workbook_id
        order = self._session.get(_SAVE_ORDER)
        if order is None:
            order = self._session[_SAVE_ORDER] = _SaveOrder()
        ticket = order.ticket()
        self._session[_WORKBOOK] = workbook  # the last point where this run may be stopped
        if store is None or not workbook_id:
            return
        try:
            order.save(store, workbook_id, workbook, ticket)
        except WorkbookNotFound:
            # Deleted from another device or purged: saving again would undo the deletion.
            self.flash("error", self.t("error.workbook.gone"))
        except SQLAlchemyError:
            # Never log the workbook itself: it holds other people's personal data.
            log.exception("saving workbook failed")
            self.flash("error", self.t("error.save_failed"))

    def set_network(self, network: Network) -> None:
        cursor = self.cursor if self.cursor in network else None
        self.commit(forget_removed(self.workbook.with_changes(network=network, cursor=cursor)))

    def add_contacts(self, contacts: Iterable[Contact]) -> None:
        self.commit(self.workbook.with_changes(network=self.network.add_all(contacts)))

    def replace_contact(self, contact: Contact) -> None:
        self.commit(self.workbook.with_changes(network=self.network.replace(contact)))

    def update_contact(self, contact_id: str, **changes: Any) -> None:
        self.commit(self.workbook.with_changes(network=self.network.update(contact_id, **changes)))

    def remove_contacts(self, contact_ids: Iterable[str]) -> None:
        network = self.network
        for contact_id in contact_ids:
            network = network.remove(contact_id)
        cursor = self.cursor if self.cursor in network else None
        self.commit(forget_removed(self.workbook.with_changes(network=network, cursor=cursor)))

    def set_details(self, *, participant: str | None = None, mission: str | None = None) -> None:
        network = self.network.with_details(participant=participant, mission=mission)
        self.commit(self.workbook.with_changes(network=network))

    def set_lang(self, lang: Lang) -> None:
        if lang is not self.lang:
            self.commit(self.workbook.with_changes(lang=lang))

    def set_settings(self, settings: ScoringSettings) -> None:
        self.commit(self.workbook.with_changes(settings=settings))

    def set_marks(self, circle: Circle, marks: Mapping[str, int]) -> None:
        """Saves the participant's self-assessment of one circle on the five marks."""
        self.commit(self.workbook.with_changes(network=self.network.with_marks(circle, marks)))

    def set_cursor(self, contact_id: str | None) -> None:
        if contact_id != self.cursor:
            self.commit(self.workbook.with_changes(cursor=contact_id))

    def delete_workbook(self) -> None:
        """Deletes this workbook from the store for good and empties the session of it."""
        if self._store is not None and self.workbook_id:
            self._store.delete(self.workbook_id)
        for key in (_WORKBOOK, _WORKBOOK_ID, _SCORES, _SCRATCH, _SAVE_ORDER):
            self._session.pop(key, None)

    # --- passing messages ---
    def flash(self, level: str, text: str) -> None:
        self._session.setdefault(_FLASHES, []).append(Flash(level, text))

    def pop_flashes(self) -> list[Flash]:
        return self._session.pop(_FLASHES, [])

    # --- widget values, for on_change callbacks that save what was just entered ---
    def widget_value(self, key: str, default: Any = None) -> Any:
        return self._session.get(key, default)

    # --- per-page scratch values that must survive moving between pages ---
    def scratch(self, name: str, default: Any = None) -> Any:
        return self._session.setdefault(_SCRATCH, {}).get(name, default)

    def set_scratch(self, name: str, value: Any) -> None:
        self._session.setdefault(_SCRATCH, {})[name] = value


def workspace() -> Workspace:
    """The accessor for the current Streamlit session."""
    from reseau.ui.resources import store

    run_through_the_app_shell()
    return Workspace(st.session_state, store())
