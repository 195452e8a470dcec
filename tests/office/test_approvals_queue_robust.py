"""The approvals queue against a bureau database that holds a case the engine cannot read (stored before the
schemas were strict, or by an older version): the queue still answers for every reviewer, and lists that case
as unreadable so somebody looks into it, beside the cases that wait for an approval."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eco_field.bureau.office import case_view
from eco_field.bureau.storage import Record, open_storage
from eco_field.clock import utc_now


def put(storage, entity: str, entity_id: str, payload: dict) -> None:
    with storage.transaction():
        storage.put_record(Record(entity, entity_id, 1, "离石区", {"id": entity_id, **payload},
                                  origin_device="old-laptop", updated_at=utc_now()))


def test_one_unreadable_case_does_not_close_the_queue(tmp_path: Path) -> None:
    storage = open_storage(tmp_path / "bureau")
    try:
        put(storage, "enterprise", "E1", {"name": "甲焦化厂", "county": "离石区", "credit_code": "X1"})
        put(storage, "case", "GOOD", {"enterprise_id": "E1", "inspection_id": "I1", "status": "open",
                                      "violations": [{"catalog_id": "AIR-02"}],
                                      "events": [{"event": "discovered", "date": "2026-11-02"}]})
        put(storage, "case", "JUNK", {"enterprise_id": "E1", "inspection_id": "I1", "status": "open",
                                      "assessment": {"fine": "lots", "amount": -5}})
        rows = {r["case_id"]: r for r in case_view.queue(storage, date(2026, 12, 1))}
    finally:
        storage.close()
    assert rows["JUNK"]["status"] == "记录异常" and "无法读取" in rows["JUNK"]["cause"]
    assert rows["JUNK"]["enterprise"] == "甲焦化厂"
    assert rows["GOOD"]["steps"] == ["filing"]  # the readable case still waits for its 立案审批
