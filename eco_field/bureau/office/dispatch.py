"""Tasks of every kind (双随机, 信访, 督察整改, 日常) with their due dates and status as the laptops report it:
a task's inspection pushed as a draft means 进行中, sealed means 已完成 (the laptops keep task status changes
local; their inspections, which name the task, are what reaches the bureau). A task the bureau cancelled stays
已取消. Overdue: past its due date and not done."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from eco_field.bureau.office import complaint_rules, projection
from eco_field.bureau.office.db import OfficeDB
from eco_field.records import TASK_KINDS, TASK_STATUSES

SQL = ("SELECT t.id, t.kind, t.title, t.due_date, t.status, t.officers, e.name, e.county FROM office_fig_tasks t"
       " LEFT JOIN office_fig_enterprises e ON e.id = t.enterprise_id")
CHECKS = ("SELECT task_id, count(*), max(sealed), max(day), max(findings) FROM office_fig_inspections"
          " WHERE task_id IN ({marks}) GROUP BY task_id")
PAGE = 500


def status_of(bureau_status: str, inspections: int, sealed: int) -> str:
    if bureau_status == "cancelled":
        return "cancelled"
    if sealed:
        return "done"
    return "in_progress" if inspections else ("done" if bureau_status == "done" else "open")


def tasks(office: OfficeDB, *, kind: str | None = None, county: str | None = None, status: str | None = None,
          task_ids: list[str] | None = None, today: date | None = None, limit: int = 300,
          offset: int = 0) -> list[dict[str, Any]]:
    """Tasks in due-date order, each with status, overdue warning and officers; read a page at a time (the
    status comes from the inspections, so a status filter is applied to each page). offset: how many of the
    matching tasks to skip (the console's pages)."""
    projection.catch_up(office)
    today = today or date.today()
    where, params = [], []
    if kind:
        where.append("t.kind = ?")
        params.append(kind)
    if county:
        where.append("e.county = ?")
        params.append(county)
    if task_ids is not None:
        if not task_ids:
            return []
        where.append(f"t.id IN ({', '.join('?' * len(task_ids))})")
        params += task_ids
    sql = SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY t.due_date, t.title LIMIT ? OFFSET ?"
    result: list[dict[str, Any]] = []
    wanted = max(0, offset) + limit
    read, size = 0, max(50, min(PAGE, wanted + 1))
    while len(result) < wanted:
        page = office.rows(sql, (*params, size, read))
        read += size
        checks = {r[0]: r[1:] for r in office.rows(CHECKS.format(marks=", ".join("?" * len(page))),
                                                   [r[0] for r in page])} if page else {}
        for tid, k, title, due, bureau_status, officers, name, place in page:
            n, sealed, day, findings = checks.get(tid, (0, 0, None, 0))
            state = status_of(bureau_status, n or 0, sealed or 0)
            if status and status != "overdue" and state != status:
                continue
            warn = complaint_rules.warning(today, date.fromisoformat(due) if due else None,
                                           state in ("done", "cancelled"))
            if status == "overdue" and warn != "overdue":
                continue
            result.append({"id": tid, "kind": k, "kind_label": TASK_KINDS.get(k, k), "title": title, "due_date": due,
                           "status": state, "status_label": TASK_STATUSES.get(state, state), "enterprise": name or "",
                           "county": place or "", "officers": [o["name"] for o in json.loads(officers or "[]")],
                           "checked_on": day if sealed else None,
                           "problems_found": bool(findings) if sealed else None, "warning": warn,
                           "warning_text": {"overdue": "已超期", "soon": "临近期限", "": ""}[warn]})
            if len(result) >= wanted:
                break
        if len(page) < size:
            break
    return result[max(0, offset):]


def results_by_task(office: OfficeDB, task_ids: list[str]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in tasks(office, task_ids=task_ids, limit=len(task_ids) or 1)}
