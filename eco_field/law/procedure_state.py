"""What the procedure engine reads about one case: its event log (with each event's details), violations and
their catalog entries, the assessment, the documents issued, the photos' flags and the settings that tune
the procedure. procedure.py decides from this; nothing here decides what may happen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlite_utils

from eco_field import money
from eco_field.clock import now_local, zone
from eco_field.errors import NotFound
from eco_field.law.catalog import CatalogEntry, load_catalog
from eco_field.law.data_dir import data_dir_of
from eco_field.law.discretion import Assessment
from eco_field.law.workdays import WorkCalendar, load_calendar
from eco_field.store import settings

# The 行政处罚法 gives no period for 陈述申辩 and the 2023 办法's rule could not be read (procedure.md §1.8):
# the notice states the period; configurable, default 5 working days.
STATEMENT_DAYS_SETTING = "procedure_statement_days"
HEARING_REQUEST_WORKING_DAYS = 5      # 《行政处罚法》第六十四条第一项, 第八十五条
HEARING_NOTICE_WORKING_DAYS = 7       # 《行政处罚法》第六十四条第二项
DEFAULT_HEARING_THRESHOLD = 200_000   # 办法 art 89 (commentary; legal persons; 200,000 itself gets the right)
# 法 art 58 / art 57: which cases are 重大 is a bureau list (Lüliang's was not available): fine thresholds here
LEGAL_REVIEW_SETTING = "procedure_legal_review_min_fine"
COLLECTIVE_SETTING = "procedure_collective_min_fine"
DEFAULT_MAJOR_FINE = 1_000_000
# 超标排放: the catalog entries whose violation is exceeding a discharge standard or a permitted concentration
_EXCEEDANCE = re.compile(r"超过.*(排放标准|许可排放浓度)")


def is_exceedance_entry(description: str) -> bool:
    """Is a catalog violation one of exceeding a standard (超标排放): the procedure's rule, which the documents
    also follow when they print the measured exceedances under a violation."""
    return bool(_EXCEEDANCE.search(description))


@dataclass
class Event:
    seq: int
    code: str
    day: date
    note: str
    data: dict[str, Any]


@dataclass
class CaseState:
    case_id: str
    status: str
    inspection_id: str
    events: list[Event]
    entries: list[CatalogEntry]
    evidence: dict[str, list[str]]            # catalog id -> evidence ids
    assessment: Assessment | None
    documents: list[dict[str, Any]]           # kind, number, status, issued_at (voided ones left out)
    photo_flags: dict[str, dict[str, Any]]    # evidence id -> {name, reasons}
    investigators: list[str]                  # names of the inspection's officers
    today: date
    calendar: WorkCalendar
    settings: dict[str, str] = field(default_factory=dict)

    # -- the event log --
    def all(self, code: str) -> list[Event]:
        return [e for e in self.events if e.code == code]

    def last(self, code: str) -> Event | None:
        found = self.all(code)
        return found[-1] if found else None

    def has(self, code: str) -> bool:
        return any(e.code == code for e in self.events)

    def after(self, code: str, since: Event | None) -> list[Event]:
        """Events of a kind recorded after another (by date, then by order of recording)."""
        if since is None:
            return self.all(code)
        return [e for e in self.all(code) if (e.day, e.seq) >= (since.day, since.seq) and e.seq != since.seq]

    # -- derived facts --
    @property
    def amount(self) -> int:
        return self.assessment.amount if self.assessment else 0

    @property
    def amount_fen(self) -> int:
        return money.fen_of(self.assessment.to_dict()) if self.assessment else 0

    @property
    def no_penalty_assessed(self) -> bool:
        return self.assessment is not None and self.assessment.decision == "no_penalty"

    @property
    def discovered(self) -> date:
        first = self.last("discovered")
        return first.day if first else self.today

    def number(self, key: str, default: float) -> float:
        try:
            return float(self.settings.get(key) or default)
        except ValueError:
            return default

    @property
    def hearing_right(self) -> bool:
        """法 art 63: 较大数额罚款. The penalty notice's right only: a 限产/停产 has a notice and hearing of its own
        (限产办法第十一条; hearing_right_for), so a later halt does not change what the fine's notice offered."""
        return fine_hearing_right(self.amount, self.settings)

    def hearing_right_for(self, notice: Event | None) -> bool:
        """The hearing right the notice offers: a 限产/停产 notice always (限产办法第十一条: 陈述、申辩或者要求
        举行听证的权利; for 停产整治 also 《行政处罚法》第六十三条), a penalty notice by the fine."""
        if notice is not None and notice.code == "production_notified":
            return True
        if notice is not None and notice.code == "daily_notified":  # the round's own total (法 art 63; 按日办法第十五条)
            from eco_field.law.procedure_facts import round_amount

            return round_amount(self, notice) >= self.number("doc_hearing_threshold", DEFAULT_HEARING_THRESHOLD)
        return self.hearing_right

    @property
    def exceedance(self) -> list[CatalogEntry]:
        return [e for e in self.entries if is_exceedance_entry(e.description)]

    def grants(self, measure: str) -> list[CatalogEntry]:
        return [e for e in self.entries if any(measure in m.get("measure", "") for m in e.measures)]

    def documents_of(self, kind: str, round_no: int | None = None) -> list[dict[str, Any]]:
        """The current documents of a kind (of one round only, for a kind that repeats: law/rounds.py)."""
        from eco_field.law.rounds import document_round

        return [d for d in self.documents if d["kind"] == kind
                and (round_no is None or document_round(d) == round_no)]

    def issued_on(self, kind: str) -> date | None:
        """The date of issue of the current document of this kind (None when none is issued)."""
        docs = self.documents_of(kind)
        return date.fromisoformat(docs[-1]["issued_on"]) if docs else None

    def approvals(self, step: str) -> list[Event]:
        return [e for e in self.all("approved") if e.data.get("step") == step]

    def statement_due(self, notice: Event) -> date:
        days = statement_days(self.settings)
        return self.calendar.add_working_days(notice.day, days)

    def hearing_due(self, notice: Event) -> date:
        return self.calendar.add_working_days(notice.day, HEARING_REQUEST_WORKING_DAYS)

    def statements(self) -> list[dict[str, Any]]:
        return group_statements([(e.day.isoformat(), e.note, e.data) for e in self.all("statement")])

    def evidence_note(self, evidence_id: str) -> dict[str, str] | None:
        for e in reversed(self.events):
            if e.code in ("evidence_explained", "evidence_excluded") and e.data.get("evidence_id") == evidence_id:
                return {"action": "explain" if e.code == "evidence_explained" else "exclude",
                        "text": str(e.data.get("text") or e.note)}
        return None

    def decision_due(self) -> date | None:
        """立案 + 90 days, +30 with the 负责人's approval, +30 more after 集体讨论, plus the days suspended."""
        filed = self.last("filed")
        if filed is None:
            return None
        extra = 30 * self.has("decision_extended") + 30 * self.has("decision_extended_collective")
        suspended = 0
        for stop in self.all("suspended"):
            resume = next((r for r in self.all("resumed") if r.day >= stop.day), None)
            suspended += ((resume.day if resume else self.today) - stop.day).days
        return filed.day + timedelta(days=90 + extra + suspended)


