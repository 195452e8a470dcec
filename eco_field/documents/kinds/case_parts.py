"""Paragraphs the case documents share: the violations found, the evidence by the eight statutory types
(《行政处罚法》第四十六条), the legal basis, the fine in figures and capitals, payment."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from eco_field.documents import amounts, sources
from eco_field.documents.kinds import measured, monitored
from eco_field.documents.kinds.common import Source, article_label, cn_date, sentence
from eco_field.documents.layout import FRAME_W, Page
from eco_field.errors import BadInput

EVIDENCE_TYPES = ("书证", "物证", "视听资料", "电子数据", "证人证言", "当事人的陈述", "鉴定意见", "勘验笔录、现场笔录")
KIND_TITLES = {"inspection-record": "现场检查（勘察）笔录", "interview-record": "调查询问笔录",
               "photo-evidence": "现场照片证据", "readings-report": "现场监测数据报告"}
EVIDENCE_TYPE_OF_DOC = {"inspection-record": "勘验笔录、现场笔录", "interview-record": "当事人的陈述",
                        "photo-evidence": "视听资料", "readings-report": "电子数据"}

PROVES = {"inspection-record": "{day}现场检查查明的情况", "interview-record": "当事人对违法事实的陈述",
          "photo-evidence": "{day}违法行为现场的状况", "readings-report": "{day}现场监测的污染物浓度"}


def evidence_by_type(src: Source, rec: dict[str, Any]) -> dict[str, list[str]]:
    """Evidence items grouped by the eight types; only types with items are kept. A qualified body's monitoring
    report is the evidence of an exceedance; screening readings are cited as 线索 only; a photo the officer
    excluded is left out, one explained carries the explanation."""
    insp, party, tz = rec["inspection"], rec["party"], rec["time_zone"]
    groups: dict[str, list[str]] = {t: [] for t in EVIDENCE_TYPES}
    groups["书证"].append(f"当事人营业执照信息（统一社会信用代码：{party['credit_code']}），证明当事人的主体资格")
    day = cn_date(insp["started_at"], tz) if insp else ""
    docs = sources.issued_documents(src.db, inspection_id=insp["id"], before=src.before) if insp else []
    for doc in docs:
        kind_type = EVIDENCE_TYPE_OF_DOC.get(doc["kind"])
        if kind_type:
            groups[kind_type].append(f"{KIND_TITLES[doc['kind']]}（{doc['number']}），{cn_date(doc['issued_at'], tz)}"
                                     f"制作，证明{PROVES[doc['kind']].format(day=day)}")
    notes = photo_notes(src) if src.case_id else {}
    for report in monitoring_reports(src) if src.case_id else []:
        groups["鉴定意见"].append(f"{report['body']}出具的监测报告（编号：{report['number']}），{cn_date(report['date'])}，"
                                  "证明当事人污染物排放浓度的监测结果")
    if insp:
        photos = [p for p in sources.photos(src.db, insp["id"]) if notes.get(p["id"], {}).get("action") != "exclude"]
        if photos and not any(d["kind"] == "photo-evidence" for d in docs):
            text = f"现场照片{len(photos)}张，{day}由执法人员拍摄，证明现场状况"
            explained = [notes[p["id"]]["text"] for p in photos if notes.get(p["id"], {}).get("action") == "explain"]
            if explained:
                text += "（执法人员说明：" + "；".join(explained) + "）"
            groups["视听资料"].append(text)
        if not any(d["kind"] == "readings-report" for d in docs):
            if src.record_format >= 2:  # limits of every kind, in words (documents issued before: as they were)
                groups["电子数据"] += measured.readings_evidence(measured.inspection_series(src, insp["id"]), tz)
            else:
                groups["电子数据"] += readings_evidence(reading_series(src.db, insp["id"]), tz)
        if not groups["勘验笔录、现场笔录"]:
            groups["勘验笔录、现场笔录"].append(f"{day}现场检查记录，证明现场检查查明的情况")
    return {k: v for k, v in groups.items() if v}


def monitoring_reports(src: Source) -> list[dict[str, Any]]:
    from eco_field.documents.kinds.procedure_facts import event_rows

    return [{"number": r["data"].get("number", ""), "body": r["data"].get("body", ""), "date": r["date"]}
            for r in event_rows(src, "monitoring_report")]


def photo_notes(src: Source) -> dict[str, dict[str, str]]:
    """{evidence_id: {action: explain|exclude, text}}: the officer's last word on each flagged photo."""
    from eco_field.documents.kinds.procedure_facts import event_rows

    out: dict[str, dict[str, str]] = {}
    for r in event_rows(src, "evidence_explained", "evidence_excluded"):
        if r["data"].get("evidence_id"):
            out[r["data"]["evidence_id"]] = {"action": "explain" if r["event"] == "evidence_explained" else "exclude",
                                             "text": str(r["data"].get("text") or r["note"])}
    return out


def reading_series(db, inspection_id: str) -> list[dict[str, Any]]:
    """Summary rows of the readings imported for the inspection (table of 0003_readings)."""
    keys = ("id", "pollutant", "statistic", "unit", "make", "model", "serial", "n", "t_start", "t_end", "min",
            "max", "mean", "limit_value", "limit_unit", "o2_ref", "exceed_count", "max_converted",
            "max_exceed_multiple", "sensor")
    try:
        rows = db.execute(f"SELECT {', '.join(keys)} FROM reading_series WHERE inspection_id = ?"
                          " ORDER BY source_id, position", [inspection_id]).fetchall()
    except Exception:  # noqa: BLE001 - the readings table may not exist on an old schema
        return []
    return [dict(zip(keys, r, strict=True)) for r in rows]


