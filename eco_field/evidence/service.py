"""The evidence services the CLI, the GUI and the tests call: import, list, thumbnails, verify, remove."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.clock import zone
from eco_field.errors import BadInput, NotFound
from eco_field.evidence import checks, handling, metadata, pixels, pool, refusals, rows, scan, sniff
from eco_field.evidence.worker import Job, thumbnail_file, write_atomic
from eco_field.store import settings
from eco_field.store.blobs import BlobRef
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace

Progress = Callable[[int, int, str], None]
SIZES = {256: "thumbnail", 1600: "preview"}


@dataclass
class ImportReport:
    imported: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The shape `evidence import --json` prints."""
        return {"imported": self.imported, "duplicates": self.duplicates, "errors": self.errors}


def import_paths(ws: Workspace, inspection_id: str, paths: Iterable[str | os.PathLike[str]],
                 progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                 workers: int | None = None) -> ImportReport:
    """Import photo files and folders (recursively) into a draft inspection: the one ingest path."""
    _require_draft(ws.db, inspection_id)
    files, walk_errors = scan.expand(list(paths))
    report = ImportReport(errors=[_refusal(e["path"], e["error"]) for e in walk_errors])
    for temp_dir in (ws.blobs.root / ".tmp", ws.cache_dir / ".tmp"):  # left by a killed import
        scan.clean_stale_temps(temp_dir)
    tz_name = settings.get(ws.db, "time_zone")
    zone(tz_name)  # an unknown zone is the user's to fix (BadInput), before any file is read
    jobs = [Job(i, str(path), name, str(ws.blobs.root), str(ws.cache_dir), tz_name)
            for i, (path, name) in enumerate(files)]
    site, family = rows.load_site(ws.db, inspection_id), rows.amendment_family(ws.db, inspection_id)
    done, import_id = 0, str(uuid.uuid4())
    for done, result in enumerate(pool.run(jobs, workers, cancel), start=1):
        if result["ok"]:
            _commit(ws.db, inspection_id, result, site, family, report, import_id)
        else:
            report.errors.append(_refusal(result["path"], result["error"]))
        if progress:
            progress(done, len(jobs), result["path"])
    report.cancelled = done < len(jobs)
    return report


def _refusal(path: str, error: str) -> dict[str, Any]:
    """A refused file: the English reason as before (`error`), and its code, parameters and the reason in
    the interface language (`message`, what the 部分文件未导入 dialog shows)."""
    reason = refusals.message(error)
    return {"path": path, "error": error, "code": reason.code, "params": checks.dump(reason)["params"],
            "message": reason.text()}


def _require_draft(db: sqlite_utils.Database, inspection_id: str) -> None:
    handling.require_draft(db, inspection_id)  # the officer reads the enterprise and day, not an id


def _commit(db: sqlite_utils.Database, inspection_id: str, result: dict[str, Any], site: checks.Site,
            family: set[str], report: ImportReport, import_id: str | None = None) -> None:
    """One file's rows in one transaction, after its original is safely in the store. The same bytes seen
    again (a copy beside the card's file, a second import) add the name they were seen under."""
    sha, meta = result["sha256"], result["meta"]
    entry = {"path": result["path"], "original_name": result["original_name"], "sha256": sha}
    ref = BlobRef(sha, result["size"], result["ext"], Path())
    with write_transaction(db):
        evidence_id, created = link_evidence(db, inspection_id, ref, "photo", result["original_name"],
                                             import_id=import_id)
        handling.add_name(db, evidence_id, result["original_name"], result["path"])
        entry["id"] = evidence_id
        if not created:
            report.duplicates.append(entry)
            return
        rows.save_meta(db, sha, meta)
        outcome = _check_row(db, inspection_id, evidence_id, sha, site, family)
        rows.save_checks(db, evidence_id, outcome)
    entry["flags"] = outcome.flags
    report.imported.append(entry)


