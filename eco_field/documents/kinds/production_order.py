"""责令限制生产决定书, 责令停产整治决定书 and their own 事先（听证）告知书 (环境保护法第六十条; 限制生产停产整治办法
arts. 5, 6, 10–16, read in full from a web copy: provisions.json says which). The measure, its ground and the
限产 period come from the case's `production_proposed` event (the officer's --measure, --months, --ground-item
and facts); the notice states them with the rights of 陈述、申辩 and 听证 (办法第十一条); the order cites that
notice, what the party said and whether it was adopted, the period (限产 ≤ 3 months, 第十五条) and the
rectification plan due within 15 working days (第十六条). Refused where no violation of the case is such a ground."""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import notice_parts, provisions
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of, remedies
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

EVASION = "查封"  # an entry granting 查封 under 办法第四条第四项 is an evasion case: 停产整治 item 1
HALT_ITEM = re.compile(r"第六条第?([一二三四五六1-6])项")
MONTHS = {1: "一", 2: "两", 3: "三"}  # 限产 ≤ 3 months (办法第十五条); "两个月", as written
NOTICE_TITLES = {"限制生产": "责令限制生产事先（听证）告知书", "停产整治": "责令停产整治事先（听证）告知书"}


def _measure(halt: bool) -> str:
    return "停产整治" if halt else "限制生产"


def proposal(src: Source, case_id: str, measure: str | None = None) -> dict[str, Any]:
    """The last `production_proposed` event (of the measure) recorded up to the document's issue."""
    found = [r for r in facts.event_rows(src, "production_proposed")
             if measure is None or r["data"].get("measure") == measure]
    if not found:
        raise BadInput("kinds.missing_event", case=case_id, event="production_proposed",
                       why="先登记拟责令限制生产或者停产整治（措施、期限和事实）")
    return found[-1]


def gather_measure(src: Source, halt: bool) -> dict[str, Any]:
    """What the notice and the order share: the facts, evidence, the ground and the intended measure."""
    rec = case_base(src)
    case_id = rec["case"]["id"]
    measure = _measure(halt)
    granted = [v for v in rec["violations"] if any(measure in m.get("measure", "") for m in v["entry"]["measures"])]
    if not granted:
        raise BadInput("kinds.no_production_ground", case=case_id, measure=measure,
                       why="目录中的违法行为均无此措施")
    proposed = proposal(src, case_id, measure)
    if halt:
        item = str(proposed["data"].get("ground_item") or "") or _halt_item(rec, granted)
        if item is None:
            raise BadInput("kinds.no_production_ground", case=case_id, measure=measure,
                           why="未载明《限制生产、停产整治办法》第六条的适用项（--ground-item）")
        rec["ground"] = {"citation": provisions.citation("限产办法6", item),
                         "text": provisions.item_text("限产办法6", item)}
    else:
        rec["ground"] = {"citation": provisions.citation("限产办法5"), "text": provisions.get("限产办法5")["text"]}
    months = str(proposed["data"].get("months") or "")
    rec["measure"] = {"name": measure, "months": int(months) if months.isdigit() else None,
                      "reason": proposed["note"], "date": proposed["date"]}
    rec["evidence"] = parts.evidence_by_type(src, rec)
    return rec


def gather_order(src: Source, halt: bool) -> dict[str, Any]:
    rec = gather_measure(src, halt)
    notice = earlier_of(rec, "production-notice")
    if notice is None:
        raise BadInput("kinds.missing_event", case=rec["case"]["id"], event="production_notified",
                       why="先制作并送达责令限制生产（停产整治）事先（听证）告知书")
    served = [r for r in facts.event_rows(src, "production_notified") if r["date"] >= rec["measure"]["date"]]
    since = served[-1]["date"] if served else rec["measure"]["date"]
    rec["notice"] = {**notice, "title": NOTICE_TITLES[rec["measure"]["name"]], "served": since if served else None}
    # what the party said to this notice (not to an earlier penalty notice), and whether it was adopted
    rec["statements"] = [s for s in facts.statements(src) if s["date"] >= since]
    rec["waived"] = next((w for w in reversed(facts.waivers(src)) if w["date"] >= since), None)
    rec["hearing_held"] = next((h for h in reversed(facts.event_dates(src, "hearing_held")["hearing_held"])
                                if h["date"] >= since), None)
    rec["hearing"] = True
    return rec


