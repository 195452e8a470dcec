"""The data folder behind a database connection, where bureau-supplied catalog and tables live."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils


def data_dir_of(db: sqlite_utils.Database) -> Path | None:
    """The folder of the main database file, or None for an in-memory database."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    return None
