"""Drafting, issuing, signing, listing and verifying documents: the one entry point the CLI and the GUI call.

- render_draft: the document as it would be issued, without a number, 草稿 across every page; nothing stored.
- issue: gathers the record, takes a number, lays out the PDF, stores it in the blob store, links it as
  evidence and records the document and its version 1, all in one BEGIN IMMEDIATE transaction: an issue that
  fails for any reason rolls back and consumes no number, and two processes never issue the same number.
  Issuing a kind again for the same record supersedes: the earlier document's number is voided (作废) with
  the reason, both stay on record, the new one is current.
- sign: places a signature in the issued PDF (signing.py) as a new version of the same numbered document;
  its record holds the previous version's SHA-256. Printing and sync use the latest version.
- verify_pdf: strict, byte for byte (verification.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.atomicfile import write_bytes_atomically
from eco_field.canonical import sha256_of
from eco_field.clock import now_local, utc_now
from eco_field.documents import facts, issuer, layout, numbering, qr, sources, verification, versions
from eco_field.documents.fonts import FONT_SETTING, font_set
from eco_field.documents.kinds import module_for
from eco_field.documents.kinds.common import Source, gather_record
from eco_field.errors import BadInput, EcoFieldError, NotFound
from eco_field.messages import os_reason
from eco_field.store import settings
from eco_field.store.blobs import file_sha256, register
from eco_field.store.changes import record
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace

COLUMNS = ("id", "number", "kind", "inspection_id", "case_id", "record_sha256", "pdf_sha256", "pdf_size", "pages",
           "evidence_id", "status", "issued_at")
EXTRA_COLUMNS = ("version", "void_reason", "superseded_by", "facts_json", "spots_json")
SUPERSEDE_REASON = "重新签发，由{number}取代"


def _source(module, ws: Workspace, inspection_id: str | None, case_id: str | None) -> Source:
    if inspection_id and case_id:
        raise BadInput("documents.both_selectors")
    if not inspection_id and not case_id:
        raise BadInput("documents.no_selector")
    # either selector names the record when it is unambiguous: a case has one inspection, and an
    # inspection with exactly one case names that case
    if module.SOURCE == "inspection" and case_id:
        row = ws.db.execute("SELECT inspection_id FROM cases WHERE id = ?", [case_id]).fetchone()
        if row is None:
            raise NotFound("law.no_case", id=case_id)
        inspection_id, case_id = row[0], None
    if module.SOURCE == "case" and not case_id:
        ids = [r[0] for r in ws.db.execute("SELECT id FROM cases WHERE inspection_id = ? ORDER BY opened_at",
                                           [inspection_id])]
        if len(ids) != 1:
            if not ids:
                raise BadInput("documents.case_needed_none", title=module.TITLE, inspection=inspection_id)
            raise BadInput("documents.case_needed_many", title=module.TITLE, inspection=inspection_id,
                           n=len(ids), ids=", ".join(ids))
        inspection_id, case_id = None, ids[0]
    return Source(ws, inspection_id=inspection_id, case_id=case_id)


def _procedure_allows(ws: Workspace, kind: str, src: Source, *, draft: bool, day: date | None = None) -> None:
    """A case document only at the step the procedure allows it on its date of issue (eco_field/law/procedure.py);
    exit 2 with why."""
    if not src.case_id:
        return
    from eco_field.law import procedure

    allowed, reason = procedure.document_allowed(ws.db, src.case_id, kind, day, draft=draft)
    if not allowed:
        raise BadInput("procedure.document_refused", title=module_for(kind).TITLE, reason=reason)


def _page(ws: Workspace, module, fonts, number: str, today, record_sha: str, rec: dict[str, Any],
          draft: bool) -> layout.Page:
    page = layout.Page(fonts, settings.get(ws.db, "bureau_name"), module.TITLE, number,
                       f"{today.year}年{today.month}月{today.day}日", record_sha, resources=ws)
    page.draft = draft
    page.sign_each_page = getattr(module, "SIGN_EACH_PAGE", "")
    if page.sign_each_page:
        page.sign_each_page_name = ((rec.get("inspection") or {}).get("party_present") or {}).get("name", "")
    return page


def render(ws: Workspace, kind: str, inspection_id: str | None = None, case_id: str | None = None,
           out_path: str | os.PathLike[str] | None = None, *, draft: bool = False, reason: str = "",
           issued_on: date | str | None = None) -> dict[str, Any]:
    """A draft (draft=True) or an issued document; see render_draft and issue."""
    if draft:
        return render_draft(ws, kind, inspection_id, case_id, out_path)
    return issue(ws, kind, inspection_id, case_id, out_path, reason=reason, issued_on=issued_on)


def issue_date(db: sqlite_utils.Database, value: date | str | None) -> date:
    """The date of issue: today by default; a document recorded after the fact carries its own, never a
    future one (`documents render --date`)."""
    today = now_local(settings.get(db, "time_zone")).date()
    if value is None or value == "":
        return today
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise BadInput("documents.bad_date", value=value) from None
    if value > today:
        raise BadInput("procedure.issue_date_future", day=value, today=today)
    return value


def render_draft(ws: Workspace, kind: str, inspection_id: str | None = None, case_id: str | None = None,
                 out_path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The document without a number, 草稿 on every page; stores nothing. Keys: kind, draft, pdf, pages,
    record_sha256, sha256, missing_settings (what issuing would still need)."""
    module = module_for(kind)
    src = _source(module, ws, inspection_id, case_id)
    _procedure_allows(ws, kind, src, draft=True)
    fonts = font_set(settings.get(ws.db, FONT_SETTING))
    if hasattr(module, "prepare"):
        module.prepare(src)
    rec = gather_record(module, src)
    record_sha = sha256_of(rec)
    today = now_local(settings.get(ws.db, "time_zone"))
    page = _page(ws, module, fonts, "（草稿　未编号）", today, record_sha, rec, draft=True)
    pdf, pages = layout.build(page, module.story(page, rec), verification.draft_keywords(kind, record_sha))
    fonts.refuse_missing()
    if out_path:
        target = Path(out_path)
    else:
        folder = ws.cache_dir / "drafts"  # a preview, not a record: the cache may be cleared at any time
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"draft-{kind}-{record_sha[:12]}.pdf"
    write_atomically(target, pdf)
    return {"kind": kind, "draft": True, "number": None, "pdf": str(target.resolve()), "pages": pages,
            "record_sha256": record_sha, "sha256": hashlib.sha256(pdf).hexdigest(),
            "missing_settings": [label for _, label in issuer.missing(ws.db, kind)]}


