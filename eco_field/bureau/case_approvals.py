"""Approvals given at the bureau (`eco-field bureau cases approve CASE STEP ...`): 立案审批, 负责人审批, 法制审核,
集体讨论 and 结案审批 by the people who sit at the bureau. Each is a `case_approval` record for the case's unit; the
devices pull it and record it on the case (law.case_sync.apply_approval), where the procedure checks it like
any other step. The bureau checks what it can know itself: the case, the step, the role and the date."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from eco_field.bureau.storage import BureauStorage, Record
from eco_field.clock import now_local, utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.law import approvals
from eco_field.messages import text

ENTITY = "case_approval"


def approve(storage: BureauStorage, case_id: str, step: str, by: str, role: str, day: str,
            opinion: str = "", today: date | None = None) -> dict[str, Any]:
    """Record the approval for the devices of the case's unit; returns the approval's payload with its id."""
    case = storage.record("case", case_id)
    if case is None or case.deleted:
        raise NotFound("bureau.no_case", id=case_id)
    code = approvals.step_code(step)
    allowed = approvals.FINAL_ROLES[code] + approvals.CHAIN_ROLES[code]
    if role.strip() not in allowed:
        raise BadInput("procedure.wrong_role", step=text(f"procedure.event.approve_{code}"), roles="、".join(allowed),
                       role=role)
    if not by.strip():
        raise BadInput("procedure.need_approver")
    try:
        when = date.fromisoformat(day.strip())
    except ValueError as exc:
        raise BadInput("bureau.bad_date", value=day) from exc
    today = today or now_local().date()
    if when > today:
        raise BadInput("procedure.future_date", day=when, today=today)
    payload = {"case_id": case_id, "step": code, "by": by.strip(), "role": role.strip(), "opinion": opinion.strip(),
               "date": when.isoformat(), "approved_at": utc_now()}
    # the step must be open on the case as synced (the same rules the laptop applies when the approval arrives:
    # no 结案审批 before the case may close, no 法制审核 by an investigator, none dated before its step)
    from eco_field.bureau.office import case_view
    from eco_field.law import procedure

    state = case_view.state_of(storage, case, today)
    data = {"step": code, "by": payload["by"], "role": payload["role"], "opinion": payload["opinion"],
            "source": "bureau", "note": payload["opinion"]}
    reason = procedure.reason_for(state, "approved", when, data) or \
        approvals.check_approver(state, code, payload["by"], payload["role"], on_device=False)
    if reason:
        raise BadInput("procedure.refused", step=text(f"procedure.event.approve_{code}"), reason=reason)
    approval_id = str(uuid.uuid4())
    with storage.transaction():
        storage.put_record(Record(entity=ENTITY, entity_id=approval_id, revision=1, unit=case.unit, payload=payload,
                                  updated_at=payload["approved_at"]))
    return {"id": approval_id, **payload}


def list_approvals(storage: BureauStorage, case_id: str) -> list[dict[str, Any]]:
    return [{"id": r.entity_id, **r.payload} for r in storage.records(ENTITY) if r.payload.get("case_id") == case_id]


def unconfirmed_bureau_approvals(storage: BureauStorage, case_payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Approvals a pushed case claims came from the bureau but the bureau never gave (the bureau trusts no
    device): each "approved" event with source "bureau" must name an approval_id the bureau holds with the
    same step, approver, role and date. Returns the events that fail, for the push checks to refuse or flag."""
    given = {a["id"]: a for a in list_approvals(storage, str(case_payload.get("id") or ""))}
    wrong = []
    for event in case_payload.get("events") or []:
        data = event.get("data") if isinstance(event, dict) and isinstance(event.get("data"), dict) else {}
        if event.get("event") != "approved" or data.get("source") != "bureau":
            continue
        mine = given.get(str(data.get("approval_id") or ""))
        # the role too: a 承办机构负责人's approval claimed as the 局负责人's would pass the final step
        if mine is None or (mine["step"], mine["by"], mine["role"], mine["date"]) != (
                data.get("step"), data.get("by"), data.get("role"), str(event.get("date"))[:10]):
            wrong.append(event)
    return wrong
