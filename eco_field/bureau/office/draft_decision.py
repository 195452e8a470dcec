"""The draft decision (行政处罚决定书 or 不予行政处罚决定书, 草稿, no number) the approvers read beside a case's
file, made at the bureau from what the laptop synced — by the laptop's own code: the synced case, inspection,
enterprise, officers, evidence rows, issued documents and the approvals given here are written into a
throwaway workspace (synced_records.py, law/case_sync.py, the store services) and
documents.service.render_draft renders it there. Nothing is stored but the PDF, cached under the bureau's
cache folder by a hash of everything it was made from (a new push, approval or bureau detail makes a new one).

Which decision: the procedure engine's (law.procedure.DOCUMENTS, draft=True) on the case as the console reads
it (case_view.state_of); the bureau's own details come from the 本局信息 page (bureau_details.py)."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eco_field import __version__
from eco_field.atomicfile import write_bytes_atomically
from eco_field.bureau.office import bureau_details, case_view
from eco_field.bureau.office.db import OfficeDB
from eco_field.bureau.storage import BureauStorage, Record
from eco_field.canonical import sha256_of
from eco_field.documents.kinds import module_for
from eco_field.errors import BadInput, NotFound
from eco_field.law.procedure_state import CaseState

# the decisions a case ends in, in the order they are tried when the assessment does not say
DECISIONS = ("penalty-decision", "no-penalty-decision", "daily-penalty-decision")


@dataclass
class Draft:
    kind: str
    title: str
    pdf: Path
    pages: int
    missing: list[str]  # the bureau details a decision states that are not set yet


def decision_kind(s: CaseState) -> tuple[str | None, str]:
    """The decision a draft can be made of now (the procedure's rule for a draft), else None and why not."""
    from eco_field.law import procedure

    preferred = "no-penalty-decision" if s.assessment and s.assessment.decision == "no_penalty" else "penalty-decision"
    reasons = {}
    for kind in (preferred, *[k for k in DECISIONS if k != preferred]):
        reason = procedure.DOCUMENTS[kind](s, True)
        if reason is None:
            return kind, ""
        reasons[kind] = reason
    return None, reasons[preferred]


def draft(storage: BureauStorage, office: OfficeDB, data_dir: Path, case_id: str, today: date) -> Draft:
    """The case's draft decision as of today (made now, or the cached one when nothing it depends on changed)."""
    case = case_view.load_case(storage, case_id)
    linked = case_view.linked_records(storage, case)
    documents = case_view.documents_of(storage, case, linked)
    s = case_view.state_of(storage, case, today, documents=documents)
    kind, reason = decision_kind(s)
    if kind is None:
        raise BadInput("console.no_draft_now", reason=reason)
    inspection = storage.record("inspection", s.inspection_id)
    enterprise = storage.record("enterprise", str(case.payload.get("enterprise_id") or ""))
    if inspection is None or inspection.deleted or enterprise is None:
        raise NotFound("console.draft_records_missing", case_id=case_id)
    officers = {o["cert_no"]: o for o in storage.officers()}
    pending = case_view.bureau_approvals(storage, case_id)  # applied once each: a pulled one is skipped
    details = bureau_details.current(office)
    inputs = {"kind": kind, "today": today.isoformat(), "program": __version__, "details": details,
              "records": [[r.entity, r.entity_id, r.revision, r.payload]
                          for r in (case, inspection, enterprise, *linked, *pending)],
              "officers": [officers.get(str(c)) for c in inspection.payload.get("officers") or []]}
    key = sha256_of(inputs)
    folder = data_dir / "cache" / "drafts"
    target, about = folder / f"{case_id}-{key[:20]}.pdf", folder / f"{case_id}-{key[:20]}.json"
    if not (target.is_file() and about.is_file()):
        folder.mkdir(parents=True, exist_ok=True)
        made = _render(kind, case, inspection, enterprise, linked, pending, officers, details, folder, target)
        for old in folder.glob(f"{case_id}-*"):  # earlier drafts of this case are out of date
            if old not in (target, about):
                old.unlink(missing_ok=True)
        write_bytes_atomically(about, json.dumps(made, ensure_ascii=False).encode("utf-8"))
    made = json.loads(about.read_text(encoding="utf-8"))
    return Draft(kind, str(module_for(kind).TITLE), target, int(made["pages"]), list(made["missing"]))


def _render(kind: str, case: Record, inspection: Record, enterprise: Record, linked: list[Record],
            pending: list[Record], officers: dict[str, dict[str, Any]], details: dict[str, str], folder: Path,
            target: Path) -> dict[str, Any]:
    from eco_field.bureau.office import synced_records
    from eco_field.documents import service
    from eco_field.law import case_sync
    from eco_field.records import Enterprise, Officer
    from eco_field.store import enterprises, settings
    from eco_field.store import officers as officer_store
    from eco_field.store.database import write_transaction
    from eco_field.workspace import Workspace

    with tempfile.TemporaryDirectory(dir=folder, prefix="scratch-") as scratch:
        ws = Workspace.open(Path(scratch) / "data", create=True)
        try:
            db = ws.db
            with write_transaction(db):
                for key, value in details.items():
                    if value:
                        settings.put(db, key, value)
                for cert in inspection.payload.get("officers") or []:
                    o = officers.get(str(cert)) or {"name": str(cert), "units": [""]}
                    officer_store.upsert(db, Officer(str(cert), o["name"], (o["units"] or [""])[0]), sync=False)
                enterprises.upsert(db, Enterprise.from_dict(enterprise.payload), sync=False)
                evidence = [(r.entity_id, r.payload) for r in linked if r.entity == "evidence"]
                readings = [(r.entity_id, r.payload) for r in linked if r.entity == "reading_source"]
                synced_records.put_inspection(db, inspection.entity_id, inspection.payload, evidence, readings)
                for doc in (r for r in linked if r.entity == "document"):
                    synced_records.put_document(db, doc.entity_id, doc.payload)
                case_sync.apply_remote(db, {**case.payload, "id": case.entity_id})
                for approval in sorted(pending, key=lambda r: r.payload.get("approved_at", "")):
                    case_sync.apply_approval(db, approval.entity_id, approval.payload)
            result = service.render_draft(ws, kind, case_id=case.entity_id, out_path=target)
        finally:
            ws.close()
    return {"pages": result["pages"], "missing": result.get("missing_settings") or [],
            "record_sha256": result["record_sha256"], "sha256": result["sha256"]}
