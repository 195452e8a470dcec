"""What several document kinds share: the source of a render, dates in Chinese, party and officer rows,
the remedies clause and the legal-provision quotes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.platypus import Flowable

from eco_field.clock import zone
from eco_field.documents import sources
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.store import settings
from eco_field.workspace import Workspace

# The shape of gathered records. A document keeps the format it was issued with (its facts' record_format;
# none before format 2) and is gathered again in that format, so a change to what documents print never makes
# an issued one fail `documents verify`. 2: limits by kind (≥ 5, 6～9) and their exceedances in words.
# 3: the 催告书 counts the late days to its own date of issue and takes its due date from the procedure; the
#    按日连续处罚决定书 states the party's written waiver or the hearing held after its own notice; the
#    查封（扣押）决定书 cites 办法第四条第一款第N项.
# 4: the 立案日期 of the 调查报告 and 结案审批表 from the case's `filed` event (format 1-3 printed the day the case
#    was opened, i.e. discovered). Formats 3 and 4 were introduced together (no format-3 document was issued).
# 5: the 听证笔录 states the investigators' case (facts, evidence, provisions, the fine as the 告知书 proposed it),
#    the hearing's persons, the 回避 answer and the final statement from the `hearing_held` event; case
#    documents state the monitoring reports' results over their limits under each exceedance violation
#    (kinds/monitored.py; the screening sentence then drops out of the facts); the 结案审批表 names each
#    approver of the `closing` chain; the 解除查封（扣押）决定书 cites its ground's item of 行政强制法第二十八条
#    第一款 with the 办法's article and lists the released items under a heading; the 行政处罚决定书 states the
#    circumstances applied after the replies to statements; the 催告书's 加处罚款 comes from law.deadlines (to
#    the fen, capped at the fine); the 查封决定书's period and the 延期通知书's ends come from law.seizure_period
#    (30 days from the day after, +30 once); the 立案审批表 names each approver of the filing chain; the
#    不予行政处罚决定书 names the evidence its grounds rest on; a fine other than the benchmark's states the
#    bureau's reason (`discretion_reason`); the 告知书 kinds state the procedure's 陈述申辩 period
#    (`statement_days`); the 内部审批表 prints 不适用 where 法制审核/集体讨论 are not required; the 按日 notice and
#    decision leave out (and say) the days a 查封/扣押/停产整治 held, print the 复查's evidence and officers; the
#    decisions and orders print exactly what a written waiver gave up.
RECORD_FORMAT = 5


def gather_record(module: Any, src: Source) -> dict[str, Any]:
    """The kind's record, stamped with its format from format 2 on (format 1 records carry no stamp)."""
    rec = module.gather(src)
    if src.record_format > 1:
        rec["record_format"] = src.record_format
    return rec


@dataclass
class Source:
    """What a document is made from: an inspection or a case, read as of one moment."""

    ws: Workspace
    inspection_id: str | None = None
    case_id: str | None = None
    before: int | None = None    # documents.rowid of the document being verified (earlier documents only)
    as_of: str | None = None     # when that document was issued (later case events are left out)
    format: int | None = None    # the record format of the document verified (None: a new one, RECORD_FORMAT)
    upto_seq: int | None = None  # audit_log seq of that document's issue: the case is read as it stood then
    issued_on: date | None = None  # the date printed on the document (落款日期; None: a draft, today)

    @property
    def record_format(self) -> int:
        return self.format or RECORD_FORMAT

    @property
    def db(self):
        return self.ws.db

    def setting(self, key: str, default: str = "") -> str:
        return settings.get(self.db, key) or default

    def need_inspection(self) -> str:
        if not self.inspection_id:
            raise BadInput("documents.needs_inspection")
        return self.inspection_id

    def need_case(self) -> str:
        if not self.case_id:
            raise BadInput("documents.needs_case")
        return self.case_id


