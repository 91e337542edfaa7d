"""Why a file is refused: one exception per problem, each naming a catalogue key and its params.

The caller shows `t(error.key, lang, **error.params)`; nothing of the workbook has changed when
one of these is raised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reseau.errors import ReseauError


class ImportRefused(ReseauError):
    """The file cannot be imported as it is; the message says why and what to do."""

    key = "import.error.refused"

    def __reduce__(self) -> tuple[Any, ...]:
        # Refusals travel back from the reading child process: rebuild them from their state,
        # since their constructors take keywords that `Exception` pickling does not replay.
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type[ImportRefused], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    refused = cls.__new__(cls)
    Exception.__init__(refused, *args)
    refused.__dict__.update(state)
    return refused


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
        header_row: int | None = None,
        top_rows: Sequence[str] = (),
    ) -> None:
        super().__init__(columns=", ".join(f"« {c} »" for c in list(columns)[:40]))
        self.columns = tuple(columns)
        self.samples = dict(samples or {})
        # Where the titles were taken from, and the first rows, to choose another title row.
        self.header_row = header_row
        self.top_rows = tuple(top_rows)


class NoContactFound(ImportRefused):
    key = "import.error.no_contact"


class UnknownSheet(ImportRefused):
    key = "import.error.unknown_sheet"


class SheetTooLarge(ImportRefused):
    """A sheet declares or fills a cell so far away that reading it would take the whole grid."""

    key = "import.error.sheet_extent"


class NulCharacter(ImportRefused):
    """A text file holds a NUL byte: it was damaged or saved in an unexpected way."""

    key = "import.error.nul_character"


class VCardLineTooLong(ImportRefused):
    key = "import.error.vcard_line_too_long"


class VCardTooManyParameters(ImportRefused):
    key = "import.error.vcard_parameters"


class VCardCardTooLong(ImportRefused):
    key = "import.error.vcard_card_lines"


class ImportTooDemanding(ImportRefused):
    """Reading the file needed more memory than an import may take: the reader was stopped."""

    key = "import.error.too_much_memory"


class ImportTooSlow(ImportRefused):
    """Reading the file took longer than an import may take: the reader was stopped."""

    key = "import.error.too_slow"


class ImportCancelled(ImportRefused):
    key = "import.error.cancelled"


class ImportBusy(ImportRefused):
    """Every import slot of the server is taken by other participants' files."""

    key = "import.error.busy"
