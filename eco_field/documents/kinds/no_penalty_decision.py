"""不予行政处罚决定书 (《行政处罚法》第三十三条、第五十七条; 吕环不罚〔2025〕6007号): the facts and evidence, the
violated provision, the ground established (首违不罚 / 轻微不罚 list item with each condition met on record, or
no fault), the order to correct and the education 「免罚不免责」, remedies.

Refused unless the assessment concluded 不予处罚 with every condition of its ground met."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import case_parts as parts
from eco_field.documents.kinds import notice_parts, provisions
from eco_field.documents.kinds.common import Source, case_base, remedies
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law import exemptions

KIND = "no-penalty-decision"
TITLE = "不予行政处罚决定书"
SOURCE = "case"
PENALTY_LAW = "《中华人民共和国行政处罚法》"  # cited once before its articles: 第二十八条第一款、第三十三条第三款
KIND_WORDS = {"first": "初次违法且危害后果轻微并及时改正", "minor": "违法行为轻微并及时改正，没有造成危害后果",
              "no_fault": "当事人有证据足以证明没有主观过错"}


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    assessment = rec["case"].get("assessment")
    case_id = rec["case"]["id"]
    if not assessment or assessment.get("decision") != "no_penalty":
        raise BadInput("kinds.not_no_penalty", case=case_id)
    parts_ = assessment.get("parts") or [assessment]
    grounds = []
    for part in parts_:
        exemption = part.get("exemption") or {}
        if not exemption.get("applies") or exemption.get("unknown") or exemption.get("unmet"):
            missing = "；".join(exemption.get("unknown") or exemption.get("unmet") or ["不予处罚的法定情形"])
            raise BadInput("kinds.no_penalty_ground", case=case_id, missing=missing)
        grounds.append({"kind": exemption.get("kind", ""), "title": exemption.get("title", ""),
                        "met": list(exemption.get("met") or []), "basis": _basis(exemption)})
    rec.update(grounds=grounds, evidence=parts.evidence_by_type(src, rec))
    if src.record_format >= 5:  # the records the grounds rest on, named where the grounds are stated
        rec["ground_evidence"] = ground_evidence(rec["evidence"])
    return rec


# the evidence types that can establish a ground of 不予处罚 (what was found, said and seen); the 书证 of the
# party's licence proves who the party is, not the ground
GROUND_TYPES = ("勘验笔录、现场笔录", "当事人的陈述", "视听资料", "电子数据", "鉴定意见", "证人证言", "物证")


def ground_evidence(evidence: dict[str, list[str]]) -> list[str]:
    """Each item of part 一's evidence that bears on the grounds, by its name (the text before 「，」)."""
    return [item.split("，")[0] for kind in GROUND_TYPES for item in evidence.get(kind, [])]


def _basis(exemption: dict[str, Any]) -> str:
    # the legal ground without the list item's internal code
    ground = str(exemption.get("legal_ground") or "")
    return ground.split("（")[0] if "（" in ground else ground


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    out = notice_parts.opening(page, rec)
    out.append(page.p("一、违法事实和证据", "heading"))
    out += notice_parts.facts_and_basis(page, rec)
    out.append(page.p("二、不予行政处罚的理由和依据", "heading"))
    listed_items = exemptions.load_exemptions()  # the app's list: typesetting only, the record keeps what was met
    for g in rec["grounds"]:
        conditions = "；".join(exemptions.found_text(listed_items, m) for m in g["met"])
        listed = f"，属于生态环境领域免罚清单所列“{g['title']}”情形" if g["kind"] in ("first", "minor") else ""
        out.append(page.p(f"经查，你单位上述违法行为{KIND_WORDS.get(g['kind'], g['title'])}{listed}"
                          + (f"，具体为：{conditions}" if conditions else "") + "。"))
        if rec.get("ground_evidence"):
            out.append(page.p(f"上述情形有{'、'.join(rec['ground_evidence'])}等证据证明。"))
        out.append(page.p(f"依据{g['basis']}的规定，我局决定对你单位不予行政处罚。"))
    out.append(page.p("三、责令改正和教育", "heading"))
    out.append(page.p(f"依据{PENALTY_LAW}第二十八条第一款、{provisions.citation('行政处罚法33-3').removeprefix(PENALTY_LAW)}的规定，"
                      "责令你单位立即改正上述违法行为，并对你单位进行教育：不予行政处罚不免除你单位依法履行生态环境保护"
                      "义务的责任，你单位应当严格遵守生态环境法律法规，防止违法行为再次发生。我局将对你单位的改正情况进行"
                      "跟踪检查，再次发生同类违法行为的，将依法予以处罚。"))
    out.append(page.p("四、申请行政复议或者提起行政诉讼的途径和期限", "heading"))
    out.append(remedies(page, rec))
    return out + notice_parts.closing(page, rec, receipt=False)
