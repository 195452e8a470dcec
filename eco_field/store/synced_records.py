"""Records as the bureau holds them (the payloads devices pushed) written into a workspace the way their device
had them, so a document can be gathered from them elsewhere — the bureau's draft decision for its approvers
(bureau/office/draft_decision.py). Only ever for a throwaway workspace: nothing here is audited or queued,
and an inspection keeps the status and seal it had on its device."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from eco_field.clock import utc_now
from eco_field.store.blobs import BlobRef, register


def put_inspection(db: sqlite_utils.Database, inspection_id: str, p: dict[str, Any],
                   evidence: list[tuple[str, dict[str, Any]]],
                   readings: list[tuple[str, dict[str, Any]]] = ()) -> None:
    """The inspection with its officers (who must be in the officers table already), its evidence files' rows
    (their bytes stay where they are: a document gathers their metadata, not the files) and its readings'
    summary rows (each series as readings.present.series_json pushed it, without the samples); sealed last,
    as on the device (a sealed inspection takes no new rows)."""
    party = p.get("party") or {}
    sealed = bool(p.get("seal_hash"))
    now = utc_now()
    db.execute("INSERT INTO inspections (id, task_id, enterprise_id, started_at, ended_at, place, party_name,"
               " party_title, party_phone, party_present, checklist_json, findings_json, status, seal_hash,"
               " sealed_at, revision, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
               " ?, ?, ?)",
               [inspection_id, p["enterprise_id"], p["started_at"], p.get("ended_at"), p.get("place") or "",
                party.get("name", ""), party.get("title", ""), party.get("phone", ""), int(bool(party.get("present"))),
                json.dumps(p.get("checklist") or {}, ensure_ascii=False),
                json.dumps(p.get("findings") or [], ensure_ascii=False), "draft", None, None, int(p.get("revision") or 1), p.get("created_at") or now,
                p.get("updated_at") or now])
    for position, cert in enumerate(p.get("officers") or []):
        db.execute("INSERT INTO inspection_officers (inspection_id, officer_cert, position) VALUES (?, ?, ?)",
                   [inspection_id, str(cert), position])
    for evidence_id, e in evidence:
        _put_evidence(db, evidence_id, e)
    for source_id, r in readings:
        _put_readings(db, source_id, r)
    if sealed:
        db.execute("UPDATE inspections SET status = 'sealed', seal_hash = ?, sealed_at = ? WHERE id = ?",
                   [p.get("seal_hash"), p.get("sealed_at"), inspection_id])


def _put_evidence(db: sqlite_utils.Database, evidence_id: str, p: dict[str, Any]) -> None:
    register(db, BlobRef(p["sha256"], int(p.get("size") or 0), "", None))  # type: ignore[arg-type]
    db.execute("INSERT OR IGNORE INTO evidence (id, inspection_id, sha256, kind, original_name, imported_at,"
               " derived_from) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [evidence_id, p["inspection_id"], p["sha256"], p["kind"], p.get("original_name") or "",
                p.get("imported_at") or utc_now(), p.get("derived_from")])


def put_document(db: sqlite_utils.Database, document_id: str, p: dict[str, Any]) -> None:
    """An issued (or voided) document with its number, as a later document lists it among those issued before."""
    status = "void" if p.get("status") == "void" or p.get("void_reason") else "issued"
    year = int(str((p.get("facts") or {}).get("issued_date") or p["issued_at"])[:4])
    serial = 1 + db.execute("SELECT count(*) FROM document_numbers WHERE kind = ? AND year = ?",
                            [p["kind"], year]).fetchone()[0]
    db.execute("INSERT INTO document_numbers (kind, year, serial, number, status, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
               [p["kind"], year, serial, p["number"], status, p.get("void_reason") or "", p["issued_at"]])
    register(db, BlobRef(p["pdf_sha256"], int(p.get("pdf_size") or 0), "pdf", None))  # type: ignore[arg-type]
    db.execute("INSERT INTO documents (id, number, kind, inspection_id, case_id, record_sha256, pdf_sha256, pdf_size,"
               " pages, evidence_id, status, issued_at, version, void_reason, superseded_by, facts_json)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
               [document_id, p["number"], p["kind"], p.get("inspection_id"), p.get("case_id"), p["record_sha256"],
                p["pdf_sha256"], int(p.get("pdf_size") or 0), int(p.get("pages") or 1), status, p["issued_at"],
                int(p.get("version") or 1), p.get("void_reason") or "", p.get("superseded_by"),
                json.dumps(p.get("facts") or {}, ensure_ascii=False)])


SERIES = ("uuid", "source_id", "inspection_id", "position", "pollutant", "sensor", "statistic", "unit", "make", "model",
          "serial", "time_zone", "n", "flagged", "t_start", "t_end", "min", "max", "mean", "limit_value", "limit_unit",
          "o2_ref", "exceed_count", "max_converted", "max_exceed_multiple", "evaluation_json", "meta_json")


def _put_readings(db: sqlite_utils.Database, source_id: str, p: dict[str, Any]) -> None:
    found = db.execute("SELECT id FROM evidence WHERE inspection_id = ? AND sha256 = ?",
                       [p["inspection_id"], p["sha256"]]).fetchone()
    if found is None:  # the instrument file's evidence record did not reach the bureau: no readings from it
        return
    db.execute("INSERT INTO reading_sources (id, inspection_id, evidence_id, sha256, original_name, format, outlet_code,"
               " options_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [source_id, p["inspection_id"], found[0], p["sha256"], p.get("original_name") or "", p["format"],
                p.get("outlet"), json.dumps(p.get("options") or {}, ensure_ascii=False), utc_now()])
    for position, x in enumerate(p.get("series") or []):
        device = x.get("instrument") or {}
        meta = {**(x.get("meta") or {}), "lines": x.get("source_lines")}
        row = {"uuid": x.get("uuid") or f"{source_id}-{position}", "source_id": source_id,
               "inspection_id": p["inspection_id"], "position": position, "pollutant": x.get("pollutant") or "",
               "sensor": x.get("sensor") or "", "statistic": x.get("statistic") or "", "unit": x.get("unit") or "",
               "make": device.get("make") or "", "model": device.get("model") or "", "serial": device.get("serial") or "",
               "time_zone": x.get("time_zone") or "", "n": x.get("n") or 0, "flagged": x.get("flagged") or 0,
               "t_start": x.get("t_start"), "t_end": x.get("t_end"), "min": x.get("min"), "max": x.get("max"),
               "mean": x.get("mean"), "limit_value": x.get("limit"), "limit_unit": x.get("limit_unit"),
               "o2_ref": x.get("o2_ref"), "exceed_count": x.get("exceed_count"), "max_converted": x.get("max_converted"),
               "max_exceed_multiple": x.get("max_exceed_multiple"),
               "evaluation_json": json.dumps(x.get("evaluation") or {}, ensure_ascii=False),
               "meta_json": json.dumps(meta, ensure_ascii=False)}
        db.execute(f"INSERT INTO reading_series ({', '.join(SERIES)}) VALUES ({', '.join('?' * len(SERIES))})",
                   [row[c] for c in SERIES])
