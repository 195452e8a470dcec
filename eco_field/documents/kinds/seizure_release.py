"""解除查封（扣押）决定书 (行政强制法第二十八条; 查封扣押办法 arts. 19–21; 2016 指南 template 26): the original
decision, the ground of release — from record format 5 the item of 第二十八条第一款 chosen on the `seizure_lifted`
event (law/release_grounds.py) with the 办法's article, in words — the facts (the event's note), the date, and the
released items under their heading (the seizure decision's list); served within 3 working days (办法第二十一条)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from eco_field.documents.kinds import notice_parts, seizure_grounds
from eco_field.documents.kinds import procedure_facts as facts
from eco_field.documents.kinds.common import Source, case_base, cn_date, earlier_of, remedies, sentence
from eco_field.documents.kinds.seizure_decision import inventory, seizure_items
from eco_field.documents.layout import Page
from eco_field.errors import BadInput
from eco_field.law import release_grounds

KIND = "seizure-release"
TITLE = "解除查封（扣押）决定书"
SOURCE = "case"


def gather(src: Source) -> dict[str, Any]:
    rec = case_base(src)
    rec["ground"] = seizure_grounds.ground(src, rec)
    # the release is recorded first (its date and reason); the decision prints them, never a stock reason
    lifted = (facts.event_rows(src, "seizure_lifted") or [None])[-1]
    if lifted is None or not lifted["note"].strip():
        raise BadInput("kinds.missing_event", case=rec["case"]["id"], event="seizure_lifted",
                       why="先登记解除查封、扣押（解除日期和理由），再制作解除决定书")
    rec.update(lifted=lifted, decision=earlier_of(rec, "seizure-decision"), items=seizure_items(src, rec))
    rec["title"] = f"解除{rec['ground']['measure']}决定书"
    if src.record_format >= 5:
        # the ground of 第二十八条第一款 as recorded; a release recorded before grounds were asked for has none
        # and is printed as then (the article without its item)
        ground = release_grounds.find((lifted.get("data") or {}).get("ground"))
        rec["release"] = {"code": ground.code, "item": ground.item, "words": ground.words,
                          "citation": ground.citation, "fact": ground.fact} if ground else None
    return rec


def story(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    m, lifted, decision = rec["ground"]["measure"], rec["lifted"], rec["decision"]
    page.title = rec["title"]
    out: list[Flowable] = page.heading()
    out.append(page.p(f"{rec['party']['name']}：", "plain"))
    ref = f"以《{m}决定书》（{decision['number']}）" if decision else ""
    out.append(page.p(f"我局于{cn_date(rec['ground']['on'])}{ref}对你单位造成污染物排放的设施、设备实施了{m}。"))
    if "release" not in rec:  # record formats 1-4, as issued then
        reason = lifted["note"].strip().rstrip("。")
        out.append(page.p(f"鉴于{reason}，依据《中华人民共和国行政强制法》第二十八条、《环境保护主管部门实施查封、扣押办法》"
                          f"的规定，我局决定自{cn_date(lifted['date'])}起解除{m}。解除{m}的设施、设备详见所附清单。"))
        out.append(remedies(page, rec))
        out += notice_parts.closing(page, rec, receipt=False)
        return out + inventory(page, rec)[1:]
    out.append(page.p(_ground_paragraph(rec, m)))
    after = _after_release(m, (rec["release"] or {}).get("code"))
    if after:
        out.append(page.p(after))
    out.append(remedies(page, rec))
    out += notice_parts.closing(page, rec, receipt=False)
    return out + released_list(page, rec)


def _ground_paragraph(rec: dict[str, Any], m: str) -> str:
    """The facts, the ground in the law's words with its item, and the decision to release."""
    lifted, release = rec["lifted"], rec["release"]
    facts_text = sentence(lifted["note"])
    if release is None:  # recorded without a ground (before they were asked for): the article, no item
        return (f"{facts_text}依据《中华人民共和国行政强制法》第二十八条第一款和《环境保护主管部门实施查封、扣押办法》"
                f"的规定，我局决定自{cn_date(lifted['date'])}起解除{m}。")
    found = f"{release['fact']}，" if release["fact"] else "本案"
    kind = "" if release["words"].endswith("情形") else "的情形"  # item 五 names itself 「…的情形」
    return (f"{facts_text}{found}属于“{release['words']}”{kind}。依据{release['citation']}的规定，我局决定自{cn_date(lifted['date'])}起解除对上述设施、设备的{m}"
            f"（详见本决定书所附《解除{m}的设施、设备清单》）。")


def _after_release(m: str, ground: str | None) -> str:
    """What follows the release: 强制法第二十八条第二款 (return what was seized); 查扣办法第二十一条第二款. A release
    never permits using what was sealed (it may be the illegal bypass): released because the violation was
    decided (第二十八条第一款第三项), the party still corrects as decided; the release date is the ground's."""
    if m == "扣押":
        return ("扣押解除后，我局将立即退还扣押的设施、设备，请你单位接到通知后及时领回；无法通知的，我局将予以公告，"
                "你单位应当自招领公告发布之日起六十日内领回，逾期未领回的，所造成的损失由你单位自行承担。")
    if ground == "decided":
        return f"{m}解除后，你单位仍应当按照我局已作出的处理决定继续改正违法行为。"
    return ""


def released_list(page: Page, rec: dict[str, Any]) -> list[Flowable]:
    """The seizure decision's list, headed as what is released (its title replaced)."""
    m = rec["ground"]["measure"]
    # the released items are known: one 「以下空白」 row closes them (no empty rows spill onto a page of their own)
    return [page.p(f"解除{m}的设施、设备清单", "title"), *inventory(page, rec, blank_rows=0 if rec["items"] else 3)[1:]]
