"""Laptop backups: one zip holding a consistent copy of the database and every original in the store.

The database is copied online with SQLite's backup API (consistent even while the app writes); the
evidence store is content-addressed, so every original is checked against its name on restore.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from eco_field.atomicfile import atomic_output
from eco_field.clock import utc_now
from eco_field.errors import BadInput
from eco_field.paths import DATABASE_NAME
from eco_field.store.blobs import file_sha256, make_read_only
from eco_field.workspace import Workspace

MANIFEST = "manifest.json"
FORMAT = "eco-field-backup/1"

ProgressFn = Callable[[int, int], None]


def backup(ws: Workspace, out: Path, progress: ProgressFn | None = None) -> dict:
    """Write the backup to out atomically; returns its manifest."""
    originals = sorted(p for p in (ws.data_dir / "evidence").rglob("*")
                       if p.is_file() and ".tmp" not in p.relative_to(ws.data_dir).parts)
    with atomic_output(out) as tmp_zip, tempfile.TemporaryDirectory() as scratch:
        db_copy = Path(scratch) / DATABASE_NAME
        with sqlite3.connect(db_copy) as target:
            ws.db.conn.backup(target)
        target.close()
        manifest = {"format": FORMAT, "created_at": utc_now(), "database": DATABASE_NAME,
                    "database_sha256": file_sha256(db_copy), "files": []}
        with zipfile.ZipFile(tmp_zip, "w", allowZip64=True) as archive:
            archive.write(db_copy, DATABASE_NAME, compress_type=zipfile.ZIP_DEFLATED)
            for done, path in enumerate(originals, 1):
                name = path.relative_to(ws.data_dir).as_posix()
                archive.write(path, name, compress_type=zipfile.ZIP_STORED)  # photos are compressed already
                manifest["files"].append({"path": name, "size": path.stat().st_size})
                if progress:
                    progress(done, len(originals))
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def restore(archive_path: Path, data_dir: Path, *, force: bool = False) -> dict:
    """Restore a backup into data_dir (refused over an existing database unless force). Verifies every file."""
    if data_dir.exists() and not data_dir.is_dir():
        raise BadInput("backup.target_is_file", path=data_dir)
    if (data_dir / DATABASE_NAME).exists() and not force:
        raise BadInput("backup.target_has_database", path=data_dir)
    try:
        archive = zipfile.ZipFile(archive_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BadInput("backup.not_backup", path=archive_path) from exc
    with archive:
        manifest = _manifest(archive, archive_path)
        staging = Path(tempfile.mkdtemp(dir=_parent(data_dir), prefix=".restore-"))
        try:
            _extract_checked(archive, manifest, staging, archive_path)
            _swap_in(staging, data_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return {"restored_to": str(data_dir), "files": len(manifest["files"]), "created_at": manifest["created_at"]}


def _parent(data_dir: Path) -> Path:
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    return data_dir.parent


def _manifest(archive: zipfile.ZipFile, archive_path: Path) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as exc:
        raise BadInput("backup.not_backup", path=archive_path) from exc
    if manifest.get("format") != FORMAT:
        raise BadInput("backup.unknown_format", path=archive_path, format=manifest.get("format"))
    return manifest


def _extract_checked(archive: zipfile.ZipFile, manifest: dict, staging: Path, archive_path: Path) -> None:
    for entry in [{"path": manifest["database"]}, *manifest["files"]]:
        name = entry["path"]
        if name.startswith("/") or ".." in Path(name).parts:
            raise BadInput("backup.unsafe_path", path=archive_path, name=name)
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(name) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
    if file_sha256(staging / manifest["database"]) != manifest["database_sha256"]:
        raise BadInput("backup.database_damaged", path=archive_path)
    for entry in manifest["files"]:
        sha = Path(entry["path"]).name.split(".")[0]
        if file_sha256(staging / entry["path"]) != sha:
            raise BadInput("backup.file_damaged", path=archive_path, name=entry["path"])


def _swap_in(staging: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    for stale in (DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"):
        (data_dir / stale).unlink(missing_ok=True)
    evidence = staging / "evidence"
    if evidence.exists():
        for path in sorted(evidence.rglob("*")):
            if path.is_file():
                dest = data_dir / path.relative_to(staging)
                dest.parent.mkdir(parents=True, exist_ok=True)
                make_read_only(path)  # originals in the store are read-only files
                if dest.exists():  # Windows will not replace a read-only file
                    os.chmod(dest, 0o644)
                os.replace(path, dest)
    os.replace(staging / DATABASE_NAME, data_dir / DATABASE_NAME)  # last: a restore is complete or absent
