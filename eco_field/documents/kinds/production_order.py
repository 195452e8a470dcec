"""责令限制生产决定书 and 责令停产整治决定书 (环境保护法第六十条; 限制生产停产整治办法 arts. 5, 6, 9–16): the
facts and evidence, the violated provision and the ground (办法第五条, or 第六条 with its item), what the party
must do and by when (限产 ≤3 months; a rectification plan within 15 working days, 办法第十六条), the hearing
right (停产整治 is on the hearing list), remedies. Refused where no violation of the case is such a ground."""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds import provisions
from eco_field.documents.kinds.common import Source, case_base, earlier_of, party_rows, remedies
from eco_field.documents.layout import Page
from eco_field.errors import BadInput

EVASION = "查封"  # an entry granting 查封 under 办法第四条第四项 is an evasion case: 停产整治 item 1
HALT_ITEM = re.compile(r"第六条第?([一二三四五六1-6])项")


def gather_order(src: Source, halt: bool) -> dict[str, Any]:
    rec = case_base(src)
    case_id = rec["case"]["id"]
    measure = "停产整治" if halt else "限制生产"
    granted = [v for v in rec["violations"] if any(measure in m.get("measure", "") for m in v["entry"]["measures"])]
    if not granted:
        raise BadInput("kinds.no_production_ground", case=case_id, measure=measure,
                       why="目录中的违法行为均无此措施")
    if halt:
        item = _halt_item(rec, granted)
        if item is None:
            raise BadInput("kinds.no_production_ground", case=case_id, measure=measure,
                           why="未载明《限制生产、停产整治办法》第六条的适用项（在案件事实中写明“第六条第N项”）")
        rec["ground"] = {"citation": provisions.citation("限产办法6", item),
                         "text": provisions.item_text("限产办法6", item)}
    else:
        rec["ground"] = {"citation": provisions.citation("限产办法5"), "text": provisions.get("限产办法5")["text"]}
    rec["evidence"] = parts.evidence_by_type(src, rec)
    notice = earlier_of(rec, "penalty-notice")
    # what that notice offered: the hearing right only where the fine gave it (see the report: a 停产整治 order
    # carries a hearing right of its own, which the fine notice does not yet propose)
    rec["notice"] = notice and {**notice, "hearing": facts.hearing_right(src, (rec["case"].get("assessment") or {})
                                                                         .get("amount", 0))}
    return rec


def _halt_item(rec: dict[str, Any], granted: list[dict[str, Any]]) -> str | None:
    found = HALT_ITEM.search(rec["case"].get("facts") or "")
    if found:
        return {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}.get(found.group(1), found.group(1))
    evasive = any(EVASION in m.get("measure", "") and m.get("item") == "4" for v in granted
                  for m in v["entry"]["measures"])
    return "1" if evasive else None


def order_story(page: Page, rec: dict[str, Any], halt: bool) -> list[Flowable]:
    g = rec["ground"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out.append(page.p("一、违法事实和证据", "heading"))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += words.basis_paragraphs(page, rec)
    out.append(page.p("二、责令" + ("停产整治" if halt else "限制生产") + "的依据和内容", "heading"))
    if rec["notice"]:
        title = "行政处罚事先（听证）告知书" if rec["notice"]["hearing"] else "行政处罚事先告知书"
        out.append(page.p(f"我局已以《{title}》（{rec['notice']['number']}）告知你单位上述违法行为的事实、理由、依据及你单位"
                          "依法享有的陈述、申辩" + ("和要求听证" if rec["notice"]["hearing"] else "") + "的权利。"))
    basis = f"{provisions.citation('环保法60')}、{g['citation']}"
    if halt:
        out.append(page.p(f"你单位的上述行为属于“{g['text']}”的情形。依据{basis}的规定，我局责令你单位自收到本决定书之日起"
                          "停产整治，停止产生污染物排放的生产活动，整治期间不得恢复生产。"))
    else:
        out.append(page.p(f"依据{basis}的规定，我局责令你单位自收到本决定书之日起限制生产，降低生产负荷、减少污染物排放，"
                          "确保污染物排放达到国家或者地方规定的排放标准。限制生产的期限为三个月，自本决定书送达之日起计算；"
                          "情况复杂的，经我局负责人批准可以延长，延长期限不超过三个月。"))
    out.append(page.p("你单位应当自收到本决定书之日起十五个工作日内将整改方案报我局备案并向社会公开；整改完成后，应当将整改"
                      "任务完成情况和整改信息社会公开情况报我局备案，并提交污染物排放监测报告。"))
    out.append(page.p("三、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    return out
