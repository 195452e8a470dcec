"""Paragraphs a decision states in words a party reads: the violated and the penalty provision with their
texts, the discretion benchmark by name with the factors applied, the party's statements and how each was
dealt with, the notice the decision rests on, and the bureau's address, account and remedies.

Never the calculator's working: the formula, 「建议罚款」, catalog ids and pre-check notes stay in the case
file (the assessment's rationale) and are not printed."""

from __future__ import annotations

import json
import re
from typing import Any

from reportlab.platypus import Flowable

from eco_field import money
from eco_field.documents.kinds.common import Source, article_label, cn_date
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law.data_dir import data_dir_of
from eco_field.law.factors import CONFIG_FILE, DEFAULT_CONFIG

BENCHMARK_SETTING = "doc_discretion_benchmark"
TREATMENT_WORDS = {"lighter": "从轻", "heavier": "从重", "reduced": "减轻"}


def violated_provision(entry: dict[str, Any]) -> str:
    """违反了《…》第…条“…”的规定 (the obligation breached, quoted where the catalog holds its text)."""
    label = entry.get("violated_article") or article_label(entry)
    text = entry.get("violated_text") or ""
    return f"{label}“{text}”" if text else label


def penalty_provision(entry: dict[str, Any]) -> str:
    label = entry.get("citation") or article_label(entry)
    # an item quoted out of its enumeration ends without the list's semicolon
    text = (entry.get("article_text") or "").rstrip("；;，,")
    return f"{label}“{text}”" if text else label


def basis_paragraphs(page: Page, rec: dict[str, Any], subject: str = "你单位") -> list[Flowable]:
    out = []
    for index, violation in enumerate(rec["violations"], start=1):
        entry = violation["entry"]
        label = f"上述行为{index}" if len(rec["violations"]) > 1 else "上述行为"
        out.append(page.p(f"{subject}{label}（{entry['description']}）违反了{violated_provision(entry)}的规定。"))
    return out


def benchmark_name(src: Source) -> str:
    """The discretion benchmark as a decision names it: the setting, else the table's document_title."""
    configured = src.setting(BENCHMARK_SETTING)
    if configured:
        return configured if configured.startswith("《") else f"《{configured}》"
    data_dir = data_dir_of(src.db)
    path = data_dir / CONFIG_FILE if data_dir is not None and (data_dir / CONFIG_FILE).is_file() else DEFAULT_CONFIG
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc.get("document_title") or f"《{doc.get('name', '生态环境行政处罚自由裁量基准')}》"


def _factor_words(part: dict[str, Any]) -> str:
    applied = [f"{s['label']}为“{s['level_label']}”" for s in part.get("shares") or []]
    return "、".join(applied) if applied else "未发现应当从重处罚的情节"


def _treatment_words(part: dict[str, Any]) -> str:
    word = TREATMENT_WORDS.get(part.get("treatment", ""))
    if not word:
        return ""
    ground = part.get("legal_ground") or ""
    return f"依法{word}处罚" + (f"（{ground}）" if ground else "") + "，"


def discretion_paragraphs(page: Page, rec: dict[str, Any], verb: str = "决定") -> list[Flowable]:
    """依据…规定（法定幅度）；按照《…基准》，考虑…；罚款…。One paragraph per violation fined. Where the bureau
    decided an amount other than the benchmark's (rec["discretion_reason"], format 5), its reason is the ground
    stated for the amount; the benchmark's own figure is never printed."""
    assessment, benchmark = rec["assessment"], rec["benchmark"]
    parts = assessment.get("parts") or [assessment]
    reason = rec.get("discretion_reason")
    out = []
    for index, (violation, part) in enumerate(zip(rec["violations"], parts, strict=False), start=1):
        entry = violation["entry"]
        label = f"对上述行为{index}，" if len(parts) > 1 else ""
        range_text = f"，该条规定的罚款幅度为{part['range_text']}" if part.get("range_text") else ""
        text = f"{label}依据{penalty_provision(entry)}的规定{range_text}。按照{benchmark}，结合本案情节：{_factor_words(part)}"
        if reason and len(parts) > 1:  # the parts' own amounts are the benchmark's: the decided total follows
            out.append(page.p(f"{text}。"))
            continue
        if reason:
            out.append(page.p(f"{text}，{_treatment_words(part)}{decided_amount_words(reason, part['amount'], verb)}"))
            continue
        text += f"，{_treatment_words(part)}拟处罚款人民币{_figures(part['amount'])}元。"
        out.append(page.p(text if verb == "拟" else text.replace("拟处罚款", "处罚款")))
    if len(parts) > 1:
        out.append(page.p("以上各项违法行为分别裁量，合并处罚；同一违法行为违反多个法律规范应当给予罚款处罚的，"
                          "依照《中华人民共和国行政处罚法》第二十九条按照罚款数额高的规定处罚。"))
        if reason:
            out.append(page.p(decided_amount_words(reason, assessment["amount"], verb)))
    return out


