"""The figures follow the bureau's change feed whatever order records arrive in (SQLite and PostgreSQL): an
inspection pushed before its enterprise and its task, a document before its case, amendments of amendments,
a task that becomes a 双随机 one, an enterprise that moves county, a deleted decision, and payloads a device
got wrong (a field of the wrong type is read as absent; the catch-up is not stopped). The feed is applied two
records at a time here, so every "arrives later" crosses a window; a second catch-up reads only what is new."""

from __future__ import annotations

from pathlib import Path

import pytest

from eco_field.bureau.office import figures, projection
from eco_field.bureau.office.db import open_office_db
from eco_field.bureau.storage import Record, open_storage
from eco_field.clock import utc_now
from tests.sync.conftest import bureau_db  # noqa: F401 (fixture)

YEAR = 2025


@pytest.fixture
def feed(tmp_path: Path, bureau_db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(projection, "WINDOW", 2)
    storage = open_storage(tmp_path / "bureau", bureau_db)
    office = open_office_db(storage)

    def put(entity: str, entity_id: str, payload: dict, deleted: bool = False) -> None:
        with storage.transaction():
            storage.put_record(Record(entity, entity_id, 1, "离石区", {"id": entity_id, **payload}, deleted=deleted,
                                      origin_device="test-laptop", updated_at=utc_now()))

    yield put, office
    office.close()
    storage.close()


def inspection(enterprise: str, task: str | None, day: str, findings: list, amends: str | None = None) -> dict:
    return {"enterprise_id": enterprise, "task_id": task, "started_at": f"{day}T09:30:00+08:00", "status": "sealed",
            "findings": findings, "amends_id": amends, "sealed_at": f"{day}T02:00:00+00:00"}


def decision(amount: object, day: str, case: str | None = None, on: str | None = None) -> dict:
    return {"kind": "penalty-decision", "status": "issued", "case_id": case, "inspection_id": on,
            "facts": {"amount_fen": amount, "issued_on": day}, "issued_at": f"{day}T03:00:00+00:00"}


def first_pushes(put) -> None:
    put("inspection", "I1", inspection("E1", "T1", f"{YEAR}-03-02", [{"facts": "旁路", "rectified_on_site": True}]))
    put("task", "T1", {"kind": "random", "enterprise_id": "E1", "title": "双随机抽查", "officers": ["a", "b"]})
    put("enterprise", "E1", {"name": "甲厂", "county": "离石区", "credit_code": "X1"})
    put("enterprise", "E2", {"name": "乙厂", "county": "孝义市", "credit_code": "X2"})
    put("task", "T2", {"kind": "routine", "enterprise_id": "E2", "title": "日常检查", "officers": ["a", "b"]})
    put("inspection", "I2", inspection("E2", "T2", f"{YEAR}-04-10", []))
    put("inspection", "I2a", inspection("E2", "T2", f"{YEAR}-04-11", [{"facts": "台账缺失"}], amends="I2"))
    put("inspection", "I2b", inspection("E2", "T2", f"{YEAR}-04-12", [], amends="I2a"))
    put("case", "C1", {"inspection_id": "I2", "enterprise_id": "E2", "events": [
        {"event": "filed", "date": f"{YEAR}-04-12"}, {"event": "seized", "date": f"{YEAR}-04-15"},
        {"event": "seized", "date": f"{YEAR}-04-13"}, {"event": "production_limited", "date": f"{YEAR}-05-01"},
        {"event": "production_halted", "date": f"{YEAR}-04-20"}]})
    put("document", "D1", decision(123456, f"{YEAR}-06-01", case="C1"))
    put("document", "D0", decision(100000, f"{YEAR}-07-01", case="C2"))  # before its case
    put("case", "C2", {"inspection_id": "I1", "enterprise_id": "E1", "events": [
        {"event": "filed", "date": f"{YEAR}-07-01"}, "not an event", {"event": "filed"}]})
    # what a faulty or hostile device might send
    put("inspection", "I3", {**inspection("E1", None, f"{YEAR}-08-01", []), "findings": "不是列表", "task_id": 7})
    put("document", "D2", decision("5000", f"{YEAR}-08-02", on="I1"))
    put("document", "D3", decision(1.5, f"{YEAR}-08-03", on="I1"))
    put("case", "C3", {"inspection_id": "I3", "enterprise_id": "E1", "events": {"event": "filed"}})
    put("task", "T3", {"kind": "random", "enterprise_id": "E1", "title": 5, "officers": "a",
                       "officer_details": [{"cert_no": "c1"}, "x"]})


def test_figures_follow_the_feed_in_any_order(feed) -> None:
    put, office = feed
    first_pushes(put)
    got = figures.figures(office, YEAR)
    assert (got["spot_checks"], got["problems_found"], got["immediate_rectifications"]) == (1, 1, 1)
    assert got["by_county"]["离石区"]["spot_checks"] == 1 and got["by_county"]["孝义市"]["spot_checks"] == 0
    assert got["by_month"][f"{YEAR}-03"]["spot_checks"] == 1
    assert (got["cases_filed"], got["seizures"], got["production_limits"]) == (2, 1, 1)
    assert got["by_month"][f"{YEAR}-04"]["seizures"] == 1 and got["by_month"][f"{YEAR}-04"]["production_limits"] == 1
    assert got["fines_yuan"] == 2234.56  # 1,234.56 + 1,000.00; an amount that is not an integer counts nothing
    assert got["by_county"]["孝义市"]["fines_yuan"] == 1234.56 and got["by_county"]["离石区"]["fines_yuan"] == 1000.0
    assert got["of_spot_checks"]["cases_filed"] == 1 and got["of_spot_checks"]["fines_yuan"] == 1000.0

    # the routine task becomes a 双随机 one, the enterprise moves, a decision is withdrawn
    before = office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (projection.CURSOR,))[0]
    put("task", "T2", {"kind": "random", "enterprise_id": "E2", "title": "双随机抽查", "officers": ["a", "b"]})
    put("enterprise", "E2", {"name": "乙厂", "county": "汾阳市", "credit_code": "X2"})
    put("document", "D1", decision(123456, f"{YEAR}-06-01", case="C1"), deleted=True)
    assert projection.catch_up(office) == 3  # only what is new
    assert office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (projection.CURSOR,))[0] == before + 3
    got = figures.figures(office, YEAR)
    # the I2 chain counts once, with its amendment's finding
    assert (got["spot_checks"], got["problems_found"]) == (2, 2)
    assert got["by_county"]["汾阳市"]["spot_checks"] == 1 and got["by_county"]["孝义市"]["spot_checks"] == 0
    assert got["by_county"]["汾阳市"]["cases_filed"] == 1 and got["by_month"][f"{YEAR}-04"]["spot_checks"] == 1
    assert got["fines_yuan"] == 1000.0 and got["of_spot_checks"]["cases_filed"] == 2
    county = figures.figures(office, YEAR, "汾阳市")
    assert (county["spot_checks"], county["problems_found"], county["cases_filed"]) == (1, 1, 1)
    assert projection.catch_up(office) == 0