def issue(ws: Workspace, kind: str, inspection_id: str | None = None, case_id: str | None = None,
          out_path: str | os.PathLike[str] | None = None, *, reason: str = "",
          issued_on: date | str | None = None) -> dict[str, Any]:
    """Issue one document; returns id, number, kind, pdf (path), sha256, record_sha256, version, current,
    superseded (numbers voided by this issue), issued_date and more. reason: why an earlier one is replaced.
    issued_on: its date of issue (落款日期), default today; the procedure judges the case as of that date."""
    module = module_for(kind)
    src = _source(module, ws, inspection_id, case_id)
    db = ws.db
    day = issue_date(db, issued_on)
    issuer.check(db, kind, module.TITLE)  # the bureau's own details first: they do not depend on the case
    _procedure_allows(ws, kind, src, draft=False, day=day)
    src.issued_on = day
    fonts = font_set(settings.get(db, FONT_SETTING))
    if hasattr(module, "prepare"):
        module.prepare(src)  # slow, idempotent work (photo downsampling) outside the write lock
    with write_transaction(db):
        round_no = _round_now(db, kind, src)
        earlier = [] if getattr(module, "MANY_PER_RECORD", False) else current_of(db, kind, src, round_no)
        issued = numbering.issue(db, kind, day.year)
        for old in earlier:  # voided first: what the new document lists as issued before it excludes them
            _supersede(db, old, issued.number, reason)
        with settings.recording() as used:  # the settings the record rests on are kept with the document
            rec = gather_record(module, src)
        record_sha = sha256_of(rec)
        page = _page(ws, module, fonts, issued.number, day, record_sha, rec, draft=False)
        pdf, pages = layout.build(page, module.story(page, rec), qr.payload(issued.number, record_sha))
        fonts.refuse_missing()  # a character no font of the chain draws: refused by name, never blank
        stated = {**facts.of_record(kind, page.title, rec, page.issued_on), "issued_date": day.isoformat(),
                  "record_format": src.record_format, **({"round": round_no} if round_no else {}),
                  "settings": dict(sorted(used.items()))}
        doc, ref = _keep(ws, src, rec, kind, issued.number, record_sha, pdf, pages, out_path, stated, page.spots)
        for old in earlier:
            db.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", [doc["id"], old["id"]])
            record(db, "document", old["id"], "supersede", {"superseded_by": doc["id"], "superseded_by_number":
                                                            doc["number"]})
    target = Path(out_path) if out_path else ref.path
    return {**doc, "pdf": str(target.resolve()), "sha256": ref.sha256, "stored_at": str(ref.path), "version": 1,
            "current": True, "superseded": [old["number"] for old in earlier], "issued_date": day.isoformat()}


