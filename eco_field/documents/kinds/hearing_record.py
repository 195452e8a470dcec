"""听证笔录 (《行政处罚法》第六十四条第七、八项; 2016 指南 template 14): case, time, place, presider, members, recorder,
the party and agents, the investigators; the 回避 question and its answer; the investigators' case — the facts,
evidence, provisions and the penalty proposed as the 告知书 stated them; the party's defence as recorded (the
case's hearing statements); the final statement; signatures, and the party's on every page (笔录 are signed page
by page). Where the record holds nothing for a part, the form keeps ruled lines to write on by hand.

Records from format 5 carry all of it; earlier records keep the form as it was issued (story_v4)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

from eco_field import money
from eco_field.documents import amounts
from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import forms, hearing_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, sentence
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

KIND = "hearing-record"
TITLE = "听证笔录"
SOURCE = "case"
HAND_LINES = 4  # ruled lines for a part of the record written by hand


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["hearing"] = hearing_parts.particulars(src, "hearing_held", rec["case"]["id"],
                                               "听证举行后方可制作听证笔录（事件说明写明时间、地点、主持人、记录人）",
                                               required=("place", "presider", "recorder"))
    rec["statements"] = [s for s in facts.statements(src) if s["kind"] == "hearing"]
    if src.record_format >= 5:  # what the investigators put to the hearing, and who heard and spoke
        heard = hearing_parts.heard(src)
        h = rec["hearing"]
        h["members"] = "、".join(heard["hearing_officers"]) or h["members"]
        h["agents"] = "、".join(hearing_parts.agent_text(a) for a in heard["representatives"]) or h["agents"]
        rec["heard"] = heard
        rec["notice"] = _notice(src, rec)
        if rec["notice"] and rec["notice"]["kind"] == "penalty-notice":
            rec["assessment"] = parts.checked_assessment(rec)
            rec["benchmark"] = words.benchmark_name(src)
            rec["discretion_reason"] = words.discretion_reason(src, rec["assessment"])
            rec["notice"]["amount"] = _notified_amount(src, rec["notice"], rec["assessment"])
        rec["evidence"] = parts.evidence_by_type(src, rec)
    return rec


def _notice(src: Source, rec: dict[str, Any]) -> dict[str, Any] | None:
    """The notice the hearing answered, with the day it was served (as recorded)."""
    notice = hearing_parts.answered_notice(src, rec)
    if notice is None:
        return None
    served = facts.last_event(src, hearing_parts.NOTICE_SERVED[notice["kind"]])
    return {**notice, "served": served["date"] if served else None}


def _notified_amount(src: Source, notice: dict[str, Any], assessment: dict[str, Any]) -> float:
    """The fine the notice proposed; refused when the case was assessed again since (the record would state
    one amount and the notice another)."""
    stated = hearing_parts.notified_fen(src, notice["number"])
    if stated is not None and stated != money.fen_of(assessment):
        raise BadInput("kinds.fine_differs_from_notice", number=notice["number"],
                       notified=amounts.figures(stated / 100), now=amounts.figures(assessment["amount"]))
    return assessment["amount"]


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    if rec.get("record_format", 1) < 5:
        return story_v4(page, rec)
    party, heard = rec["party"], rec["heard"]
    page.sign_each_page, page.sign_each_page_name = "当事人", party["name"]
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, _rows(rec)))
    out.append(forms.spacer())
    out.append(page.p("听证主持人宣布听证纪律，核对听证参加人身份，告知当事人申请回避的权利。", "plain"))
    out.append(page.p("问：当事人是否申请听证主持人、听证员、记录人回避？", "plain"))
    out += _withdrawal(page, heard)
    out.append(page.p("一、案件调查人员提出当事人违法的事实、证据和拟作出的行政处罚建议：", "heading"))
    out += _investigators_case(page, rec)
    out.append(page.p("二、当事人的陈述、申辩和质证意见：", "heading"))
    for s in rec["statements"]:
        out.append(page.p(f"当事人陈述、申辩：{sentence(s['text'])}"))
    if not rec["statements"]:
        out.append(forms.ruled_lines(page, HAND_LINES))
    out.append(page.p("三、最后陈述：", "heading"))
    if heard["final_statement"]:
        out.append(page.p(f"当事人最后陈述：{sentence(heard['final_statement'])}"))
    else:
        out.append(forms.ruled_lines(page, HAND_LINES - 1))
    out += [forms.spacer(), page.p("以上笔录经当事人核对（向当事人宣读），确认无误。", "plain")]
    return out + [page.signatures(_signers(rec))]


def _rows(rec: dict[str, Any]) -> list[tuple[str, object]]:
    h, party = rec["hearing"], rec["party"]
    return [("案由", forms.cause(rec)), ("听证时间", hearing_parts.time_text(h["time"]) or cn_date(h["date"])),
            ("听证地点", h["place"]), ("听证主持人", h["presider"]), ("听证员", h["members"]), ("记录人", h["recorder"]),
            ("当事人", f"{party['name']}（法定代表人：{party['legal_rep']}）"), ("委托代理人", h["agents"]),
            ("案件调查人员", forms.officers_text(rec))]


def _withdrawal(page: Page, heard: dict[str, Any]) -> list[Flowable]:
    """The answer to the 回避 question as recorded; a line to write it on where it was not."""
    if heard["withdrawal"] == "no":
        return [page.p("答：不申请回避。", "plain")]
    if heard["withdrawal"] == "yes":
        out = [page.p("答：申请回避。", "plain")]
        if heard["withdrawal_decision"]:
            out.append(page.p(f"回避申请及决定：{sentence(heard['withdrawal_decision'])}", "plain"))
        return out
    return [page.p("答：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", "plain")]


def _investigators_case(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """The facts, evidence and provisions as the 告知书 states them, and the penalty it proposed (its number and
    date): the case documents' own paragraphs, spoken of the party as 当事人. Never the calculator's working."""
    names = "、".join(o["name"] for o in (rec.get("inspection") or {}).get("officers", []))
    out = [page.p(f"案件调查人员{names}陈述：" if names else "案件调查人员陈述：", "plain")]
    out += parts.violations_paragraphs(page, rec, subject="当事人") + parts.evidence_paragraphs(page, rec)
    out += words.basis_paragraphs(page, rec, subject="当事人")
    notice = rec["notice"]
    if "assessment" in rec:
        out += words.discretion_paragraphs(page, rec, verb="拟")
    if notice:
        said = (f"我局于{cn_date(notice['issued_at'], rec['time_zone'])}以《{notice['title']}》（{notice['number']}）"
                "告知当事人")
        said += (f"拟作出如下行政处罚：{parts.fine_text(notice['amount'])}" if "amount" in notice
                 else "拟作出的行政处罚及其事实、理由和依据")
        if notice["served"]:
            said += f"，该告知书已于{cn_date(notice['served'])}送达当事人"
        out.append(page.p(said + "。案件调查人员建议对当事人作出上述行政处罚。"))
    if rec["heard"]["investigators_statement"]:
        out.append(page.p(f"案件调查人员补充陈述：{sentence(rec['heard']['investigators_statement'])}"))
    return out


def _signers(rec: dict[str, Any]) -> list[tuple[str, str]]:
    h, heard = rec["hearing"], rec["heard"]
    rows = [("当事人", rec["party"]["name"])]
    rows += [("委托代理人", a["name"]) for a in heard["representatives"]]
    rows.append(("听证主持人", h["presider"]))
    rows += [("听证员", name) for name in heard["hearing_officers"]]
    return rows + [("记录人", h["recorder"])]


def story_v4(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """Records before format 5, as they were issued (re-rendered byte for byte by `documents verify`)."""
    h, party = rec["hearing"], rec["party"]
    out: list[Flowable] = page.heading()
    out.append(forms.particulars(page, [
        ("案由", forms.cause(rec)), ("听证时间", hearing_parts.time_text(h["time"]) or cn_date(h["date"])), ("听证地点", h["place"]),
        ("听证主持人", h["presider"]), ("听证员", h["members"]), ("记录人", h["recorder"]),
        ("当事人", f"{party['name']}（法定代表人：{party['legal_rep']}）"), ("委托代理人", h["agents"]),
        ("案件调查人员", forms.officers_text(rec)),
    ]))
    out.append(page.p("听证主持人宣布听证纪律，核对听证参加人身份，告知当事人申请回避的权利。当事人（是/否）申请回避：＿＿＿。",
                      "plain"))
    out.append(page.p("一、案件调查人员提出当事人违法的事实、证据和拟作出的行政处罚建议：", "heading"))
    out += words.basis_paragraphs(page, rec, subject="当事人")
    out.append(page.p("二、当事人的陈述、申辩和质证意见：", "heading"))
    for s in rec["statements"]:
        out.append(page.p(s["text"]))
    if not rec["statements"]:
        out.append(Spacer(1, 40 * 2.835))
    out.append(page.p("三、最后陈述：", "heading"))
    out.append(Spacer(1, 20 * 2.835))
    out.append(page.p("以上笔录经当事人核对（向当事人宣读），确认无误。", "plain"))
    out.append(page.signatures([("当事人", party["name"]), ("听证主持人", h["presider"]), ("记录人", h["recorder"])]))
    return out
