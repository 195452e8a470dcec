"""The 解除查封（扣押）决定书 as a 法制审核 officer reads it: the release rests on one item of 行政强制法第二十八条第一款
chosen when it is recorded (never free text alone), cited with that item and the 查扣办法's article and stated in
the law's words; the released items are listed under their own heading; the decision is served within 3
working days (查扣办法第二十一条). A release decision issued before (record format 4) still verifies."""

from __future__ import annotations

from datetime import date

import pytest

from eco_field.documents import service
from eco_field.documents.kinds import common, seizure_release
from eco_field.errors import BadInput
from eco_field.law import cases, procedure, release_grounds
from eco_field.law.case_steps import event_data
from eco_field.law.workdays import load_calendar
from eco_field.store import inspections
from tests.documents.case_walk import approve, issue, opened, read_text
from tests.law.procedure_helpers import ago

CN_ITEM = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}


def _release_text(ground: release_grounds.ReleaseGround) -> str:
    rec = {"lifted": {"note": "经查明的事实", "date": "2026-11-02"},
           "release": {"code": ground.code, "item": ground.item, "words": ground.words, "citation": ground.citation,
                       "fact": ground.fact}}
    return seizure_release._ground_paragraph(rec, "查封")


@pytest.mark.parametrize("ground", release_grounds.GROUNDS, ids=lambda g: g.code)
def test_each_ground_states_its_item_its_words_and_the_measures_article(ground):
    text = _release_text(ground)
    item = f"《中华人民共和国行政强制法》第二十八条第一款第{CN_ITEM[ground.item]}项"
    kind = "" if ground.item == 5 else "的情形"
    assert f"属于“{ground.words}”{kind}。依据{item}和《环境保护主管部门实施查封、扣押办法》{ground.article}的规定" in text
    assert ground.fact in text and text.count("第二十八条") == 1, text
    assert "自2026年11月2日起解除对上述设施、设备的查封" in text


def test_a_ground_is_typed_as_its_item_or_its_code_and_stored_as_the_code():
    assert [release_grounds.find(str(n)).code for n in range(1, 6)] == \
        ["no-violation", "unrelated", "decided", "expired", "other"]
    assert event_data("seizure_lifted", {"ground": "4", "note": "期满"}) == ("期满", {"ground": "expired"})
    assert release_grounds.find("6") is None and release_grounds.find("") is None
    assert release_grounds.BY_CODE["corrected"].citation.endswith("第二十八条第一款第五项和《环境保护主管部门实施查封、扣押办法》第十九条第一项")


def _sealed(ws, tmp_path, seized_ago: int) -> str:
    case_id = opened(ws, tmp_path, violations=("AIR-03",), days_ago=seized_ago + 10, factors={"impact": "medium"})
    inspections.update(ws.db, cases.get(ws.db, case_id).inspection_id, checklist={"seizure_items": [
        {"name": "焦炉烟气旁路阀", "spec": "DN800", "quantity": 1, "unit": "台", "place": "1号焦炉"}]})
    approve(ws, case_id, "filing", ago(seized_ago + 2))
    cases.record_event(ws.db, case_id, "filed", ago(seized_ago + 2))
    cases.record_event(ws.db, case_id, "seized", ago(seized_ago), "查封旁路阀", {"measure": "查封", "approved_by": "李局长"})
    issue(ws, "seizure-decision", case_id, tmp_path)
    return case_id


def test_a_release_needs_a_ground_the_record_bears_out(ready, tmp_path):
    case_id = _sealed(ready, tmp_path, 40)
    lift = lambda day, data: cases.record_event(ready.db, case_id, "seizure_lifted", day, "检测完毕", data)  # noqa: E731
    with pytest.raises(BadInput) as refused:
        lift(ago(20), {})
    said = str(refused.value)
    assert "第二十八条第一款" in said and "--ground" in said
    for ground in release_grounds.GROUNDS:
        assert ground.code in said and ground.words in said
    with pytest.raises(BadInput, match="第二十八条第一款"):
        lift(ago(20), {"ground": "6"})
    end = date.fromisoformat(ago(40)).toordinal() + 30  # 30 days from the day after sealing (law/seizure_period)
    with pytest.raises(BadInput, match=f"{date.fromordinal(end).isoformat()} 届满，尚未届满"):
        lift(ago(20), {"ground": "expired"})
    with pytest.raises(BadInput, match="尚未作出行政处罚决定"):
        lift(ago(20), {"ground": "decided"})
    assert cases.get(ready.db, case_id).events[-1]["event"] == "seized"  # nothing recorded by the refusals


