"""Bringing a file into a workbook: the one use case behind the import screen and the command line.

Its contacts are merged with those already there; a Réseau save file brought into an empty
workbook restores the whole workbook it was exported from (participant, mission, marks,
settings), with the actions changed in its Plan sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from reseau.export.metadata import SavedDetails, read_metadata
from reseau.export.plan_edits import NO_EDITS, PlanEdits, apply_plan_edits, read_plan_edits
from reseau.importing import ImportPreview, MergeResult, merge_contacts
from reseau.workbook import Workbook


@dataclass(frozen=True)
class BroughtIn:
    """The workbook after the file came in, and what happened to its contacts."""

    workbook: Workbook
    merge: MergeResult
    saved: SavedDetails | None = None  # set when the file restored a whole workbook
    plan_edits: PlanEdits = NO_EDITS  # actions changed in the save file's Plan sheet

    @property
    def restored(self) -> bool:
        return self.saved is not None

    @property
    def dropped(self) -> tuple[str, ...]:
        """Values of the save file left out because they were invalid."""
        return self.saved.dropped if self.saved is not None else ()


def bring_in(
    workbook: Workbook, preview: ImportPreview, data: bytes, merge: MergeResult | None = None
) -> BroughtIn:
    """The workbook with the file's contacts in it (`merge`, if already worked out, is reused).

    The workbook keeps its language and its workshop: a save file restores the work, not the
    place it was done in.
    """
    merge = merge or merge_contacts(workbook.network, preview.contacts)
    saved = (
        read_metadata(data) if preview.format == "reseau" and not len(workbook.network) else None
    )
    if saved is not None:
        # Statuses, due dates and actions a manager changed in the Plan sheet come back too.
        edits = read_plan_edits(data)
        # Rows of the file merged as duplicates hand their links on to the contact they joined.
        renamed = dict(preview.renamed)
        renamed.update((new.id, kept.id) for new, kept in merge.merged if new.id != kept.id)
        restored = saved.restore(apply_plan_edits(merge.network.contacts, edits), renamed)
        after = restored.with_changes(lang=workbook.lang, workshop_code=workbook.workshop_code)
        return BroughtIn(after, merge, saved, edits)
    cursor = workbook.cursor if workbook.cursor in merge.network else None
    # Contacts are only added or completed here, none leaves: the links stay as they are.
    return BroughtIn(workbook.with_changes(network=merge.network, cursor=cursor), merge)
