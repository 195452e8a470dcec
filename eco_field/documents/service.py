"""Rendering, listing and verifying documents: the one entry point the CLI and the GUI call.

A render gathers the record, takes a number, lays out the PDF, stores it in the blob store, links it as
evidence and records the document, all in one BEGIN IMMEDIATE transaction: a render that fails for any
reason rolls back and consumes no number, and two processes never issue the same number.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.atomicfile import write_bytes_atomically
from eco_field.canonical import sha256_of
from eco_field.clock import now_local, utc_now
from eco_field.documents import layout, numbering, qr, sources
from eco_field.documents.fonts import FONT_SETTING, font_set
from eco_field.documents.kinds import module_for
from eco_field.documents.kinds.common import Source
from eco_field.errors import BadInput, EcoFieldError, NotFound
from eco_field.store import settings
from eco_field.store.blobs import file_sha256, register
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace

COLUMNS = ("id", "number", "kind", "inspection_id", "case_id", "record_sha256", "pdf_sha256", "pdf_size", "pages",
           "evidence_id", "status", "issued_at")


def _source(module, ws: Workspace, inspection_id: str | None, case_id: str | None) -> Source:
    if inspection_id and case_id:
        raise BadInput("Give --inspection or --case, not both")
    if not inspection_id and not case_id:
        raise BadInput("Give --inspection ID or --case ID")
    # either selector names the record when it is unambiguous: a case has one inspection, and an
    # inspection with exactly one case names that case
    if module.SOURCE == "inspection" and case_id:
        row = ws.db.execute("SELECT inspection_id FROM cases WHERE id = ?", [case_id]).fetchone()
        if row is None:
            raise NotFound(f"No case {case_id!r}")
        inspection_id, case_id = row[0], None
    if module.SOURCE == "case" and not case_id:
        ids = [r[0] for r in ws.db.execute("SELECT id FROM cases WHERE inspection_id = ? ORDER BY opened_at",
                                           [inspection_id])]
        if len(ids) != 1:
            raise BadInput(f"A {module.TITLE} is made from a case and inspection {inspection_id} has "
                           + (f"{len(ids)} ({', '.join(ids)})" if ids else "none (open one with `eco-field cases new`)")
                           + ": give --case ID")
        inspection_id, case_id = None, ids[0]
    return Source(ws, inspection_id=inspection_id, case_id=case_id)


def render(ws: Workspace, kind: str, inspection_id: str | None = None, case_id: str | None = None,
           out_path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Issue one document; returns number, kind, pdf (path), sha256, record_sha256 and more."""
    module = module_for(kind)
    src = _source(module, ws, inspection_id, case_id)
    db = ws.db
    fonts = font_set(settings.get(db, FONT_SETTING))
    if hasattr(module, "prepare"):
        module.prepare(src)  # slow, idempotent work (photo downsampling) outside the write lock
    with write_transaction(db):
        rec = module.gather(src)
        record_sha = sha256_of(rec)
        tz = settings.get(db, "time_zone")
        today = now_local(tz)
        issued = numbering.issue(db, kind, today.year)
        page = layout.Page(fonts, settings.get(db, "bureau_name"), module.TITLE, issued.number,
                           f"{today.year}年{today.month}月{today.day}日", record_sha, resources=ws)
        pdf, pages = layout.build(page, module.story(page, rec), qr.payload(issued.number, record_sha))
        if fonts.missing:
            raise BadInput("No installed font can set the character(s) " + "".join(sorted(fonts.missing))
                           + f"; configure a font that has them (setting {FONT_SETTING}) and render again")
        doc, ref = _keep(ws, src, rec, kind, issued.number, record_sha, pdf, pages, out_path)
    target = Path(out_path) if out_path else ref.path
    return {**doc, "pdf": str(target.resolve()), "sha256": ref.sha256, "stored_at": str(ref.path)}


