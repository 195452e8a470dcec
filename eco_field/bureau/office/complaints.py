"""信访/举报 intake at the bureau: register (channel, content, enterprise, county), accept or not (受理), assign
as a 信访 task to officers' laptops, extend (负责人 approval), close (办结) — with the deadlines of
complaint_rules.py and warnings when one is near or past."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from eco_field.bureau import admin
from eco_field.bureau.office import complaint_rules as rules
from eco_field.bureau.office.db import OfficeDB
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

COLUMNS = ("id", "number", "channel", "source_ref", "route", "received_on", "content", "petitioner", "contact",
           "anonymous", "enterprise_id", "enterprise_name", "county", "accept_due", "accepted_on",
           "not_accepted_reason", "close_due", "extension_days", "extension_reason", "extension_by", "closed_on",
           "result", "reply", "task_id", "created_by", "created_at", "updated_at")
STATUS_LABELS = {"received": "待受理", "accepted": "办理中", "not_accepted": "不予受理", "closed": "已办结"}


def _day(text: str | None, field: str) -> date:
    try:
        return date.fromisoformat(str(text or "").strip())
    except ValueError as exc:
        raise BadInput("dispatch.bad_date", field=field, value=text) from exc


def _enterprise(storage: Any, key: str) -> dict[str, Any]:
    record = admin.enterprise(storage, key)
    return {"id": record.entity_id, **record.payload}


def add(office: OfficeDB, storage: Any, *, channel: str, content: str, county: str = "", received_on: str,
        route: str = "direct", source_ref: str = "", petitioner: str = "", contact: str = "",
        anonymous: bool = False, enterprise: str = "", by: str = "cli") -> dict[str, Any]:
    """Register a complaint; its county is the enterprise's when one is named."""
    if channel not in rules.CHANNELS:
        raise BadInput("dispatch.bad_channel", value=channel, known="、".join(rules.CHANNELS))
    if route not in rules.ROUTES:
        raise BadInput("dispatch.bad_route", value=route, known=", ".join(rules.ROUTES))
    if not content.strip():
        raise BadInput("dispatch.no_content")
    received = _day(received_on, "received_on")
    if received > date.today():
        raise BadInput("dispatch.future_date", field="received_on", value=received_on)
    ent = _enterprise(storage, enterprise.strip()) if enterprise.strip() else None
    county = (ent or {}).get("county") or county.strip()
    if not county:
        raise BadInput("dispatch.no_county")
    complaint_id, now = str(uuid.uuid4()), utc_now()
    with office.transaction():
        serial = office.one("SELECT count(*) FROM office_complaints WHERE received_on >= ? AND received_on < ?",
                            (f"{received.year}-01-01", f"{received.year + 1}-01-01"))[0] + 1
        number = f"信{received.year}-{serial:05d}"
        while office.one("SELECT 1 FROM office_complaints WHERE number = ?", (number,)):
            serial += 1
            number = f"信{received.year}-{serial:05d}"
        values = {"id": complaint_id, "number": number, "channel": channel, "source_ref": source_ref.strip(),
                  "route": route, "received_on": received.isoformat(), "content": content.strip(),
                  "petitioner": "" if anonymous else petitioner.strip(), "contact": "" if anonymous else contact.strip(),
                  "anonymous": int(anonymous), "enterprise_id": (ent or {}).get("id"),
                  "enterprise_name": (ent or {}).get("name", ""), "county": county,
                  "accept_due": rules.accept_due(received).isoformat(), "accepted_on": None, "not_accepted_reason": "",
                  "close_due": None, "extension_days": 0, "extension_reason": "", "extension_by": "",
                  "closed_on": None, "result": "", "reply": "", "task_id": None, "created_by": by,
                  "created_at": now, "updated_at": now}
        office.run(f"INSERT INTO office_complaints ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                   [values[c] for c in COLUMNS])
    return get(office, complaint_id)


def get(office: OfficeDB, key: str, today: date | None = None) -> dict[str, Any]:
    row = office.one(f"SELECT {', '.join(COLUMNS)} FROM office_complaints WHERE id = ? OR number = ?", (key, key))
    if row is None:
        raise NotFound("dispatch.no_complaint", id=key)
    return _view(dict(zip(COLUMNS, row, strict=True)), today or date.today())


def _view(c: dict[str, Any], today: date) -> dict[str, Any]:
    c["anonymous"] = bool(c["anonymous"])
    if c["closed_on"]:
        status = "closed"
    elif c["not_accepted_reason"]:
        status = "not_accepted"
    elif c["accepted_on"]:
        status = "accepted"
    else:
        status = "received"
    c["status"], c["status_label"] = status, STATUS_LABELS[status]
    accept_warn = rules.warning(today, date.fromisoformat(c["accept_due"]), status != "received")
    close_warn = rules.warning(today, date.fromisoformat(c["close_due"]) if c["close_due"] else None,
                               status != "accepted")
    c["warning"] = close_warn or accept_warn
    c["warning_text"] = {"overdue": "已超期", "soon": "临近期限", "": ""}[c["warning"]]
    c["warning_of"] = "办结" if close_warn else ("受理告知" if accept_warn else "")
    c["closed_on_time"] = bool(c["closed_on"] and c["close_due"] and c["closed_on"] <= c["close_due"])
    return c


# a complaint's status as SQL (the same order as _view: closed, then not accepted, then accepted, else received)
STATUS_SQL = {"closed": "closed_on IS NOT NULL",
              "not_accepted": "closed_on IS NULL AND not_accepted_reason <> ''",
              "accepted": "closed_on IS NULL AND not_accepted_reason = '' AND accepted_on IS NOT NULL",
              "received": "closed_on IS NULL AND not_accepted_reason = '' AND accepted_on IS NULL",
              "warning": "closed_on IS NULL AND not_accepted_reason = ''"}  # then by date, in Python


def list_complaints(office: OfficeDB, today: date | None = None, status: str | None = None,
                    limit: int = 500, offset: int = 0, county: str | None = None) -> list[dict[str, Any]]:
    """Complaints, newest first: status (STATUS_SQL's keys; warning = near or past a deadline) and county
    filter the whole register before limit/offset cut a page of it."""
    today = today or date.today()
    where, params = [], []
    if status in STATUS_SQL:
        where.append(STATUS_SQL[status])
    if county:
        where.append("county = ?")
        params.append(county)
    sql = (f"SELECT {', '.join(COLUMNS)} FROM office_complaints" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY received_on DESC, number DESC")
    if status != "warning":  # the open ones a warning is computed for are few; every other filter is SQL
        rows = office.rows(sql + " LIMIT ? OFFSET ?", (*params, limit, max(0, offset)))
        return [_view(dict(zip(COLUMNS, r, strict=True)), today) for r in rows]
    items = [_view(dict(zip(COLUMNS, r, strict=True)), today) for r in office.rows(sql, params)]
    return [c for c in items if c["warning"]][max(0, offset):max(0, offset) + limit]


def _update(office: OfficeDB, complaint_id: str, **values: Any) -> None:
    sets = ", ".join(f"{k} = ?" for k in values)
    office.run(f"UPDATE office_complaints SET {sets}, updated_at = ? WHERE id = ?",
               [*values.values(), utc_now(), complaint_id])


def accept(office: OfficeDB, key: str, accepted_on: str) -> dict[str, Any]:
    """受理: the 办结 deadline runs from this day (art. 34)."""
    c = get(office, key)
    if c["status"] != "received":
        raise BadInput("dispatch.complaint_state", number=c["number"], status=c["status_label"])
    day = _day(accepted_on, "accepted_on")
    if day < date.fromisoformat(c["received_on"]) or day > date.today():
        raise BadInput("dispatch.accept_date", number=c["number"], day=accepted_on)
    with office.transaction():
        _update(office, c["id"], accepted_on=day.isoformat(), close_due=rules.close_due(day).isoformat())
    return get(office, c["id"])


def refuse(office: OfficeDB, key: str, reason: str) -> dict[str, Any]:
    """不予受理 (e.g. outside competence, transferred on): no 办结 deadline; the reason is kept."""
    c = get(office, key)
    if c["status"] != "received":
        raise BadInput("dispatch.complaint_state", number=c["number"], status=c["status_label"])
    if not reason.strip():
        raise BadInput("dispatch.no_reason")
    with office.transaction():
        _update(office, c["id"], not_accepted_reason=reason.strip())
    return get(office, c["id"])


def extend(office: OfficeDB, key: str, days: int, reason: str, approved_by: str) -> dict[str, Any]:
    """Extension approved by the 负责人 (≤ 30 days in all, with the reason told to the petitioner)."""
    c = get(office, key)
    if c["status"] != "accepted":
        raise BadInput("dispatch.complaint_state", number=c["number"], status=c["status_label"])
    if not reason.strip() or not approved_by.strip():
        raise BadInput("dispatch.extension_needs_reason")
    total = c["extension_days"] + days
    due = rules.close_due(date.fromisoformat(c["accepted_on"]), total)
    with office.transaction():
        _update(office, c["id"], extension_days=total, extension_reason=reason.strip(),
                extension_by=approved_by.strip(), close_due=due.isoformat())
    return get(office, c["id"])


def assign(office: OfficeDB, storage: Any, key: str, officers: list[str], due: str | None = None) -> dict[str, Any]:
    """The complaint as a 信访 task for these officers (due: the 办结 deadline unless given)."""
    c = get(office, key)
    if c["status"] != "accepted":
        raise BadInput("dispatch.assign_unaccepted", number=c["number"])
    if not c["enterprise_id"]:
        raise BadInput("dispatch.assign_no_enterprise", number=c["number"])
    if len(set(officers)) < 2:
        raise BadInput("dispatch.two_officers")
    due_day = _day(due, "due").isoformat() if due else c["close_due"]
    task_id = c["task_id"] or str(uuid.uuid4())
    admin.assign_task(storage, c["enterprise_id"], officers, "complaint", due_day,
                      f"{c['enterprise_name']} 信访核查（{c['number']}）", task_id=task_id,
                      note=f"{c['channel']}：{c['content'][:200]}")
    with office.transaction():
        _update(office, c["id"], task_id=task_id)
    return get(office, c["id"])


def close(office: OfficeDB, key: str, closed_on: str, result: str, reply: str = "") -> dict[str, Any]:
    c = get(office, key)
    if c["status"] != "accepted":
        raise BadInput("dispatch.complaint_state", number=c["number"], status=c["status_label"])
    if result not in rules.RESULTS:
        raise BadInput("dispatch.bad_result", value=result, known="、".join(rules.RESULTS))
    day = _day(closed_on, "closed_on")
    if day < date.fromisoformat(c["accepted_on"]) or day > date.today():
        raise BadInput("dispatch.close_date", number=c["number"], day=closed_on)
    with office.transaction():
        _update(office, c["id"], closed_on=day.isoformat(), result=result, reply=reply.strip())
    return get(office, c["id"])
