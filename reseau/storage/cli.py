"""`python -m reseau check-store`: can the store named by the environment take a write?

`make run` runs it before starting the server, so a read-only, impossible or full data
directory (or an unreachable PostgreSQL) stops the start with a plain message and a non-zero
exit, instead of a server that reports healthy while every visitor gets an error.

`python -m reseau purge` deletes now the workbooks nobody opened or changed for the retention
period (`RESEAU_RETENTION_DAYS`, or `--days`), as the app does every six hours: for a cron job,
or to see the count.
"""

from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy.exc import SQLAlchemyError

from reseau.storage.store import (
    StoreUnavailable,
    database_url_from_env,
    open_store,
    retention_days_from_env,
)

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-store", help="check that the store (RESEAU_DATA_DIR or DATABASE_URL) takes a write"
    )
    parser.set_defaults(run=run)
    purge = subparsers.add_parser(
        "purge",
        help="delete the workbooks unseen (not opened, not changed) for the retention period",
    )
    purge.add_argument(
        "--days",
        type=int,
        default=None,
        help="the retention period in days (default: RESEAU_RETENTION_DAYS, else 30)",
    )
    purge.set_defaults(run=run_purge)


def run(_args: argparse.Namespace) -> int:
    try:
        url = database_url_from_env()
        store = open_store(url)
        store.check_writable()
        store.engine.dispose()
    except (StoreUnavailable, SQLAlchemyError, OSError) as problem:
        cause = problem.__cause__ or problem
        print(
            "Réseau cannot write to its store: check that RESEAU_DATA_DIR (default ./var) is a "
            "writable directory with free space, or that DATABASE_URL reaches the database.\n"
            f"Cause: {type(cause).__name__}: {cause}",
            file=sys.stderr,
        )
        return 2
    print("store OK")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    days = args.days if args.days is not None else retention_days_from_env()
    if days < 1:
        print("--days must be a whole number of days, at least 1.", file=sys.stderr)
        return 2
    try:
        store = open_store(database_url_from_env())
        purged = store.purge_older_than(days)
        store.engine.dispose()
    except (StoreUnavailable, SQLAlchemyError, OSError) as problem:
        cause = problem.__cause__ or problem
        print(f"Réseau cannot purge its store: {type(cause).__name__}: {cause}", file=sys.stderr)
        return 2
    print(f"purged {purged} workbook(s) unseen for {days} days")
    return 0
