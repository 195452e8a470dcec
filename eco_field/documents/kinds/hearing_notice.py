"""行政处罚听证通知书 (《行政处罚法》第六十四条; 2016 指南 template 13): time and place of the hearing, the
presider, the party's rights (recusal, 1–2 agents, to present evidence and cross-examine), that an absence
without reason is a waiver; served at least seven days before the hearing."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import decision_parts as words
from eco_field.documents.kinds import hearing_parts
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date
from eco_field.documents.layout import Page

KIND = "hearing-notice"
TITLE = "行政处罚听证通知书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["hearing"] = hearing_parts.particulars(src, "hearing_requested", rec["case"]["id"],
                                               "当事人申请听证后方可通知听证（登记申请听证时写明时间、地点、主持人）",
                                               required=("time", "place", "presider"))
    if src.record_format >= 5 and not rec["hearing"]["members"]:  # the hearing officers as a list (--hearing-officer)
        officers = facts.event_rows(src, "hearing_requested")[-1]["data"].get("hearing_officers")
        if isinstance(officers, list):
            rec["hearing"]["members"] = "、".join(str(n).strip() for n in officers if str(n).strip())
    rec["notice"] = hearing_parts.answered_notice(src, rec)
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    h, party = rec["hearing"], rec["party"]
    notice = f"我局《{rec['notice']['title']}》（{rec['notice']['number']}）" if rec["notice"] else "我局拟作出的行政处罚"
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{party['name']}：", "plain"))
    out.append(page.p(f"你单位于{cn_date(h['date'])}就{notice}提出的听证申请收悉。根据《中华人民共和国行政处罚法》"
                      "第六十四条的规定，我局决定举行听证，现将有关事项通知如下："))
    out.append(page.fields([("听证时间", hearing_parts.time_text(h["time"])), ("听证地点", h["place"]),
                            ("听证主持人", h["presider"]), ("听证员", h["members"]), ("记录人", h["recorder"])],
                           label_width=30 * 2.835))
    out.append(page.p("一、你单位可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证举行前向我局"
                      "提交载明委托事项及权限的授权委托书。"))
    out.append(page.p("二、你单位认为听证主持人、听证员或者记录人与本案有直接利害关系或者有其他关系可能影响公正执法的，"
                      "有权申请回避，并说明理由。"))
    out.append(page.p("三、听证时，你单位可以就案件的事实、证据和法律适用进行申辩和质证，并可以提出新的证据。"))
    out.append(page.p("四、你单位无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，我局终止听证。"))
    out.append(page.p("五、听证公开举行，涉及国家秘密、商业秘密或者个人隐私依法予以保密的除外。当事人不承担听证的费用。"))
    out.append(words.bureau_lines(page, rec))
    out.append(page.seal_block())
    out.append(page.signatures([("当事人签收", party["name"])]))
    return out
