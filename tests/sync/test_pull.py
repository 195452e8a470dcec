"""Pull: the bureau's changes since the cursor, paged, applied through the store services with the cursor."""

from __future__ import annotations

import json
import uuid
from datetime import date

from eco_field.bureau import admin
from eco_field.bureau.storage import open_storage
from eco_field.store import enterprises, tasks
from eco_field.sync import state
from eco_field.sync.client import connect, run_sync
from eco_field.sync.pull import pull_changes
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, device_id_of, enterprise_in


def test_new_tasks_arrive_in_pages_and_the_cursor_moves_with_them(bureau: BureauServer, device: Workspace) -> None:
    assert run_sync(device)["ok"]
    before = len(tasks.list_tasks(device.db))
    cursor = state.cursor(device.db)
    target = enterprise_in(device, "离石区")
    made = [bureau.admin_json("tasks", "assign", "--enterprise", target, "--officer", "14110100001",
                              "--officer", "14110100003", "--kind", "complaint", "--due", "2026-12-20",
                              "--title", "信访核查 0")]
    with bureau.storage() as storage:  # the rest in-process: the command was exercised above
        made += [admin.assign_task(storage, target, ["14110100001", "14110100003"], "信访", "2026-12-20",
                                   f"信访核查 {n}") for n in range(1, 5)]
    bureau.admin_json("tasks", "assign", "--enterprise", enterprise_in(device, "兴县"), "--officer", "14110600001",
                      "--kind", "routine")  # another unit's: never seen here
    with connect(device) as conn:
        result = pull_changes(device, conn, page_size=2)
    assert result["pulled"] == 5 and result["pull_skipped"] == []
    assert state.cursor(device.db) > cursor
    local = {t.id: t for t in tasks.list_tasks(device.db)}
    assert len(local) == before + 5
    for task in made:
        assert local[task["id"]].officers == ["14110100001", "14110100003"]
        assert local[task["id"]].kind == "complaint" and local[task["id"]].due_date == "2026-12-20"
    again = run_sync(device)
    assert again["pulled"] == 0


def test_enterprise_changes_and_a_fresh_device_get_the_archive(tmp_path, bureau: BureauServer,
                                                                device: Workspace) -> None:
    assert run_sync(device)["ok"]
    with_outlets = device.db.execute("SELECT e.id FROM enterprises e JOIN outlets o ON o.enterprise_id = e.id"
                                     " WHERE e.county = '离石区' LIMIT 1").fetchone()[0]
    ent = enterprises.get(device.db, with_outlets).to_dict()
    ent["address"] = "山西省吕梁市离石区新地址1号"
    ent["outlets"][0]["limits"][0]["limit"] = 12.5
    listing = tmp_path / "changed.json"
    listing.write_text(json.dumps([ent], ensure_ascii=False), encoding="utf-8")
    assert bureau.admin_json("enterprises", "import", str(listing)) == {"created": 0, "updated": 1, "unchanged": 0}
    assert run_sync(device)["pulled"] == 1
    local = enterprises.get(device.db, ent["id"])
    assert local.address == "山西省吕梁市离石区新地址1号" and local.outlets[0].limits[0].limit == 12.5
    assert device.db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0] == 0


def test_number_blocks_reach_only_their_device(bureau: BureauServer, device_factory) -> None:
    first, second = device_factory("14110100001", "a"), device_factory("14110100002", "b")
    numbering = __import__("eco_field.documents.numbering", fromlist=["list_blocks"])
    one = bureau.admin_json("numbers", "reserve", "--device", device_id_of(first), "--kind", "penalty-decision",
                            "--count", "20")
    two = bureau.admin_json("numbers", "reserve", "--device", device_id_of(second), "--kind", "penalty-decision",
                            "--count", "10")
    assert (one["start"], one["end"], two["start"], two["end"]) == (1, 20, 21, 30)
    assert run_sync(first)["ok"] and run_sync(second)["ok"]
    year = date.today().year
    assert [(b.start, b.end, b.source) for b in numbering.list_blocks(first.db, "penalty-decision")] == \
        [(1, 20, "bureau")]
    assert [(b.start, b.end, b.year) for b in numbering.list_blocks(second.db, "penalty-decision")] == \
        [(21, 30, year)]
    bad = bureau.admin("numbers", "reserve", "--device", "no-such-device", "--kind", "penalty-decision",
                       "--count", "5")
    assert bad.returncode == 2


def test_catalog_and_case_status_come_down(tmp_path, bureau: BureauServer, device: Workspace) -> None:
    from eco_field.law.catalog import DEFAULT_CATALOG, load_catalog

    shipped = json.loads(DEFAULT_CATALOG.read_text(encoding="utf-8"))
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"version": "2026.9", "items": [{"code": "A1"}]}, ensure_ascii=False), "utf-8")
    refused = bureau.admin("catalog", "publish", str(broken))
    assert refused.returncode == 2 and "entries" in refused.stderr  # checked before it is published
    newer = {**shipped, "version": "2026.2",
             "entries": [{**e, "description": e["description"] + "（2026.2）"} for e in shipped["entries"]]}
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(newer, ensure_ascii=False), "utf-8")
    assert bureau.admin_json("catalog", "publish", str(catalog)) == {"version": 1, "catalog_version": "2026.2",
                                                                      "published": True}
    older = tmp_path / "older.json"
    older.write_text(json.dumps(shipped, ensure_ascii=False), "utf-8")
    assert bureau.admin("catalog", "publish", str(older)).returncode == 2  # not newer than 2026.2
    result = run_sync(device)
    assert result["ok"]
    written = json.loads((device.data_dir / "catalog.json").read_text(encoding="utf-8"))
    assert written == newer
    assert load_catalog(device.data_dir)["AIR-01"].description.endswith("（2026.2）")

    # a case status the bureau set (after legal review) comes down to the device that has the case
    case_id = str(uuid.uuid4())
    storage = open_storage(bureau.data_dir)
    try:
        from eco_field.bureau.storage import Record

        with storage.transaction():
            storage.put_record(Record(entity="case", entity_id=case_id, revision=1, unit="离石区",
                                      payload={"id": case_id, "status": "open"}, updated_at="2026-01-01"))
        admin.set_case_status(storage, case_id, "closed")
    finally:
        storage.close()
    pulled = run_sync(device)
    skipped = [s for s in pulled["pull_skipped"] if s["entity"] == "case"]
    assert len(skipped) == 1 and "案件" in skipped[0]["why"] and "不在本机" in skipped[0]["why"]  # never had it


def test_enrolling_with_another_bureau_sends_the_history_again(tmp_path, monkeypatch, bureau: BureauServer,
                                                              device: Workspace) -> None:
    from eco_field.sync.enrol import enroll
    from tests.sync.conftest import BureauServer as Server
    from tests.sync.conftest import new_inspection

    inspection_id = new_inspection(device, [b"a photo"])
    assert run_sync(device)["pushed"] == 2
    monkeypatch.delenv("ECO_BUREAU_DB", raising=False)
    other = Server(tmp_path / "other-bureau")  # SQLite: a second bureau of its own
    with other.storage() as storage:
        admin.seed_demo(storage)
    other.start()
    try:
        enroll(device, other.url, other.code("14110100001"), "laptop")
        result = run_sync(device)
        assert result["ok"] and result["pushed"] == 2 and result["blobs_sent"] == 1, result
        assert [i["id"] for i in other.read("inspections")] == [inspection_id]
        assert other.read("inspections")[0]["complete"] is True
    finally:
        other.stop()
