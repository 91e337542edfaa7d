"""Every text a participant reads comes from the catalogue, and every key the code asks for exists.

The screens are read with `ast`, not run: a literal sentence handed to a Streamlit call (a title,
a button's label, a help tooltip…) is a French or English text the other language never gets.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

from reseau.i18n import Lang, catalogue
from tests.conftest import ROOT

UI_FILES = sorted(
    [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "reseau" / "ui").glob("*.py")]
)
CODE_FILES = sorted(
    {*UI_FILES, *(ROOT / "reseau").rglob("*.py"), *(ROOT / "benchmarks").glob("*.py")}
)

# Streamlit calls whose first argument (or `label=`, `help=`…) is shown to the participant.
SHOWN_CALLS = frozenset(
    {
        "title",
        "header",
        "subheader",
        "markdown",
        "write",
        "caption",
        "text",
        "info",
        "warning",
        "error",
        "success",
        "exception",
        "toast",
        "button",
        "download_button",
        "link_button",
        "page_link",
        "form_submit_button",
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "select_slider",
        "slider",
        "segmented_control",
        "pills",
        "feedback",
        "text_input",
        "text_area",
        "number_input",
        "date_input",
        "time_input",
        "file_uploader",
        "camera_input",
        "color_picker",
        "metric",
        "expander",
        "popover",
        "status",
        "spinner",
        "tabs",
        "dialog",
        "progress",
        "chat_input",
        "chat_message",
    }
)
SHOWN_KEYWORDS = frozenset(
    {"label", "help", "placeholder", "caption", "body", "text", "title", "value_label"}
)
# Receivers that are never Streamlit (loggers, files): `log.info("…")` is not for participants.
NOT_STREAMLIT = frozenset({"log", "logger", "logging", "warnings", "fh", "file", "handle"})

# Literals allowed on purpose: (file relative to the repository, exact text) -> why.
ALLOWED: dict[tuple[str, str], str] = {
    ("app.py", "Réseau"): "the product's name, the same in every language (browser tab title)",
}


@dataclass(frozen=True)
class Literal:
    path: str
    line: int
    call: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.call}({self.text!r})"


def _receiver_root(func: ast.expr) -> str | None:
    node = func
    while isinstance(node, ast.Attribute):
        node = node.value
    while isinstance(node, ast.Call):  # st.sidebar.expander(...).button(...)
        node = node.func
        while isinstance(node, ast.Attribute):
            node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _has_words(text: str) -> bool:
    """True when the text holds letters a participant would read (not only punctuation)."""
    return any(char.isalpha() for char in text)


def _literal_texts(node: ast.expr) -> list[str]:
    """Literal pieces of an argument that carry words; `t(...)` results and names carry none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and _has_words(str(part.value))
        ]
    if isinstance(node, ast.BinOp):
        return _literal_texts(node.left) + _literal_texts(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_texts(node.body) + _literal_texts(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return [text for item in node.elts for text in _literal_texts(item)]
    return []


def literal_texts_shown(path: Path) -> list[Literal]:
    """Literal words passed to Streamlit calls that show text, in one source file."""
    relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _called_name(node.func)
        if name not in SHOWN_CALLS or _receiver_root(node.func) in NOT_STREAMLIT:
            continue
        shown = [*node.args[:1], *(k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS)]
        for argument in shown:
            for text in _literal_texts(argument):
                if (relative, text) not in ALLOWED:
                    found.append(Literal(relative, node.lineno, name, text))
    return found


def _key_arguments(tree: ast.AST) -> list[tuple[int, ast.expr]]:
    """Arguments that name a catalogue key: `t(key, …)`, `ws.t(key)`, `page_title(ws, key)`,
    and class attributes `key = "…"` (the problems in `reseau/errors.py`)."""
    found: list[tuple[int, ast.expr]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else _called_name(func)
            if name == "t" and node.args:
                found.append((node.lineno, node.args[0]))
            elif name == "page_title" and len(node.args) > 1:
                found.append((node.lineno, node.args[1]))
            found.extend(
                (node.lineno, k.value)
                for k in node.keywords
                if k.arg and (k.arg == "key_" or k.arg.endswith("_key"))
            )
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "key" for t in statement.targets)
                    and isinstance(statement.value, ast.Constant)
                ):
                    found.append((statement.lineno, statement.value))
    return found


def keys_used(path: Path) -> tuple[set[str], set[str]]:
    """The literal keys and the literal prefixes of f-string keys one source file asks for."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for _line, argument in _key_arguments(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            keys.add(argument.value)
        elif isinstance(argument, ast.JoinedStr) and argument.values:
            first = argument.values[0]
            if isinstance(first, ast.Constant) and str(first.value):
                prefixes.add(str(first.value))
    return keys, prefixes


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_screen_holds_a_literal_text_for_the_participant(path: Path) -> None:
    literals = literal_texts_shown(path)

    assert literals == [], "use ws.t(key) instead of:\n" + "\n".join(map(str, literals))


def test_the_literal_detector_catches_a_title_a_label_and_a_help_but_not_catalogue_texts(
    tmp_path: Path,
) -> None:
    page = tmp_path / "probe.py"
    page.write_text(
        "st.title('Mon réseau')\n"
        "st.sidebar.button(ws.t('nav.home'), help='Cliquez ici')\n"
        "left.selectbox(label=f'{count} contacts', options=[])\n"
        "st.markdown(f\"**{ws.t('nav.home')}** : {ws.t('nav.plan')}\")\n"
        "log.info('not for participants')\n"
        "st.caption(' · '.join(parts))\n",
        encoding="utf-8",
    )

    found = literal_texts_shown(page)

    assert [(item.line, item.text) for item in found] == [
        (1, "Mon réseau"),
        (2, "Cliquez ici"),
        (3, " contacts"),
    ]


def test_every_key_the_code_asks_for_exists_in_french_and_in_english() -> None:
    missing: dict[str, list[str]] = {}
    for path in CODE_FILES:
        keys, prefixes = keys_used(path)
        for lang in Lang:
            texts = catalogue(lang)
            absent = sorted(key for key in keys if key not in texts)
            absent += sorted(
                f"{prefix}…" for prefix in prefixes if not any(k.startswith(prefix) for k in texts)
            )
            if absent:
                missing[f"{path.relative_to(ROOT).as_posix()} ({lang.value})"] = absent

    assert not missing, "keys missing from the catalogue:\n" + "\n".join(
        f"{where}: {', '.join(keys)}" for where, keys in missing.items()
    )


def test_the_key_finder_sees_t_calls_page_titles_and_error_keys(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text(
        "class Oops(ReseauError):\n"
        "    key = 'error.oops'\n"
        "t('a.b', lang)\n"
        "ws.t('c.d', n=1)\n"
        "page_title(ws, 'e.f')\n"
        "ws.t(f'lang.{lang.value}')\n"
        "Screen('pages/x.py', title_key='g.h')\n",
        encoding="utf-8",
    )

    keys, prefixes = keys_used(source)

    assert keys == {"error.oops", "a.b", "c.d", "e.f", "g.h"}
    assert prefixes == {"lang."}
