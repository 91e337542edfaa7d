"""Text people typed is escaped before it goes into Markdown, and only there."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reseau.contact_table import CellWarning
from reseau.diagnosis import Finding, Severity
from reseau.explain import explain_rank
from reseau.plan import RowProblem
from reseau.scoring import DEFAULT_SETTINGS, score_network
from reseau.ui.markdown import WORD_JOINER, escape_lines, escape_markdown
from tests.conftest import TODAY

TRICKY = "**Gras** _x_ $a$ ![i](https://example.com/x.png)"


def _unescaped(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text.replace(WORD_JOINER, ""))


def test_a_tricky_name_keeps_no_markdown_or_latex_mark_unescaped():
    escaped = escape_markdown(TRICKY)

    assert escaped == (
        r"\*\*Gras\*\* \_x\_ \$a\$ !\[i\](https:" + WORD_JOINER + "//example.com/x.png)"
    )


@given(
    st.text(
        alphabet=st.characters(exclude_characters="\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e\u2060")
    )
)
def test_removing_the_escapes_gives_back_the_text_typed(text):
    assert _unescaped(escape_markdown(text)) == text


@given(st.text())
def test_no_special_character_is_left_without_its_backslash(text):
    escaped = escape_markdown(text)

    bare = re.sub(r"\\.", "", escaped)
    assert not set(bare) & set("\\`*_[]<>$~&#|")
    assert "\n" not in escaped


def test_a_name_that_looks_like_a_list_item_or_a_heading_is_escaped():
    assert escape_markdown("- Jean") == r"\- Jean"
    assert escape_markdown("1. Jean") == r"1\. Jean"
    assert escape_markdown("# Jean") == r"\# Jean"
    assert escape_markdown("> Jean") == r"\> Jean"


def test_ordinary_names_read_the_same_in_the_markdown_source():
    assert escape_markdown("Dupont, Jean-Pierre (Acme). d'Artagnan") == (
        "Dupont, Jean-Pierre (Acme). d'Artagnan"
    )


def test_a_note_keeps_its_lines_and_each_line_is_escaped():
    assert escape_lines("*un*\n# deux") == "\\*un\\*  \n\\# deux"


def test_the_diagnosis_escapes_names_on_screen_and_keeps_them_raw_for_excel():
    finding = Finding("not_qualified", Severity.MEDIUM, {"count": 2, "names": (TRICKY, "Ana")})

    assert TRICKY in finding.message("fr")
    on_screen = finding.message("fr", escape_markdown)
    assert escape_markdown(TRICKY) in on_screen
    assert "**" not in on_screen


def test_a_dropped_value_and_a_refused_plan_row_escape_what_was_typed():
    warning = CellWarning("circle", "$x$")
    problem = RowProblem("_Ana_", "date")

    assert r"\$x\$" in warning.message("en", 3, escape_markdown)
    assert "$x$" in warning.message("en", 3)
    assert problem.text("en", escape_markdown).startswith(r"\_Ana\_")


def test_the_rank_explanation_escapes_the_neighbours_names(demo):
    scores = score_network(demo, DEFAULT_SETTINGS, TODAY)
    ranked = sorted((s for s in scores.values() if s.rank), key=lambda s: s.rank)
    second, first = demo.get(ranked[1].contact_id), demo.get(ranked[0].contact_id)
    network = demo.update(first.id, first_name="*Star*", last_name="")

    lines = explain_rank(second, network, scores, "en", escape_markdown)

    assert any(r"\*Star\*" in line for line in lines)
    assert not any("*Star*" in line.replace(r"\*", "") for line in lines)


LINKS_AND_SHORTCODES = (
    "https://evil.example/x http://a.fr www.b.com WWW.C.ORG ana@x.fr "
    ":smile: :material/warning: :red[rouge] :streamlit: a -> b <= c"
)


def _as_parsed(text: str) -> str:
    """The text nodes a Markdown parser sees: backslash escapes resolved, the rest as written."""
    return re.sub(r"\\(.)", r"\1", text)


def test_web_addresses_and_e_mails_no_longer_read_as_links_once_parsed():
    parsed = _as_parsed(escape_markdown(LINKS_AND_SHORTCODES))

    # GitHub's literal autolinks, as remark-gfm finds them in text nodes.
    assert not re.search(r"https?://|www\.", parsed, re.IGNORECASE)
    assert not re.search(r"[-.\w+]+@[-\w]+(\.[-\w]+)+", parsed)


def test_streamlit_shortcodes_and_arrows_no_longer_match_once_parsed():
    parsed = _as_parsed(escape_markdown(LINKS_AND_SHORTCODES))

    assert not re.search(r":[\w-]+:|:material/|:red\[|->|<=", parsed)


def test_what_is_seen_is_what_was_typed_since_the_joiner_is_invisible():
    escaped = escape_markdown(LINKS_AND_SHORTCODES)

    assert _unescaped(escaped) == LINKS_AND_SHORTCODES
    assert escape_markdown("Note : 10h, Jean-Pierre") == "Note : 10h, Jean-Pierre"
