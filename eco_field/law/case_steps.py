"""Procedure events that carry details: approvals, the party's statements, monitoring reports (with the
report file kept as evidence) and a flagged photo's explanation or exclusion. Each is one case event,
checked by procedure.py like any other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.errors import BadInput
from eco_field.law import approvals, cases, release_grounds
from eco_field.store.blobs import register
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace


def approve(db: sqlite_utils.Database, case_id: str, step: str, by: str, role: str, day: date | str,
            opinion: str = "", *, source: str = "device", sync: bool = True) -> cases.Case:
    """立案审批 / 负责人审批 / 法制审核 / 集体讨论 by a named person in a role (checked by the procedure)."""
    code = approvals.step_code(step)
    return cases.record_event(db, case_id, "approved", day, opinion.strip(),
                              {"step": code, "by": by.strip(), "role": role.strip(), "opinion": opinion.strip(),
                               "source": source}, sync=sync)


def parse_adopted(value: str | None) -> bool | None:
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    if text in ("yes", "y", "true", "1", "是", "采纳", "予以采纳"):
        return True
    if text in ("no", "n", "false", "0", "否", "不采纳", "不予采纳"):
        return False
    raise BadInput("law.adopted_yes_no", value=value)


def add_statement(db: sqlite_utils.Database, case_id: str, day: date | str, text: str, adopted: bool | None = None,
                  reason: str = "", *, at_hearing: bool = False) -> cases.Case:
    """The party's 陈述申辩 (or what it said at the hearing). Recorded again with the same text and --adopted,
    it is the 复核: whether it was adopted, and why."""
    if adopted is None and reason.strip():
        raise BadInput("law.reason_needs_adopted")
    return cases.record_event(db, case_id, "statement", day, text.strip(),
                              {"text": text.strip(), "adopted": adopted, "reason": reason.strip(),
                               "at_hearing": at_hearing or None})


def attach_monitoring_report(ws: Workspace, case_id: str, number: str, body: str, day: date | str,
                             file: str | Path) -> cases.Case:
    """A qualified body's monitoring report: number, body, date and its PDF or scan, stored unchanged in the
    blob store and linked as evidence of the case's inspection while that inspection is a draft (a sealed
    one takes no new evidence: the file is then kept by its hash in the event)."""
    path = Path(file)
    if not path.is_file():
        raise BadInput("os.not_found", path=path)
    case = cases.get(ws.db, case_id)
    ref = ws.blobs.put_file(path)
    with write_transaction(ws.db):
        register(ws.db, ref)
        evidence_id = None
        row = ws.db.execute("SELECT status FROM inspections WHERE id = ?", [case.inspection_id]).fetchone()
        if row is not None and row[0] == "draft":
            evidence_id, _ = link_evidence(ws.db, case.inspection_id, ref, "monitoring_report", path.name)
        return cases.record_event(ws.db, case_id, "monitoring_report", day, f"{body.strip()} {number.strip()}",
                                  {"number": number.strip(), "body": body.strip(), "evidence_id": evidence_id,
                                   "sha256": ref.sha256, "file_name": path.name})


def note_evidence(db: sqlite_utils.Database, case_id: str, evidence_id: str, text: str, day: date | str, *,
                  exclude: bool = False) -> cases.Case:
    """A flagged photo explained by the officer (printed beside it) or left out of the case."""
    return cases.record_event(db, case_id, "evidence_excluded" if exclude else "evidence_explained", day,
                              text.strip(), {"evidence_id": evidence_id, "text": text.strip()})


def flagged_photos(db: sqlite_utils.Database, case_id: str) -> list[dict[str, Any]]:
    """The case's cited photos that carry a flag (outside the window, far from the site, no time or place),
    each with its reasons and the officer's note so far: {id, name, reasons, note: {action, text} | None}.
    The GUI's photo form lists these; an unnoted one keeps the case from 告知 (procedure_guards.evidence_gaps)."""
    from eco_field.law.procedure_state import load

    state = load(db, case_id)
    return [{"id": evidence_id, "name": flag["name"], "reasons": list(flag["reasons"]),
             "note": state.evidence_note(evidence_id)} for evidence_id, flag in state.photo_flags.items()]


# -- the details an event carries beyond its date --
@dataclass(frozen=True)
class EventField:
    """One detail an event takes. key is the event's data key (the CLI option is --key with '-' for '_';
    "note" is the event's note, --note). kind: text | choice (one of choices) | item (an article's item,
    1–6, blank when the catalog grants the measure) | months | date. The procedure checks the values and
    words what is missing; this only says which fields to offer."""

    key: str
    kind: str = "text"
    choices: tuple[str, ...] = ()


_NOTE, _APPROVER = EventField("note"), EventField("approved_by")
_ITEMS = ("1", "2", "3", "4", "5", "6")
EVENT_FIELDS: dict[str, tuple[EventField, ...]] = {
    # 查封扣押办法第四条 item where the catalog grants no seizure; the note states the facts for it
    "seized": (EventField("measure", "choice", ("查封", "扣押")), EventField("ground_item", "item", _ITEMS),
               _NOTE, _APPROVER),
    "seizure_extended": (_NOTE, _APPROVER),
    # the ground of 行政强制法第二十八条第一款 (law/release_grounds.py: 1–5 or a named code); the note, its facts
    "seizure_lifted": (EventField("ground", "choice", tuple(g.code for g in release_grounds.GROUNDS)), _NOTE),
    "preserved": (_NOTE, _APPROVER),
    # 限制生产: months (≤ 3); 停产整治: the item of 限产办法第六条; the note is the facts
    "production_proposed": (EventField("measure", "choice", ("限制生产", "停产整治")), EventField("months", "months"),
                            EventField("ground_item", "item", _ITEMS), _NOTE),
    "production_limit_extended": (EventField("months", "months"), _NOTE, _APPROVER),
    "installments": (EventField("until", "date"), _NOTE),
}


def event_fields(code: str) -> tuple[EventField, ...]:
    """The details the event takes (just the note for an event with none of its own)."""
    return EVENT_FIELDS.get(code, (_NOTE,))


def event_data(code: str, values: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """(note, data) for cases.record_event from the fields' values as typed: blanks are left out, so the
    procedure names a missing field as it does for the command line."""
    keys = {f.key for f in event_fields(code)} - {"note"}
    data = {k: str(v).strip() for k, v in values.items() if k in keys and str(v or "").strip()}
    if code == "seizure_lifted" and "ground" in data:  # typed as 1–5 or a code: stored as the code
        data["ground"] = release_grounds.normalise(data["ground"])
    return str(values.get("note") or "").strip(), data
