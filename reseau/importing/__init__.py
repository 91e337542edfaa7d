"""Importing the contact files people really have: spreadsheets, CSV exports, vCards.

    preview = read_contacts(data, filename, sheet=None, mapping=None, progress=None)
    result = merge_contacts(network, preview.contacts)

`read_contacts` never changes anything: it returns an `ImportPreview` or raises an
`ImportRefused` whose catalogue key and params say what is wrong and what to do.
"""

from reseau.importing.duplicates import MergeResult, merge_contacts
from reseau.importing.errors import ImportRefused, NoNameColumn
from reseau.importing.mapping import MAPPABLE_FIELDS
from reseau.importing.pipeline import read_contacts
from reseau.importing.preview import ImportPreview

__all__ = [
    "MAPPABLE_FIELDS",
    "ImportPreview",
    "ImportRefused",
    "MergeResult",
    "NoNameColumn",
    "merge_contacts",
    "read_contacts",
]
