"""Where workbooks are kept between requests: SQLite by default, PostgreSQL by `DATABASE_URL`."""

from reseau.storage.store import (
    WorkbookNotFound,
    WorkbookStore,
    database_url_from_env,
    new_workbook_id,
    open_store,
)

__all__ = [
    "WorkbookNotFound",
    "WorkbookStore",
    "database_url_from_env",
    "new_workbook_id",
    "open_store",
]
