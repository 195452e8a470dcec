"""Sync screen against a real bureau server process: enrol with a code, sync with progress, conflicts listed."""

from __future__ import annotations

import pytest

from eco_field.store import inspections, outbox
from eco_field.store.database import write_transaction
from eco_field.sync import state
from tests.sync.conftest import BureauServer


@pytest.fixture
def bureau(tmp_path):
    server = BureauServer(tmp_path / "bureau")
    assert server.admin("init", "--demo").returncode == 0
    server.start()
    yield server
    server.stop()


def test_not_enrolled_explains_and_disables_sync(window):
    screen = window.screen("sync")
    assert not screen.sync_button.isEnabled()
    assert "注册码" in screen.status["enrolled"].text()
    assert "未注册" in window.status.network.text()


def test_enrol_sync_and_status_bar(window, ctx, bureau):
    screen = window.screen("sync")
    window.show_section("sync")
    task = window.tasks.list.model.record(0)
    inspections.create(ctx.db, task.enterprise_id, task.officers)
    assert outbox.pending_count(ctx.db) > 0
    screen.url.setText(bureau.url)
    screen.code.setText(bureau.code("14110100001"))
    screen.enrol_button.click()
    assert screen.sync_button.isEnabled() and "14110100001" in screen.message.text()
    stages = []
    screen.progress.valueChanged.connect(stages.append)
    screen.sync_button.click()
    assert "同步完成" in screen.message.text() or "Synced" in screen.message.text(), screen.message.text()
    assert outbox.pending_count(ctx.db) == 0
    assert "0" in window.status.pending.text() and "从未" not in window.status.last_sync.text()
    assert screen.job is None and not screen.progress.isVisible()
    window.status.check_bureau()
    assert "局端可达" in window.status.network.text()
    bureau.stop()
    window.status.check_bureau()
    assert "局端无响应" in window.status.network.text()


def test_conflicts_are_listed_compared_and_settled(window, ctx):
    entry = {"entry_id": "e-1", "entity": "task", "entity_id": "0000aaaa-task", "revision": 2,
             "payload": {"status": "done"}}
    with write_transaction(ctx.db):
        state.add_conflict(ctx.db, entry, "stale revision", {"revision": 3, "payload": {"status": "cancelled"}})
    ctx.hub.announce("sync")
    screen = window.screen("sync")
    assert screen.conflicts.rowCount() == 1 and screen.status["conflicts"].text() == "1"
    screen.conflicts.setCurrentCell(0, 0)
    assert "cancelled" in screen.compare.toPlainText() and "done" in screen.compare.toPlainText()
    screen.resolve_button.click()
    assert state.open_conflict_count(ctx.db) == 0 and screen.conflicts.rowCount() == 0


def test_app_syncs_in_the_background_once_enrolled(window, ctx, bureau, qtbot):
    """No button pressed: the window's background sync notices the bureau and pushes what is pending."""
    from eco_field.sync.enrol import enroll

    task = window.tasks.list.model.record(0)
    made = inspections.create(ctx.db, task.enterprise_id, task.officers)
    enroll(ctx.ws, bureau.url, bureau.code("14110100001"))
    window.start_background_sync()
    try:
        with qtbot.waitSignal(window.background_sync.synced, timeout=60_000) as blocker:
            pass
        assert blocker.args[0]["ok"], blocker.args[0]
        assert outbox.pending_count(ctx.db) == 0
        assert made.id in {row["id"] for row in bureau.admin_json("inspections", "--json")}
    finally:
        window.background_sync.stop()


def test_background_sync_waits_quietly_when_not_enrolled(window, qtbot):
    window.start_background_sync()
    with qtbot.assertNotEmitted(window.background_sync.synced, wait=500):
        pass
    window.background_sync.stop()


def test_sync_progress_names_each_stage_in_the_interface_language(window):
    screen = window.screen("sync")
    shown = {}
    for stage in ("push", "audit", "blobs", "pull"):  # run_sync's stages, in its order
        screen._progress(3, 10, stage)
        shown[stage] = screen.message.text()
    assert shown == {"push": "上传记录 3/10", "audit": "上传审计记录 3/10", "blobs": "上传证据文件 3/10",
                     "pull": "下载更新 3/10"}