def decided_amount_words(reason: str, amount: float, verb: str) -> str:
    """综合考虑…，依法确定罚款…: the decided amount with the bureau's ground for it (拟 in a notice or report)."""
    how = "拟处罚款" if verb == "拟" else "依法确定罚款"
    return f"综合考虑{reason}，{how}人民币{_figures(amount)}元。"


_DECIDED_LINE = re.compile(r"决定罚款：[^\n]*?（计算建议[^）\n]*）。理由：(.+?)。(?:法律依据：[^\n]*)?$", re.M)


def discretion_reason(src: Source, assessment: dict[str, Any]) -> str | None:
    """The bureau's reason for an amount other than the benchmark's (None where the amount is the benchmark's).
    Assessments stored before the reason had a field of its own keep it in the rationale's last 决定罚款 line.
    A decided amount without a reason refuses: a decision must say why it departs from the benchmark."""
    suggested = assessment.get("suggested_amount")
    if suggested is None or money.fen_of(assessment) == money.parse_yuan(suggested):
        return None
    reason = str(assessment.get("decided_reason") or "").strip()
    if not reason:
        found = _DECIDED_LINE.findall(assessment.get("rationale") or "")
        reason = found[-1].strip() if found else ""
    if not reason:
        raise BadInput("kinds.decided_amount_no_reason", case=src.case_id or "")
    return reason.rstrip("。；;，,")


def _figures(amount: float) -> str:
    from eco_field.documents import amounts

    return amounts.figures(amount)


def notice_reference(src: Source, rec: dict[str, Any], notice: dict[str, Any] | None, served: str | None) -> str:
    """我局于…以《…告知书》（文号）告知…: the notice's real number and date, or refuse (never blanks)."""
    if notice is None:
        raise BadInput("kinds.notice_missing", case=rec["case"]["id"])
    tz = rec["time_zone"]
    title = notice.get("title") or "行政处罚事先告知书"
    text = (f"我局于{cn_date(notice['issued_at'], tz)}以《{title}》（{notice['number']}）告知你单位拟作出行政处罚的"
            "事实、理由、依据及你单位依法享有的陈述、申辩" + ("、要求听证" if "听证" in title else "") + "的权利")
    if served:
        text += f"，该告知书已于{cn_date(served)}送达你单位"
    return text + "。"


def applied_circumstances(rec: dict[str, Any]) -> str:
    """The circumstances the fine rests on, by their names and levels (never ids, never the working), with any
    从轻/减轻 and its legal ground: what the reply to a statement is read against."""
    parts = rec["assessment"].get("parts") or [rec["assessment"]]
    said = []
    for index, part in enumerate(parts, start=1):
        label = f"对上述行为{index}，" if len(parts) > 1 else ""
        treatment = _treatment_words(part).rstrip("，")
        factors = "、".join(f"{s['label']}为“{s['level_label']}”" for s in part.get("shares") or [])
        said.append(label + ("，".join(w for w in (factors, treatment) if w) or "未认定从重、从轻或者减轻处罚的情节"))
    return "；".join(said)


