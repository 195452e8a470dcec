"""The hearing's particulars as the case record holds them: the data of the `hearing_requested` (for the notice)
or `hearing_held` (for the record) event — keys time, place, presider, recorder, members, agents — or, where the
event carries none, its note written 「时间：2026-07-10 09:00；地点：…；主持人：…；记录人：…」. From record format 5
the 听证笔录 also reads the `hearing_held` event's hearing_officers [names], representatives [{name, role}],
withdrawal (yes|no), withdrawal_decision, investigators_statement and final_statement (heard())."""

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


# the notices a party may ask a hearing on, and the event that records each one served
NOTICE_SERVED = {"penalty-notice": "notified", "daily-penalty-notice": "daily_notified",
                 "production-notice": "production_notified"}


def answered_notice(src: Source, rec: dict[str, Any]) -> dict[str, Any] | None:
    """The notice the hearing was asked on: the last issued of the penalty, 按日 and 限产/停产 notices, with the
    title it carries."""
    from eco_field.documents.kinds.service_receipt import served_title

    found = [d for d in rec.get("earlier", []) if d["kind"] in NOTICE_SERVED]
    return found and {**found[-1], "title": served_title(src, found[-1]["kind"])} or None


def heard(src: Source) -> dict[str, Any]:
    """What the `hearing_held` event records beyond time, place, presider and recorder (record format 5): the
    hearing officers, the party's agents {name, role}, the 回避 question (withdrawal yes|no|'' and the
    decision), the investigators' added statement and the party's final statement. Missing: empty."""
    rows = facts.event_rows(src, "hearing_held")
    data = rows[-1]["data"] if rows else {}
    agents = [{"name": str(a.get("name") or "").strip(), "role": str(a.get("role") or "").strip()}
              for a in data.get("representatives") or [] if isinstance(a, dict)]
    return {"hearing_officers": [str(n).strip() for n in data.get("hearing_officers") or [] if str(n).strip()],
            "representatives": [a for a in agents if a["name"]],
            **{key: str(data.get(key) or "").strip() for key in
               ("withdrawal", "withdrawal_decision", "investigators_statement", "final_statement")}}


def agent_text(agent: dict[str, str]) -> str:
    return f"{agent['name']}（{agent['role']}）" if agent["role"] else agent["name"]


def notified_fen(src: Source, number: str) -> int | None:
    """The fine (in fen) a notice stated when it was issued (its facts), None where it stated none."""
    row = src.db.execute("SELECT json_extract(facts_json, '$.amount_fen') FROM documents WHERE number = ?",
                         [number]).fetchone()
    return row[0] if row and row[0] is not None else None
