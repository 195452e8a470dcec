"""送达回证: the receipt for serving documents (enforcement.md §3.2 i). Lists the documents issued for the
case (or inspection) before it, with the columns the recipient and the server sign."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from eco_field.documents import sources
from eco_field.documents.kinds.common import Source, bureau, officer_text
from eco_field.documents.layout import FRAME_W, Page
from eco_field.errors import BadInput

KIND = "service-receipt"
TITLE = "送达回证"
SOURCE = "either"
METHODS = "□直接送达　□留置送达　□邮寄送达　□委托送达　□电子送达　□公告送达"


# internal forms and referrals to other authorities are not served on the party
NOT_SERVED = {KIND, "filing-approval", "investigation-report", "internal-approval", "closing-approval",
              "hearing-record", "detention-transfer", "criminal-transfer"}


def served_title(src: Source, kind: str) -> str:
    """The title the issued document carries (a notice with or without （听证）, 查封 or 扣押)."""
    from eco_field.documents.kinds import MODULES, module_for

    if kind not in MODULES:
        return kind
    title = module_for(kind).TITLE
    if not src.case_id:
        return title
    from eco_field.documents.kinds import procedure_facts as facts

    if kind in ("penalty-notice", "daily-penalty-notice"):
        amount = (facts.case_record(src).get("assessment") or {}).get("amount", 0)
        return title if facts.hearing_right(src, amount) else title.replace("（听证）", "")
    if kind == "production-notice":
        measure = ((facts.law_facts(src) or {}).get("production") or {}).get("measure")
        return title.replace("限制生产（停产整治）", measure) if measure in ("限制生产", "停产整治") else title
    if kind.startswith("seizure-"):
        measure = ((facts.law_facts(src) or {}).get("seizure") or {}).get("measure")
        return title.replace("查封（扣押）", measure) if measure in ("查封", "扣押") else title
    return title


def gather(src: Source) -> dict[str, Any]:
    if src.case_id:
        case = sources.case(src.db, src.case_id)
        inspection_id = case.get("inspection_id")
        enterprise_id = case.get("enterprise_id")
        served = sources.issued_documents(src.db, case_id=src.case_id, before=src.before)
    else:
        inspection_id = src.need_inspection()
        enterprise_id = None
        served = sources.issued_documents(src.db, inspection_id=inspection_id, before=src.before)
    insp = sources.inspection(src.db, inspection_id) if inspection_id else None
    enterprise_id = enterprise_id or (insp or {}).get("enterprise_id")
    if not enterprise_id:
        raise BadInput("documents.receipt_no_party")
    served = [{**d, "title": served_title(src, d["kind"])} for d in served if d["kind"] not in NOT_SERVED]
    if not served:
        raise BadInput("documents.receipt_nothing_served")
    return {"party": sources.party(src.db, enterprise_id, strict=False), "documents": served,
            "officers": (insp or {}).get("officers", []), "bureau": bureau(src)}


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    party = rec["party"]
    out: list[Flowable] = page.heading()
    out.append(page.fields([("送达单位", rec["bureau"]["name"]), ("受送达人", party["name"]),
                            ("送达地点", party["address"]), ("送达方式", METHODS)], label_width=30 * mm))
    out.append(Spacer(1, 3 * mm))
    rows = [[i + 1, d.get("title") or d["kind"], d["number"],
             "　　年　月　日　时　分", ""] for i, d in enumerate(rec["documents"])]
    out.append(page.grid(["序号", "送达文书名称", "文号", "送达时间", "收件人签名或盖章"], rows,
                         [10 * mm, 42 * mm, 40 * mm, 42 * mm, FRAME_W - 134 * mm]))
    out.append(Spacer(1, 3 * mm))
    out.append(page.fields([("收件人与受送达人关系", ""), ("代收人代收理由", ""),
                            ("留置送达情况", "（受送达人拒收时，注明拒收事由和日期，并由见证人签名）"),
                            ("备注", "")], label_width=42 * mm))
    roles = [("送达人", officer_text(o)) for o in rec["officers"]] or [("送达人", ""), ("送达人", "")]
    out.append(page.signatures([("受送达人", party["name"])] + roles + [("见证人", "")]))
    return out