def current_of(db: sqlite_utils.Database, kind: str, src: Source, round_no: int | None = None
               ) -> list[dict[str, Any]]:
    """The current (not voided) documents of this kind for the same record (of that round only, for a kind that
    repeats per round: eco_field/law/rounds.py — an earlier round's document is not superseded)."""
    if src.case_id:
        where, params = "case_id = ?", [src.case_id]
    else:
        where, params = "inspection_id = ? AND case_id IS NULL", [src.inspection_id]
    rows = db.execute(f"SELECT id, number, json_extract(facts_json, '$.round') FROM documents WHERE kind = ?"
                      f" AND status = 'issued' AND {where} ORDER BY rowid", [kind, *params]).fetchall()
    return [{"id": r[0], "number": r[1]} for r in rows if round_no is None or int(r[2] or 1) == round_no]


def _round_now(db: sqlite_utils.Database, kind: str, src: Source) -> int | None:
    """The round of the case a document of a repeating kind is issued in (None: the kind does not repeat)."""
    from eco_field.law import rounds

    if not src.case_id or not rounds.repeats(kind):
        return None
    from eco_field.law.procedure_state import load

    return rounds.round_of(load(db, src.case_id), kind)


def _supersede(db: sqlite_utils.Database, old: dict[str, Any], new_number: str, reason: str) -> None:
    why = reason.strip() or SUPERSEDE_REASON.format(number=new_number)
    kind, year, serial = numbering.find_number(db, old["number"])
    numbering.void(db, kind, year, serial, why)


def _keep(ws: Workspace, src: Source, rec: dict[str, Any], kind: str, number: str, record_sha: str, pdf: bytes,
          pages: int, out_path: str | os.PathLike[str] | None, stated: dict[str, Any],
          spots: list[dict[str, Any]]) -> tuple[dict[str, Any], Any]:
    """Store the PDF, link it, record the document and its version 1 and write the copy asked for; a failure
    removes a blob this issue added, so the store holds no PDF of a number that was never issued."""
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
        extra = {"version": 1, "void_reason": "", "superseded_by": None,
                 "facts_json": json.dumps(stated, ensure_ascii=False), "spots_json": json.dumps(spots)}
        insert_row(db, {**doc, **extra})
        record(db, "document", doc["id"], "issue", {**doc, "version": 1, "facts": stated})
        versions.add(db, doc, 1, ref.sha256, ref.size, pages, None, [])
        if out_path:
            write_atomically(Path(out_path), pdf)
    except BaseException:
        if not was_stored:
            ref.path.unlink(missing_ok=True)
        raise
    return doc, ref


def insert_row(db: sqlite_utils.Database, row: dict[str, Any]) -> None:
    """One documents row, every column of COLUMNS and EXTRA_COLUMNS (issued here, or synced: synced_records)."""
    columns = COLUMNS + EXTRA_COLUMNS
    db.execute(f"INSERT INTO documents ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
               [row[c] for c in columns])


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
        raise BadInput("documents.cannot_write", path=target, detail=os_reason(exc)) from exc


