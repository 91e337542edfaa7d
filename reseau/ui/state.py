"""The one typed accessor for a session's state: pages never touch `st.session_state` keys.

Every change to the workbook goes through `Workspace`, which keeps it in the session and saves it
to the store at once, so a refresh, a closed laptop or a server restart loses nothing.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from reseau import clock
from reseau.acquaintances import WhoKnowsWhom
from reseau.assessments import forget_removed
from reseau.cadence import done_days
from reseau.contact import Contact
from reseau.errors import ReseauError
from reseau.i18n import Lang, t
from reseau.network import Network
from reseau.scoring import Score, ScoringSettings, score_network
from reseau.storage import (
    StoreLost,
    WorkbookChanged,
    WorkbookExists,
    WorkbookNotFound,
    WorkbookStore,
)
from reseau.storage.merge import merge_workbooks
from reseau.ui.pages_folder import run_through_the_app_shell
from reseau.vocabulary import Circle
from reseau.workbook import Workbook
from reseau.workshop import delete_my_data

log = logging.getLogger(__name__)

_WORKBOOK = "reseau.workbook"
_WORKBOOK_ID = "reseau.workbook_id"
_DERIVED = "reseau.derived"
_RESETS = "reseau.resets"
_FLASHES = "reseau.flashes"
_SCRATCH = "reseau.scratch"
_SYNC = "reseau.sync"
_RELOAD = "reseau.reload"
_RESYNC = "reseau.resync"
_RESYNC_VALUES = "reseau.resync_values"
_RELOAD_NOTE = "reseau.reload_note"
_OWN_PREFIX = "reseau."
_PAGE = "reseau.page"
_ARRIVED = "reseau.arrived"


T = TypeVar("T")


class Level(enum.StrEnum):
    """How a passing message is shown: a coloured banner, or a toast over the page."""

    SUCCESS = "success"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    TOAST = "toast"


LevelName = Literal["success", "info", "warning", "error", "toast"]


@dataclass(frozen=True)
class Flash:
    """A message to show once, on the next run of a page (after a button's rerun)."""

    level: Level
    text: str


class SaveOutcome(enum.Enum):
    """What became of a change: stored as made, merged with another tab's, or partly refused."""

    SAVED = "saved"
    DROPPED = "dropped"  # an older run's save, already covered by a newer one
    MERGED = "merged"  # another tab saved meanwhile; both edits are in the store
    COLLIDED = "collided"  # both changed the same field: the other tab's value was kept


class _Sync:
    """Keeps a session's saves in order and conditional on the version the session last saw.

    Two runs of one session can overlap for a moment: the run a click interrupts finishes its
    save on its thread while the new run already saves a newer workbook. Each change takes a
    ticket before the session holds it; a save whose ticket is older than one already stored is
    dropped, since the newer workbook was built on top of it.

    Another tab (another session) may save the same workbook meanwhile: every save names the
    version this session loaded or last saved, and when the store holds a newer one the two
    edits are merged field by field against `base`, the workbook as of that version. Until its
    first change a workbook has no row (`version` is None): the first save creates it.
    """

    def __init__(self, base: Workbook, version: int | None, origin: str = "") -> None:
        self._lock = threading.Lock()
        self.origin = origin
        self._issued = 0
        self._saved = 0
        self.base = base
        self.version = version
        # The last merge: the workbook the session committed and what the store holds instead.
        self.replaced: tuple[Workbook, Workbook] | None = None

    @property
    def stored(self) -> bool:
        return self.version is not None

    def ticket(self) -> int:
        with self._lock:
            self._issued += 1
            return self._issued

    def save(
        self, store: WorkbookStore, workbook_id: str, workbook: Workbook, ticket: int
    ) -> SaveOutcome:
        with self._lock:
            if ticket < self._saved:
                return SaveOutcome.DROPPED
            try:
                if self.version is None:
                    store.create(workbook, workbook_id)
                    self.version = 1
                else:
                    self.version = store.save(workbook_id, workbook, self.version)
            except (WorkbookChanged, WorkbookExists):
                outcome = self._merge(store, workbook_id, workbook)
            else:
                outcome = SaveOutcome.SAVED
                self.base = workbook
            self._saved = ticket
            return outcome

    def _merge(self, store: WorkbookStore, workbook_id: str, workbook: Workbook) -> SaveOutcome:
        for _ in range(_MERGE_ATTEMPTS):
            stored = store.load_versioned(workbook_id)
            merged = merge_workbooks(self.base, workbook, stored.workbook)
            try:
                self.version = store.save(workbook_id, merged.workbook, stored.version)
            except WorkbookChanged:
                continue  # a third save came in between: merge again with it
            self.base = merged.workbook
            self.replaced = (workbook, merged.workbook)
            return SaveOutcome.COLLIDED if merged.collided else SaveOutcome.MERGED
        raise WorkbookChanged()


_MERGE_ATTEMPTS = 5


class Workspace:
    """The session's workbook, its id in the store, and the passing messages for the user."""

    def __init__(self, session: MutableMapping[str | int, Any], store: WorkbookStore) -> None:
        self._session = session
        self._store = store

    # --- reading ---
    @property
    def store(self) -> WorkbookStore:
        return self._store

    @property
    def workbook(self) -> Workbook:
        workbook = self._session.get(_WORKBOOK)
        if workbook is None:
            workbook = Workbook()
            self._session[_WORKBOOK] = workbook
        sync = self._session.get(_SYNC)
        if sync is not None and sync.replaced is not None and sync.replaced[0] is workbook:
            # A merge stored another workbook than this run committed, and the run was stopped
            # before it could take it: the session holds what the store holds.
            workbook = self._session[_WORKBOOK] = sync.replaced[1]
        return workbook

    @property
    def is_stored(self) -> bool:
        """Whether the workbook has a row in the store (a new one gets it at its first change)."""
        sync = self._session.get(_SYNC)
        return sync is not None and sync.stored

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
        return self.derived(
            "scores", lambda: score_network(network, settings, today), network, settings, today
        )

    # --- values derived from the workbook, and widgets drawn afresh ---
    def derived(self, name: str, compute: Callable[[], T], *depends_on: object) -> T:
        """What `compute` returns, kept until one of `depends_on` changes.

        `depends_on` names what the value is built from: parts of the workbook (the network,
        the settings, the language), the date, a preview. The workbook is immutable, so an
        unchanged part is the same object and the check is cheap; moving the cursor alone
        keeps every value built from the network.
        """
        # get and set, not setdefault: AppTest's session (tests) has no setdefault.
        cache = self._session.get(_DERIVED)
        if cache is None:
            cache = self._session[_DERIVED] = {}
        held = cache.get(name)
        if held is not None and _same(held[0], depends_on):
            return held[1]
        value = compute()
        cache[name] = (depends_on, value)
        return value

    def resets(self, name: str) -> int:
        """How many times the widgets called `name` were reset: put it in their keys."""
        return self._session.get(_RESETS, {}).get(name, 0)

    def reset_widgets(self, name: str) -> None:
        """Gives the widgets called `name` new keys: they are drawn afresh from the workbook."""
        counts = self._session.get(_RESETS)
        if counts is None:
            counts = self._session[_RESETS] = {}
        counts[name] = counts.get(name, 0) + 1

    # --- changing: each method saves ---
    def attach(self, workbook_id: str, workbook: Workbook, version: int | None = None) -> None:
        """Makes this session show a stored workbook (after a refresh or from a link).

        Saves are conditional on `version`; without it, the stored version is read now.
        """
        if version is None and workbook_id:
            stored = self._store.load_versioned(workbook_id)
            workbook, version = stored.workbook, stored.version
        self._session[_WORKBOOK_ID] = workbook_id
        self._session[_WORKBOOK] = workbook
        self._session[_SYNC] = _Sync(workbook, version if version is not None else 1)

    def open_stored(self, workbook_id: str) -> None:
        """Makes this session show the stored workbook with this id (WorkbookNotFound if none)."""
        stored = self._store.load_versioned(workbook_id)
        # Opening the link is a visit: the retention period starts again from now. A store that
        # cannot take the write (read-only, full) still shows the workbook; its saves say why.
        try:
            self._store.visit(workbook_id)
        except SQLAlchemyError:
            log.warning("could not note the visit of a workbook (the store refused the write)")
        self.attach(workbook_id, stored.workbook, stored.version)

    def open_new(self, workbook_id: str, workbook: Workbook, origin: str = "") -> None:
        """Makes this session show a new workbook, stored only at its first change.

        An id reaches the URL at once, so a refresh before any change reopens the same id; but
        a visit that changes nothing leaves nothing in the store.
        """
        self._session[_WORKBOOK_ID] = workbook_id
        self._session[_WORKBOOK] = workbook
        self._session[_SYNC] = _Sync(workbook, None, origin)

    @property
    def new_origin(self) -> str | None:
        """How a workbook without a row yet was started (`origin` of `open_new`); else None."""
        sync = self._session.get(_SYNC)
        return None if sync is None or sync.stored else sync.origin

    def ensure_stored(self) -> None:
        """Gives the workbook its row now (before acting on the row, e.g. joining a workshop)."""
        if not self.is_stored:
            self.commit(self.workbook)

    def commit(self, workbook: Workbook) -> None:
        """Makes `workbook` the session's and saves it, in an order a rerun cannot break.

        Streamlit may stop a run at any access to the session (a click during the run starts a
        new one at once, on another thread). So everything the save needs is read first; after
        the session holds the new workbook, nothing touches the session until it is saved.
        When another tab saved this workbook meanwhile, the two edits are merged; the session
        then shows the merged workbook and the screen is rebuilt from it.
        """
        before: Workbook | None = self._session.get(_WORKBOOK)
        if before is not None and before.network is not workbook.network:
            # Wherever a first action is marked done (card, plan, Bilans, a file), its day is
            # noted here once, so the keep-in-touch rhythm restarts from it.
            done = done_days(before.network, workbook.network, workbook.actions_done, self.today)
            if done != workbook.actions_done:
                workbook = workbook.with_changes(actions_done=done)
        store, workbook_id = self._store, self.workbook_id
        sync = self._session.get(_SYNC)
        if sync is None:
            sync = self._session[_SYNC] = _Sync(self.workbook, 1)
        ticket = sync.ticket()
        self._session[_WORKBOOK] = workbook  # the last point where this run may be stopped
        if not workbook_id:
            return
        try:
            outcome = sync.save(store, workbook_id, workbook, ticket)
        except WorkbookNotFound:
            # Deleted from another device or purged: saving again would undo the deletion.
            self.flash("error", self.t("error.workbook.gone"))
            return
        except StoreLost:
            # The store logged it once, with the file's path; the participant must know too.
            self.flash("error", self.t("error.store.lost"))
            return
        except WorkbookChanged:
            log.error("saving workbook failed: it kept changing under five merges")
            self.flash("error", self.t("error.save_failed"))
            return
        except SQLAlchemyError:
            # Never log the workbook itself: it holds other people's personal data.
            log.exception("saving workbook failed")
            self.flash("error", self.t("error.save_failed"))
            return
        if outcome in (SaveOutcome.MERGED, SaveOutcome.COLLIDED):
            self._reload_after_merge(outcome)

    def _reload_after_merge(self, outcome: SaveOutcome) -> None:
        self.workbook  # takes the merged workbook into the session  # noqa: B018
        # Widgets keep what they last showed, which may be older than the merge: forget them
        # all, so the screen is rebuilt from the merged workbook and nothing stale is re-sent.
        forgotten = [k for k in list(self._session) if not str(k).startswith(_OWN_PREFIX)]
        for key in forgotten:
            self._session.pop(key, None)
        self._session.pop(_DERIVED, None)
        self._session[_RELOAD] = forgotten
        if outcome is SaveOutcome.COLLIDED:
            note = Flash(Level.WARNING, self.t("save.collided"))
        else:
            note = Flash(Level.INFO, self.t("save.merged"))
        self.flash(note.level, note.text)
        # The runs that redraw the screen would wipe it: it is shown again on the last one.
        self._session[_RELOAD_NOTE] = note

    def take_reload_request(self) -> bool:
        """At the end of a run: True when the screen must be drawn again after a merge.

        A browser keeps showing a widget's last value unless the server sets it, so a reload
        takes two more runs: the first draws the widgets afresh from the merged workbook and
        notes their values; the second sets each widget to its value (`resync_widgets`), which
        the browser then shows.
        """
        forgotten = self._session.pop(_RELOAD, None)
        if forgotten is not None:
            self._session[_RESYNC] = forgotten
            return True
        keys = self._session.pop(_RESYNC, None)
        if keys is None:
            return False
        self._session[_RESYNC_VALUES] = {
            key: self._session[key]
            for key in keys
            if key in self._session and _settable(key, self._session[key])
        }
        note = self._session.pop(_RELOAD_NOTE, None)
        if note is not None:
            self.flash(note.level, note.text)
        return True

    def resync_widgets(self) -> None:
        """At the start of a run, before any widget is drawn: sets the values noted above."""
        for key, value in self._session.pop(_RESYNC_VALUES, {}).items():
            self._session[key] = value

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
        """Saves the participant's name and mission; in a workshop the trainer sees that name."""
        network = self.network.with_details(participant=participant, mission=mission)
        self.commit(self.workbook.with_changes(network=network))
        store, workbook_id = self._store, self.workbook_id
        if participant is None or not workbook_id:
            return
        if self.workbook.workshop_code is None:
            return
        try:
            store.set_first_name(workbook_id, participant)
        except (ReseauError, SQLAlchemyError):
            # The workbook's own save has already said what went wrong, if anything did.
            log.warning("the name shown to the trainer was not updated")

    def set_lang(self, lang: Lang) -> None:
        if lang is not self.lang:
            self.commit(self.workbook.with_changes(lang=lang))

    def set_settings(self, settings: ScoringSettings) -> None:
        self.commit(self.workbook.with_changes(settings=settings))

    def set_marks(self, circle: Circle, marks: Mapping[str, int]) -> None:
        """Saves the participant's self-assessment of one circle on the five marks."""
        self.commit(self.workbook.with_changes(network=self.network.with_marks(circle, marks)))

    def set_links(self, links: WhoKnowsWhom) -> None:
        """Saves who knows whom and who introduced whom (the « Qui connaît qui » answers)."""
        if links != self.workbook.links:
            self.commit(self.workbook.with_changes(links=links))

    def set_cursor(self, contact_id: str | None) -> None:
        if contact_id != self.cursor:
            self.commit(self.workbook.with_changes(cursor=contact_id))

    def delete_workbook(self) -> None:
        """Deletes this workbook from the store for good and empties the session of it."""
        if self.workbook_id:
            delete_my_data(self._store, self.workbook_id)
        for key in (_WORKBOOK, _WORKBOOK_ID, _DERIVED, _RESETS, _SCRATCH, _SYNC):
            self._session.pop(key, None)

    # --- passing messages ---
    def flash(self, level: Level | LevelName, text: str) -> None:
        self._session.setdefault(_FLASHES, []).append(Flash(Level(level), text))

    def pop_flashes(self) -> list[Flash]:
        return self._session.pop(_FLASHES, [])

    # --- widget values, for on_change callbacks that save what was just entered ---
    def widget_value(self, key: str, default: Any = None) -> Any:
        return self._session.get(key, default)

    # --- which screen the run shows ---
    def enter_page(self, name: str) -> None:
        """Notes the screen this run shows, so a screen can tell a fresh visit from a rerun."""
        self._session[_ARRIVED] = self._session.get(_PAGE) != name
        self._session[_PAGE] = name

    @property
    def arrived(self) -> bool:
        """True when the previous run showed another screen (or this is the session's first)."""
        return self._session.get(_ARRIVED, True)

    def set_widget_value(self, key: str, value: Any) -> None:
        """Shows `value` in a widget on the next run, from a callback, when the app chose it."""
        self._session[key] = value

    # --- per-page scratch values that must survive moving between pages ---
    def scratch(self, name: str, default: Any = None) -> Any:
        return self._session.setdefault(_SCRATCH, {}).get(name, default)

    def set_scratch(self, name: str, value: Any) -> None:
        self._session.setdefault(_SCRATCH, {})[name] = value


def _same(held: tuple[object, ...], wanted: tuple[object, ...]) -> bool:
    if len(held) != len(wanted):
        return False
    for a, b in zip(held, wanted, strict=True):
        # Identity first: comparing two networks by value walks every contact.
        if a is b:
            continue
        try:
            if not bool(a == b):
                return False
        except (TypeError, ValueError):  # no plain equality (a data frame): identity only
            return False
    return True


# Widgets whose value Streamlit refuses to set (it fails when the widget is drawn): buttons,
# forms, uploads. Grids and chart selections hold mappings, refused too.
_UNSETTABLE_KINDS = frozenset(
    {
        "trigger_value",
        "json_trigger_value",
        "string_trigger_value",
        "file_uploader_state_value",
        "chat_input_value",
    }
)


def _settable(key: str, value: Any) -> bool:
    """Whether a widget's value may be set through the session (see `_UNSETTABLE_KINDS`)."""
    if isinstance(value, Mapping) or str(key).startswith("FormSubmitter:"):
        return False
    unknown_kind = not isinstance(value, bool) and value is not None
    try:
        from streamlit.runtime.state.session_state_proxy import get_session_state

        state = get_session_state()._state
        widget_id = state._key_id_mapper.get_id_from_key(key, None)
        if widget_id is None:
            return unknown_kind
        kind = state._new_widget_state.widget_metadata[widget_id].value_type
    except Exception:  # not a Streamlit session (tests), or another Streamlit version
        return unknown_kind
    return kind not in _UNSETTABLE_KINDS


class CallbackSafeSession(MutableMapping[str | int, Any]):
    """The session's state, which a widget's callback reads and writes to the end unstopped.

    A click during a run makes Streamlit stop that run at its next access to the session, even
    inside a widget's callback, and a click on another page then forgets the widget's new
    value: a callback stopped before its save loses the change for good (a phone typed in the
    Accueil grid, Enter, then a click on « Importer »). Inside a callback this view reads and
    writes the session without those stop points, under the session's lock, which the callback
    already holds, so no other run touches the session meanwhile; the run stops right after
    its callbacks instead. Everywhere else it is `st.session_state` itself.
    """

    def __init__(
        self,
        proxy: MutableMapping[str | int, Any],
        safe_state: Callable[[], Any] | None = None,
        in_callback: Callable[[], bool] | None = None,
    ) -> None:
        self._proxy = proxy
        self._safe_state = safe_state or _safe_session_state
        self._in_callback = in_callback or _in_callback

    def _direct(self) -> Any:
        """The session's unstoppable state while a callback runs, else None."""
        if not self._in_callback():
            return None
        return self._safe_state()

    def __getitem__(self, key: str | int) -> Any:
        safe = self._safe_state()
        if safe is None:
            return self._proxy[key]
        if self._in_callback():
            with safe._lock:
                return safe._state[key]
        # The stop-checking state itself, not its proxy: the same stop point, a third of the
        # cost (the proxy checks the key and finds the state again on every read), and the card
        # reads the workbook a hundred times a run (benchmarks/profile_card.py).
        return safe[key]

    def __setitem__(self, key: str | int, value: Any) -> None:
        safe = self._direct()
        if safe is None:
            self._proxy[key] = value
            return
        with safe._lock:
            safe._state[key] = value

    def __delitem__(self, key: str | int) -> None:
        safe = self._direct()
        if safe is None:
            del self._proxy[key]
            return
        with safe._lock:
            del safe._state[key]

    def __contains__(self, key: object) -> bool:
        safe = self._direct()
        if safe is None:
            return key in self._proxy
        with safe._lock:
            return key in safe._state

    def __iter__(self) -> Iterator[str | int]:
        safe = self._direct()
        if safe is None:
            return iter(self._proxy)
        with safe._lock:
            return iter(list(safe.filtered_state))

    def __len__(self) -> int:
        safe = self._direct()
        if safe is None:
            return len(self._proxy)
        with safe._lock:
            return len(safe.filtered_state)


try:  # Streamlit's private API, imported once: these run on every access to the session
    from streamlit.runtime.scriptrunner_utils.script_run_context import (
        RunLocation as _RunLocation,
    )
    from streamlit.runtime.scriptrunner_utils.script_run_context import (
        ThreadState as _ThreadState,
    )
    from streamlit.runtime.state.session_state_proxy import (
        get_session_state as _get_session_state,
    )
except ImportError:  # another Streamlit version: the usual stop points stay
    _RunLocation = _ThreadState = _get_session_state = None  # type: ignore[assignment,misc]


def _safe_session_state() -> Any:
    """Streamlit's thread-safe session state (private API), or None on another version."""
    if _get_session_state is None:
        return None
    try:
        safe = _get_session_state()
        safe._lock, safe._state  # noqa: B018
    except Exception:  # another Streamlit version: the usual stop points stay
        return None
    return safe


def _in_callback() -> bool:
    """Whether the current thread runs a widget's callback (Streamlit's private API)."""
    if _ThreadState is None:
        return False
    try:
        return _ThreadState.get().run_location is _RunLocation.CALLBACK
    except Exception:  # another Streamlit version: the usual stop points stay
        return False


def workspace() -> Workspace:
    """The accessor for the current Streamlit session."""
    from reseau.ui.resources import store

    run_through_the_app_shell()
    return Workspace(CallbackSafeSession(st.session_state), store())
