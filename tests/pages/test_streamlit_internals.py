"""The Streamlit internals two safeguards rely on are still there (they are not public API).

A reconnected tab's first change is replayed (`reseau.ui.session`) and a merge redraws widgets
(`reseau.ui.state`); both fall back quietly on another Streamlit, so an upgrade that moves these
names must fail here, not silently in a workshop.
"""

from __future__ import annotations

import dataclasses


def test_the_widget_state_internals_used_to_hold_back_and_redraw_widgets_exist():
    from streamlit.runtime.state.session_state import Serialized, SessionState, WStates
    from streamlit.runtime.state.session_state_proxy import get_session_state

    fields = {f.name for f in dataclasses.fields(SessionState)}

    assert {"_new_widget_state", "_key_id_mapper"} <= fields
    assert {f.name for f in dataclasses.fields(WStates)} >= {"states", "widget_metadata"}
    assert callable(get_session_state)
    assert Serialized.__dataclass_fields__["value"]


def test_the_rerun_internals_used_to_replay_a_reconnected_tabs_change_exist():
    from streamlit.proto.WidgetStates_pb2 import WidgetStates
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    fields = {f.name for f in dataclasses.fields(RerunData)}

    assert {
        "query_string",
        "page_script_hash",
        "widget_states",
        "cached_message_hashes",
        "context_info",
    } <= fields
    assert RerunException(RerunData(widget_states=WidgetStates())).rerun_data.widget_states
