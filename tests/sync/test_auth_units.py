"""Who may sync what: wrong token, revoked device, and another unit's records — refused, nothing stored."""

from __future__ import annotations

import httpx

from eco_field.store import enterprises as enterprise_store
from eco_field.store import tasks as task_store
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.sync.conftest import (
    BureauServer,
    device_id_of,
    enterprise_in,
    inspection_entry,
    new_inspection,
    token_of,
)

ENTRY = {"entry_id": "e-1", "entity": "inspection", "entity_id": "i-1", "op": "create", "revision": 1,
         "payload": {"id": "i-1", "enterprise_id": "x", "status": "draft"}}


def test_wrong_token_is_refused_and_nothing_is_stored(bureau: BureauServer, device: Workspace) -> None:
    bad = {"Authorization": "Bearer not-a-token"}
    assert httpx.post(f"{bureau.url}/push", json={"entries": [ENTRY]}, headers=bad).status_code == 401
    assert httpx.post(f"{bureau.url}/push", json={"entries": [ENTRY]}).status_code == 401
    assert httpx.get(f"{bureau.url}/changes", headers=bad).status_code == 401
    assert httpx.patch(f"{bureau.url}/uploads/{'a' * 64}", content=b"x", headers={**bad, "Upload-Offset": "0",
                                                                                "Upload-Length": "1"}).status_code == 401
    assert bureau.read("inspections") == []
    assert not list((bureau.data_dir / "uploads").iterdir())


def test_revoked_device_is_refused_and_keeps_its_outbox(bureau: BureauServer, device: Workspace) -> None:
    inspection_id = new_inspection(device, [b"photo bytes"])
    revoked = bureau.admin("revoke", "--device", device_id_of(device))
    assert revoked.returncode == 0, revoked.stderr
    result = run_sync(device)
    assert result["ok"] is False and result["error_kind"] == "refused" and "403" in result["error"]
    assert result["pending"] >= 2
    assert bureau.read("inspections") == [] and bureau.read("evidence") == []
    direct = httpx.get(f"{bureau.url}/records/inspection/{inspection_id}",
                       headers={"Authorization": f"Bearer {token_of(device)}"})
    assert direct.status_code == 403
    devices = bureau.read("devices")
    assert devices[0]["revoked"] is True and devices[0]["revoked_at"]


def test_an_officer_pulls_only_the_tasks_and_enterprises_of_their_units(bureau: BureauServer,
                                                                         device_factory) -> None:
    fresh = device_factory("14110100001", "fresh", seed=False)  # 离石区, nothing local yet
    result = run_sync(fresh)
    assert result["ok"], result
    counties = {e.county for e in enterprise_store.list_enterprises(fresh.db)}
    assert counties == {"离石区"}
    local_tasks = task_store.list_tasks(fresh.db)
    assert local_tasks and {enterprise_store.get(fresh.db, t.enterprise_id).county for t in local_tasks} == {"离石区"}
    from eco_field import demo

    lishi = {e.id for e in demo.demo_enterprises() if e.county == "离石区"}
    expected = [t.id for t in demo.demo_tasks() if t.enterprise_id in lishi]
    assert len(enterprise_store.list_enterprises(fresh.db)) == len(lishi)
    assert sorted(t.id for t in local_tasks) == sorted(expected)

    city = device_factory("14110000001", "city", seed=False)  # the city unit sees every county
    assert run_sync(city)["ok"]
    assert len(enterprise_store.list_enterprises(city.db)) == 44


def test_reading_or_writing_another_units_record_is_refused(bureau: BureauServer, device: Workspace) -> None:
    headers = {"Authorization": f"Bearer {token_of(device)}"}
    other = enterprise_in(device, "孝义市")
    own = enterprise_in(device, "离石区")
    # another unit's record answers exactly as one the bureau does not hold
    foreign = httpx.get(f"{bureau.url}/records/enterprise/{other}", headers=headers)
    unknown = httpx.get(f"{bureau.url}/records/enterprise/no-such-enterprise", headers=headers)
    assert (foreign.status_code, foreign.json()) == (unknown.status_code, unknown.json()) == (404, {"detail": "no such record"})
    assert httpx.get(f"{bureau.url}/records/enterprise/{own}", headers=headers).status_code == 200
    legit = inspection_entry(own, entry_id="e-own")
    planted = inspection_entry(other, entry_id="e-other")
    refused = httpx.post(f"{bureau.url}/push", json={"entries": [legit, planted]}, headers=headers)
    assert refused.status_code == 403 and refused.json()["forbidden"] == ["e-other"]
    assert httpx.get(f"{bureau.url}/records/inspection/{legit['entity_id']}", headers=headers).status_code == 404
    # naming an enterprise the bureau does not hold is answered the same, word for word
    ghost = httpx.post(f"{bureau.url}/push", json={"entries": [inspection_entry("no-such-enterprise",
                                                                                entry_id="e-other")]},
                       headers=headers)
    assert (ghost.status_code, ghost.json()) == (403, refused.json())


def test_the_client_keeps_another_units_change_as_a_conflict_and_sends_the_rest(bureau: BureauServer,
                                                                                device: Workspace) -> None:
    foreign = new_inspection(device, county="孝义市", officers=["14110200001", "14110200002"])
    own = new_inspection(device)
    result = run_sync(device)
    assert result["ok"] and result["conflicts"] == 1 and result["pushed"] == 1
    assert [i["id"] for i in bureau.read("inspections")] == [own]
    conflicts = device.db.execute("SELECT entity_id, reason FROM sync_conflicts").fetchall()
    assert conflicts == [(foreign, "forbidden")]
    assert device.db.execute("SELECT state FROM outbox WHERE entity_id = ?", [foreign]).fetchone()[0] == "conflict"


def test_the_api_is_described_by_openapi(bureau: BureauServer) -> None:
    spec = httpx.get(f"{bureau.url}/openapi.json").json()
    assert {"/enroll", "/push", "/changes", "/blobs/missing", "/uploads/{sha256}"} <= set(spec["paths"])
    assert {"head", "patch"} <= set(spec["paths"]["/uploads/{sha256}"])