def case_as_issued(src: Source) -> dict[str, Any]:
    """The case; when verifying (src.upto_seq), with its assessment and events as they stood when the document
    was issued, from the case's last audit snapshot before the issue. Why: an assessment or event recorded later
    (even in the same second, or re-inserted by a pull from the bureau) must not make a genuine document fail
    `documents verify` as if its record had been altered."""
    case = sources.case(src.db, src.need_case())
    if src.upto_seq is None:
        return case
    row = src.db.execute("SELECT data_json FROM audit_log WHERE entity = 'case' AND entity_id = ? AND seq < ?"
                         " ORDER BY seq DESC LIMIT 1", [case["id"], src.upto_seq]).fetchone()
    if row is None:  # no snapshot kept (a case from before the audit chain): read as it is now
        return case
    then = json.loads(row[0])
    return {**case, "assessment": then.get("assessment"), "events": then.get("events") or []}


def bureau(src: Source) -> dict[str, str]:
    name = src.setting("bureau_name")
    city = name.split("生态环境局")[0] if "生态环境局" in name else ""
    return {
        "name": name,
        "review_body": src.setting("doc_review_body", f"{city}人民政府" if city else "本级人民政府"),
        "court": src.setting("doc_court", "有管辖权的人民法院"),
        "address": src.setting("doc_bureau_address"),
        "contact": src.setting("doc_contact"),
        "payment": src.setting("doc_payment", "缴款通知书载明的代收银行"),
        # the account fines are paid into (decision-kind documents print it; issuing refuses when empty)
        "payment_bank": src.setting("doc_payment_bank"),
        "payment_account": src.setting("doc_payment_account"),
        "payment_name": src.setting("doc_payment_name"),
    }


def cn_time(iso: str | None, tz: str = "", minutes: bool = True) -> str:
    """2026-06-05T09:30:00+08:00 -> 2026年6月5日9时30分 (in the bureau's zone)."""
    if not iso:
        return "　　年　　月　　日" + ("　　时　　分" if minutes else "")
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is not None and tz:
        moment = moment.astimezone(zone(tz))
    text = f"{moment.year}年{moment.month}月{moment.day}日"
    return text + (f"{moment.hour}时{moment.minute:02d}分" if minutes else "")


def cn_date(iso: str | None, tz: str = "") -> str:
    return cn_time(iso, tz, minutes=False)


def sentence(text: str | None) -> str:
    """The text ended as a sentence (。), so what a document prints next starts a new one: facts the officer typed
    without a full stop never run into 涉嫌违法行为… ; a trailing ，、；： becomes the stop."""
    text = (text or "").strip()
    if not text:
        return ""
    if text.endswith(("。", "！", "？", "。”", "！”", "？”", "……")):
        return text
    if text.endswith(("，", "、", "；", "：", ",", ";", ":")):
        text = text[:-1]
    return text + "。"


def officer_text(officer: dict[str, Any]) -> str:
    return f"{officer['name']}（执法证号：{officer['cert_no']}）"


def party_rows(party: dict[str, str]) -> list[tuple[str, str]]:
    return [("当事人", party["name"]), ("统一社会信用代码", party["credit_code"]),
            ("地址", party["address"]), ("法定代表人（负责人）", party["legal_rep"])]


def officer_signatures(officers: list[dict[str, Any]], role: str = "执法人员") -> list[tuple[str, str]]:
    return [(role, officer_text(o)) for o in officers]


def remedies(page: Page, rec: dict[str, Any]) -> Flowable:
    b = rec["bureau"]
    return page.p(f"如不服本决定，可以在收到本决定书之日起六十日内向{b['review_body']}申请行政复议，"
                  f"也可以在收到本决定书之日起六个月内向{b['court']}提起行政诉讼。"
                  "申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。")


def article_label(entry: dict[str, Any]) -> str:
    law = entry.get("law", "")
    law = law if law.startswith("《") else f"《{law}》"
    article, clause = entry.get("article", ""), entry.get("clause", "")
    text = f"第{article}条" if article and not str(article).startswith("第") else str(article)
    if clause:
        text += clause if str(clause).startswith("第") else f"第{clause}项"
    return law + text


