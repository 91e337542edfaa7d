"""`python -m reseau check-store`: can the store named by the environment take a write?

`make run` runs it before starting the server, so a read-only, impossible or full data
directory (or an unreachable PostgreSQL) stops the start with a plain message and a non-zero
exit, instead of a server that reports healthy while every visitor gets an error.
"""

from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy.exc import SQLAlchemyError

from reseau.storage.store import StoreUnavailable, database_url_from_env, open_store

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-store", help="check that the store (RESEAU_DATA_DIR or DATABASE_URL) takes a write"
    )
    parser.set_defaults(run=run)


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