def _check_row(db: sqlite_utils.Database, inspection_id: str, evidence_id: str, sha: str, site: checks.Site,
               family: set[str]) -> checks.CheckResult:
    stored = db.execute("SELECT taken_at_utc, lat, lon, clock_diff_s FROM photo_meta WHERE sha256 = ?",
                        [sha]).fetchone()
    meta = dict(zip(("taken_at_utc", "lat", "lon", "clock_diff_s"), stored, strict=True)) if stored else {}
    return checks.check(meta, site, rows.duplicate_of(db, inspection_id, sha, evidence_id, family))


def refresh_checks(db: sqlite_utils.Database, inspection_id: str) -> None:
    """Recompute and store the checks of a draft inspection's photos (after its times or site changed)."""
    site, family = rows.load_site(db, inspection_id), rows.amendment_family(db, inspection_id)
    with write_transaction(db):
        for row in db.execute("SELECT id, sha256 FROM evidence WHERE inspection_id = ? AND kind = 'photo'",
                              [inspection_id]).fetchall():
            rows.save_checks(db, row[0], _check_row(db, inspection_id, row[0], row[1], site, family))


def list_evidence(db: sqlite_utils.Database, inspection_id: str, *, all_kinds: bool = False) -> list[dict[str, Any]]:
    """The photos of an inspection as `evidence list --json` prints them (plus id and kind); with all_kinds,
    then the other evidence too (instrument exports, signatures, documents) with empty photo fields, no flags.

    A draft's flags are computed now (its times may have changed since the import); a sealed
    inspection shows the flags stored when it was sealed.
    """
    sealed = rows.inspection_status(db, inspection_id) == "sealed"
    site, family = rows.load_site(db, inspection_id), rows.amendment_family(db, inspection_id)
    items = []
    found = rows.evidence_rows(db, inspection_id, True)
    seen = handling.names_of(db, [r["id"] for r in found])
    marked = {r["derived_from"]: r for r in found if r["derived_from"]}
    for row in found:
        if not all_kinds and row["kind"] != "photo":
            continue
        if row["kind"] != "photo":
            outcome = checks.CheckResult()
        elif sealed:
            outcome = checks.CheckResult.stored(json.loads(row["flags_json"] or "[]"),
                                                json.loads(row["reasons_json"] or "{}"), row["distance_m"],
                                                row["time_diff_min"])
        else:
            outcome = checks.check(row, site, rows.duplicate_of(db, inspection_id, row["sha256"], row["id"], family))
        items.append(_listed(row, outcome, seen.get(row["id"]), marked.get(row["id"])))
    return items


def _listed(row: dict[str, Any], outcome: checks.CheckResult, seen: list[dict[str, str]] | None,
            marked: dict[str, Any] | None) -> dict[str, Any]:
    names = [{"name": n["name"], "path": n["path"]} for n in seen] if seen else [
        {"name": row["original_name"], "path": None}]
    return {
        "id": row["id"], "kind": row["kind"], "sha256": row["sha256"], "original_name": row["original_name"],
        "size": row["size"], "taken_at": row["taken_at"], "taken_at_raw": row["taken_at_raw"],
        "lat": row["lat"], "lon": row["lon"], "alt": row["alt"], "make": row["make"], "model": row["model"],
        "orientation": row["orientation"], "drone": json.loads(row["drone_json"]) if row["drone_json"] else None,
        "flags": outcome.flags, "distance_m": outcome.distance_m,
        "time_diff_min": outcome.time_diff_min, "flag_reasons": outcome.reasons, "serial": row["serial"],
        "width": row["width"], "height": row["height"], "imported_at": row["imported_at"],
        "capture": metadata.capture_key(row["original_name"]) if row["kind"] == "photo" else None,
        "shown_size": _shown_size(row["width"], row["height"], row["orientation"]),
        "names": names, "caption": row["caption"] or "", "time_source": row["time_source"],
        "offset_source": row["offset_source"], "gps_time_utc": row["gps_time_utc"],
        "clock_diff_s": row["clock_diff_s"], "derived_from": row["derived_from"],
        "markup": None if row["markup_json"] is None else json.loads(row["markup_json"]),
        "marked": None if marked is None else {"id": marked["id"], "sha256": marked["sha256"],
                                               "shapes": json.loads(marked["markup_json"] or "[]")},
    }


