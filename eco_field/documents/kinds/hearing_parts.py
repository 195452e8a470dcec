"""The hearing's particulars as the case record holds them: the note of the `hearing_requested` (for the
notice) or `hearing_held` (for the record) event, written 「时间：2026-07-10 09:00；地点：…；主持人：…；记录人：…」."""

from __future__ import annotations

import re
from typing import Any

from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source
from eco_field.errors import BadInput

FIELD = re.compile(r"(时间|地点|主持人|记录人|听证员|委托代理人)\s*[:：=]\s*([^；;\n]+)")


def particulars(src: Source, event: str, case_id: str, why: str) -> dict[str, Any]:
    found = facts.last_event(src, event)
    if found is None:
        raise BadInput("kinds.missing_event", case=case_id, event=event, why=why)
    fields = {k: v.strip() for k, v in FIELD.findall(found["note"] or "")}
    return {"date": found["date"], "time": fields.get("时间", ""), "place": fields.get("地点", ""),
            "presider": fields.get("主持人", ""), "recorder": fields.get("记录人", ""),
            "members": fields.get("听证员", ""), "agents": fields.get("委托代理人", "")}
