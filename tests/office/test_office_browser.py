"""The office pages in a real browser (Debian's chromium via Playwright, CONSOLE's fixtures): the dispatcher runs
a 双随机 draw whose tasks a laptop pulls, the clerk takes a complaint and accepts it, the leader reads the
figures, which equal `bureau figures --json` after the laptop synced a check of a drawn task.
ECO_FIELD_SCREENSHOTS=DIR keeps the pages' screenshots there (docs/screenshots for the docs)."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from eco_field.bureau.office import directory
from eco_field.bureau.office.db import open_office_db
from eco_field.evidence.seal import seal
from eco_field.store import inspections
from eco_field.sync.client import run_sync
from tests.console.conftest import login
from tests.sync.conftest import BureauServer


def shot(page, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("ECO_FIELD_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)


def seed_lists(server: BureauServer) -> None:
    with server.storage() as storage:
        office = open_office_db(storage)
        directory.seed_demo(office, storage)
        office.close()


def test_draw_in_the_browser_reaches_the_laptop_and_the_figures_count_its_check(
        console: BureauServer, browser_page, device, tmp_path: Path) -> None:
    seed_lists(console)
    page = browser_page
    login(page, console, "dispatcher", then="/console/draws")
    assert "检查对象名录库" in page.inner_text("main") and "重点" in page.inner_text("main")
    page.select_option("select[name=county]", "离石区")
    page.fill("input[name=ratio_重点]", "100%")
    page.fill("input[name=ratio_一般]", "100%")
    page.fill("input[name=ratio_特殊]", "")
    page.fill("input[name=seed]", "2026年第一季度公开摇号 0417")
    page.click("form[action$='/draws/new'] button")
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "已抽取 4 家企业" in main and "结果一致" in main, main
    rows = page.locator("table").last.locator("tbody tr")
    assert rows.count() == 4
    shot(page, "console_draw.png", tmp_path)

    assert run_sync(device)["ok"]
    pulled = dict(device.db.execute("SELECT id, enterprise_id FROM tasks WHERE kind = 'random'"
                                    " AND title LIKE '%第1批%'").fetchall())
    assert len(pulled) == 4, "the drawn tasks reach the 离石区 laptop"
    task_id, enterprise_id = sorted(pulled.items())[0]
    officers = [r[0] for r in device.db.execute("SELECT officer_cert FROM task_officers WHERE task_id = ?", [task_id])]
    made = inspections.create(device.db, enterprise_id, officers, task_id=task_id)
    inspections.update(device.db, made.id, findings=[{"item_id": "GEN-07", "facts": "在线监测设备停运"}])
    seal(device, made.id)
    assert run_sync(device)["ok"]

    page.goto(f"{console.url}/console/tasks?kind=random&county=离石区")
    assert "已完成" in page.locator("tbody tr", has_text=made.started_at[:10]).first.inner_text()

    leader = page.context.browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN").new_page()
    year = int(made.started_at[:4])
    login(leader, console, "leader", then=f"/console/figures?year={year}")
    want = console.admin_json("figures", "--year", str(year))
    assert want["spot_checks"] == 1 and want["problems_found"] == 1
    for key in ("spot_checks", "problems_found", "cases_filed", "complaints_received"):
        assert leader.inner_text(f"td[data-key={key}]").replace(",", "") == str(want[key])
    assert leader.locator("svg rect").count() == 12 + 13  # a bar per month and per county
    shot(leader, "console_figures.png", tmp_path)
    leader.context.close()


def test_the_clerk_takes_a_complaint_and_its_deadlines_show(console: BureauServer, browser_page,
                                                            tmp_path: Path) -> None:
    page = browser_page
    login(page, console, "clerk", then="/console/complaints")
    received = date.today() - timedelta(days=3)
    page.fill("input[name=received_on]", received.isoformat())
    page.select_option("select[name=channel]", "12369热线")
    page.fill("input[name=source_ref]", "12369-1405-0031")
    page.select_option("form[action$='/complaints/new'] select[name=county]", "孝义市")
    page.fill("textarea[name=content]", "孝义市某焦化厂夜间焦炉冒黑烟，周边村民反映气味刺鼻。")
    page.click("form[action$='/complaints/new'] button")
    page.wait_for_load_state()
    main = page.inner_text("main")
    accept_due = (received + timedelta(days=15)).isoformat()
    assert f"受理告知期限 {accept_due}" in main
    row = page.locator("tbody tr", has_text="12369-1405-0031")
    row.locator("input[name=day]").fill(date.today().isoformat())
    row.locator("form[action$='/accept'] button").click()
    page.wait_for_load_state()
    close_due = (date.today() + timedelta(days=60)).isoformat()
    assert f"办结期限 {close_due}" in page.inner_text("main")
    shot(page, "console_complaints.png", tmp_path)
    admin = page.context.browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN").new_page()
    login(admin, console, "admin", then="/console/audit")
    log = admin.inner_text("main")
    assert "信访登记" in log and "信访受理" in log
    admin.context.close()
