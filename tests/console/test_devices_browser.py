"""The admin makes an enrolment code in the console, a laptop enrols with it and syncs, the console shows its
last sync; revoked in the console, the laptop's next sync is refused and its outbox kept."""

from __future__ import annotations

import re
from pathlib import Path

from eco_field import demo
from eco_field.sync.client import run_sync
from eco_field.sync.enrol import enroll
from eco_field.workspace import Workspace
from tests.console.conftest import login
from tests.sync.conftest import BureauServer, new_inspection


def test_enrol_with_a_console_code_then_revoke(console: BureauServer, browser_page, tmp_path: Path) -> None:
    page = browser_page
    login(page, console, "admin", then="/console/devices")
    assert "还没有注册的终端" in page.inner_text("main")
    page.select_option("select[name=officer]", "14110100001")
    page.click("form[action$='/devices/code'] button")
    page.wait_for_load_state()
    code = re.search(r"注册码（只显示这一次）：([A-Z0-9]{5}-[A-Z0-9]{5})", page.inner_text("main")).group(1)

    ws = Workspace.open(tmp_path / "laptop", create=True)
    try:
        demo.seed(ws)
        device_id = enroll(ws, console.url, code, "离石 笔记本 1")["device_id"]
        page.goto(f"{console.url}/console/devices")
        row = page.locator("table tbody tr", has_text="离石 笔记本 1")
        assert "王建国" in row.inner_text() and "14110100001 · 离石区" in row.inner_text()
        assert run_sync(ws)["ok"]
        page.reload()
        assert "从未同步" not in row.inner_text() and "正常" in row.inner_text()

        row.locator("button.danger").click()
        page.wait_for_load_state()
        assert "设备已吊销" in page.inner_text("main")
        assert "已吊销" in page.locator("table tbody tr", has_text="离石 笔记本 1").inner_text()
        new_inspection(ws)
        refused = run_sync(ws)
        assert not refused["ok"] and refused["error_kind"] == "refused"
        assert refused["pending"]  # the outbox stays on the laptop
        log_page = page.context.new_page()
        log_page.goto(f"{console.url}/console/audit")
        log = log_page.inner_text("main")
        assert "吊销设备" in log and device_id in log and "生成注册码" in log and code not in log
    finally:
        ws.db.conn.close()
