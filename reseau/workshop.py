"""The trainer's view of a workshop: each participant's progress and the room's anonymous figures.

Everything here is counted from the participants' workbooks and nothing else leaves them: no
contact's name, company, e-mail, note or action text ever reaches a summary or its Excel file.
A participant appears by the first name they chose to give, otherwise as "Participant 3" (their
order of arrival).
"""

from __future__ import annotations

import math
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from statistics import fmean, median
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
from openpyxl import Workbook as ExcelWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from reseau.charts.style import BASE_FONT, GRID, LABEL_FONT, MUTED, base_layout, escape, wrap
from reseau.export.safety import append_row, first_sheet
from reseau.export.shape_sheet import add_room_shape_sheet
from reseau.i18n import Lang, label, t
from reseau.network import Network
from reseau.network_shape import NO_ROOM_SHAPE, RoomShape, room_shape
from reseau.palette import INK, circle_colour, hex_argb, quadrant_colour
from reseau.scoring import ScoringSettings, score_network
from reseau.storage import Member, WorkbookStore, Workshop
from reseau.storage.store import workbooks
from reseau.vocabulary import QUADRANT_PRIORITY, SCALES, Circle, Quadrant, Role, circle_of, roles_of

if TYPE_CHECKING:
    from reseau.follow_up import FollowUp


@dataclass(frozen=True)
class ParticipantProgress:
    """How far one participant has gone: counts only, never what their contacts are."""

    number: int
    first_name: str | None
    contacts: int
    sorted: int
    qualified: int
    actions: int
    last_activity: datetime

    def label(self, lang: Lang) -> str:
        return self.first_name or t("workshop.participant", lang, number=self.number)


@dataclass(frozen=True)
class CircleFigures:
    """One circle across the room: how many contacts, and the average of each 1-5 criterion."""

    circle: Circle
    contacts: int
    averages: dict[str, float | None]  # criterion code -> mean over contacts that have it


@dataclass(frozen=True)
class Profile:
    """One participant's network as counts only: what the room compares, never who is in it."""

    contacts: int
    contacts_per_circle: dict[Circle, int]
    sorted: bool  # at least one contact in a circle: only then do empty roles mean anything
    empty_roles: frozenset[Role]
    quadrants: dict[Quadrant, int]  # qualified contacts per quadrant
    marks: dict[str, tuple[int, ...]]  # criterion code -> the 1-5 values given

    @property
    def qualified(self) -> int:
        return sum(self.quadrants.values())


def profile_of(network: Network, settings: ScoringSettings, today: date) -> Profile:
    """The counts of one network, scored with its own settings."""
    held_roles = {c.role for c in network if c.is_sorted}
    scores = score_network(network, settings, today)
    quadrants = Counter(s.quadrant for s in scores.values() if s.quadrant is not None)
    return Profile(
        contacts=len(network),
        contacts_per_circle={
            circle: sum(1 for c in network if c.circle is circle) for circle in Circle
        },
        sorted=bool(held_roles),
        empty_roles=frozenset(
            role
            for circle in Circle
            for role in roles_of(circle, with_other=False)
            if held_roles and role not in held_roles
        ),
        quadrants={q: quadrants[q] for q in QUADRANT_PRIORITY},
        marks={
            scale.code: tuple(
                getattr(c, scale.code)
                for c in network
                if c.circle is not None and getattr(c, scale.code) is not None
            )
            for scale in SCALES
        },
    )


@dataclass(frozen=True)
class RoomSummary:
    """The room at one moment, as the trainer's dashboard and export show it."""

    workshop: Workshop
    participants: tuple[ParticipantProgress, ...]
    contacts_per_circle: tuple[tuple[Circle | None, int], ...]  # None: not sorted yet
    empty_roles: tuple[tuple[Role, int], ...]  # most often empty first
    sorting_participants: int  # participants with a sorted contact: the base of empty_roles
    quadrants: tuple[tuple[Quadrant | None, int], ...]  # None: not qualified yet
    circles: tuple[CircleFigures, ...]
    profiles: tuple[Profile, ...] = ()  # one per participant, in no telling order
    shape: RoomShape = NO_ROOM_SHAPE  # who knows whom: numbers only (reseau.network_shape)

    @property
    def total_contacts(self) -> int:
        return sum(p.contacts for p in self.participants)