def _shown_size(width: int | None, height: int | None, orientation: int | None) -> list[int] | None:
    """The size as the officer sees the picture: orientations 5-8 turn it a quarter."""
    if width is None or height is None:
        return None
    return [height, width] if orientation in (5, 6, 7, 8) else [width, height]


def resolve_sha(db: sqlite_utils.Database, sha_or_prefix: str) -> str:
    text = sha_or_prefix.strip().lower()
    if len(text) < 6 or any(c not in "0123456789abcdef" for c in text):
        raise BadInput("evidence.bad_sha", sha=sha_or_prefix)
    found = [r[0] for r in db.execute("SELECT sha256 FROM blobs WHERE sha256 LIKE ? LIMIT 2", [text + "%"])]
    if not found:
        raise NotFound("evidence.no_blob", sha=sha_or_prefix)
    if len(found) > 1:
        raise BadInput("evidence.sha_ambiguous", sha=sha_or_prefix)
    return found[0]


def thumbnail_path(ws: Workspace, sha256: str, size: int = 256) -> Path:
    """The cached thumbnail (256) or preview (1600) of a stored photo, made now (from the picture) if it is
    not there."""
    if size not in SIZES:
        raise BadInput("evidence.thumb_size", size=size)
    sha = resolve_sha(ws.db, sha256)
    target = thumbnail_file(ws.cache_dir, sha, size)
    if target.exists():
        return target
    original = ws.blobs.find(sha)
    if original is None:
        raise NotFound("evidence.original_missing", sha=sha)
    data = original.read_bytes()
    media_type = sniff.media_type(data[:64])
    if media_type is None:
        raise BadInput("evidence.not_photo", sha=sha)
    row = ws.db.execute("SELECT orientation FROM photo_meta WHERE sha256 = ?", [sha]).fetchone()
    try:  # made again from the picture itself, never from an embedded preview (see redraw.py)
        rendered = pixels.render(data, media_type, row[0] if row else None, size, embedded=False)
    except pixels.UnreadablePhoto as exc:
        raise BadInput("evidence.thumbnail_failed", sha=sha, reason=refusals.message(str(exc))) from exc
    if rendered.jpeg is None:
        raise BadInput("evidence.thumbnail_failed", sha=sha, reason=refusals.message(rendered.warning or ""))
    write_atomic(target, rendered.jpeg, durable=False, tmp_dir=ws.cache_dir / ".tmp")
    return target


def verify(ws: Workspace, inspection_id: str | None = None) -> dict[str, Any]:
    """Re-hash every original (of one inspection, or the whole store) and report missing or altered ones."""
    if inspection_id:
        rows.inspection_status(ws.db, inspection_id)
        shas = [r[0] for r in ws.db.execute(
            "SELECT DISTINCT sha256 FROM evidence WHERE inspection_id = ? ORDER BY sha256", [inspection_id])]
    else:
        shas = [r[0] for r in ws.db.execute("SELECT sha256 FROM blobs ORDER BY sha256")]
    store = ws.blobs
    with ThreadPoolExecutor(pool.default_workers()) as threads:  # hashlib releases the GIL on large buffers
        states = list(threads.map(store.verify, shas))
    problems = [_problem(ws.db, sha, state, inspection_id) for sha, state in zip(shas, states, strict=True)
                if state != "ok"]
    return {"inspection_id": inspection_id, "checked": len(shas), "ok": len(shas) - len(problems),
            "missing": [p for p in problems if p["status"] == "missing"],
            "altered": [p for p in problems if p["status"] == "altered"]}


def _problem(db: sqlite_utils.Database, sha: str, state: str, inspection_id: str | None) -> dict[str, Any]:
    sql, params = "SELECT inspection_id, original_name FROM evidence WHERE sha256 = ?", [sha]
    if inspection_id:
        sql += " AND inspection_id = ?"
        params.append(inspection_id)
    uses = [{"inspection_id": r[0], "original_name": r[1]} for r in db.execute(sql, params)]
    return {"sha256": sha, "status": state, "evidence": uses}


def remove(ws: Workspace, evidence_id: str, reason: str) -> dict[str, Any]:
    """Take one file out of a draft inspection with the officer's reason (audited; handling.undo_removal
    puts it back). The stored original stays in the store."""
    return handling.remove(ws, evidence_id, reason)