def statements_paragraphs(page: Page, rec: dict[str, Any], *, with_circumstances: bool = False) -> list[Flowable]:
    """What the party raised in 陈述、申辩 and 听证, and whether each was adopted and why. with_circumstances
    (行政处罚决定书, record format 5): after the replies, the circumstances the fine was actually set on, so a
    reply's reason (「已考虑其改正情节」) is read beside what the discretion applied, not taken on its word."""
    said, waived, hearing = rec["statements"], rec.get("waived"), rec.get("hearing_held")
    out = []
    if waived and "scope" in waived:  # format 5: exactly what the party gave up in writing
        out += waiver_paragraphs(page, rec, waived)
    elif waived:
        out.append(page.p(f"你单位于{cn_date(waived['date'])}书面表示放弃陈述、申辩" +
                          ("和听证" if rec.get("hearing") else "") + "的权利。"))
    if hearing:
        out.append(page.p(f"应你单位申请，我局于{cn_date(hearing['date'])}依法举行了听证。"))
    for s in said:
        how = "听证中" if s["kind"] == "hearing" else ""
        verdict = {True: "予以采纳", False: "不予采纳"}.get(s["adopted"], "")
        reason = f"经复核，{s['reason'].rstrip('。')}，" if s["reason"] else "经复核，"
        if not verdict:
            raise BadInput("kinds.statement_unreviewed", date=s["date"])
        out.append(page.p(f"你单位于{cn_date(s['date'])}{how}提出陈述、申辩意见：{s['text'].rstrip('。')}。"
                          f"{reason}我局对该意见{verdict}。"))
    if with_circumstances and rec.get("record_format", 1) >= 5 and any(s["adopted"] is not None for s in said):
        out.append(page.p(f"本案裁量中认定的情节为：{applied_circumstances(rec)}"
                          "（处罚的依据和裁量详见本决定书第三部分）。"))
    if not said and not waived:
        out.append(page.p("你单位在规定期限内未提出陈述、申辩意见" + ("，也未要求听证" if rec.get("hearing") and not hearing
                                                              else "") + "。"))
    return out


def waiver_paragraphs(page: Page, rec: dict[str, Any], waived: dict[str, Any]) -> list[Flowable]:
    """The written waiver by its scope (procedure_guards.waiver_scope): the statement only, or also the hearing the
    notice offered; where only the statement was waived, whether a hearing was asked for in its period."""
    from eco_field.law.procedure_guards import waiver_scope

    scope = waiver_scope({"scope": waived.get("scope")}, bool(rec.get("hearing")))
    if scope == "statement_and_hearing":
        return [page.p(f"你单位于{cn_date(waived['date'])}书面表示放弃陈述、申辩和听证的权利。")]
    out = [page.p(f"你单位于{cn_date(waived['date'])}书面表示放弃陈述、申辩的权利。")]
    if rec.get("hearing") and not rec.get("hearing_held"):
        out.append(page.p("你单位在规定期限内未要求听证。"))
    return out


def bureau_lines(page: Page, rec: dict[str, Any]) -> Flowable:
    b = rec["bureau"]
    rows = [("机关地址", b["address"]), ("联系人及电话", b["contact"])]
    return page.p("　".join(f"{k}：{v}" for k, v in rows if v) or "　", "plain")


def payment_paragraph(page: Page, rec: dict[str, Any], days: str = "十五日", since: str = "本决定书",
                      surcharge_runs: bool = True) -> Flowable:
    """Where and by when to pay, and what follows non-payment; surcharge_runs False (a 催告书 whose surcharge
    has reached the fine): only the court, the 3 % no longer being a consequence to come."""
    b = rec["bureau"]
    where = b["payment_bank"] and f"{b['payment_bank']}（账户名称：{b['payment_name'] or b['name']}，账号：" \
                                  f"{b['payment_account']}）" or b["payment"]
    if not surcharge_runs:
        return page.p(f"你单位应当自收到{since}之日起{days}内，将罚款及加处罚款缴至{where}。")
    return page.p(f"你单位应当自收到{since}之日起{days}内，将罚款缴至{where}。到期不缴纳罚款的，我局将依照"
                  "《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，"
                  "加处罚款的数额不超过罚款的数额，并依法申请人民法院强制执行。")
