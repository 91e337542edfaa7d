"""Text people typed, shown inside Markdown as itself: not formatting, LaTeX, a link, an image.

Streamlit renders `st.markdown`, `st.info` & co., `st.caption`, titles, widget labels, help
tooltips and flash messages as GitHub-flavoured Markdown with LaTeX between `$…$`. A contact
called `**Gras** $a$ ![i](https://…)` would otherwise appear bold, as a formula, and load an
outside image. CommonMark shows a backslash-escaped punctuation character as itself (remark-math
honours `\\$` too), so the characters that can start something are escaped; commas, full stops
and apostrophes inside a name are left alone, so « Dupont, Jean » reads the same in the source.

Two things a backslash cannot stop, because they are found in the text once it is parsed: web
and e-mail addresses (GitHub's literal autolinks: `https://…`, `www.…`, `ana@x.fr` would become
links) and Streamlit's shortcodes (`:smile:`, `:material/warning:`, `:streamlit:`). An invisible
WORD JOINER (U+2060) is put where it breaks the pattern without changing what is seen: after a
colon that a word or `/` follows, after `www` before its dot, and before `@`.
"""

from __future__ import annotations

import re
from typing import Any

from reseau.errors import ReseauError
from reseau.ui.state import Workspace

# Anywhere: escape, code, emphasis, links/images/`:red[…]`, autolinks and HTML, LaTeX, strike,
# entities (`&copy;`), headings, block quotes, tables.
_SPECIAL = re.compile(r"([\\`*_\[\]<>$~&#|])")
# At the start of the text only (where a catalogue sentence may put it at the start of a line):
# a list item (`- `, `+ `, `1. `, `1) `).
_LIST_MARK = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))([.)]?)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
WORD_JOINER = "\u2060"
# A colon opening a shortcode or a scheme's `://`, the `www.` of an address, an e-mail's `@`,
# and the arrows and dashes Streamlit draws (`->` as →, `>=` as ≥, `--` as —).
_LINK_OR_SHORTCODE = re.compile(
    r"(?<=:)(?=[\w/+\\-])|(?<=www)(?=\.)|(?=@)|(?<=[<>=-])(?=\\?[<>=-])", re.IGNORECASE
)

_MAYBE_LINK_OR_SHORTCODE = re.compile(r"[:@<>=-]|w\.", re.IGNORECASE)


def _list_mark(match: re.Match[str]) -> str:
    space, mark, closing = match.groups()
    if closing:
        return f"{space}{mark}\\{closing}"
    return f"{space}\\{mark}"


def escape_markdown(text: object) -> str:
    """The text with every Markdown and LaTeX special character backslash-escaped.

    Line breaks become spaces: the text goes inside one sentence, where a line break could
    start a heading, a list or a code block.
    """
    flat = _SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", str(text)))
    if _MAYBE_LINK_OR_SHORTCODE.search(flat):
        flat = _LINK_OR_SHORTCODE.sub(WORD_JOINER, flat)
    return _LIST_MARK.sub(_list_mark, flat, count=1)


def escape_lines(text: object) -> str:
    """Text of several lines (a note), escaped line by line and shown with its line breaks."""
    return "  \n".join(escape_markdown(line) for line in str(text).splitlines())


def escaped_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params with every text escaped; numbers keep their type for format specs."""
    return {name: escape_markdown(v) if isinstance(v, str) else v for name, v in params.items()}


def t_md(ws: Workspace, key: str, **params: Any) -> str:
    """The catalogue sentence `key` with its params escaped, ready for any Markdown element."""
    return ws.t(key, **escaped_params(params))


def problem_md(ws: Workspace, problem: ReseauError) -> str:
    """A domain problem as a sentence whose quoted values (names, sheets, columns) stay text."""
    return t_md(ws, problem.key, **problem.params)
