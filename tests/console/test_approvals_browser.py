"""A case a laptop synced waits in the console's approval queue; the leader approves it (or returns it) in
the browser, and the laptop, syncing again, records the approval and may take the next step."""

from __future__ import annotations

import re

from eco_field.clock import now_local
from eco_field.law import cases, procedure
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.console.conftest import login
from tests.sync.conftest import BureauServer, new_inspection


def _open_case(console: BureauServer, page, enterprise_hint: str | None = None) -> None:
    page.goto(f"{console.url}/console/approvals")
    page.locator("table tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/console/approvals/[0-9a-f-]+$"))


def test_leader_approves_filing_and_the_laptop_pulls_it(console: BureauServer, device: Workspace,
                                                        browser_page) -> None:
    case = cases.new_case(device.db, new_inspection(device), ["AIR-10"], "物料堆场未覆盖，扬尘明显")
    assert run_sync(device)["ok"]
    page = browser_page

    login(page, console, "reviewer", then="/console/approvals")
    row = page.locator("table tbody tr", has_text="立案审批")
    assert row.count() == 1 and "物料堆场" not in row.inner_text()  # the cause is the catalog's, not the notes
    _open_case(console, page)
    assert "待局负责人审批" in page.inner_text("main") and page.locator("form[action$='/decide']").count() == 0
    token = page.locator("input[name=csrf_token]").first.input_value()
    forced = page.request.post(f"{page.url}/decide", form={"csrf_token": token, "step": "filing",
                                                           "verdict": "approve", "opinion": "同意"})
    assert forced.status == 200 and "未完成：立案审批不由法制审核人员审批" in forced.text()
    page.click("header .logout button")

    login(page, console, "leader", then="/console/approvals")
    _open_case(console, page)
    assert "物料堆场未覆盖，扬尘明显" in page.inner_text("main")
    page.fill("form[action$='/decide'] textarea[name=opinion]", "同意立案，由王建国、李明承办")
    page.click("form[action$='/decide'] button[value=approve]")
    page.wait_for_load_state()
    assert "立案审批已同意" in page.inner_text("main")
    assert "同意立案，由王建国、李明承办" in page.inner_text("main")  # in the approval history at once
    assert "本案现在没有待审批的环节" in page.inner_text("main")
    page.goto(f"{console.url}/console/approvals")
    assert page.locator("table tbody tr", has_text="立案审批").count() == 0

    assert run_sync(device)["ok"]
    facts = procedure.facts(device.db, case.id)
    assert [(a["step"], a["by"], a["role"], a["opinion"], a["source"]) for a in facts["approvals"]] == [
        ("filing", "陈局长", "局负责人", "同意立案，由王建国、李明承办", "bureau")]
    filed = next(e for e in procedure.next_steps(device.db, case.id)["events"] if e["event"] == "filed")
    assert filed["allowed"], filed
    assert cases.record_event(device.db, case.id, "filed", now_local().date()).status == "filed"

    page.click("header .logout button")
    login(page, console, "admin", then="/console/audit")
    log = page.inner_text("main")
    assert "审批通过" in log and "同意立案，由王建国、李明承办" in log
    assert "操作未完成" in log and "立案审批不由法制审核人员审批" in log  # the reviewer's forced attempt


def test_leader_returns_a_case_and_the_laptop_stays_closed(console: BureauServer, device: Workspace,
                                                           browser_page) -> None:
    case = cases.new_case(device.db, new_inspection(device), ["AIR-10"], "物料堆场未覆盖")
    assert run_sync(device)["ok"]
    page = browser_page
    login(page, console, "leader", then="/console/approvals")
    _open_case(console, page)
    page.click("form[action$='/decide'] button[value=return]")  # no reason given: refused
    page.wait_for_load_state()
    assert "退回须写明理由" in page.inner_text("main")
    token = page.locator("input[name=csrf_token]").first.input_value()
    future = page.request.post(f"{page.url}/decide", headers={"Referer": page.url},
                               form={"csrf_token": token, "step": "filing", "verdict": "approve", "opinion": "同意",
                                     "date": "2099-01-01"})
    assert "未完成" in future.text() and "晚于今天" in future.text() and "审批记录" in future.text()
    assert "尚无审批" in future.text()  # nothing recorded
    page.fill("form[action$='/decide'] textarea[name=opinion]", "证据不足，补充现场照片后再报")
    page.click("form[action$='/decide'] button[value=return]")
    page.wait_for_load_state()
    assert "立案审批已退回" in page.inner_text("main")
    page.goto(f"{console.url}/console/approvals")  # still waiting: a returned step is not approved
    assert page.locator("table tbody tr", has_text="立案审批").count() == 1

    assert run_sync(device)["ok"]
    filed = next(e for e in procedure.next_steps(device.db, case.id)["events"] if e["event"] == "filed")
    assert not filed["allowed"] and "证据不足" in filed["reason"]


def test_the_case_file_shows_a_photos_flags_checked_at_the_bureau(console: BureauServer, device: Workspace,
                                                                  browser_page, tmp_path) -> None:
    from tests.evidence.conftest import make_photo

    old_far = make_photo(tmp_path / "old.jpg", taken="2019:03:01 10:00:00", lat=23.13, lon=113.26).read_bytes()
    on_site = make_photo(tmp_path / "now.jpg", taken=None, lat=None, lon=None, seed=3).read_bytes()
    inspection_id = new_inspection(device, [old_far, on_site])
    cases.new_case(device.db, inspection_id, ["AIR-10"], "物料堆场未覆盖")
    assert run_sync(device)["ok"]
    page = browser_page
    login(page, console, "leader", then="/console/approvals")
    _open_case(console, page)
    photos = page.locator("section", has_text="照片证据")
    assert photos.locator("img").count() == 2
    figures = photos.locator("figure").all_inner_texts()
    old = next(f for f in figures if "IMG_0000" in f)
    bare = next(f for f in figures if "IMG_0001" in f)
    assert "拍摄于检查开始前" in old and "拍摄位置距厂址" in old
    assert "照片未记录拍摄时间" in bare and "照片未记录 GPS 位置" in bare
    first = photos.locator("img").first.get_attribute("src")
    assert page.request.get(f"{console.url}{first}").headers["content-type"] == "image/jpeg"
