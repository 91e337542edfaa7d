"""`python -m reseau check FILE`: what the import would do with a file, without starting the app."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reseau.i18n import Lang, t
from reseau.importing.errors import ImportRefused
from reseau.importing.mapping import field_label
from reseau.importing.pipeline import read_contacts
from reseau.importing.preview import ImportPreview


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="Say what importing a contact file would do (exit 0: importable, 2: refused).",
        description=__doc__,
    )
    parser.add_argument("file", type=Path, help="a .xlsx, .xls, .ods, .csv or .vcf file")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--lang", choices=[lang.value for lang in Lang], default=Lang.FR.value)
    parser.add_argument(
        "--sheet",
        action="append",
        help="a sheet to read (repeat it to read several sheets at once)",
    )
    parser.add_argument(
        "--header-row",
        type=int,
        help="the row holding the column titles (from 1), or 0 when the file has none",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    lang = Lang(args.lang)
    try:
        data = args.file.read_bytes()
    except OSError as problem:
        print(f"{args.file}: {problem.strerror}", file=sys.stderr)
        return 2
    try:
        sheet = args.sheet[0] if args.sheet and len(args.sheet) == 1 else args.sheet
        preview = read_contacts(data, args.file.name, sheet=sheet, header_row=args.header_row)
    except ImportRefused as refused:
        print(t(refused.key, lang, **refused.params), file=sys.stderr)
        if args.json:
            print(
                json.dumps(
                    {"refused": refused.key, "message": t(refused.key, lang, **refused.params)},
                    ensure_ascii=False,
                )
            )
        return 2
    except Exception:  # a bug, not the file's fault: say so in words, never a traceback
        print(t("error.unexpected", lang), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report(preview, lang), ensure_ascii=False, indent=2))
    else:
        print(text_report(preview, lang))
    return 0


def report(preview: ImportPreview, lang: Lang) -> dict[str, Any]:
    """The JSON report: counts, detected source, mapping and every message in `lang`."""
    return {
        "format": preview.format,
        "contacts": len(preview.contacts),
        "duplicates": len(preview.duplicates),
        "skipped": len(preview.skipped),
        "warnings": preview.warning_messages(lang),
        "column_notes": preview.column_messages(lang),
        "mapping": dict(preview.mapping),
        "sheet": preview.sheet,
        "chosen_sheets": list(preview.chosen_sheets),
        "sheets": list(preview.sheets),
        "header_row": preview.header_row,
        "encoding": preview.encoding,
        "separator": preview.separator,
        "skipped_rows": preview.skipped_messages(lang),
        "duplicate_rows": preview.duplicate_messages(lang),
    }


def text_report(preview: ImportPreview, lang: Lang) -> str:
    lines = [preview.summary(lang), preview.where(lang)]
    for column, field in preview.mapping.items():
        if field:
            lines.append(f"  {column} -> {field_label(field, lang)}")
    lines.extend(preview.column_messages(lang))
    lines.extend(preview.skipped_messages(lang))
    lines.extend(preview.duplicate_messages(lang))
    lines.extend(preview.warning_messages(lang))
    return "\n".join(line for line in lines if line)
