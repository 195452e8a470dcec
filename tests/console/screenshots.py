"""Screenshots of every console page at 1366×768 (docs/screenshots/console_*.png), from a real bureau that a
demo laptop synced: a case waiting for 法制审核 after a hearing (documents, photo, readings) and a new case
waiting for 立案审批.  Run: python -m tests.console.screenshots [OUT_DIR]"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from eco_field import demo
from eco_field.bureau import admin
from eco_field.clock import now_local
from eco_field.demo_cases import DETAILS, _report_pdf, _Walk
from eco_field.law import case_steps, cases
from eco_field.readings import service as readings
from eco_field.store import settings
from eco_field.store.database import write_transaction
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace
from tests.console.conftest import CHROMIUM, VIEWPORT, add_staff, login
from tests.sync.conftest import BureauServer

ROOT = Path(__file__).resolve().parents[2]
READINGS = ROOT / "tests" / "readings" / "synthetic" / "generic_long_utf8_synthetic.csv"


def waiting_for_legal_review(w: _Walk) -> str:
    """The demo's fine with a hearing, stopped where 法制审核 is due."""
    cid = w.open_case(0, "AIR-02", "焦炉烟囱颗粒物排放浓度超过《炼焦化学工业污染物排放标准》特别排放限值", 40)
    w.approve(cid, "filing", 39, opinion="同意立案。")
    w.issue(cid, "filing-approval", 39)
    w.event(cid, "filed", 39)
    cases.assess(w.ws.db, cid, {"impact": "medium"}, amount=250000, reason="超标持续时间较长（演示）")
    report = w.folder / "monitoring-report.pdf"
    report.write_bytes(_report_pdf())
    case_steps.attach_monitoring_report(w.ws, cid, "LLJC-演示-001", "吕梁市生态环境监测中心（演示）", w.day(37), report)
    w.issue(cid, "investigation-report", 30)
    w.event(cid, "investigated", 30)
    w.issue(cid, "penalty-notice", 26)
    w.event(cid, "notified", 25, "直接送达，当事人签收")
    w.event(cid, "hearing_requested", 23, f"当事人书面申请听证。时间：{w.day(10)} 9时；地点：本局三楼听证室；"
            "主持人：钱主持（演示）；记录人：孙记录（演示）")
    w.issue(cid, "hearing-notice", 22)
    w.event(cid, "hearing_notified", 22)
    w.event(cid, "hearing_held", 10, f"公开举行。时间：{w.day(10)} 9时；地点：本局三楼听证室；主持人：钱主持（演示）；"
            "记录人：孙记录（演示）")
    text = "颗粒物超标系除尘布袋突发破损所致，已于次日更换，请求从轻处罚"
    case_steps.add_statement(w.ws.db, cid, w.day(10), text, at_hearing=True)
    case_steps.add_statement(w.ws.db, cid, w.day(9), text, False, "事后更换布袋不影响超标排放事实的认定，"
                             "拟处罚款已考虑其改正情节", at_hearing=True)
    w.issue(cid, "hearing-record", 9)
    return cid


def build(folder: Path) -> tuple[BureauServer, str, str]:
    server = BureauServer(folder / "bureau")
    with server.storage() as storage:
        admin.seed_demo(storage)
        from eco_field.bureau.office.db import open_office_db
        from eco_field.bureau.office.directory import seed_demo

        office = open_office_db(storage)
        seed_demo(office, storage)  # the 名录库 pages show the demo's categories
        office.close()
    add_staff(server)
    server.start()
    ws = Workspace.open(folder / "laptop", create=True)
    demo.seed(ws)
    with write_transaction(ws.db):
        for key, value in DETAILS.items():
            settings.put(ws.db, key, value)
    walk = _Walk(ws, folder / "made", now_local().date())
    walk.folder.mkdir(parents=True, exist_ok=True)
    reviewed = waiting_for_legal_review(walk)
    inspection_id = cases.get(ws.db, reviewed).inspection_id
    readings.import_file(ws, inspection_id, READINGS)
    # a photo the bureau flags: taken in 2019, 1,600 km away (Guangzhou)
    from eco_field.evidence.service import import_paths
    from tests.evidence.conftest import make_photo

    far = make_photo(folder / "made" / "IMG_20190301_堆场.jpg", taken="2019:03:01 10:00:00", lat=23.13, lon=113.26,
                     size=(320, 240), seed=7)
    import_paths(ws, inspection_id, [far], workers=1)
    fresh = walk.open_case(2, "AIR-10", "物料堆场未采取覆盖措施，扬尘明显", 3)
    enroll(ws, server.url, server.code("14110100001"), "离石大队 笔记本 1")  # after: numbers were local
    result = run_sync(ws)
    assert result["ok"], result
    ws.db.conn.close()
    return server, reviewed, fresh


def shoot(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        server, reviewed, _fresh = build(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
                page = context.new_page()

                def snap(name: str, full: bool = False) -> None:
                    path = out / f"console_{name}.png"
                    page.screenshot(path=str(path), full_page=full)
                    made.append(path)

                page.goto(f"{server.url}/console/login")
                snap("login")
                login(page, server, "reviewer", then="/console/approvals")
                snap("approvals")
                page.goto(f"{server.url}/console/approvals/{reviewed}")
                snap("approval_case")
                snap("approval_case_full", full=True)
                page.click("header .logout button")
                login(page, server, "leader")
                snap("home")
                page.click("header .logout button")
                login(page, server, "admin", then="/console/devices")
                page.click("form[action$='/devices/code'] button")
                page.wait_for_load_state()
                snap("devices")
                page.goto(f"{server.url}/console/users")
                snap("users")
                page.goto(f"{server.url}/console/bureau")
                for key, value in DETAILS.items():
                    page.fill(f"input[name={key}]", value)
                page.fill("input[name=bureau_name]", "吕梁市生态环境局")
                page.click("form[action$='/bureau/save'] button")
                page.wait_for_load_state()
                snap("bureau")
                page.goto(f"{server.url}/console/audit")
                snap("audit")
                page.click("header .logout button")
                login(page, server, "reviewer", then=f"/console/approvals/{reviewed}")
                snap("approval_draft", full=True)
                page.click("header .logout button")
                login(page, server, "dispatcher", then="/console/lists?county=离石区")
                snap("lists", full=True)
                page.goto(f"{server.url}/console/lists/officers?county=离石区")
                snap("lists_officers", full=True)
                page.click("header .logout button")
                login(page, server, "clerk", then="/console/devices")
                snap("refused")
                browser.close()
        finally:
            server.stop()
    return made


if __name__ == "__main__":
    for written in shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"):
        print(written)
