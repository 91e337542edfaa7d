"""A participant without a browser: one Streamlit session driven over its own websocket protocol.

The browser's Streamlit frontend talks to the server over one websocket, `/_stcore/stream`: it
sends `BackMsg` protobufs (a `rerun_script` carrying the query string, the page and the widgets'
values) and receives `ForwardMsg` protobufs (`new_session` when a run starts, `delta`s holding
the page's elements, `page_info_changed` when the script rewrites the query string,
`navigation` listing the pages, `script_finished` when the run is over). This module plays the
frontend's part with the protobuf classes shipped in the `streamlit` package:

- it keeps what the page shows (the elements of the last finished run, by delta path), so a
  journey finds its widgets the way a person does, by kind and label, and reads their ids from
  the element protos, as the frontend does;
- it keeps the widgets' values the way the frontend's widget state manager does (values that
  were set stay until their widget leaves the page; a button's trigger is sent once);
- it times each interaction from the moment its `BackMsg` is sent until the chain of runs it
  caused is over (a `script_finished` that is not "stopped early for a rerun").

Nothing here knows Réseau: `benchmarks/loadtest.py` plays the app's journeys with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ButtonGroup_pb2 import ButtonGroup
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake

STREAM_PATH = "/_stcore/stream"
# The finished statuses that end an interaction (a rerun requested by the script does not).
_DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
# Element kinds that are widgets with an `id` and a `label`.
WIDGET_KINDS = frozenset(
    {
        "button",
        "button_group",
        "checkbox",
        "date_input",
        "download_button",
        "multiselect",
        "number_input",
        "radio",
        "selectbox",
        "slider",
        "text_area",
        "text_input",
    }
)


class ProtocolError(Exception):
    """The server answered something the protocol does not allow, or not in time."""


class WidgetNotFound(Exception):
    """The page does not show the widget a journey looks for."""


@dataclass(frozen=True)
class Widget:
    """One widget on the page: its kind, its id (from the element proto) and what it shows."""

    kind: str
    id: str
    label: str
    options: tuple[str, ...]
    disabled: bool
    proto: Any
    fragment_id: str


def _options(kind: str, proto: Any) -> tuple[str, ...]:
    if kind == "button_group":
        return tuple(option.content for option in proto.options)
    if kind in ("selectbox", "radio", "multiselect"):
        return tuple(proto.options)
    return ()


def fetch_cookies(url: str, timeout: float = 30.0) -> str:
    """GETs the page as a browser would first, and returns the cookies it set (for stickiness)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return "; ".join(cookie.split(";", 1)[0] for cookie in cookies)


