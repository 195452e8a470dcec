"""The one import path for instrument readings (CLI, GUI and tests), and reading them back.

import_file: pick the importer (or the one named), stream its samples into SQLite in one transaction,
keep the source file as evidence (content-addressed blob + evidence row of kind reading_source), compute
per-series statistics and, with an outlet, the exceedance. The same file imported again into the same
inspection changes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.errors import BadInput, Cancelled, NotFound, SealedRecord
from eco_field.messages import Message
from eco_field.readings import formats as registry
from eco_field.readings import limits, storage
from eco_field.readings.model import ImportContext, Sample, SeriesMeta, UnreadableHeader
from eco_field.readings.present import (
    result_json,
    series_json,
    source_warnings,
    time_basis_message,
    with_samples,
)
from eco_field.readings.textio import Source, open_source
from eco_field.readings.timeparse import check_format, zone_of
from eco_field.store import enterprises, inspections, settings
from eco_field.store.blobs import BlobRef
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace

PARSER_VERSION = "readings/1"
PROGRESS_EVERY = 20000

__all__ = ["import_file", "list_series", "get_series", "formats", "sniff", "save_profile", "load_profile",
           "profiles", "UnreadableHeader"]


def formats() -> list[dict[str, str]]:
    return [{"name": m.NAME, "description": m.DESCRIPTION} for m in registry.IMPORTERS]


def sniff(path: str | os.PathLike[str]) -> str | None:
    """The name of the importer that recognises the file, or None (also for empty or binary files)."""
    try:
        source = open_source(Path(path))
    except BadInput:
        return None
    found = registry.detect(source)
    return found.NAME if found else None


def import_file(ws: Workspace, inspection_id: str, path: str | os.PathLike[str], fmt: str | None = None,
                outlet: str | None = None, mapping: dict[str, str] | None = None,
                progress: Callable[[int], None] | None = None,
                cancel: Callable[[], bool] | None = None, time_zone: str | None = None,
                time_format: str | None = None) -> dict[str, Any]:
    """Import one instrument export into an inspection; returns the `readings import --json` shape.

    Raises BadInput (exit 2) naming the file and line, UnreadableHeader (with .columns) when the header
    needs a mapping, NotFound for an unknown inspection, SealedRecord for a sealed one. Nothing is stored
    unless the whole file imports; cancel() returning True (checked with each progress step) raises
    Cancelled and stores nothing. `progress(n)` is called with the number of samples stored so far (every
    20,000 and at the end); `mapping` is {role or pollutant code: column name} as `--map K=V` gives it.
    `time_zone` (--tz) is the zone of naive times, replacing the one the file states or the configured one;
    `time_format` (--time-format) a strptime pattern for the time column. The result's
    source.assumptions.time_basis says what decided the instants.
    """
    if time_zone:
        zone_of(time_zone)
    if time_format:
        check_format(time_format)
    db, path = ws.db, Path(path)
    inspection = inspections.get(db, inspection_id)
    if inspection.sealed:
        raise SealedRecord("readings.import.sealed", id=inspection_id)
    target = _outlet(db, inspection.enterprise_id, outlet)
    source = open_source(path)
    importer = _importer(source, fmt, mapping)
    ref = ws.blobs.put_file(path)  # hashed and copied in one pass: the evidence copy
    existing = storage.find_source(db, inspection.id, ref.sha256)
    if existing is not None:
        return _again(db, existing, target)
    known = _is_registered(db, ref.sha256)
    try:
        return _import_new(ws, inspection.id, source, importer, ref, target, mapping,
                           _steps(progress, cancel) if progress or cancel else None, time_zone, time_format)
    except BaseException:
        if not known:
            _drop_blob(ws, ref.sha256)
        raise


def _import_new(ws: Workspace, inspection_id: str, source: Source, importer, ref: BlobRef, outlet, mapping,
                progress, tz_override: str | None = None, time_format: str | None = None) -> dict[str, Any]:
    db, sha = ws.db, ref.sha256
    zone = settings.get(db, "time_zone")
    with write_transaction(db):
        evidence_id, _ = link_evidence(db, inspection_id, ref, "reading_source", source.name)
        source_id = storage.insert_source(db, inspection_id, evidence_id, sha, source.name, importer.NAME,
                                          outlet.code if outlet else None)
        positions = iter(range(1, 1_000_000))

        def declare(meta: SeriesMeta) -> int:
            return storage.insert_series(db, source_id, inspection_id, next(positions), meta, ctx.display_zone)

        ctx = ImportContext(str(source.path), declare=declare, mapping=mapping, time_zone=zone,
                            tz_override=tz_override, time_format=time_format)
        with registry.guarded(importer, ctx):
            samples = importer.read(source, ctx)
            stats = storage.insert_samples(db, source_id, _counted(samples, progress) if progress else samples, ctx)
        for note in source.notes:
            ctx.warn(note)
        if not ctx.time_basis:
            ctx.zone_for_naive()
        # the zone the times are shown in is known only once the importer has read the file's header
        db.execute("UPDATE reading_series SET time_zone = ? WHERE source_id = ?", [ctx.display_zone, source_id])
        storage.save_statistics(db, source_id, stats)
        _check_usable(db, source_id, source)
        if outlet is not None:
            limits.evaluate_source(db, source_id, outlet, ctx.warnings)
        options = {**ctx.options, "parser": PARSER_VERSION, "time_zone": ctx.display_zone,
                   "configured_time_zone": zone, "time_basis": ctx.time_basis, "mapping": mapping or {},
                   "tz_option": tz_override, "time_format": time_format,
                   "importer_encoding": ctx.options.get("encoding") or source.encoding,
                   "skipped_lines": ctx.skipped_lines[:1000]}
        storage.finish_source(db, source_id, options, ctx.warnings, outlet.code if outlet else None)
        series = storage.series_rows(db, "source_id = ?", [source_id])
        record(db, "reading_source", source_id, "import",
               {"inspection_id": inspection_id, "sha256": sha, "original_name": source.name,
                "format": importer.NAME, "outlet": outlet.code if outlet else None, "options": options,
                "series": [series_json(s) for s in series]})
    return result_json(db, source_id, ctx.warnings, False)


def _again(db: sqlite_utils.Database, existing: dict[str, Any], outlet) -> dict[str, Any]:
    """A re-import of the same bytes: nothing is stored again. A different outlet re-evaluates the limits."""
    warnings = list(existing["warnings"])
    if outlet is not None and outlet.code != existing["outlet_code"]:
        with write_transaction(db):
            limits.evaluate_source(db, existing["id"], outlet, warnings)
            db.execute("UPDATE reading_sources SET outlet_code = ? WHERE id = ?", [outlet.code, existing["id"]])
            record(db, "reading_source", existing["id"], "evaluate", {"outlet": outlet.code})
    warnings.append(Message("readings.import.again"))
    return result_json(db, existing["id"], warnings, True)


def _importer(source: Source, fmt: str | None, mapping: dict[str, str] | None):
    if fmt:
        if fmt not in registry.BY_NAME:
            raise BadInput("readings.import.unknown_format", fmt=fmt, formats=", ".join(registry.BY_NAME))
        return registry.BY_NAME[fmt]
    if mapping:
        return registry.BY_NAME["generic_table"]
    found = registry.detect(source)
    if found is None:
        raise BadInput("readings.import.unknown_layout", file=str(source.path), formats=", ".join(registry.BY_NAME))
    return found


def _outlet(db: sqlite_utils.Database, enterprise_id: str, code: str | None):
    if not code:
        return None
    ent = enterprises.get(db, enterprise_id)
    found = ent.outlet(code)
    if found is None:
        known = ", ".join(o.code for o in ent.outlets) or Message("readings.known.none")
        raise BadInput("readings.import.no_outlet", enterprise=ent.name, outlet=code, known=known)
    return found


def _check_usable(db: sqlite_utils.Database, source_id: str, source: Source) -> None:
    count, usable = db.execute("SELECT count(*), coalesce(sum(n), 0) FROM reading_series WHERE source_id = ?",
                               [source_id]).fetchone()
    if count == 0:
        raise BadInput("readings.import.no_readings", file=str(source.path))
    if usable == 0:
        raise BadInput("readings.import.no_numbers", file=str(source.path))


def _steps(progress: Callable[[int], None] | None, cancel: Callable[[], bool] | None) -> Callable[[int], None]:
    """One progress callback that also stops the import when the user cancels."""

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled("readings.import.cancelled")
        if progress is not None:
            progress(done)

    return step


def _counted(samples: Iterator[Sample], progress: Callable[[int], None]) -> Iterator[Sample]:
    done = 0
    for sample in samples:
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done)
        yield sample
    progress(done)


def _is_registered(db: sqlite_utils.Database, sha256: str) -> bool:
    """A blob already indexed belongs to earlier evidence and must survive a failed import."""
    return db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", [sha256]).fetchone() is not None


def _drop_blob(ws: Workspace, sha: str) -> None:
    """A failed import leaves no copy behind (the blob was not there before this import)."""
    path = ws.blobs.find(sha)
    if path is not None:
        path.unlink(missing_ok=True)


def list_series(db: sqlite_utils.Database, inspection_id: str) -> list[dict[str, Any]]:
    inspections.get(db, inspection_id)
    return [series_json(r) for r in storage.series_rows(db, "inspection_id = ?", [inspection_id])]


def get_series(db: sqlite_utils.Database, series_id: int | str, samples: bool = False) -> dict[str, Any]:
    row = storage.series_row(db, series_id)
    data = series_json(row)
    if samples:
        data["samples"] = with_samples(db, row)
    return data


def source_notes(db: sqlite_utils.Database, source_id: str) -> dict[str, Any]:
    """What the import of one file said, kept with it: the time basis and the warnings (skipped rows name
    their line), in the current language — for the GUI beside the series of that file."""
    row = db.execute("SELECT options_json, original_name FROM reading_sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise NotFound("readings.no_source", id=source_id)
    basis = json.loads(row[0]).get("time_basis") or {}
    return {"name": row[1], "time_basis": str(time_basis_message(basis)) if basis else "",
            "warnings": source_warnings(db, source_id)}


def save_profile(db: sqlite_utils.Database, name: str, mapping: dict[str, str]) -> None:
    if not name.strip():
        raise BadInput("readings.profile_no_name")
    if not mapping:
        raise BadInput("readings.profile_empty")
    with write_transaction(db):
        storage.put_profile(db, name.strip(), mapping)
        record(db, "reading_profile", name.strip(), "save", mapping, sync=False)


def load_profile(db: sqlite_utils.Database, name: str) -> dict[str, str]:
    found = storage.get_profile(db, name.strip())
    if found is None:
        known = ", ".join(storage.profile_names(db)) or Message("readings.known.no_profiles")
        raise BadInput("readings.no_profile", name=name, known=known)
    return found


def profiles(db: sqlite_utils.Database) -> list[str]:
    return storage.profile_names(db)