def readings_evidence(series: list[dict[str, Any]], tz: str) -> list[str]:
    """Record format 1 (documents issued before limit kinds were worded; kept so they still verify): one item
    per instrument, its pollutants, date and the 超标倍数 of a maximum only."""
    by_device: dict[str, list[dict[str, Any]]] = {}
    for item in series:
        device = " ".join(x for x in (item.get("make"), item.get("model"), item.get("serial")) if x)
        by_device.setdefault(device or "便携式监测仪器", []).append(item)
    out = []
    for device, items in by_device.items():
        names = "、".join(dict.fromkeys(i["pollutant"] for i in items))
        text = f"{device}现场监测数据（{names}），{cn_date(items[0].get('t_start'), tz)}采集"
        exceeding = [i for i in items if (i.get("max_exceed_multiple") or 0) > 0]
        for i in exceeding:
            text += (f"，{i['pollutant']}折算最大值{i['max_converted']:g}{i.get('limit_unit') or ''}"
                     f"（限值{i['limit_value']:g}，超标{i['max_exceed_multiple']:.2f}倍）")
        # screening readings are a lead (线索), not the proof of an exceedance (a qualified body's report is)
        out.append(text + "，为便携式仪器现场筛查数据，作为发现违法行为的线索")
    return out


def violations_paragraphs(page: Page, rec: dict[str, Any], subject: str = "你单位") -> list[Flowable]:
    """The inspection and the violations found; subject: who the document speaks of (你单位 to the party;
    当事人 in a record such as the 听证笔录)."""
    insp, tz = rec["inspection"], rec["time_zone"]
    when = cn_date(insp["started_at"], tz) if insp else cn_date(rec["case"]["opened_at"], tz)
    out = [page.p(f"{rec['bureau']['name']}于{when}对{subject}进行了现场检查，发现{subject}实施了以下环境违法行为：")]
    out.append(page.p(sentence(rec["case"]["facts"])))
    for index, violation in enumerate(rec["violations"], start=1):
        facts = violation.get("facts") or violation["entry"]["description"]
        proof = f"（证据：{violation['evidence']}）" if violation.get("evidence") else ""
        # the monitoring report's results where the record has them (format 5), else the screening readings
        found = monitored.sentence(violation["monitored"], subject) if violation.get("monitored") else \
            measured.measured_sentence(violation.get("measured") or [])
        out.append(page.p(sentence(f"{index}. {facts}{proof}" + (f"。{found}" if found else ""))))
    return out


def evidence_paragraphs(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out = [page.p("以上事实，有以下证据为凭：")]
    for number, (kind, items) in enumerate(rec["evidence"].items(), start=1):
        out.append(page.p(f"（{cn_numeral(number)}）{kind}：" + "；".join(items) + "。"))
    return out


def basis_paragraphs(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out = []
    for index, violation in enumerate(rec["violations"], start=1):
        entry = violation["entry"]
        violated = entry.get("violated_article") or article_label(entry)
        label = f"上述行为{index}" if len(rec["violations"]) > 1 else "上述行为"  # no 「行为1」 for a single one
        out.append(page.p(f"你单位的{label}（{entry['description']}）违反了{violated}的规定。"))
    return out


def cn_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def checked_assessment(rec: dict[str, Any]) -> dict[str, Any]:
    """The stored fine; refused when missing, 不予处罚, or outside the range without a stated legal ground."""
    assessment = rec["case"].get("assessment")
    case = rec["case"].get("number") or rec["case"]["id"]
    if not assessment:
        raise BadInput("kinds.no_assessment", case=case)
    if assessment.get("decision") == "no_penalty":
        raise BadInput("kinds.assessment_no_penalty", case=case)
    amount, low, high = assessment["amount"], assessment["min"], assessment["max"]
    if not (low <= amount <= high) and not assessment.get("legal_ground"):
        raise BadInput("kinds.fine_outside_range", case=case, amount=amount, low=low, high=high)
    return assessment


def same_fine_as_decided(src: Any, decision: dict[str, Any], assessment: dict[str, Any]) -> None:
    """A 催告书 or an 按日连续处罚 rests on the fine its decision stated: refused when the case was assessed again
    after the decision (it would state one amount and this document another)."""
    from eco_field import money

    row = src.db.execute("SELECT json_extract(facts_json, '$.amount_fen') FROM documents WHERE number = ?",
                         [decision["number"]]).fetchone()
    stated = row[0] if row else None
    if stated is not None and stated != money.fen_of(assessment):
        raise BadInput("kinds.fine_differs_from_decision", number=decision["number"],
                       decided=amounts.figures(stated / 100), now=amounts.figures(assessment["amount"]))


def fine_text(amount: int | float) -> str:
    return f"罚款人民币{amounts.figures(amount)}元（大写：{amounts.capitals(amount)}）"


def parts_table(page: Page, assessment: dict[str, Any]) -> Flowable | None:
    parts = assessment.get("parts") or []
    if len(parts) < 2:
        return None
    rows = [[i + 1, p.get("citation") or f"{p.get('law', '')}{p.get('article', '')}", p.get("range_text", ""),
             amounts.figures(p["amount"])] for i, p in enumerate(parts)]
    return page.grid(["序号", "处罚依据", "法定幅度", "罚款（元）"], rows,
                     [12 * mm, 70 * mm, FRAME_W - 112 * mm, 30 * mm])


def payment_paragraph(page: Page, rec: dict[str, Any]) -> Flowable:
    return page.p(f"你单位应当自收到本决定书之日起十五日内，持缴款通知到{rec['bureau']['payment']}缴纳罚款。"
                  "到期不缴纳罚款的，我局将依照《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，"
                  "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额，并依法申请人民法院强制执行。")