def _halt_item(rec: dict[str, Any], granted: list[dict[str, Any]]) -> str | None:
    found = HALT_ITEM.search(rec["case"].get("facts") or "")
    if found:
        return {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}.get(found.group(1), found.group(1))
    evasive = any(EVASION in m.get("measure", "") and m.get("item") == "4" for v in granted
                  for m in v["entry"]["measures"])
    return "1" if evasive else None


def period_words(rec: dict[str, Any], intended: bool) -> str:
    """The period as the record gives it: 限产 N months from service; 停产 from service until lifted."""
    m = rec["measure"]
    if m["name"] == "停产整治":
        return "停产整治的期限自责令停产整治决定书送达之日起，至停产整治决定解除之日止"
    return (f"限制生产的期限为{MONTHS.get(m['months'], str(m['months']))}个月，自{'责令限制生产决定书' if intended else '本决定书'}"
            "送达之日起计算")


def measure_paragraphs(page: Page, rec: dict[str, Any], intended: bool) -> list[Flowable]:
    g, m = rec["ground"], rec["measure"]
    verb = "拟责令" if intended else "责令"
    # one citation of the 办法 with both of its articles: the ground (第五条 / 第六条第N项) and the period (第十五条)
    basis = f"{provisions.citation('环保法60')}、{g['citation']}、第十五条"
    if m["name"] == "停产整治":
        what = "停产整治，停止产生污染物排放的生产活动，整治期间不得恢复生产"
        head = f"你单位的上述行为属于“{g['text'].rstrip('；;。')}”的情形。"
    else:
        what = "限制生产，降低生产负荷、减少污染物排放，确保污染物排放达到国家或者地方规定的排放标准"
        head = ""
    reason = f"鉴于{m['reason'].rstrip('。')}，" if m["reason"] else ""
    return [page.p(f"{head}{reason}依据{basis}的规定，我局{verb}你单位{what}。{period_words(rec, intended)}。")]


def order_story(page: Page, rec: dict[str, Any], halt: bool) -> list[Flowable]:
    out = notice_parts.opening(page, rec)
    out.append(page.p("一、违法事实和证据", "heading"))
    out += notice_parts.facts_and_basis(page, rec)
    out.append(page.p("二、告知和陈述、申辩、听证情况", "heading"))
    notice = rec["notice"]
    served = f"，该告知书已于{cn_date(notice['served'])}送达你单位" if notice["served"] else ""
    out.append(page.p(f"我局于{cn_date(notice['issued_at'], rec['time_zone'])}以《{notice['title']}》（{notice['number']}）"
                      f"告知你单位拟{rec['measure']['name']}的事实、理由、依据及你单位依法享有的陈述、申辩和要求听证的权利"
                      f"{served}。"))
    out += words.statements_paragraphs(page, rec)
    out.append(page.p("三、责令" + _measure(halt) + "的依据、内容和期限", "heading"))
    out += measure_paragraphs(page, rec, intended=False)
    if not halt:
        out.append(page.p("限制生产期间，情况复杂的，经我局负责人批准可以延长，延长期限不超过三个月。"))
    out.append(page.p("你单位应当自收到本决定书之日起十五个工作日内将整改方案报我局备案并向社会公开；整改完成后，应当将整改"
                      "任务完成情况和整改信息社会公开情况报我局备案，并提交污染物排放监测报告。"))
    out.append(page.p("四、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    return out + notice_parts.closing(page, rec, receipt=False)
