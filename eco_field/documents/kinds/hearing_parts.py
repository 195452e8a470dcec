"""The hearing's particulars as the case record holds them: the data of the `hearing_requested` (for the notice)
or `hearing_held` (for the record) event — keys time, place, presider, recorder, members, agents — or, where the
event carries none, its note written 「时间：2026-07-10 09:00；地点：…；主持人：…；记录人：…」."""

from __future__ import annotations

import re
from typing import Any

from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source
from eco_field.errors import BadInput

FIELD = re.compile(r"(时间|地点|主持人|记录人|听证员|委托代理人)\s*[:：=]\s*([^；;\n]+)")
# an ISO day with an optional hour as officers type it into the event: 2026-11-06 9时, 2026-07-10 09:30, …T09:00
ISO_TIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})\s*(?:[:：时]\s*(\d{1,2})\s*分?)?\s*时?)?(.*)$",
                      re.DOTALL)
KEYS = {"时间": "time", "地点": "place", "主持人": "presider", "记录人": "recorder", "听证员": "members",
        "委托代理人": "agents"}


def particulars(src: Source, event: str, case_id: str, why: str, required: tuple[str, ...] = ()) -> dict[str, Any]:
    rows = facts.event_rows(src, event)
    if not rows:
        raise BadInput("kinds.missing_event", case=case_id, event=event, why=why)
    found = rows[-1]
    out = {key: "" for key in KEYS.values()}
    out.update({KEYS[k]: v.strip() for k, v in FIELD.findall(found["note"] or "")})
    out.update({k: str(v).strip() for k, v in found["data"].items() if k in out and v})
    missing = [label for label, key in KEYS.items() if key in required and not out[key]]
    if missing:
        raise BadInput("kinds.hearing_particulars", event=event, missing="、".join(missing))
    return {"date": found["date"], **out}


def time_text(value: str) -> str:
    """The hearing time as a document prints it: 2026-11-06 9时 -> 2026年11月6日9时, 09:30 -> 9时30分; a time
    already written in words is printed as recorded (typesetting only: the record keeps what was typed)."""
    found = ISO_TIME.match(value or "")
    if not found:
        return value
    year, month, day, hour, minute, rest = found.groups()
    text = f"{int(year)}年{int(month)}月{int(day)}日"
    if hour is not None:
        text += f"{int(hour)}时" + (f"{int(minute)}分" if minute and int(minute) else "")
    return text + rest.strip()