def test_a_task_from_a_faulty_device_still_lists(feed) -> None:
    from eco_field.bureau.office import dispatch

    put, office = feed
    first_pushes(put)
    listed = {t["id"]: t for t in dispatch.tasks(office)}
    assert listed["T1"]["officers"] == ["a", "b"] and listed["T1"]["status"] == "done"
    assert listed["T3"]["officers"] == [None]  # officer_details without names; the non-object is skipped


def test_upgrading_rebuilds_the_projection_from_the_feed(tmp_path: Path, bureau_db, monkeypatch) -> None:  # noqa: F811
    """A bureau whose projection was kept by the row-by-row code (office schema 0014): an inspection that
    arrived before its task and enterprise was left without county and 双随机 flag. Office 0016 rebuilds the
    projection from the feed, and the check counts."""
    from eco_field.bureau.office import db as office_db

    storage = open_storage(tmp_path / "bureau", bureau_db)
    with storage.transaction():
        for entity, entity_id, payload in (
                ("inspection", "I1", inspection("E1", "T1", f"{YEAR}-05-06", [])),
                ("task", "T1", {"kind": "random", "enterprise_id": "E1", "title": "双随机抽查", "officers": ["a"]}),
                ("enterprise", "E1", {"name": "甲厂", "county": "离石区", "credit_code": "X1"})):
            storage.put_record(Record(entity, entity_id, 1, "离石区", {"id": entity_id, **payload},
                                      origin_device="test-laptop", updated_at=utc_now()))
    every = office_db.migrations
    monkeypatch.setattr(office_db, "migrations", lambda backend: [m for m in every(backend) if m.version <= 14])
    old = open_office_db(storage)
    with old.transaction():  # what the row-by-row projection had left
        old.run("INSERT INTO office_fig_enterprises VALUES ('E1', '甲厂', '离石区', 'X1')")
        old.run("INSERT INTO office_fig_tasks (id, kind, enterprise_id, title, due_date, status, officers, updated_at)"
                " VALUES ('T1', 'random', 'E1', '双随机抽查', NULL, 'open', '[]', '')")
        old.run("INSERT INTO office_fig_inspections (id, chain, enterprise_id, task_id, day, sealed, findings,"
                f" immediate, sealed_at, county, spot) VALUES ('I1', 'I1', 'E1', 'T1', '{YEAR}-05-06', 1, 0, 0, NULL,"
                " '', 0)")
        old.run("INSERT INTO office_feed_cursor (name, seq) VALUES (?, ?)", (projection.CURSOR, storage.last_seq()))
    old.close()
    monkeypatch.setattr(office_db, "migrations", every)
    office = open_office_db(storage)
    try:
        assert office.schema_version() >= 16
        got = figures.figures(office, YEAR)
        assert got["spot_checks"] == 1 and got["by_county"]["离石区"]["spot_checks"] == 1
    finally:
        office.close()
        storage.close()
