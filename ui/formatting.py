"""How dates, officers and labels are shown in lists (no Qt here beyond what callers pass)."""

from __future__ import annotations

from datetime import datetime

from eco_field.industries import industry_label
from eco_field.records import INSPECTION_STATUSES, TASK_KINDS, TASK_STATUSES, Inspection, Task


def short_time(iso: str | None) -> str:
    """2026-06-05T09:30:00+08:00 -> 2026-06-05 09:30 (the stored local time, offset dropped)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def officer_names(insp: Inspection) -> str:
    return "、".join(o.name for o in insp.officers)


def inspection_status(insp: Inspection) -> str:
    return INSPECTION_STATUSES.get(insp.status, insp.status)


def task_kind(task: Task) -> str:
    return TASK_KINDS.get(task.kind, task.kind)


def task_status(task: Task) -> str:
    return TASK_STATUSES.get(task.status, task.status)


def industry_name(code: str) -> str:
    return industry_label(code)


def instrument_format(name: str) -> str:
    """An instrument-export format key (gasmet_calcmet) as the officer reads it, in the interface language."""
    from eco_field import messages

    code = f"readings.format.{name}"
    return messages.text(code) if messages.has(code) else name
