"""The export screen's pieces: the file's options, building it on request, the download."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from reseau.assessments import Assessment
from reseau.export.xlsx import XLSX_MIME, build_xlsx, download_name
from reseau.i18n import Lang
from reseau.network import Network
from reseau.scoring import ScoringSettings
from reseau.ui.state import Workspace

_PREPARED = "export.prepared"


@dataclass(frozen=True)
class PreparedFile:
    """A built file and what it was built from, to tell when it no longer matches the workbook."""

    network: Network
    settings: ScoringSettings
    lang: Lang
    data: bytes
    file_name: str
    contacts: int
    actions: int
    assessments: tuple[Assessment, ...] = ()  # closing one adds the Évolution sheet

    def matches(self, ws: Workspace, lang: Lang) -> bool:
        return (
            self.network is ws.network
            and self.settings == ws.settings
            and self.lang is lang
            and self.assessments == ws.workbook.assessments
        )


def intro(ws: Workspace) -> None:
    st.markdown(ws.t("export.intro"))
    st.markdown(ws.t("export.contents"))
    st.caption(ws.t("export.reimport"))


def options(ws: Workspace) -> tuple[Lang, str]:
    """The language of the file and the participant's name shown at its top."""
    left, right = st.columns([1, 2])
    lang = left.segmented_control(
        ws.t("export.lang"),
        options=list(Lang),
        format_func=lambda choice: ws.t(f"lang.{choice.value}"),
        default=ws.lang,
        key="export.lang",
    )
    participant = right.text_input(
        ws.t("export.participant"),
        value=ws.network.participant,
        max_chars=200,
        help=ws.t("export.participant.help"),
        key="export.participant",
    )
    return lang or ws.lang, participant.strip()


def build_on_request(ws: Workspace, lang: Lang, participant: str) -> None:
    """Builds the file only when the button is pressed; the result waits for the download."""
    if not st.button(ws.t("export.build"), type="primary", icon=":material/table_view:"):
        return
    if participant != ws.network.participant:
        ws.set_details(participant=participant)
    with st.spinner(ws.t("export.building")):
        data = build_xlsx(ws.workbook, lang=lang, today=ws.today)
    network = ws.network
    ws.set_scratch(
        _PREPARED,
        PreparedFile(
            network=network,
            settings=ws.settings,
            lang=lang,
            data=data,
            file_name=download_name(network.participant, ws.today, lang),
            contacts=len(network),
            actions=sum(1 for contact in network if contact.has_action),
            assessments=ws.workbook.assessments,
        ),
    )


def download(ws: Workspace, lang: Lang) -> None:
    """The download of the last file built, or a notice when the workbook changed since."""
    prepared: PreparedFile | None = ws.scratch(_PREPARED)
    if prepared is None:
        return
    if not prepared.matches(ws, lang):
        st.info(ws.t("export.changed"), icon=":material/update:")
        return
    st.success(ws.t("export.ready", contacts=prepared.contacts, actions=prepared.actions))
    st.download_button(
        ws.t("export.download"),
        data=prepared.data,
        file_name=prepared.file_name,
        mime=XLSX_MIME,
        type="primary",
        icon=":material/download:",
        on_click="ignore",
    )