def quote_articles(page: Page, entries: list[dict[str, Any]]) -> list[Flowable]:
    """The appendix quoting each provision applied."""
    out: list[Flowable] = [page.p("附：相关法律条文", "heading")]
    for entry in entries:
        out.append(page.p(f"{article_label(entry)}：{entry.get('article_text') or '（条文见法律文本）'}"))
    return out


def violations_with_entries(src: Source, case: dict[str, Any]) -> list[dict[str, Any]]:
    ids = [v["catalog_id"] for v in case.get("violations", [])]
    if not ids:
        raise BadInput("documents.case_no_violation", case=case.get("id"))
    entries = sources.catalog_entries(src.ws.data_dir, ids)
    return [{**v, "entry": entries[v["catalog_id"]], "evidence": _evidence_counts(src, v.get("evidence_ids") or [])}
            for v in case["violations"]]


EVIDENCE_KIND_LABELS = {"photo": "现场照片{n}张", "reading_source": "监测数据文件{n}份", "document": "文书{n}份",
                        "signature": "签名{n}份", "other": "其他材料{n}份"}


def _evidence_counts(src: Source, evidence_ids: list[str]) -> str:
    """'现场照片3张、监测数据文件1份' for the evidence linked to one violation (photos the officer excluded from
    the case are not counted)."""
    from eco_field.documents.kinds.case_parts import photo_notes

    excluded = {i for i, n in photo_notes(src).items() if n["action"] == "exclude"} if src.case_id else set()
    counts: dict[str, int] = {}
    for evidence_id in (i for i in evidence_ids if i not in excluded):
        row = src.db.execute("SELECT kind FROM evidence WHERE id = ?", [evidence_id]).fetchone()
        if row:
            counts[row[0]] = counts.get(row[0], 0) + 1
    return "、".join(EVIDENCE_KIND_LABELS.get(k, k + "{n}份").format(n=n) for k, n in sorted(counts.items()))


def case_base(src: Source, *, strict_party: bool = True) -> dict[str, Any]:
    """The shared part of every case document: the case, its party, inspection, violations, bureau."""
    case = case_as_issued(src)
    insp = sources.inspection(src.db, case["inspection_id"]) if case.get("inspection_id") else None
    enterprise_id = case.get("enterprise_id") or (insp or {}).get("enterprise_id")
    if not enterprise_id:
        raise BadInput("documents.case_no_enterprise", case=case["id"])
    base = {
        # not status, deadlines or documents: they move on after issue without changing what was issued
        "case": {k: case.get(k) for k in ("id", "facts", "opened_at", "assessment", "inspection_id")},
        "violations": violations_with_entries(src, case),
        "party": sources.party(src.db, enterprise_id, strict=strict_party),
        "inspection": insp,
        "bureau": bureau(src),
        "time_zone": src.setting("time_zone"),
        "earlier": sources.issued_documents(src.db, case_id=case["id"], before=src.before),
    }
    if src.record_format >= 2:  # the readings' exceedances under each exceedance violation, in words
        from eco_field.documents.kinds.measured import add_to_violations

        add_to_violations(src, base)
    if src.record_format >= 5:  # a qualified body's monitoring results under each exceedance violation, in words
        from eco_field.documents.kinds import monitored

        monitored.add_to_violations(src, base)
    return base


def case_events(src: Source, case_id: str, wanted: tuple[str, ...]) -> list[dict[str, Any]]:
    """The case's dated events of the wanted kinds, up to the day the document was issued."""
    events = [e for e in sources.case(src.db, case_id).get("events", []) if e["event"] in wanted]
    if src.as_of:
        limit = datetime.fromisoformat(src.as_of).astimezone(zone(src.setting("time_zone"))).date().isoformat()
        events = [e for e in events if e["date"] <= limit]
    return [{"event": e["event"], "date": e["date"], "note": e.get("note", "")} for e in events]


def earlier_of(rec: dict[str, Any], kind: str) -> dict[str, Any] | None:
    found = [d for d in rec.get("earlier", []) if d["kind"] == kind]
    return found[-1] if found else None
