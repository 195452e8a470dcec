"""A workspace is one officer's data folder opened: the database, the evidence store, the cache."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from eco_field.paths import DATABASE_NAME, resolve_data_dir
from eco_field.store import settings
from eco_field.store.blobs import BlobStore
from eco_field.store.database import as_database, open_connection

if TYPE_CHECKING:
    import sqlite_utils


class Workspace:
    def __init__(self, data_dir: Path, db: sqlite_utils.Database | None = None, *,
                 conn: sqlite3.Connection | None = None) -> None:
        if (db is None) == (conn is None):
            raise TypeError("Workspace needs either db or conn")
        self.data_dir = data_dir
        self.conn: sqlite3.Connection = db.conn if db is not None else conn  # plain reads (the first screen)
        self._db = db

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the connection, made on first use: the window shows its first screen, read through
        `conn`, before sqlite-utils is imported (it costs about a fifth of the start-up)."""
        if self._db is None:
            self._db = as_database(self.conn)
        return self._db

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, create: bool = False) -> Workspace:
        """Open the data folder (default: ECO_FIELD_HOME or the per-user folder). Migrates the schema.

        Each thread opens its own Workspace: a SQLite connection stays on the thread that made it.
        """
        folder = resolve_data_dir(data_dir)
        return cls(folder, conn=open_connection(folder / DATABASE_NAME, create=create))

    @property
    def db_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def blobs(self) -> BlobStore:
        return BlobStore(self.data_dir / "evidence")

    @property
    def cache_dir(self) -> Path:
        """Derived files (thumbnails, previews): rebuildable, never evidence."""
        return self.data_dir / "cache"

    def setting(self, key: str) -> str:
        return settings.get(self.conn, key)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
