"""`cases demo` on a laptop enrolled by a county officer: the three demo cases are made against the demo
enterprises of the officer's own county only, so a sync to a real bureau refuses none of them; a laptop whose
unit holds no demo enterprise is refused, in Chinese, before any case is made."""

from __future__ import annotations

import json
from pathlib import Path

from eco_field.bureau import admin
from eco_field.documents.numbering import DEFAULT_CODES
from tests.sync.conftest import BureauServer, device_id_of, run_cli


def _cli(laptop: Path, *args: str):
    return run_cli("--data-dir", str(laptop), *args, "--json", timeout=300)


def test_demo_cases_of_a_county_officer_sync_with_nothing_refused(bureau: BureauServer, device) -> None:
    laptop = device.data_dir  # 王建国 (14110100001), enrolled for 离石区 only
    with bureau.storage() as storage:
        for kind in DEFAULT_CODES:
            admin.reserve_numbers(storage, device_id_of(device), kind, 50)
    assert _cli(laptop, "sync").returncode == 0
    made = _cli(laptop, "cases", "demo")
    assert made.returncode == 0, made.stderr
    demo = json.loads(made.stdout)
    assert len(demo["cases"]) == 3 and len(demo["documents"]) == 23  # every form of every step, 笔录 included
    counties = {row[0] for row in device.db.execute(
        "SELECT e.county FROM cases c JOIN inspections i ON i.id = c.inspection_id"
        " JOIN enterprises e ON e.id = i.enterprise_id")}
    assert counties == {"离石区"}
    officers = {row[0] for row in device.db.execute(
        "SELECT o.unit FROM inspection_officers io JOIN officers o ON o.cert_no = io.officer_cert")}
    assert officers == {"离石区"}

    synced = _cli(laptop, "sync")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["conflicts"] == 0
    assert json.loads(_cli(laptop, "sync", "conflicts").stdout) == []
    assert device.db.execute("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'conflict')").fetchone()[0] == 0
    assert bureau.read("conflicts") == []
    with bureau.storage() as storage:
        held = storage.records("case")
    assert {r.entity_id for r in held} == set(demo["cases"]) and {r.unit for r in held} == {"离石区"}


def test_demo_cases_refused_where_the_unit_has_no_demo_enterprise(bureau: BureauServer, device_factory) -> None:
    with bureau.storage() as storage:
        storage.put_officer("14119900001", "韩示范", ["吕梁经济开发区"])  # a unit without demo enterprises
    laptop = device_factory("14119900001", "zone").data_dir
    assert _cli(laptop, "sync").returncode == 0
    refused = _cli(laptop, "cases", "demo")
    assert refused.returncode == 2, refused.stdout
    assert "吕梁经济开发区" in refused.stderr and "演示企业" in refused.stderr, refused.stderr
    listed = _cli(laptop, "cases", "list")
    assert listed.returncode == 0 and json.loads(listed.stdout) == [], listed.stdout