class StreamlitSession:
    """One browser tab's session, spoken over the websocket; use `async with`.

    `base_url` is the app's address (`http://127.0.0.1:8501`), `query` the link's query string
    (`demo=1&lang=fr`), `path` the page's URL path (`qualifier`) or empty for the default page.
    """

    def __init__(
        self,
        base_url: str,
        query: str = "",
        *,
        path: str = "",
        locale: str = "fr-FR",
        timezone: str = "Europe/Paris",
        timeout: float = 120.0,
        cookie: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.query_string = query.lstrip("?")
        self.path = path.strip("/")
        self.locale, self.timezone, self.timeout = locale, timezone, timeout
        self.cookie = cookie
        self.session_id = ""
        self.backend: str | None = None  # what the load balancer says served the websocket
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.screen: dict[tuple[int, ...], tuple[Element, str]] = {}
        self.errors: list[str] = []  # exceptions the app showed
        self.runs = 0
        self.fragment_runs = 0  # runs that redrew only a fragment (`st.fragment`)
        self.messages = 0
        self.bytes_received = 0
        self._staging: dict[tuple[int, ...], tuple[Element, str]] = {}
        self._values: dict[str, WidgetState] = {}
        self._finished: asyncio.Queue[int] = asyncio.Queue()
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._closed_reason: str | None = None

    # --- connection -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The address the browser shows now: page path and the query string the app wrote."""
        query = f"?{self.query_string}" if self.query_string else ""
        return f"{self.base_url}/{self.path}{query}"

    async def __aenter__(self) -> StreamlitSession:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    async def connect(self) -> None:
        """Opens the websocket the way the frontend does (subprotocol `streamlit`)."""
        parts = urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self._ws = await connect(
            f"{scheme}://{parts.netloc}{parts.path}{STREAM_PATH}",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
            compression=None,
        )
        response = self._ws.response
        if response is not None:
            self.backend = response.headers.get("X-Reseau-Backend")
        self._closed_reason = None
        self._finished = asyncio.Queue()
        self._reader = asyncio.create_task(self._read(), name="streamlit-reader")

    async def open(self) -> float:
        """Connects and runs the page as a browser opening the link does; returns the latency."""
        start = time.perf_counter()
        await self.connect()
        await self._send_rerun(page_script_hash="", page_name=self.path)
        await self._wait_finished()
        return time.perf_counter() - start

    async def reconnect(self, patience: float = 30.0) -> float:
        """Opens the current address again in a new connection (a refresh, or after a crash).

        Like the frontend, which keeps trying while it shows "Connecting", a refused or failed
        handshake (the process died, the load balancer has not noticed yet) is tried again
        every half second for `patience` seconds. Returns the time until the page was back.
        """
        await self.close()
        self.screen.clear()
        self._values.clear()
        self.page_script_hash = ""
        start = time.perf_counter()
        deadline = time.monotonic() + patience
        while True:
            try:
                await self.open()
                return time.perf_counter() - start
            except (OSError, InvalidHandshake, ProtocolError):
                await self.close()
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        self._ws = self._reader = None

    async def _read(self) -> None:
        assert self._ws is not None
        try:
            async for frame in self._ws:
                if isinstance(frame, str):
                    raise ProtocolError("the server sent a text frame")
                self.bytes_received += len(frame)
                self.messages += 1
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                self._handle(msg)
        except Exception as problem:  # the connection went away: wake whoever waits
            self._closed_reason = f"{type(problem).__name__}: {problem}"
        else:
            self._closed_reason = "connection closed by the server"
        self._finished.put_nowait(-1)

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.runs += 1
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
            self.page_script_hash = msg.new_session.page_script_hash
            fragments = set(msg.metadata.run.fragment_ids)
            if fragments:  # a fragment's run replaces only that fragment's elements
                self.fragment_runs += 1
                self._staging = {
                    path: item for path, item in self.screen.items() if item[1] not in fragments
                }
            else:
                self._staging = {}
        elif kind == "delta":
            path = tuple(msg.metadata.delta_path)
            if msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                self._staging[path] = (element, msg.delta.fragment_id)
                if element.WhichOneof("type") == "exception":
                    self.errors.append(
                        f"{element.exception.type}: {element.exception.message}"[:300]
                    )
        elif kind == "ref_hash":
            # Only sent for messages the client said it had cached; this client says none.
            self.errors.append("the server referred to a cached message")
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "navigation":
            self.pages = {
                page.url_pathname: page.page_script_hash for page in msg.navigation.app_pages
            }
            current = [
                page.url_pathname
                for page in msg.navigation.app_pages
                if page.page_script_hash == msg.navigation.page_script_hash
            ]
            if current:  # the page st.navigation ran (new_session may name the main script)
                self.path = current[0]
                self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "script_finished":
            status = msg.script_finished
            if status in _DONE:
                self.screen = self._staging
                on_screen = {w.id for w in self.widgets()}
                self._values = {k: v for k, v in self._values.items() if k in on_screen}
            self._finished.put_nowait(status)

    # --- sending ----------------------------------------------------------------------------

    async def _send_rerun(
        self,
        *,
        trigger: WidgetState | None = None,
        page_script_hash: str | None = None,
        page_name: str = "",
        fragment_id: str = "",
    ) -> None:
        if self._ws is None:
            raise ProtocolError("not connected")
        while not self._finished.empty():  # statuses of runs nobody waited for
            self._finished.get_nowait()
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = (
            self.page_script_hash if page_script_hash is None else page_script_hash
        )
        state.page_name = page_name
        state.fragment_id = fragment_id
        for value in self._values.values():
            state.widget_states.widgets.append(value)
        if trigger is not None:
            state.widget_states.widgets.append(trigger)
        info = state.context_info
        info.timezone = self.timezone
        info.locale = self.locale
        info.url = self.url
        await self._ws.send(back.SerializeToString())

    async def _wait_finished(self) -> int:
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError(f"no script_finished within {self.timeout:.0f} s")
            try:
                status = await asyncio.wait_for(self._finished.get(), left)
            except TimeoutError:
                continue
            if status == -1:
                raise ProtocolError(self._closed_reason or "connection lost")
            if status in _DONE:
                return status

    async def _interact(self, widget: Widget, value: WidgetState, *, trigger: bool) -> float:
        if not trigger:
            self._values[widget.id] = value
        start = time.perf_counter()
        await self._send_rerun(
            trigger=value if trigger else None,
            fragment_id=widget.fragment_id,
        )
        await self._wait_finished()
        return time.perf_counter() - start

    # --- what a journey does ----------------------------------------------------------------

    async def rerun(self) -> float:
        """Reruns the page with the current values (what the frontend does on `R`)."""
        start = time.perf_counter()
        await self._send_rerun()
        await self._wait_finished()
        return time.perf_counter() - start

    async def go_to(self, url_path: str) -> float:
        """Switches page as a click in the sidebar's navigation does; returns the latency."""
        if url_path not in self.pages:
            raise WidgetNotFound(f"no page {url_path!r} in the navigation: {sorted(self.pages)}")
        start = time.perf_counter()
        await self._send_rerun(page_script_hash=self.pages[url_path], page_name=url_path)
        await self._wait_finished()
        return time.perf_counter() - start

    async def click(self, label: str) -> float:
        """Clicks the button labelled `label`."""
        button = self.widget("button", label)
        if button.disabled:
            raise WidgetNotFound(f"the button {label!r} is disabled")
        return await self._interact(
            button, WidgetState(id=button.id, trigger_value=True), trigger=True
        )

    async def choose(self, label: str, option: str) -> float:
        """Clicks `option` (as shown) in the segmented control or pills, or picks it in the
        selectbox or radio; a click on a chosen option of a segmented control deselects it."""
        for kind in ("button_group", "selectbox", "radio"):
            found = self.find(kind, label)
            if found is None:
                continue
            if option not in found.options:
                raise WidgetNotFound(f"{label!r} has no option {option!r}: {found.options}")
            state = WidgetState(id=found.id)
            if kind == "button_group":
                # A click toggles, as in the browser: clicking the option already chosen
                # deselects it (unless the control requires a choice).
                chosen = self.selected(found)
                if found.proto.click_mode == ButtonGroup.MULTI_SELECT:
                    chosen = [o for o in chosen if o != option] + (
                        [] if option in chosen else [option]
                    )
                elif option in chosen and not found.proto.required:
                    chosen = []
                else:
                    chosen = [option]
                state.string_array_value.data.extend(chosen)
            elif kind == "selectbox":
                state.string_value = option
            else:
                state.int_value = found.options.index(option)
            return await self._interact(found, state, trigger=False)
        raise WidgetNotFound(f"no choice widget labelled {label!r}: {self.labels()}")

    # --- what the page shows ----------------------------------------------------------------

    def selected(self, widget: Widget) -> list[str]:
        """The options a segmented control or pills shows as chosen now."""
        state = self._values.get(widget.id)
        if state is not None:
            return list(state.string_array_value.data)
        if widget.proto.set_value:
            return list(widget.proto.raw_values)
        return [widget.options[index] for index in widget.proto.default]

    def elements(self, kind: str | None = None) -> Iterable[tuple[Element, str]]:
        for path in sorted(self.screen):
            element, fragment = self.screen[path]
            if kind is None or element.WhichOneof("type") == kind:
                yield element, fragment

    def widgets(self) -> list[Widget]:
        found = []
        for element, fragment in self.elements():
            kind = element.WhichOneof("type")
            if kind in WIDGET_KINDS:
                proto = getattr(element, kind)
                found.append(
                    Widget(
                        kind,
                        proto.id,
                        proto.label,
                        _options(kind, proto),
                        bool(getattr(proto, "disabled", False)),
                        proto,
                        fragment,
                    )
                )
        return found

    def find(self, kind: str, label: str) -> Widget | None:
        """The first widget of `kind` whose label is `label` (exact), or None."""
        return next((w for w in self.widgets() if w.kind == kind and w.label == label), None)

    def widget(self, kind: str, label: str) -> Widget:
        found = self.find(kind, label)
        if found is None:
            raise WidgetNotFound(f"no {kind} labelled {label!r}: {self.labels()}")
        return found

    def labels(self) -> list[str]:
        return [f"{w.kind}:{w.label}" for w in self.widgets()]

    def headings(self, tag: str | None = None) -> list[str]:
        return [
            element.heading.body
            for element, _ in self.elements("heading")
            if tag is None or element.heading.tag == tag
        ]

    def texts(self) -> list[str]:
        """The text of every markdown, caption and alert on the page."""
        out = [element.markdown.body for element, _ in self.elements("markdown")]
        out += [element.alert.body for element, _ in self.elements("alert")]
        return out

    def shows(self, text: str) -> bool:
        return any(text in body for body in self.texts() + self.headings())

    def download(self, label: str) -> bytes:
        """Fetches the file behind the download button labelled `label`, over HTTP."""
        button = self.find("download_button", label)
        if button is None:
            raise WidgetNotFound(f"no download button labelled {label!r}: {self.labels()}")
        url = button.proto.url
        if not url:
            raise WidgetNotFound(f"the download button {label!r} has no URL (deferred file)")
        if url.startswith("/"):
            url = self.base_url + url
        request = urllib.request.Request(url, headers={"Cookie": self.cookie or ""})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return response.read()