def _keep(ws: Workspace, src: Source, rec: dict[str, Any], kind: str, number: str, record_sha: str, pdf: bytes,
          pages: int, out_path: str | os.PathLike[str] | None) -> tuple[dict[str, Any], Any]:
    """Store the PDF, link it, record the document and write the copy asked for; a failure removes a blob
    this render added, so the store holds no PDF of a number that was never issued."""
    db = ws.db
    was_stored = ws.blobs.find(hashlib.sha256(pdf).hexdigest()) is not None
    ref = ws.blobs.put_bytes(pdf, "pdf")
    try:
        register(db, ref)
        linked_inspection = src.inspection_id or _case_inspection(rec, db, src.case_id)
        evidence_id = None
        if linked_inspection and _is_draft(db, linked_inspection):
            # a sealed inspection takes no new evidence; the documents row still names the inspection
            evidence_id, _ = link_evidence(db, linked_inspection, ref, "document", f"{number}.pdf")
        doc = {"id": str(uuid.uuid4()), "number": number, "kind": kind, "inspection_id": linked_inspection,
               "case_id": src.case_id, "record_sha256": record_sha, "pdf_sha256": ref.sha256, "pdf_size": ref.size,
               "pages": pages, "evidence_id": evidence_id, "status": "issued", "issued_at": utc_now()}
        db.execute(f"INSERT INTO documents ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                   [doc[c] for c in COLUMNS])
        record(db, "document", doc["id"], "issue", doc)
        if out_path:
            write_atomically(Path(out_path), pdf)
    except BaseException:
        if not was_stored:
            ref.path.unlink(missing_ok=True)
        raise
    return doc, ref


def _is_draft(db: sqlite_utils.Database, inspection_id: str) -> bool:
    row = db.execute("SELECT status FROM inspections WHERE id = ?", [inspection_id]).fetchone()
    return row is not None and row[0] == "draft"


def _case_inspection(rec: dict[str, Any], db: sqlite_utils.Database, case_id: str | None) -> str | None:
    """The inspection a case document belongs to (it is kept as that inspection's evidence)."""
    if not case_id:
        return None
    case = rec.get("case") or sources.case(db, case_id)
    return case.get("inspection_id")


def write_atomically(target: Path, data: bytes) -> None:
    try:
        write_bytes_atomically(target, data)
    except OSError as exc:  # a PDF path the user gave that cannot be written is bad input, not a crash
        raise BadInput(f"Cannot write the PDF to {target}: {exc.strerror or exc}") from exc


def list_documents(db: sqlite_utils.Database, *, inspection_id: str | None = None,
                   case_id: str | None = None) -> list[dict[str, Any]]:
    where, params = "", []
    if inspection_id:
        where, params = " WHERE inspection_id = ?", [inspection_id]
    elif case_id:
        where, params = " WHERE case_id = ?", [case_id]
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM documents{where} ORDER BY rowid", params).fetchall()
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def verify_pdf(ws: Workspace, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read the number and record hash from the PDF, gather the record again, compare."""
    path = Path(path)
    number, printed_sha = read_payload(path)
    row = ws.db.execute(f"SELECT {', '.join(COLUMNS)}, rowid FROM documents WHERE number = ?", [number]).fetchone()
    if row is None:
        raise NotFound(f"{path}: document {number} was not issued from this database")
    doc = dict(zip((*COLUMNS, "rowid"), row, strict=True))
    module = module_for(doc["kind"])
    src = Source(ws, inspection_id=None if doc["case_id"] else doc["inspection_id"], case_id=doc["case_id"],
                 before=doc["rowid"], as_of=doc["issued_at"])
    problem = ""
    try:
        current = sha256_of(module.gather(src))
    except EcoFieldError as exc:
        current, problem = None, f"the record cannot be read any more: {exc}"
    file_sha = file_sha256(path)
    record_ok = current == printed_sha == doc["record_sha256"]
    if not problem and not record_ok:
        problem = "the record changed since the document was issued"
    if doc["status"] != "issued":
        problem = f"document {number} was voided" + (f"; {problem}" if problem else "")
    return {"number": number, "kind": doc["kind"], "status": doc["status"], "issued_at": doc["issued_at"],
            "inspection_id": doc["inspection_id"], "case_id": doc["case_id"],
            "record_sha256": printed_sha, "current_record_sha256": current, "record_matches": record_ok,
            "pdf_sha256": file_sha, "pdf_matches_issued": file_sha == doc["pdf_sha256"],
            "matches": record_ok and doc["status"] == "issued", "problem": problem}


def read_payload(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on a foreign file would clutter stderr
    try:
        meta = PdfReader(path).metadata or {}
    except (PdfReadError, OSError, ValueError) as exc:
        raise BadInput(f"{path}: not a readable PDF ({exc})") from exc
    parsed = qr.parse(str(meta.get("/Keywords", ""))) or payload_from_qr_code(path)
    if parsed is None:
        raise BadInput(f"{path}: not an EcoField document (no document number and record hash in its metadata "
                       "or in a QR code on its first page)")
    return parsed


def payload_from_qr_code(path: Path) -> tuple[str, str] | None:
    """Decode the QR code of page 1 (a scan, or a copy whose metadata was stripped). Needs pdftoppm and the
    optional zxing-cpp package; None when either is missing or no EcoField code is found."""
    import shutil
    import subprocess

    try:
        import zxingcpp
        from PIL import Image
    except ImportError:
        return None
    if not shutil.which("pdftoppm"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", str(path),
                               str(Path(folder) / "page")], capture_output=True, timeout=120)
        pages = sorted(Path(folder).glob("page*.png"))
        if done.returncode != 0 or not pages:
            return None
        with Image.open(pages[0]) as image:
            codes = zxingcpp.read_barcodes(image)
    return next((found for code in codes if (found := qr.parse(code.text))), None)
