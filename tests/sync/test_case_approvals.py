"""An approval given at the bureau (`bureau cases approve`) reaches the laptop by sync and opens the step
there, though the laptop itself may not approve; the bureau refuses a wrong role or a future date."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from eco_field.clock import now_local
from eco_field.errors import BadInput
from eco_field.law import cases
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, new_inspection


def test_bureau_approval_reaches_the_laptop(bureau: BureauServer, device: Workspace, tmp_path: Path) -> None:
    case = cases.new_case(device.db, new_inspection(device), ["AIR-10"], "物料堆场未覆盖")
    today = now_local().date()
    with pytest.raises(BadInput, match="立案审批尚未完成"):
        cases.record_event(device.db, case.id, "filed", today)
    assert run_sync(device)["ok"]

    wrong = bureau.admin("cases", "approve", case.id, "filing", "--by", "李建国", "--role", "科员", "--date",
                         today.isoformat())
    assert wrong.returncode == 2 and "局负责人" in wrong.stderr
    future = bureau.admin("cases", "approve", case.id, "filing", "--by", "李建国", "--role", "局负责人", "--date",
                          (today + timedelta(days=2)).isoformat())
    assert future.returncode == 2 and "晚于今天" in future.stderr
    assert bureau.admin("cases", "approve", "no-such-case", "filing", "--by", "李建国", "--role", "局负责人",
                        "--date", today.isoformat()).returncode == 2
    # the step must be open on the case as synced: no 结案审批 for a case not even filed
    early = bureau.admin("cases", "approve", case.id, "closing", "--by", "李建国", "--role", "局负责人", "--date",
                         today.isoformat())
    assert early.returncode == 2 and "结案审批" in early.stderr, early.stderr
    given = bureau.admin_json("cases", "approve", case.id, "filing", "--by", "李建国", "--role", "局负责人",
                              "--opinion", "同意立案", "--date", today.isoformat(), "--json")
    assert given["step"] == "filing" and given["case_id"] == case.id

    assert run_sync(device)["ok"]
    assert run_sync(device)["ok"]  # pulled once, recorded once
    approvals = cases.get(device.db, case.id).to_dict()["approvals"]
    assert approvals == [{"step": "filing", "by": "李建国", "role": "局负责人", "opinion": "同意立案",
                          "date": today.isoformat(), "source": "bureau"}]
    assert cases.record_event(device.db, case.id, "filed", today).status == "filed"


def test_a_device_cannot_claim_an_approval_the_bureau_never_gave(bureau: BureauServer, device: Workspace) -> None:
    from eco_field.bureau.case_approvals import approve, unconfirmed_bureau_approvals

    case = cases.new_case(device.db, new_inspection(device), ["AIR-10"], "物料堆场未覆盖")
    assert run_sync(device)["ok"]
    today = now_local().date().isoformat()
    with bureau.storage() as storage:
        given = approve(storage, case.id, "filing", "李建国", "局负责人", today)
        real = {"event": "approved", "date": today, "data": {"step": "filing", "by": "李建国", "role": "局负责人",
                                                             "source": "bureau", "approval_id": given["id"]}}
        forged = {"event": "approved", "date": today, "data": {"step": "decision", "by": "李建国", "source": "bureau",
                                                               "approval_id": given["id"]}}
        invented = {"event": "approved", "date": today, "data": {"step": "filing", "by": "某人", "source": "bureau"}}
        payload = {"id": case.id, "events": [real, forged, invented]}
        assert unconfirmed_bureau_approvals(storage, payload) == [forged, invented]
