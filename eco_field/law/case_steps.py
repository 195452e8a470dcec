"""Procedure events that carry details: approvals, the party's statements, monitoring reports (with the
report file kept as evidence) and a flagged photo's explanation or exclusion. Each is one case event,
checked by procedure.py like any other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from eco_field.errors import BadInput
from eco_field.law import approvals, cases, monitoring_results, release_grounds
from eco_field.store.blobs import register
from eco_field.store.database import write_transaction
from eco_field.store.evidence_rows import link_evidence
from eco_field.workspace import Workspace


def approve(db: sqlite_utils.Database, case_id: str, step: str, by: str, role: str, day: date | str,
            opinion: str = "", *, source: str = "device", sync: bool = True) -> cases.Case:
    """立案审批 / 负责人审批 / 法制审核 / 集体讨论 by a named person in a role (checked by the procedure)."""
    code = approvals.step_code(step)
    return cases.record_event(db, case_id, "approved", day, opinion.strip(),
                              {"step": code, "by": by.strip(), "role": role.strip(), "opinion": opinion.strip(),
                               "source": source}, sync=sync)


def parse_adopted(value: str | None) -> bool | None:
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    if text in ("yes", "y", "true", "1", "是", "采纳", "予以采纳"):
        return True
    if text in ("no", "n", "false", "0", "否", "不采纳", "不予采纳"):
        return False
    raise BadInput("law.adopted_yes_no", value=value)


def add_statement(db: sqlite_utils.Database, case_id: str, day: date | str, text: str, adopted: bool | None = None,
                  reason: str = "", *, at_hearing: bool = False) -> cases.Case:
    """The party's 陈述申辩 (or what it said at the hearing). Recorded again with the same text and --adopted,
    it is the 复核: whether it was adopted, and why."""
    if adopted is None and reason.strip():
        raise BadInput("law.reason_needs_adopted")
    return cases.record_event(db, case_id, "statement", day, text.strip(),
                              {"text": text.strip(), "adopted": adopted, "reason": reason.strip(),
                               "at_hearing": at_hearing or None})


def attach_monitoring_report(ws: Workspace, case_id: str, number: str, body: str, day: date | str,
                             file: str | Path, results: list[dict[str, Any]] | None = None) -> cases.Case:
    """A qualified body's monitoring report: number, body, date and its PDF or scan, stored unchanged in the
    blob store and linked as evidence of the case's inspection while that inspection is a draft (a sealed
    one takes no new evidence: the file is then kept by its hash in the event). results: what it measured,
    each {place, pollutant, value, unit, limit, standard, sampled} as typed (law/monitoring_results.py),
    checked here and kept in the event's data; a report attached without them is cited by number only."""
    path = Path(file)
    if not path.is_file():
        raise BadInput("os.not_found", path=path)
    case = cases.get(ws.db, case_id)
    checked = monitoring_results.check_all(results or [], _day(day), _outlets(ws, case.enterprise_id))
    ref = ws.blobs.put_file(path)
    with write_transaction(ws.db):
        register(ws.db, ref)
        evidence_id = None
        row = ws.db.execute("SELECT status FROM inspections WHERE id = ?", [case.inspection_id]).fetchone()
        if row is not None and row[0] == "draft":
            evidence_id, _ = link_evidence(ws.db, case.inspection_id, ref, "monitoring_report", path.name)
        data = {"number": number.strip(), "body": body.strip(), "evidence_id": evidence_id, "sha256": ref.sha256,
                "file_name": path.name}
        if checked:  # a report without results keeps the data it always had
            data["results"] = checked
        return cases.record_event(ws.db, case_id, "monitoring_report", day, f"{body.strip()} {number.strip()}",
                                  data)


def _day(day: date | str) -> date | None:
    """The report's date for checking a sampling date against it (a malformed one is the procedure's to refuse)."""
    try:
        return day if isinstance(day, date) else date.fromisoformat(str(day).strip())
    except ValueError:
        return None


