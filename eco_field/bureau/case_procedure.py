"""A pushed case's new events, asked of the procedure as the laptop asked it (law.procedure.reason_for and, for
an approval, law.approvals.check_approver): the bureau trusts no device, so an event the procedure would refuse
on a laptop — a 结案 with no 结案审批, a 按日 round paid before it was served, an investigator presiding at the
听证 — is refused at the bureau too. The event log only grows: a snapshot that drops an event the bureau holds
is refused as well.

What the bureau cannot know it leaves to the laptop: the laptop's settings (which roles it may approve as, its
thresholds: the defaults are used) and its photos' flags. The rules stay in law/; this only replays the events.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from datetime import date
from typing import Any

from eco_field.bureau.office import case_view
from eco_field.bureau.refusals import Refusal, plain
from eco_field.bureau.storage import BureauStorage, Record
from eco_field.clock import now_local
from eco_field.law import approvals, procedure
from eco_field.law import procedure_guards as g
from eco_field.law.case_events import event_code, parse_day
from eco_field.law.procedure_state import CaseState, Event
from eco_field.messages import Message, text

log = logging.getLogger(__name__)


class EventsRefused(Refusal):
    """Case entries whose new events the procedure refuses (422, nothing of the batch stored): each entry's
    problem by code, as a schema's 422 gives them, so the laptop keeps it with the entry (sync.push)."""

    def __init__(self, problems: dict[str, Message]) -> None:
        first = next(iter(problems.values()))
        super().__init__("bureau.refused.case_event", count=len(problems), problem=first)
        self.problems = problems

    def answer(self) -> dict[str, Any]:
        return self.body(invalid=list(self.problems),
                         entry_problems={entry_id: [plain(p)] for entry_id, p in self.problems.items()})


def _key(event: dict[str, Any]) -> str:
    """An event as the log holds it (its label is derived and may be worded differently by another version)."""
    return json.dumps([event.get("event"), event.get("date"), event.get("note") or "", event.get("data") or {}],
                      sort_keys=True, ensure_ascii=False)


def problem(storage: BureauStorage, payload: dict[str, Any], current: Record | None, unit: str,
            today: date | None = None) -> Message | None:
    """Why the pushed case may not be stored (a message naming the event and the procedure's reason), or None."""
    held = list((current.payload.get("events") if current is not None else None) or [])
    pushed = list(payload.get("events") or [])
    missing = Counter(_key(e) for e in held) - Counter(_key(e) for e in pushed)
    if missing:
        return Message("bureau.refused.case_event_dropped", {"count": sum(missing.values())})
    remaining = Counter(_key(e) for e in held)
    new = []
    for e in pushed:
        if remaining[_key(e)]:
            remaining[_key(e)] -= 1
        else:
            new.append(e)
    if not new:
        return None
    base = Record(entity="case", entity_id=str(payload.get("id") or ""), revision=None, unit=unit,
                  payload={**payload, "events": held,
                           "status": (current.payload.get("status") if current is not None else None) or "open"})
    try:
        s = case_view.state_of(storage, base, today or now_local().date(), approvals_given=[])
        for n, e in enumerate(new):
            reason = _reason(s, e, first_push=current is None)
            if reason:
                return Message("bureau.refused.case_event_refused",
                               {"event": str(e.get("event")), "date": str(e.get("date")), "reason": reason})
            s.events.append(Event(1_000_000 + n, event_code(str(e["event"])), parse_day(str(e["date"])),
                                  str(e.get("note") or ""), dict(e.get("data") or {})))
            s.events.sort(key=lambda ev: (ev.day, ev.seq))
        # a case's status is what its events make it (cases.record_event); only `cases status`'s audited
        # correction, an entry of its own with no new event, may say otherwise
        if payload.get("status") != g.status_of(s.events):
            return Message("bureau.refused.case_status_claimed",
                           {"status": str(payload.get("status")), "expected": g.status_of(s.events)})
    except Exception:  # noqa: BLE001 - an event the engine cannot read is not stored (it would break readers)
        log.exception("case %s: pushed events cannot be read", base.entity_id)
        return Message("bureau.refused.case_event_unreadable", {})
    return None


def _reason(s: CaseState, e: dict[str, Any], *, first_push: bool) -> str | None:
    code = event_code(str(e.get("event") or ""))
    day = parse_day(str(e.get("date") or ""))
    data = {**(e.get("data") or {}), "note": str(e.get("note") or "")}
    if code == "discovered":  # made with the case (cases.new_case), never recorded after it
        return None if first_push and not s.has("discovered") else text("procedure.discovered_from_inspection")
    reason = procedure.reason_for(s, code, day, data)
    if reason is None and code == "approved":
        # the device's own role settings are the laptop's (an attacker sets its own): the role, the name and the
        # reviewer's independence are what the bureau can check
        reason = approvals.check_approver(s, str(data.get("step")), str(data.get("by") or ""),
                                          str(data.get("role") or ""), on_device=False)
    return reason