def test_the_release_cites_its_item_lists_the_items_and_is_served_in_three_working_days(ready, tmp_path,
                                                                                         monkeypatch):
    case_id = _sealed(ready, tmp_path, 40)
    cases.record_event(ready.db, case_id, "seizure_lifted", ago(5), "查封期间未发现新的违法排放",
                       {"ground": "expired"})
    # issued by the code of record format 4: as printed then (the article without its item), and it verifies
    old = tmp_path / "old.pdf"
    with monkeypatch.context() as m:
        m.setattr(common, "RECORD_FORMAT", 4)
        service.render(ready, "seizure-release", case_id=case_id, issued_on=ago(5), out_path=old)
    assert "依据《中华人民共和国行政强制法》第二十八条、《环境保护主管部门实施查封、扣押办法》的规定" in read_text(old)
    assert service.verify_pdf(ready, old)["matches"]

    new = tmp_path / "seizure-release.pdf"
    service.render(ready, "seizure-release", case_id=case_id, issued_on=ago(5), out_path=new, reason="按新版重新签发")
    text = read_text(new)
    for must in ("解除查封决定书", "查封期间未发现新的违法排放。本案属于“查封、扣押期限已经届满”的情形",
                 "依据《中华人民共和国行政强制法》第二十八条第一款第四项和《环境保护主管部门实施查封、扣押办法》第二十条第二项",
                 "解除查封的设施、设备清单", "焦炉烟气旁路阀", "1号焦炉"):
        assert must in text, must
    # the list's heading comes before the items, not the seizure's own 「查封清单」 title
    assert text.index("解除查封的设施、设备清单") < text.index("焦炉烟气旁路阀") and "》查封清单" not in text
    # the list is closed below its items; no empty rows push it onto a page of its own
    assert text.index("1号焦炉") < text.index("以下空白") and "共1页" in text, text
    assert "以下空白" in read_text(tmp_path / "seizure-decision.pdf")  # the seizure's own 清单 too
    # a release never permits using what was sealed (it may be the bypass itself)
    assert "启用" not in text and "继续改正" not in text  # released at expiry: nothing decided to keep correcting
    assert "继续改正违法行为" in seizure_release._after_release("查封", "decided")
    assert service.verify_pdf(ready, new)["matches"]
    again = service.verify_pdf(ready, old)  # superseded by the re-issue, still the genuine file of its record
    assert again["issued_file_match"] and again["record_match"], again

    # 查扣办法第二十一条: served within 3 working days of the release; `cases next` offers it, the deadline counts
    due = load_calendar().add_working_days(date.fromisoformat(ago(5)), 3).isoformat()
    deadline = next(d for d in cases.get(ready.db, case_id).deadlines if d["code"] == "release_service")
    assert deadline["due"] == due and deadline["status"] in ("open", "near", "overdue")
    steps = {e["event"]: e for e in procedure.next_steps(ready.db, case_id)["events"]}
    assert steps["seizure_release_served"]["allowed"], steps["seizure_release_served"]
    cases.record_event(ready.db, case_id, "seizure_release_served", ago(4), "直接送达")
    deadline = next(d for d in cases.get(ready.db, case_id).deadlines if d["code"] == "release_service")
    assert deadline["status"] == "met"
    with pytest.raises(BadInput, match="已送达"):
        cases.record_event(ready.db, case_id, "seizure_release_served", ago(3))


def test_a_release_recorded_before_grounds_were_asked_for_still_prints_without_an_item():
    rec = {"lifted": {"note": "已作出处罚决定，不再需要查封", "date": "2026-11-02"}, "release": None}
    text = seizure_release._ground_paragraph(rec, "查封")
    assert text.startswith("已作出处罚决定，不再需要查封。依据《中华人民共和国行政强制法》第二十八条第一款和"
                           "《环境保护主管部门实施查封、扣押办法》的规定"), text
    assert "项" not in text  # no item is claimed that the record does not hold