def _outlets(ws: Workspace, enterprise_id: str) -> dict[str, tuple[str, str]]:
    """{code: (name, medium)} of the party's outlets: a result at DA001 is printed 「焦炉烟囱（DA001）」."""
    from eco_field.errors import NotFound
    from eco_field.store import enterprises

    try:
        return {o.code.upper(): (o.name, o.kind) for o in enterprises.get(ws.db, enterprise_id).outlets}
    except NotFound:
        return {}


def note_evidence(db: sqlite_utils.Database, case_id: str, evidence_id: str, text: str, day: date | str, *,
                  exclude: bool = False) -> cases.Case:
    """A flagged photo explained by the officer (printed beside it) or left out of the case."""
    return cases.record_event(db, case_id, "evidence_excluded" if exclude else "evidence_explained", day,
                              text.strip(), {"evidence_id": evidence_id, "text": text.strip()})


def flagged_photos(db: sqlite_utils.Database, case_id: str) -> list[dict[str, Any]]:
    """The case's cited photos that carry a flag (outside the window, far from the site, no time or place),
    each with its reasons and the officer's note so far: {id, name, reasons, note: {action, text} | None}.
    The GUI's photo form lists these; an unnoted one keeps the case from 告知 (procedure_guards.evidence_gaps)."""
    from eco_field.law.procedure_state import load

    state = load(db, case_id)
    return [{"id": evidence_id, "name": flag["name"], "reasons": list(flag["reasons"]),
             "note": state.evidence_note(evidence_id)} for evidence_id, flag in state.photo_flags.items()]


# -- the details an event carries beyond its date --
@dataclass(frozen=True)
class EventField:
    """One detail an event takes. key is the event's data key (the CLI option is --key with '-' for '_', or
    --flag where one is given; "note" is the event's note, --note). kind: text | choice (one of choices) | item
    (an article's item, 1–6, blank when the catalog grants the measure) | months | date | yesno | names (a
    list of names; the option repeats) | agents (a list of {name, role}; the option repeats, each
    「姓名（职务或与当事人的关系）」). The procedure checks the values and words what is missing; this only says
    which fields to offer."""

    key: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    flag: str = ""

    @property
    def option(self) -> str:
        return "--" + (self.flag or self.key.replace("_", "-"))

    @property
    def repeats(self) -> bool:
        return self.kind in ("names", "agents")


_NOTE, _APPROVER = EventField("note"), EventField("approved_by")
# 听证 (《行政处罚法》第六十四条): who heard the case, who spoke for the party, the 回避 question and its answer,
# and what the record of the hearing states beyond the party's statements (those are `cases statement --hearing`)
HEARING_FIELDS = (EventField("time"), EventField("place"), EventField("presider", flag="presiding"),
                  EventField("hearing_officers", "names", flag="hearing-officer"), EventField("recorder"),
                  EventField("representatives", "agents", flag="agent"), EventField("withdrawal", "yesno"),
                  EventField("withdrawal_decision"), EventField("investigators_statement"),
                  EventField("final_statement"), _NOTE)
_ITEMS = ("1", "2", "3", "4", "5", "6")
EVENT_FIELDS: dict[str, tuple[EventField, ...]] = {
    # 查封扣押办法第四条 item where the catalog grants no seizure; the note states the facts for it
    "seized": (EventField("measure", "choice", ("查封", "扣押")), EventField("ground_item", "item", _ITEMS),
               _NOTE, _APPROVER),
    "seizure_extended": (_NOTE, _APPROVER),
    # the ground of 行政强制法第二十八条第一款 (law/release_grounds.py: 1–5 or a named code); the note, its facts
    "seizure_lifted": (EventField("ground", "choice", tuple(g.code for g in release_grounds.GROUNDS)), _NOTE),
    "preserved": (_NOTE, _APPROVER),
    # 限制生产: months (≤ 3); 停产整治: the item of 限产办法第六条; the note is the facts
    "production_proposed": (EventField("measure", "choice", ("限制生产", "停产整治")), EventField("months", "months"),
                            EventField("ground_item", "item", _ITEMS), _NOTE),
    "production_limit_extended": (EventField("months", "months"), _NOTE, _APPROVER),
    "installments": (EventField("until", "date"), _NOTE),
    "hearing_held": HEARING_FIELDS,
    # the 听证通知书 names when, where and who hears (the persons are checked as for the hearing itself)
    "hearing_requested": HEARING_FIELDS[:5] + (_NOTE,),
    # 按日连续处罚办法第十六条: the decision states the refusal with the 复查's evidence (笔录 number, photos, video,
    # DCS data …) and who re-checked; the note is what was found
    "recheck_violation": (EventField("evidence"), EventField("officers", "names", flag="officer"), _NOTE),
    # what the party gave up in writing: the 陈述、申辩 only, or also the hearing the notice offered
    # (blank: both where the notice offered a hearing, else the statement; procedure_guards.waiver_scope)
    "waived": (EventField("scope", "choice", ("statement", "statement_and_hearing")), _NOTE),
}


