"""`python -m reseau export INPUT OUTPUT.xlsx [--lang] [--participant] [--mission]`.

INPUT is any file the importer takes (LinkedIn, Outlook, Google, vCard, CSV, Excel — or a file
this command wrote, whose participant, mission and settings then come back too). Exit codes:
0 written, 2 INPUT refused or unreadable or OUTPUT not writable (the reason on stderr), 1 a bug.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from reseau.bring_in import bring_in
from reseau.bug_log import log_bug
from reseau.export.xlsx import write_xlsx
from reseau.i18n import DEFAULT_LANG, Lang, t
from reseau.importing import ImportRefused, read_contacts
from reseau.workbook import Workbook

log = logging.getLogger(__name__)

EXIT_WRITTEN = 0
EXIT_BUG = 1
EXIT_REFUSED = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help=t("export.cli.help", DEFAULT_LANG),
        description=t("export.cli.help", DEFAULT_LANG),
    )
    parser.add_argument("input", type=Path, help=t("export.cli.input", DEFAULT_LANG))
    parser.add_argument("output", type=Path, help=t("export.cli.output", DEFAULT_LANG))
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        default=None,
        help=t("export.cli.lang", DEFAULT_LANG),
    )
    parser.add_argument(
        "--participant", default=None, help=t("export.cli.participant", DEFAULT_LANG)
    )
    parser.add_argument("--mission", default=None, help=t("export.cli.mission", DEFAULT_LANG))
    parser.set_defaults(run=run)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    lang = Lang(args.lang) if args.lang else DEFAULT_LANG
    source: Path = args.input
    target: Path = args.output
    if target.suffix.lower() != ".xlsx":
        _say(t("export.cli.not_xlsx", lang, path=target))
        return EXIT_REFUSED
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        _say(t("export.cli.not_found", lang, path=source))
        return EXIT_REFUSED
    except OSError as problem:
        _say(t("export.cli.cannot_read", lang, path=source, reason=problem.strerror or problem))
        return EXIT_REFUSED
    try:
        preview = read_contacts(data, source.name)
    except ImportRefused as refused:
        _say(t("export.cli.refused", lang, message=t(refused.key, lang, **refused.params)))
        return EXIT_REFUSED
    except Exception:  # a bug, not the file's fault: say so in words, never a traceback
        log_bug(log, "import failed")
        _say(t("error.unexpected", lang))
        return EXIT_BUG
    brought = bring_in(Workbook(lang=lang), preview, data)
    workbook = brought.workbook
    if brought.saved is not None:
        said_lang = args.lang or brought.saved.lang
        if brought.dropped:
            keys = ", ".join(name[:60] for name in brought.dropped[:12])
            _say(t("import.restored.dropped", lang, count=len(brought.dropped), keys=keys))
        for message in brought.plan_edits.messages(said_lang):
            _say(message)
        if brought.plan_edits.edits:
            print(t("export.plan_edits.applied", said_lang, count=len(brought.plan_edits.edits)))
        if not args.lang:
            lang = brought.saved.lang
    participant, mission = getattr(args, "participant", None), getattr(args, "mission", None)
    if participant is not None or mission is not None:
        network = workbook.network.with_details(participant=participant, mission=mission)
        workbook = workbook.with_changes(network=network)
    try:
        write_xlsx(workbook, target, lang=lang)
    except OSError as problem:
        _say(t("export.cli.cannot_write", lang, path=target, reason=problem.strerror or problem))
        return EXIT_REFUSED
    actions = sum(1 for contact in workbook.network if contact.has_action)
    print(
        t("export.cli.written", lang, path=target, contacts=len(workbook.network), actions=actions)
    )
    return EXIT_WRITTEN