def summarise_room(workshop: Workshop, members: Sequence[Member], today: date) -> RoomSummary:
    """Counts the room from its members' workbooks (each scored with its own settings)."""
    participants: list[ParticipantProgress] = []
    per_circle: Counter[Circle | None] = Counter()
    per_quadrant: Counter[Quadrant | None] = Counter()
    empty: Counter[Role] = Counter()
    sorting = 0
    marks: dict[Circle, dict[str, list[int]]] = {c: {s.code: [] for s in SCALES} for c in Circle}
    profiles: list[Profile] = []
    linked = []

    for position, member in enumerate(members, start=1):
        network = member.workbook.network
        participants.append(
            ParticipantProgress(
                number=member.seat or position,
                first_name=member.first_name,
                contacts=len(network),
                sorted=sum(1 for c in network if c.is_sorted),
                qualified=sum(1 for c in network if c.is_qualified),
                actions=sum(1 for c in network if c.has_action),
                last_activity=member.updated_at,
            )
        )
        held_roles = {c.role for c in network if c.is_sorted}
        if held_roles:
            sorting += 1
            for circle in Circle:
                for role in roles_of(circle, with_other=False):
                    empty[role] += role not in held_roles
        for contact in network:
            per_circle[contact.circle] += 1
            if contact.circle is not None:
                for scale in SCALES:
                    value = getattr(contact, scale.code)
                    if value is not None:
                        marks[contact.circle][scale.code].append(value)
        scores = score_network(network, member.workbook.settings, today)
        for score in scores.values():
            per_quadrant[score.quadrant] += 1
        profiles.append(profile_of(network, member.workbook.settings, today))
        linked.append((network, member.workbook.links))

    method_roles = [role for circle in Circle for role in roles_of(circle, with_other=False)]
    empty_roles = sorted(
        ((role, empty[role]) for role in method_roles if empty[role]),
        key=lambda item: (-item[1], method_roles.index(item[0])),
    )
    return RoomSummary(
        workshop=workshop,
        participants=tuple(participants),
        contacts_per_circle=tuple((c, per_circle[c]) for c in (*Circle, None)),
        empty_roles=tuple(empty_roles),
        sorting_participants=sorting,
        quadrants=tuple((q, per_quadrant[q]) for q in (*QUADRANT_PRIORITY, None)),
        circles=tuple(
            CircleFigures(
                circle=circle,
                contacts=per_circle[circle],
                averages={
                    code: round(fmean(values), 2) if values else None
                    for code, values in marks[circle].items()
                },
            )
            for circle in Circle
        ),
        # Sorted by size, so a profile's place says nothing of who arrived when.
        profiles=tuple(sorted(profiles, key=lambda p: (p.contacts, p.qualified))),
        shape=room_shape(linked),
    )


# --- each participant against the room ---
# Below this many participants who have started, a median would point at someone.
MIN_ROOM = 3


@dataclass(frozen=True)
class CircleLine:
    circle: Circle
    yours: int
    room_median: float


@dataclass(frozen=True)
class RoleLine:
    role: Role
    empty_for_you: bool
    room_share: float  # share of the participants who sorted for whom the role is empty


@dataclass(frozen=True)
class ShareLine:
    quadrant: Quadrant
    yours: float | None  # share of your qualified contacts; None when you qualified none
    room: float | None


@dataclass(frozen=True)
class CriterionLine:
    code: str
    yours: float | None
    room: float | None


@dataclass(frozen=True)
class Comparison:
    """A participant's network beside the room's: medians, shares and averages, nobody's own."""

    participants: int  # participants who have started, the base of the medians
    circles: tuple[CircleLine, ...]
    roles: tuple[RoleLine, ...]  # yours first, then the room's most often empty
    quadrants: tuple[ShareLine, ...]
    criteria: tuple[CriterionLine, ...]


def circle_medians(profiles: Sequence[Profile]) -> dict[Circle, float | None]:
    """The median participant's contacts in each circle, among those who have started; the
    same figure a participant sees beside their own. None below `MIN_ROOM` participants."""
    started = [p for p in profiles if p.contacts]
    if len(started) < MIN_ROOM:
        return dict.fromkeys(Circle)
    return {c: float(median(p.contacts_per_circle[c] for p in started)) for c in Circle}


def _shares(counts: dict[Quadrant, int]) -> dict[Quadrant, float | None]:
    total = sum(counts.values())
    return {q: (counts[q] / total if total else None) for q in QUADRANT_PRIORITY}