# --- reading back ------------------------------------------------------------------------------------------
def _row(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[dict[str, Any]]:
    columns = COLUMNS + EXTRA_COLUMNS
    rows = db.execute(f"SELECT {', '.join(columns)}, rowid FROM documents{where} ORDER BY rowid", params).fetchall()
    out = []
    for r in rows:
        doc = dict(zip((*columns, "rowid"), r, strict=True))
        doc["facts"] = json.loads(doc.pop("facts_json") or "{}")
        doc["spots"] = json.loads(doc.pop("spots_json") or "[]")
        doc["current"] = doc["status"] == "issued"
        out.append(doc)
    return out


def list_documents(db: sqlite_utils.Database, *, inspection_id: str | None = None,
                   case_id: str | None = None) -> list[dict[str, Any]]:
    """Documents issued here (oldest first); current tells which of a kind is in force, version the latest."""
    where, params = "", []
    if inspection_id:
        where, params = " WHERE inspection_id = ?", [inspection_id]
    elif case_id:
        where, params = " WHERE case_id = ?", [case_id]
    docs = _row(db, where, params)
    signed = {r[0] for r in db.execute("SELECT DISTINCT document_id FROM document_signatures")}
    for doc in docs:
        doc.pop("spots"), doc.pop("rowid")
        doc["signed"] = doc["id"] in signed
    return docs


def get_document(db: sqlite_utils.Database, number_or_id: str) -> dict[str, Any]:
    found = _row(db, " WHERE number = ? OR id = ?", [number_or_id, number_or_id])
    if not found:
        raise NotFound("documents.no_document", number=number_or_id)
    return found[0]


def latest_pdf_path(ws: Workspace, doc: dict[str, Any]) -> Path | None:
    """The file to show and print: the latest version's PDF."""
    return ws.blobs.find(doc["pdf_sha256"])


# --- signing -----------------------------------------------------------------------------------------------
def signers(db: sqlite_utils.Database, number: str) -> dict[str, list[str]]:
    """Who may sign the document, by role: the names printed beside its cells (empty for a witness)."""
    doc = get_document(db, number)
    out: dict[str, list[str]] = {"party": [], "officer": [], "witness": []}
    for spot in doc["spots"]:
        if spot["what"] in ("sign", "sign-line") and spot["name"] and spot["name"] not in out[spot["role"]]:
            out[spot["role"]].append(spot["name"])
    return out


def sign(ws: Workspace, number: str, role: str, name: str, image: bytes | str | os.PathLike[str],
         signed_on: str | None = None) -> dict[str, Any]:
    """Place a signature (role party|officer|witness, the signer's name, a PNG of the strokes) in every cell
    of the signer in the latest version of the document; the result is its next version."""
    from eco_field.documents import signing

    if role not in signing.ROLES:
        raise BadInput("documents.bad_role", roles=", ".join(signing.ROLES), role=role)
    name = name.strip()
    if not name:
        raise BadInput("documents.no_signer")
    png = Path(image).read_bytes() if isinstance(image, (str, os.PathLike)) and _readable(image) else image
    if not isinstance(png, bytes):
        raise BadInput("documents.no_image", path=image)
    db = ws.db
    when = _sign_date(signed_on, settings.get(db, "time_zone"))
    ink = signing.ink_image(png, str(image) if not isinstance(image, bytes) else None)
    fonts = font_set(settings.get(db, FONT_SETTING))
    with write_transaction(db):
        doc = get_document(db, number)
        if doc["status"] != "issued":
            raise BadInput("documents.sign_void", number=doc["number"])
        issued_day = str(doc["facts"].get("issued_date") or doc["issued_at"] or "")[:10]
        if when < issued_day:  # nobody signs a document before the date it bears
            raise BadInput("documents.sign_before_issue", day=when, issued=issued_day, number=doc["number"])
        if any(s["role"] == role and s["name"] == name for s in versions.signatures_of(db, doc["id"])):
            raise BadInput("documents.signed_already", name=name, role=signing.ROLES[role], number=doc["number"])
        spots = signing.spots_for(doc["spots"], role, name)
        previous = ws.blobs.find(doc["pdf_sha256"])
        if previous is None:
            raise EcoFieldError("documents.pdf_missing", number=doc["number"], sha=doc["pdf_sha256"])
        old = previous.read_bytes()
        if hashlib.sha256(old).hexdigest() != doc["pdf_sha256"]:
            raise EcoFieldError("documents.pdf_altered", number=doc["number"])
        pdf, pages = signing.place(old, spots, ink, when, fonts)
        fonts.refuse_missing()
        image_ref = ws.blobs.put_bytes(png, "png")
        register(db, image_ref)
        evidence_id = None
        if doc["inspection_id"] and _is_draft(db, doc["inspection_id"]):
            evidence_id, _ = link_evidence(db, doc["inspection_id"], image_ref, "signature",
                                           f"签名-{signing.ROLES[role]}-{name}-{doc['number']}.png")
        version = doc["version"] + 1
        signature = versions.add_signature(db, doc, version, role, name, when, image_ref.sha256, evidence_id)
        carried = [{k: s[k] for k in ("role", "name", "signed_on", "image_sha256")}
                   for s in versions.signatures_of(db, doc["id"])]
        ref = ws.blobs.put_bytes(pdf, "pdf")
        register(db, ref)
        versions.add(db, doc, version, ref.sha256, ref.size, doc["pages"], doc["pdf_sha256"], carried)
        db.execute("UPDATE documents SET version = ?, pdf_sha256 = ?, pdf_size = ? WHERE id = ?",
                   [version, ref.sha256, ref.size, doc["id"]])
        record(db, "document", doc["id"], "sign", {"version": version, "pdf_sha256": ref.sha256,
                                                   "pdf_size": ref.size, "signed": True})
    return {"id": doc["id"], "number": doc["number"], "kind": doc["kind"], "version": version,
            "pdf": str(ref.path), "pdf_sha256": ref.sha256, "previous_sha256": doc["pdf_sha256"],
            "pages_signed": pages, "signature_id": signature["id"], "image_sha256": image_ref.sha256,
            "evidence_id": evidence_id, "role": role, "name": name, "signed_on": when}


def _readable(path: str | os.PathLike[str]) -> bool:
    return Path(path).is_file()


def _sign_date(value: str | None, tz: str) -> str:
    today = now_local(tz).date()
    if not value:
        return today.isoformat()
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise BadInput("documents.bad_date", value=value) from None
    if day > today:  # a signature dated ahead would print a date that has not come
        raise BadInput("documents.sign_date_future", day=day, today=today)
    return day.isoformat()


# --- verifying ---------------------------------------------------------------------------------------------
def verify_pdf(ws: Workspace, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Strict: matches only when the file's SHA-256 is that of a version kept for the document, the document
    is not voided and its record still gathers to the hash it was issued with."""
    path = Path(path)
    if path.is_dir():  # it exists: "not found" would send the user looking for it
        raise BadInput("documents.verify_folder", path=path)
    if not path.is_file():
        raise BadInput("os.not_found", path=path)
    file_sha = file_sha256(path)
    version = versions.by_sha(ws.db, file_sha)
    if version is not None:
        doc = get_document(ws.db, version["document_id"])
        carried = None
    else:
        found = verification.read_carried(path)
        if found == "draft":
            return verification.draft_result(path, file_sha)
        carried = found
        rows = _row(ws.db, " WHERE number = ?", [carried[0]])
        if not rows:
            raise NotFound("documents.not_issued_here", path=path, number=carried[0])
        doc = rows[0]
    current, problem = _regather(ws, doc)
    doc["signatures"] = versions.signatures_of(ws.db, doc["id"])
    return verification.verdict(file_sha, carried, doc, versions.of_document(ws.db, doc["id"]),
                                current_record_sha=current or "", record_problem=problem)


def _regather(ws: Workspace, doc: dict[str, Any]) -> tuple[str | None, str]:
    module = module_for(doc["kind"])
    src = Source(ws, inspection_id=None if doc["case_id"] else doc["inspection_id"], case_id=doc["case_id"],
                 before=doc["rowid"], as_of=doc["issued_at"],
                 format=int((doc.get("facts") or {}).get("record_format") or 1),  # none kept: issued as format 1
                 upto_seq=_issue_seq(ws, doc["id"]), issued_on=_issued_day(doc))
    try:
        # with the settings the document was made with (kept from this change on; earlier ones: today's)
        with settings.as_kept((doc.get("facts") or {}).get("settings")):
            return sha256_of(gather_record(module, src)), ""
    except EcoFieldError as exc:
        return None, f"记录已无法读取：{exc}"


def _issued_day(doc: dict[str, Any]) -> date | None:
    """The date printed on the document, as its facts keep it (None where they keep none)."""
    day = (doc.get("facts") or {}).get("issued_date")
    return date.fromisoformat(day) if day else None


def _issue_seq(ws: Workspace, document_id: str) -> int | None:
    """The audit entry of the document's issue: the record is gathered again as it stood at that point."""
    row = ws.db.execute("SELECT seq FROM audit_log WHERE entity = 'document' AND entity_id = ? AND action = 'issue'"
                        " ORDER BY seq LIMIT 1", [document_id]).fetchone()
    return row[0] if row else None


def read_payload(path: Path) -> tuple[str, str]:
    """(number, record hash) the PDF carries (kept for callers of the earlier API)."""
    found = verification.read_carried(Path(path))
    if found == "draft":
        raise BadInput("documents.draft_no_number", path=path)
    return found
