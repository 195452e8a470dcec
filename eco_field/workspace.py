"""A workspace is one officer's data folder opened: the database, the evidence store, the cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from eco_field.paths import DATABASE_NAME, resolve_data_dir
from eco_field.store import settings
from eco_field.store.blobs import BlobStore
from eco_field.store.database import connect


@dataclass
class Workspace:
    data_dir: Path
    db: sqlite_utils.Database

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, create: bool = False) -> Workspace:
        """Open the data folder (default: ECO_FIELD_HOME or the per-user folder). Migrates the schema.

        Each thread opens its own Workspace: a SQLite connection stays on the thread that made it.
        """
        folder = resolve_data_dir(data_dir)
        return cls(folder, connect(folder / DATABASE_NAME, create=create))

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
        return settings.get(self.db, key)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