def fine_hearing_right(amount: float, values: dict[str, str]) -> bool:
    """法 art 63: a 较大数额 fine (the bureau's threshold, setting doc_hearing_threshold) gives the hearing right."""
    try:
        threshold = float(values.get("doc_hearing_threshold") or DEFAULT_HEARING_THRESHOLD)
    except ValueError:
        threshold = DEFAULT_HEARING_THRESHOLD
    return amount >= threshold


def statement_days(values: dict[str, str]) -> int:
    """The 陈述、申辩 period in working days: what the procedure waits and the notice states (setting, default 5)."""
    try:
        return int(float(values.get(STATEMENT_DAYS_SETTING) or 5))
    except ValueError:
        return 5


def group_statements(items: list[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The party's statements from their events (date, note, data); a later record with the same text is its
    复核 (adopted or not, and why)."""
    by_text: dict[str, dict[str, Any]] = {}
    for day, note, data in items:
        text = str(data.get("text") or note)
        hearing = bool(data.get("at_hearing"))
        item = by_text.setdefault(text, {"date": day, "text": text, "adopted": None, "reason": "",
                                         "at_hearing": hearing, "kind": "hearing" if hearing else "statement"})
        if data.get("adopted") is not None:
            item["adopted"], item["reason"] = bool(data["adopted"]), str(data.get("reason") or "")
    return list(by_text.values())


def approval_list(items: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Approvals from their events (date, data): step, by, role, opinion, date, source."""
    return [{"step": d.get("step", ""), "by": d.get("by", ""), "role": d.get("role", ""),
             "opinion": d.get("opinion", ""), "date": day, "source": d.get("source", "device")} for day, d in items]


def load(db: sqlite_utils.Database, case_id: str, today: date | None = None) -> CaseState:
    row = db.execute("SELECT status, inspection_id, assessment_json FROM cases WHERE id = ?", [case_id]).fetchone()
    if row is None:
        raise NotFound("law.no_case", id=case_id)
    catalog = load_catalog(data_dir_of(db))
    entries, evidence = [], {}
    for catalog_id, evidence_json in db.execute(
            "SELECT catalog_id, evidence_json FROM case_violations WHERE case_id = ? ORDER BY position", [case_id]):
        if catalog_id in catalog:
            entries.append(catalog[catalog_id])
        evidence[catalog_id] = list(json.loads(evidence_json or "[]"))
    values = settings.get_all(db)
    return CaseState(
        case_id=case_id, status=row[0], inspection_id=row[1], events=_events(db, case_id), entries=entries,
        evidence=evidence, assessment=Assessment.from_dict(json.loads(row[2])) if row[2] else None,
        documents=_documents(db, case_id), photo_flags=_photo_flags(db, row[1], evidence),
        investigators=_investigators(db, row[1]),
        today=today or now_local(values.get("time_zone")).date(), calendar=load_calendar(data_dir_of(db)),
        settings=values)


def _events(db: sqlite_utils.Database, case_id: str) -> list[Event]:
    rows = db.execute("SELECT id, event, date, note, data_json FROM case_events WHERE case_id = ? ORDER BY date, id",
                      [case_id]).fetchall()
    return [Event(r[0], r[1], date.fromisoformat(r[2]), r[3], json.loads(r[4] or "{}")) for r in rows]


def _documents(db: sqlite_utils.Database, case_id: str) -> list[dict[str, Any]]:
    if "case_id" not in {c.name for c in db["documents"].columns}:
        return []
    # issued_on: the date of issue printed on it (its facts' issued_date; older ones: the day it was stored)
    rows = db.execute("SELECT kind, number, status, issued_at, json_extract(facts_json, '$.issued_date'),"
                      " json_extract(facts_json, '$.amount_fen'), json_extract(facts_json, '$.round') FROM documents"
                      " WHERE case_id = ? ORDER BY rowid", [case_id]).fetchall()
    tz = settings.get(db, "time_zone")
    return [{"kind": k, "number": n, "status": s, "issued_at": i, "issued_on": on or _local_day(i, tz),
             "amount_fen": fen, "round": rnd} for k, n, s, i, on, fen, rnd in rows if s not in ("void", "voided")]


def _local_day(iso: str, tz: str) -> str:
    moment = datetime.fromisoformat(iso)
    return (moment.astimezone(zone(tz)) if moment.tzinfo and tz else moment).date().isoformat()


def _photo_flags(db: sqlite_utils.Database, inspection_id: str, evidence: dict[str, list[str]]) -> dict[str, Any]:
    """Flags of the photos the violations cite (outside the window, far from the site, no time or place)."""
    from eco_field.evidence.service import list_evidence

    cited = {i for ids in evidence.values() for i in ids}
    if not cited:
        return {}
    return {item["id"]: {"name": item["original_name"], "reasons": list((item.get("flag_reasons") or {}).values())
                         or list(item["flags"])}
            for item in list_evidence(db, inspection_id) if item["id"] in cited and item["flags"]}


def _investigators(db: sqlite_utils.Database, inspection_id: str) -> list[str]:
    from eco_field.store import inspections

    try:
        found = inspections.get(db, inspection_id)
    except NotFound:
        return []
    return [o.name for o in getattr(found, "officers", []) if getattr(o, "name", "")]
