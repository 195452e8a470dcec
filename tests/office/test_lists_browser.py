"""The 名录库 pages (issue 18 part 2) in a real browser: the dispatcher moves an enterprise to another category,
takes one out of 双随机 with its reason, changes a category's ratio, declares an officer's 回避 and withdraws
it; a draw made afterwards follows every change; each change is in the office audit. The leader reads the lists
without a form; the clerk is refused; a form without its CSRF token changes nothing.
ECO_FIELD_SCREENSHOTS=DIR keeps the screenshots (docs/screenshots)."""

from __future__ import annotations

from urllib.parse import unquote

import httpx

from eco_field.bureau.office import audit, directory, draws
from eco_field.bureau.office.db import open_office_db
from tests.console.conftest import login
from tests.console.test_http import _csrf, _signed_in
from tests.office.test_office_browser import seed_lists, shot
from tests.sync.conftest import BureauServer

COUNTY = "交城县"



def test_the_dispatcher_edits_both_lists_and_the_next_draw_follows(console: BureauServer, browser_page,
                                                                   tmp_path) -> None:
    seed_lists(console)
    with console.storage() as storage:
        office = open_office_db(storage)
        rows = directory.enterprise_rows(office, storage, county=COUNTY)
        officers = [o for o in directory.officer_list(office, storage) if o["units"][0] == COUNTY]
        office.close()
    assert len(rows) >= 3 and len(officers) == 3
    moved, dropped = rows[0], rows[1]
    new_category = "特殊" if moved["category"] != "特殊" else "一般"
    page = browser_page
    login(page, console, "dispatcher", then=f"/console/lists?county={COUNTY}")
    assert "检查对象名录库" in page.inner_text("main") and moved["name"] in page.inner_text("main")
    form = page.locator(f"form[action$='/lists/enterprises/{moved['id']}']")
    form.locator("select[name=category]").select_option(new_category)
    form.locator("button").click()
    page.wait_for_load_state()
    assert f"{moved['name']}：列为「{new_category}」" in page.inner_text("main")
    assert unquote(page.url).endswith(f"/console/lists?county={COUNTY}"), "back on the filtered list"
    form = page.locator(f"form[action$='/lists/enterprises/{dropped['id']}']")
    form.locator("select[name=excluded]").select_option("1")
    form.locator("button").click()
    page.wait_for_load_state()
    assert "未完成" in page.inner_text("main"), "no reason, no exclusion"
    form = page.locator(f"form[action$='/lists/enterprises/{dropped['id']}']")
    form.locator("select[name=excluded]").select_option("1")
    form.locator("input[name=note]").fill("2026年3月起长期停产")
    form.locator("button").click()
    page.wait_for_load_state()
    assert "不参与双随机（2026年3月起长期停产）" in page.inner_text("main")
    ratio = page.locator("tr").filter(has=page.locator("input[name=name][value='一般']"))
    ratio.locator("input[name=ratio]").fill("50%")
    ratio.locator("input[name=source]").fill("吕环发〔2026〕3号 双随机抽查工作计划（示例）")
    ratio.locator("button").click()
    page.wait_for_load_state()
    assert "已保存类别「一般」：抽查比例 50%" in page.inner_text("main")
    shot(page, "console_lists.png", tmp_path)

    # the 执法人员名录库: a 回避 for the first officer of the county, then withdrawn; the second taken out
    first, second = officers[0], officers[1]
    page.goto(f"{console.url}/console/lists/officers?county={COUNTY}")
    row = page.locator("tr").filter(has_text=first["cert_no"])
    row.locator("form.conflict-add select[name=enterprise]").select_option(moved["id"])
    row.locator("form.conflict-add input[name=reason]").fill("其配偶任该企业环保负责人")
    row.locator("form.conflict-add button").click()
    page.wait_for_load_state()
    assert f"对「{moved['name']}」的回避已登记" in page.inner_text("main")
    row = page.locator("tr").filter(has_text=second["cert_no"])
    row.locator("form.pool input[name=note]").fill("借调市局专项督察")
    row.locator("form.pool button").click()
    page.wait_for_load_state()
    assert "已移出执法人员名录库（借调市局专项督察）" in page.inner_text("main")
    shot(page, "console_lists_officers.png", tmp_path)

    with console.storage() as storage:
        office = open_office_db(storage)
        try:
            by_id = {e["id"]: e for e in directory.enterprise_rows(office, storage, county=COUNTY)}
            assert by_id[moved["id"]]["category"] == new_category
            assert by_id[dropped["id"]]["excluded"] and by_id[dropped["id"]]["note"] == "2026年3月起长期停产"
            assert next(c for c in directory.categories(office) if c["name"] == "一般")["ratio"] == "1/2"
            pool = {o["cert_no"]: o for o in directory.officer_list(office, storage)}
            assert [c["enterprise_id"] for c in pool[first["cert_no"]]["conflicts"]] == [moved["id"]]
            assert not pool[second["cert_no"]]["active"]
            # a draw of the county at 100%: the dropped enterprise is not drawn, the officer taken out is in no
            # team, and the officer in conflict is not sent to the moved enterprise
            made = draws.make_draw(office, storage, 2026, {"重点": "1", "一般": "1", "特殊": "1"}, "lists-test", COUNTY)
            teams = {i["id"]: i["officers"] for i in made["items"]}
            assert dropped["id"] not in teams and moved["id"] in teams
            assert all(second["cert_no"] not in team for team in teams.values())
            assert first["cert_no"] not in teams[moved["id"]]
            actions = [e["action"] for e in audit.entries(office, 50)]
            for action in ("list_enterprise_set", "list_category_set", "list_conflict_declared", "list_officer_pool"):
                assert action in actions, action
        finally:
            office.close()

    # the 回避 withdrawn (with a reason), the officer back in the pool
    page.goto(f"{console.url}/console/lists/officers?county={COUNTY}")
    row = page.locator("tr").filter(has_text=first["cert_no"])
    row.locator("div.conflict input[name=reason]").fill("登记有误：系同名人员")
    row.locator("div.conflict button").click()
    page.wait_for_load_state()
    assert "的一项回避已撤销" in page.inner_text("main")
    page.locator("tr").filter(has_text=second["cert_no"]).locator("form.pool button").click()
    page.wait_for_load_state()
    assert "已列入执法人员名录库" in page.inner_text("main")
    with console.storage() as storage:
        office = open_office_db(storage)
        try:
            made = draws.make_draw(office, storage, 2026, {"重点": "1", "一般": "1", "特殊": "1"}, "lists-test-2", COUNTY)
            drawn = {i["id"] for i in made["items"]}
            assert moved["id"] in drawn and dropped["id"] not in drawn
            snapshot = {o["cert_no"] for o in directory.officer_list(office, storage) if o["active"]}
            assert second["cert_no"] in snapshot and first["cert_no"] in snapshot
            assert "list_conflict_withdrawn" in [e["action"] for e in audit.entries(office, 50)]
        finally:
            office.close()