def event_fields(code: str) -> tuple[EventField, ...]:
    """The details the event takes (just the note for an event with none of its own)."""
    return EVENT_FIELDS.get(code, (_NOTE,))


def event_data(code: str, values: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(note, data) for cases.record_event from the fields' values as typed: blanks are left out, so the
    procedure names a missing field as it does for the command line. A list field takes a list (a repeated
    option) or one text, names parted by 、，; a yes/no field takes yes|no|是|否."""
    fields = {f.key: f for f in event_fields(code) if f.key != "note"}
    data: dict[str, Any] = {}
    for key, value in values.items():
        f = fields.get(key)
        if f is None or value is None:
            continue
        typed = _typed(f, value)
        if typed:
            data[key] = typed
    if code == "seizure_lifted" and data.get("ground"):  # typed as 1–5 or a code: stored as the code
        data["ground"] = release_grounds.normalise(str(data["ground"]))
    return str(values.get("note") or "").strip(), data


NAME_SEPARATORS = re.compile(r"[、,，;；\n]+")
AGENT_SEPARATORS = re.compile(r"[;；\n]+")
# 「张三（环保部经理）」, 「张三(律师)」, 「张三：律师」, 「张三，律师」
AGENT = re.compile(r"^\s*([^（(:：,，]+?)\s*(?:[（(]\s*(.*?)\s*[)）]|[:：,，]\s*(.*?))?\s*$")


def _typed(f: EventField, value: Any) -> Any:
    if f.kind == "names":
        items = value if isinstance(value, list | tuple) else [value]
        return [n.strip() for item in items for n in NAME_SEPARATORS.split(str(item or "")) if n.strip()]
    if f.kind == "agents":
        items = value if isinstance(value, list | tuple) else [value]
        out = []
        for item in items:
            if isinstance(item, dict):
                name, role = str(item.get("name") or "").strip(), str(item.get("role") or "").strip()
                if name or role:
                    out.append({"name": name, "role": role})
                continue
            out += [parse_agent(part) for part in AGENT_SEPARATORS.split(str(item or "")) if part.strip()]
        return out
    if f.kind == "yesno":
        return parse_yes_no(str(value), f.option)
    return str(value).strip()


def parse_agent(text: str) -> dict[str, str]:
    """「姓名（职务或与当事人的关系）」 -> {name, role}; refused without a name."""
    found = AGENT.match(text)
    if not found or not found.group(1).strip():
        raise BadInput("procedure.agent_format", value=text.strip())
    return {"name": found.group(1).strip(), "role": (found.group(2) or found.group(3) or "").strip()}


def parse_yes_no(value: str, option: str) -> str:
    """yes | no (also 是/否, 申请/未申请) as recorded; blank stays blank."""
    text = value.strip().lower()
    if not text:
        return ""
    if text in ("yes", "y", "true", "1", "是", "申请", "申请回避"):
        return "yes"
    if text in ("no", "n", "false", "0", "否", "不申请", "未申请", "不申请回避"):
        return "no"
    raise BadInput("procedure.yes_no", option=option, value=value)
