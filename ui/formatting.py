"""How dates, officers and labels are shown in lists (no Qt here beyond what callers pass)."""

from __future__ import annotations

from datetime import datetime

from eco_field.clock import DEFAULT_TIME_ZONE, zone
from eco_field.industries import industry_label
from eco_field.records import INSPECTION_STATUSES, TASK_KINDS, TASK_STATUSES, Inspection, Task

_display = {"zone": DEFAULT_TIME_ZONE}  # the configured zone (setting time_zone), set when the window opens


def set_display_zone(name: str) -> None:
    _display["zone"] = name or DEFAULT_TIME_ZONE


def short_time(iso: str | None) -> str:
    """2026-06-05T01:30:00Z -> 2026-06-05 09:30: a time with an offset is shown in the configured zone (the
    last sync time was stored in UTC and shown so beside +08:00 times); a time without one as it is."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(zone(_display["zone"]))
        except Exception:  # noqa: BLE001 - an unknown zone name: show the time as stored
            pass
    return moment.strftime("%Y-%m-%d %H:%M")


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


def short_name(description: str, most: int = 16) -> str:
    """A catalog description cut for a table cell or a message (the whole one is in a tooltip)."""
    head = description.split("（")[0]
    return head if len(head) <= most else head[:most] + "…"