def test_the_leader_reads_the_lists_and_others_cannot_change_them(console: BureauServer) -> None:
    seed_lists(console)
    leader = _signed_in(console, "leader")
    html = leader.get("/console/lists").text
    assert "抽查类别与比例" in html and "/lists/enterprises/" not in html and "/lists/categories" not in html
    assert "/conflicts" not in leader.get("/console/lists/officers").text
    token = _csrf(html)
    refused = leader.post("/console/lists/categories", data={"name": "一般", "ratio": "1%", "source": "x",
                                                             "csrf_token": token})
    assert refused.status_code == 403
    clerk = _signed_in(console, "clerk")
    assert clerk.get("/console/lists").status_code == 403
    dispatcher = _signed_in(console, "dispatcher")
    forged = dispatcher.post("/console/lists/categories", data={"name": "一般", "ratio": "1%", "source": "x"})
    assert forged.status_code == 403
    bad = dispatcher.post("/console/lists/categories", data={"name": "一般", "ratio": "120%", "source": "x",
                                                             "csrf_token": _csrf(dispatcher.get("/console/lists").text)})
    assert bad.status_code == 303
    assert "未完成" in dispatcher.get("/console/lists").text
    anonymous = httpx.post(f"{console.url}/console/lists/categories", data={"name": "一般", "ratio": "1%"})
    assert anonymous.status_code == 303 and "/console/login" in anonymous.headers["location"]
    with console.storage() as storage:
        office = open_office_db(storage)
        try:
            assert next(c for c in directory.categories(office) if c["name"] == "一般")["ratio"] == "1/20"
        finally:
            office.close()
