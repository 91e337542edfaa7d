"""Why a file is refused: one exception per problem, each naming a catalogue key and its params.

The caller shows `t(error.key, lang, **error.params)`; nothing of the workbook has changed when
one of these is raised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reseau.errors import ReseauError


class ImportRefused(ReseauError):
    """The file cannot be imported as it is; the message says why and what to do."""

    key = "import.error.refused"


class FileIsEmpty(ImportRefused):
    key = "import.error.empty"


class FileTooBig(ImportRefused):
    key = "import.error.too_big"


class NotASpreadsheet(ImportRefused):
    key = "import.error.not_a_spreadsheet"


class FileDamaged(ImportRefused):
    key = "import.error.damaged"


class PasswordProtected(ImportRefused):
    key = "import.error.password"


class ZipBomb(ImportRefused):
    key = "import.error.zip_bomb"


class TooManyRows(ImportRefused):
    key = "import.error.too_many_rows"


class TooManyCells(ImportRefused):
    key = "import.error.too_many_cells"


class CellTooBig(ImportRefused):
    key = "import.error.cell_too_big"


class HeaderOnly(ImportRefused):
    key = "import.error.header_only"


class NoNameColumn(ImportRefused):
    """No column holds names: the message lists the columns found, so the user can map one."""

    key = "import.error.no_name_column"

    def __init__(
        self,
        columns: Sequence[str] = (),
        samples: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        super().__init__(columns=", ".join(f"« {c} »" for c in list(columns)[:40]))
        self.columns = tuple(columns)
        self.samples = dict(samples or {})


class NoContactFound(ImportRefused):
    key = "import.error.no_contact"


class UnknownSheet(ImportRefused):
    key = "import.error.unknown_sheet"
