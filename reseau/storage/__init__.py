"""Where workbooks are kept between requests: SQLite by default, PostgreSQL by `DATABASE_URL`.

Storage depends on the domain, not the reverse: workshops and their members are defined in
`reseau.workshop`, and the rules there ask the store only for what a `WorkshopStore` offers.
"""

from reseau.storage.store import (
    StoredWorkbook,
    StoreLost,
    StoreUnavailable,
    WorkbookChanged,
    WorkbookExists,
    WorkbookNotFound,
    WorkbookStore,
    database_url_from_env,
    new_workbook_id,
    open_store,
    retention_days_from_env,
)

__all__ = [
    "StoreLost",
    "StoreUnavailable",
    "StoredWorkbook",
    "WorkbookChanged",
    "WorkbookExists",
    "WorkbookNotFound",
    "WorkbookStore",
    "database_url_from_env",
    "new_workbook_id",
    "open_store",
    "retention_days_from_env",
]