def _mean(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(fmean(values), 2) if values else None


def compare_to_room(own: Profile, room: Sequence[Profile]) -> Comparison | None:
    """Your counts beside the room's (you included); None while too few have started to hide
    who is who."""
    started = [p for p in room if p.contacts]
    if len(started) < MIN_ROOM:
        return None
    sorting = [p for p in started if p.sorted]
    method_roles = [role for circle in Circle for role in roles_of(circle, with_other=False)]
    share_empty = {
        role: (sum(role in p.empty_roles for p in sorting) / len(sorting) if sorting else 0.0)
        for role in method_roles
    }
    yours_empty = [r for r in method_roles if r in own.empty_roles]
    room_empty = sorted(
        (r for r in method_roles if share_empty[r] and r not in own.empty_roles),
        key=lambda r: (-share_empty[r], method_roles.index(r)),
    )
    room_quadrants: Counter[Quadrant] = Counter()
    for profile in started:
        room_quadrants.update(profile.quadrants)
    yours_shares = _shares(own.quadrants)
    room_shares = _shares({q: room_quadrants[q] for q in QUADRANT_PRIORITY})
    return Comparison(
        participants=len(started),
        circles=tuple(
            CircleLine(
                circle,
                own.contacts_per_circle[circle],
                float(median(p.contacts_per_circle[circle] for p in started)),
            )
            for circle in Circle
        ),
        roles=tuple(
            RoleLine(role, role in own.empty_roles, share_empty[role])
            for role in [*yours_empty, *room_empty[:3]]
        ),
        quadrants=tuple(ShareLine(q, yours_shares[q], room_shares[q]) for q in QUADRANT_PRIORITY),
        criteria=tuple(
            CriterionLine(
                scale.code,
                _mean(own.marks[scale.code]),
                _mean(v for p in started for v in p.marks[scale.code]),
            )
            for scale in SCALES
        ),
    )


# --- the room, counted once per change ---
Stamps = tuple[tuple[Any, ...], ...]


def member_stamps(store: WorkbookStore, code: str) -> Stamps:
    """What identifies the room's state without reading any workbook: who, in which seat,
    under which first name, last saved when. Any save or new arrival changes it."""
    query = (
        select(
            workbooks.c.id,
            workbooks.c.seat,
            workbooks.c.first_name,
            workbooks.c.updated_at,
        )
        .where(workbooks.c.workshop_code == code)
        .order_by(workbooks.c.seat, workbooks.c.created_at)
    )
    with store.engine.connect() as conn:
        return tuple(tuple(row) for row in conn.execute(query))


class RoomSummaries:
    """The last summary of each room, shared by every tab of the process.

    The trainer's live room refreshes every few seconds in each open tab; counting a room holding
    a participant with 50,000 contacts takes seconds of CPU. The summary is therefore worked out
    once per change of the room (a save, an arrival, a first name, the workshop closing, a new
    day) and handed to every refresh and every tab until the next change. Two tabs asking at
    the same moment wait for one computation rather than making two.
    """

    def __init__(
        self,
        compute: Callable[[Workshop, Sequence[Member], date], RoomSummary] | None = None,
        rooms: int = 16,
    ) -> None:
        self._compute = compute or summarise_room
        self._rooms = rooms
        self._entries: OrderedDict[tuple[str, str], tuple[Any, RoomSummary]] = OrderedDict()
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    def summary(self, store: WorkbookStore, code: str, today: date) -> RoomSummary:
        """The room's summary now: from the cache when nothing changed since it was counted."""
        room = (str(store.engine.url), code)
        workshop = store.workshop(code)
        key = (workshop, today, member_stamps(store, code))
        with self._lock:
            room_lock = self._locks.setdefault(room, threading.Lock())
        with room_lock:
            with self._lock:
                cached = self._entries.get(room)
            if cached is not None and cached[0] == key:
                return cached[1]
            summary = self._compute(workshop, store.members(code), today)
            with self._lock:
                self._entries[room] = (key, summary)
                self._entries.move_to_end(room)
                while len(self._entries) > self._rooms:
                    oldest, _ = self._entries.popitem(last=False)
                    self._locks.pop(oldest, None)
            return summary


ROOMS = RoomSummaries()


# --- the room as charts ---
# Two charts side by side on the trainer's screen: shorter than a full-width chart.
ROOM_CHART_HEIGHT = 380


def count_axis(counts: Sequence[int], ticks: int = 5) -> dict[str, Any]:
    """An axis for counts: whole numbers only, from zero, a little headroom for the labels.

    About `ticks` steps: five on a projector, fewer on a phone, where « 12 18 24 » would touch.
    """
    top = max(counts, default=0)
    step = max(1, math.ceil(top / ticks))
    return {
        "range": [0, max(top, 1) * 1.18],
        "tick0": 0,
        "dtick": step,
        "tickformat": "d",
    }


def has_counts(counts: Iterable[int]) -> bool:
    """Whether a count chart has anything to show (an all-zero chart is replaced by a sentence)."""
    return any(counts)


# On a phone the bars' column is about 200 px wide: three steps leave room between the numbers.
PHONE_TICKS = 3


def _bar(
    names: list[str],
    counts: list[int],
    colours: list[str],
    axis: str,
    lang: Lang,
    compact: bool = False,
) -> go.Figure:
    """Counts as horizontal bars in the palette's colours, with the shared projector layout.

    Horizontal, so the names sit one per line on the left and never interleave, however
    narrow the column (two charts side by side on a projector, one under the other on a phone).
    """
    figure = go.Figure(
        go.Bar(
            y=[wrap(escape(name), 16) for name in names],
            x=counts,
            orientation="h",
            marker={"color": colours, "line": {"color": INK, "width": 1}},
            text=counts,
            textposition="outside",
            textfont={"size": BASE_FONT, "color": INK},
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_layout(
        base_layout(
            lang,
            height=ROOM_CHART_HEIGHT,
            margin={"l": 20, "r": 40, "t": 20, "b": 20},
            showlegend=False,
            yaxis={
                "tickfont": {"size": LABEL_FONT},
                "autorange": "reversed",
                "automargin": True,
            },
            xaxis={
                "title": {"text": axis, "font": {"size": LABEL_FONT, "color": MUTED}},
                **count_axis(counts, PHONE_TICKS if compact else 5),
                "gridcolor": GRID,
                "tickfont": {"size": LABEL_FONT, "color": MUTED},
            },
        )
    )
    return figure


def circle_figure(summary: RoomSummary, lang: Lang, compact: bool = False) -> go.Figure:
    """Contacts per circle across the room (and those not sorted yet), in the circles' colours."""
    rows = [(c, n) for c, n in summary.contacts_per_circle if c is not None or n]
    return _bar(
        [label(c, lang) if c else t("circle.none", lang) for c, _ in rows],
        [n for _, n in rows],
        [circle_colour(c) for c, _ in rows],
        t("workshop.col.contacts", lang),
        lang,
        compact,
    )


def quadrant_figure(summary: RoomSummary, lang: Lang, compact: bool = False) -> go.Figure:
    """How the room's contacts spread over the four quadrants (and those not qualified yet)."""
    rows = [(q, n) for q, n in summary.quadrants if q is not None or n]
    return _bar(
        [label(q, lang) if q else t("quadrant.none", lang) for q, _ in rows],
        [n for _, n in rows],
        [quadrant_colour(q) for q, _ in rows],
        t("workshop.col.contacts", lang),
        lang,
        compact,
    )


# --- the room as an Excel file ---
_HEADER_FONT = Font(bold=True, color="FFFFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="FF1F4E79")
_TITLE_FONT = Font(bold=True, size=14)


def _table(sheet: Worksheet, headers: Iterable[str], rows: Iterable[Sequence[Any]]) -> None:
    append_row(sheet, list(headers))
    for cell in sheet[sheet.max_row]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = f"A{sheet.max_row + 1}"
    for row in rows:
        append_row(sheet, list(row))


def _fit_columns(sheet: Worksheet) -> None:
    for index, column in enumerate(sheet.iter_cols(values_only=True), start=1):
        longest = max((len(str(v)) for v in column if v is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 10), 50)


def _swatch(sheet: Worksheet, row: int, colour: str) -> None:
    sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor=hex_argb(colour))
    sheet.cell(row=row, column=1).font = Font(bold=True, color="FFFFFFFF")


def room_excel(
    summary: RoomSummary, lang: Lang, exported: datetime, follow_up: FollowUp | None = None
) -> bytes:
    """The room's aggregate as an .xlsx file: progress, circles, empty roles, quadrants.

    A follow-up workshop's file adds the room before and after (`reseau.follow_up`).
    """
    book = ExcelWorkbook()
    about = first_sheet(book)
    about.title = t("workshop.sheet.about", lang)[:31]
    workshop = summary.workshop
    append_row(about, [t("workshop.export.title", lang)])
    about["A1"].font = _TITLE_FONT
    facts: list[tuple[str, Any]] = [
        (t("workshop.field.name", lang), workshop.name),
        (t("workshop.field.code", lang), workshop.display_code),
        (t("workshop.field.created", lang), workshop.created_at.replace(tzinfo=None)),
        (
            t("workshop.field.status", lang),
            t("workshop.status.open" if workshop.is_open else "workshop.status.closed", lang),
        ),
        (t("workshop.field.participants", lang), len(summary.participants)),
        (t("workshop.field.contacts", lang), summary.total_contacts),
        (t("workshop.field.exported", lang), exported.replace(tzinfo=None)),
    ]
    for name, value in facts:
        append_row(about, [name, value])
    for cells in about.iter_rows(min_row=2):
        cells[0].font = Font(bold=True)
        if isinstance(cells[1].value, datetime):
            cells[1].number_format = "yyyy-mm-dd hh:mm"
    append_row(about, [])
    append_row(about, [t("workshop.export.privacy", lang)])

    progress = book.create_sheet(t("workshop.sheet.participants", lang)[:31])
    _table(
        progress,
        [
            t("workshop.col.participant", lang),
            t("workshop.col.contacts", lang),
            t("workshop.col.sorted", lang),
            t("workshop.col.qualified", lang),
            t("workshop.col.actions", lang),
            t("workshop.col.last_activity", lang),
        ],
        [
            (
                p.label(lang),
                p.contacts,
                p.sorted,
                p.qualified,
                p.actions,
                p.last_activity.replace(tzinfo=None, microsecond=0),
            )
            for p in summary.participants
        ],
    )
    for row in progress.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].number_format = "yyyy-mm-dd hh:mm"

    circles = book.create_sheet(t("workshop.sheet.circles", lang)[:31])
    medians = circle_medians(summary.profiles)
    _table(
        circles,
        [t("workshop.col.circle", lang), t("workshop.col.contacts", lang)]
        + [t("workshop.col.average", lang, criterion=label(s, lang)) for s in SCALES]
        + [t("workshop.col.median", lang, count=MIN_ROOM)],
        [
            (
                label(f.circle, lang),
                f.contacts,
                *(f.averages[s.code] for s in SCALES),
                medians[f.circle],
            )
            for f in summary.circles
        ]
        + [
            (t("circle.none", lang), count)
            for circle, count in summary.contacts_per_circle
            if circle is None
        ],
    )
    for row, figures in enumerate(summary.circles, start=2):
        _swatch(circles, row, circle_colour(figures.circle))

    roles = book.create_sheet(t("workshop.sheet.empty_roles", lang)[:31])
    _table(
        roles,
        [
            t("workshop.col.role", lang),
            t("workshop.col.circle", lang),
            t("workshop.col.empty_for", lang, total=summary.sorting_participants),
        ],
        [
            (label(role, lang), label(circle_of(role), lang), count)
            for role, count in summary.empty_roles
        ],
    )

    quadrants = book.create_sheet(t("workshop.sheet.quadrants", lang)[:31])
    scored = sum(count for _, count in summary.quadrants)
    _table(
        quadrants,
        [
            t("workshop.col.quadrant", lang),
            t("workshop.col.contacts", lang),
            t("workshop.col.share", lang),
        ],
        [
            (label(q, lang), count, round(count / scored, 3) if scored else None)
            for q, count in summary.quadrants
        ],
    )
    for row, (quadrant, _) in enumerate(summary.quadrants, start=2):
        _swatch(quadrants, row, quadrant_colour(quadrant))
        quadrants.cell(row=row, column=3).number_format = "0%"

    for sheet in book.worksheets:
        _fit_columns(sheet)
    if follow_up is not None:
        from reseau.follow_up import add_sheet  # it builds on this module's tables

        add_sheet(book, follow_up, lang)
    if not summary.shape.is_empty:
        add_room_shape_sheet(book, summary.shape, lang)
    about.column_dimensions["B"].width = 40
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
