"""行政处罚事先（听证）告知书 (《行政处罚法》第四十四、六十三、六十四条): the intended penalty with its facts,
reasons and basis, the right to state and defend, and the hearing right with its 5-day limit."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds.common import Source, case_base, party_rows
from eco_field.documents.layout import Page

KIND = "penalty-notice"
TITLE = "行政处罚事先（听证）告知书"
SOURCE = "case"
HEARING_THRESHOLD = 200000  # 较大数额 for legal persons (生态环境行政处罚办法 art. 89); setting doc_hearing_threshold


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["assessment"] = parts.checked_assessment(rec)
    rec["evidence"] = parts.evidence_by_type(src, rec)
    threshold = float(src.setting("doc_hearing_threshold") or HEARING_THRESHOLD)
    # the notice proposes a fine only; measures such as 停产整治 carry their own decision and hearing
    rec["hearing"] = rec["assessment"]["amount"] >= threshold
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    assessment, bureau = rec["assessment"], rec["bureau"]
    out: list[Flowable] = page.heading()
    out.append(page.fields(party_rows(rec["party"])))
    out += parts.violations_paragraphs(page, rec)
    out += parts.evidence_paragraphs(page, rec)
    out += parts.basis_paragraphs(page, rec)
    out.append(page.p(f"依据{assessment.get('citation') or assessment['law'] + assessment['article']}的规定，"
                      f"{assessment['rationale']}"))
    out.append(page.p(f"我局拟对你单位作出如下行政处罚：{parts.fine_text(assessment['amount'])}。"))
    rights = ("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。"
              "你单位如对上述拟作出的行政处罚有异议，可在收到本告知书之日起五日内向我局提出书面陈述、申辩意见。")
    if rec["hearing"]:
        rights += ("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求举行听证的权利。"
                   "如要求听证，应当在收到本告知书之日起五日内向我局提出。")
    rights += "逾期未提出的，视为放弃上述权利。"
    out.append(page.p(rights))
    contact = "　".join(x for x in (bureau["address"] and f"地址：{bureau['address']}",
                                   bureau["contact"] and f"联系人及电话：{bureau['contact']}") if x)
    if contact:
        out.append(page.p(contact, "plain"))
    out.append(page.seal_block())
    out.append(page.signatures([("当事人签收", rec["party"]["name"])]))
    return out
