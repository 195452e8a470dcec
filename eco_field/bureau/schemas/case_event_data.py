"""The data a pushed case event carries, checked against what the laptop's own code records for that event:
the 听证 fields (law.case_steps.HEARING_FIELDS and their kinds), a 解除 ground (law.release_grounds), a monitoring
report's results (law.monitoring_results.sound) and an approval's step (law.approvals.STEPS). The rules stay
in those modules; this only asks them. Events recorded before a field existed carry no such key and pass.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

from eco_field.bureau.schemas.common import _visible
from eco_field.law import approvals, monitoring_results, release_grounds
from eco_field.law.case_steps import HEARING_FIELDS

MAX_PEOPLE = 20          # 听证员 or 委托代理人 a record lists (the procedure allows 2 agents: it says so itself)
MAX_NAME = 100
MAX_TEXT = 20_000
_LINE_BREAKS = str.maketrans("", "", "\n\r\t")  # statements and notes are written over several lines


def check(event: str, data: dict[str, Any] | None) -> None:
    """PydanticCustomError("event_data") naming the event and the data item that is not as recorded."""
    if not data:
        return
    rule = _RULES.get(event)
    if rule is not None:
        field = rule(data)
        if field is not None:
            raise PydanticCustomError("event_data", "{event} event: data item {field} is not as the laptop records it",
                                      {"event": event, "field": field})


def _name(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_NAME and _shown(value)


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT and _shown(value.translate(_LINE_BREAKS))


def _shown(value: str) -> bool:
    try:
        _visible(value)
    except PydanticCustomError:
        return False
    return True


def _agent(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"name", "role"} and _name(value["name"]) \
        and bool(value["name"].strip()) and _name(value["role"])


_KIND_CHECKS = {
    "names": lambda v: isinstance(v, list) and len(v) <= MAX_PEOPLE and all(_name(n) and n.strip() for n in v),
    "agents": lambda v: isinstance(v, list) and len(v) <= MAX_PEOPLE and all(_agent(a) for a in v),
    "yesno": lambda v: v in ("yes", "no"),
}
_SHORT = {"presider", "recorder", "time", "place"}  # one line each, as the record's head prints them


def _hearing(data: dict[str, Any]) -> str | None:
    fields = {f.key: f for f in HEARING_FIELDS}
    for key, value in data.items():
        f = fields.get(key)
        if f is None:
            return key
        ok = _KIND_CHECKS[f.kind](value) if f.kind in _KIND_CHECKS else (_name if key in _SHORT else _text)(value)
        if not ok:
            return key
    return None


def _seizure_lifted(data: dict[str, Any]) -> str | None:
    ground = data.get("ground")
    # stored as its code (case_steps.event_data normalises it); absent on events recorded before grounds
    return "ground" if ground is not None and (not isinstance(ground, str) or ground not in release_grounds.BY_CODE) \
        else None


def _monitoring_report(data: dict[str, Any]) -> str | None:
    results = data.get("results")
    if results is None:
        return None
    if not isinstance(results, list) or len(results) > monitoring_results.MAX_RESULTS \
            or not all(monitoring_results.sound(r) and all(_text(v) for v in r.values() if isinstance(v, str))
                       for r in results):
        return "results"
    return None


def _approved(data: dict[str, Any]) -> str | None:
    if not isinstance(data.get("step"), str) or data["step"] not in approvals.STEPS:
        return "step"
    # a missing approver or role is the procedure's to refuse (approvals.check_approver), with its reason
    return next((key for key in ("by", "role") if key in data and not _name(data[key])), None)


_RULES = {"hearing_held": _hearing, "seizure_lifted": _seizure_lifted, "monitoring_report": _monitoring_report,
          "approved": _approved}
