"""结案审批 at the bureau: a case the laptop synced once it was ready to close waits in the console's queue for
the leader; the leader's approval (console form, same code as `bureau cases approve`) reaches the laptop by sync,
and only then may the laptop record 结案."""

from __future__ import annotations

import re

import httpx
import pytest

from eco_field.bureau.office import case_view
from eco_field.clock import now_local
from eco_field.documents import numbering, service
from eco_field.errors import BadInput
from eco_field.law import case_steps, cases
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.console.conftest import PASSWORD, STAFF
from tests.law.procedure_helpers import allow_roles
from tests.sync.conftest import BureauServer, new_inspection


def _signed_in(server: BureauServer, role: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=30)
    form = client.get("/console/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    answer = client.post("/console/login", data={"username": STAFF[role][0], "password": PASSWORD,
                                                 "csrf_token": token, "next": "/console/"})
    assert answer.status_code == 303
    return client


def ready_to_close(device: Workspace) -> str:
    """A 首违不罚 case of today's inspection, its 不予行政处罚决定书 served today: ready to close."""
    allow_roles(device, "局负责人")  # the laptop approves the earlier steps itself; 结案审批 comes from the bureau
    db, today = device.db, now_local().date().isoformat()
    cid = cases.new_case(db, new_inspection(device), ["AIR-10"], "煤炭堆场约150平方米未覆盖，5日内已覆盖").id
    case_steps.approve(db, cid, "filing", "李建国", "局负责人", today)
    cases.record_event(db, cid, "filed", today)
    cases.assess(db, cid, {"first": "yes", "area_m2": "150", "corrected_days": "5"})
    cases.record_event(db, cid, "investigated", today)
    case_steps.approve(db, cid, "decision", "李建国", "局负责人", today, "同意不予处罚")
    numbering.add_block(db, "no-penalty-decision", now_local().year, 1, 10)  # an enrolled laptop's own numbers
    service.render(device, "no-penalty-decision", case_id=cid, issued_on=today)
    cases.record_event(db, cid, "no_penalty", today)
    cases.record_event(db, cid, "served", today)
    return cid


def test_the_leader_approves_closing_in_the_console_and_the_laptop_closes(console: BureauServer,
                                                                          device: Workspace) -> None:
    cid, today = ready_to_close(device), now_local().date().isoformat()
    with pytest.raises(BadInput, match="结案审批尚未完成"):
        cases.record_event(device.db, cid, "closed", today, "不予处罚决定已送达")
    assert run_sync(device)["ok"]
    with console.storage() as storage:
        row = next(r for r in case_view.queue(storage) if r["case_id"] == cid)
    assert row["steps"] == ["closing"] and row["step_labels"] == ["结案审批"]
    assert row["due"] is None  # decided: the decision period no longer shows it as overdue

    wrong = console.admin("cases", "approve", cid, "closing", "--by", "王法", "--role", "法制审核人员", "--date", today)
    assert wrong.returncode == 2 and "局负责人" in wrong.stderr
    leader = _signed_in(console, "leader")
    page = leader.get(f"/console/approvals/{cid}")
    assert 'name="step" value="closing"' in page.text and "结案审批" in page.text
    assert "None" not in page.text  # the 立案审批 given without an opinion shows none, not Python's None
    assert "结案审批" in leader.get("/console/approvals?mine=1").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = leader.post(f"/console/approvals/{cid}/decide", data={
        "step": "closing", "verdict": "approve", "opinion": "同意结案。", "date": today, "csrf_token": token})
    assert answer.status_code == 303
    with console.storage() as storage:  # given: no longer waiting, though the laptop has not pulled it yet
        assert cid not in {r["case_id"] for r in case_view.queue(storage)}

    assert run_sync(device)["ok"]
    closing = [a for a in cases.get(device.db, cid).to_dict()["approvals"] if a["step"] == "closing"]
    assert closing == [{"step": "closing", "by": STAFF["leader"][1], "role": "局负责人", "opinion": "同意结案。",
                        "date": today, "source": "bureau"}]
    assert cases.record_event(device.db, cid, "closed", today, "不予处罚决定已送达，当事人已改正").status == "closed"
