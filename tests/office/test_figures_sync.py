"""The year's figures equal what this test counts itself from the records a real laptop pushed to a real
bureau (SQLite and PostgreSQL): a 双随机 draw's tasks pulled by the laptop, inspections made for them (some
sealed, some with findings, one fixed on the spot), the three demo cases walked through the real procedure
with their documents, and complaints taken at the bureau."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eco_field import demo_cases
from eco_field.bureau import admin
from eco_field.bureau.office import directory, draws
from eco_field.bureau.office.db import open_office_db
from eco_field.documents.numbering import DEFAULT_CODES
from eco_field.evidence.seal import seal
from eco_field.store import inspections
from eco_field.sync.client import run_sync
from tests.sync.conftest import BureauServer, device_id_of

CITY_OFFICER = "14110000001"  # 吕示例: the city's, may write records of every county
KEYS = ("spot_checks", "problems_found", "cases_filed", "fines_yuan", "rectification_orders",
        "immediate_rectifications", "seizures", "production_limits", "detention_transfers", "criminal_transfers",
        "complaints_received", "complaints_due", "complaints_closed_on_time")


def expected_from_records(server: BureauServer, year: int) -> dict:
    """The figures counted straight from the synced records, the way the docs define them."""
    with server.storage() as storage:
        county = {r.entity_id: r.payload["county"] for r in storage.records("enterprise")}
        kinds = {r.entity_id: r.payload["kind"] for r in storage.records("task")}
        insp = {r.entity_id: r.payload for r in storage.records("inspection") if not r.deleted}
        cases = {r.entity_id: r.payload for r in storage.records("case") if not r.deleted}
        docs = [r.payload for r in storage.records("document") if not r.deleted]
    totals: Counter = Counter()
    by_county: dict[str, Counter] = {}

    def add(key: str, enterprise_id: str, n: int = 1) -> None:
        totals[key] += n
        by_county.setdefault(county[enterprise_id], Counter())[key] += n

    for p in insp.values():
        if p.get("status") != "sealed" or not p["started_at"].startswith(str(year)):
            continue
        if kinds.get(p.get("task_id")) == "random":
            add("spot_checks", p["enterprise_id"])
            if p["findings"]:
                add("problems_found", p["enterprise_id"])
        if any(f.get("rectified_on_site") is True for f in p["findings"]):
            add("immediate_rectifications", p["enterprise_id"])
    groups = {"filed": "cases_filed", "seized": "seizures", "production_limited": "production_limits",
              "production_halted": "production_limits", "detention_transfer": "detention_transfers",
              "criminal_transfer": "criminal_transfers"}
    for c in cases.values():
        first: dict[str, str] = {}
        for e in c["events"]:
            key = groups.get(e["event"])
            if key and (key not in first or e["date"] < first[key]):
                first[key] = e["date"]
        for key, day in first.items():
            if day.startswith(str(year)):
                add(key, c["enterprise_id"])
    for d in docs:
        if d.get("status") != "issued" or d.get("superseded_by") or not d["facts"]["issued_on"].startswith(str(year)):
            continue
        enterprise_id = cases[d["case_id"]]["enterprise_id"] if d.get("case_id") else insp[d["inspection_id"]]["enterprise_id"]
        if d["kind"] in ("penalty-decision", "daily-penalty-decision"):
            add("fines_yuan", enterprise_id, d["facts"]["amount_fen"])
        elif d["kind"] == "rectification-order":
            add("rectification_orders", enterprise_id)
    return {"totals": totals, "by_county": by_county}


def test_figures_equal_the_synced_records(bureau: BureauServer, device_factory, tmp_path: Path) -> None:
    with bureau.storage() as storage:
        office = open_office_db(storage)
        directory.seed_demo(office, storage)
        made = draws.make_draw(office, storage, 2026, {"重点": "1", "一般": "1"}, "figures-test", county="离石区")
        office.close()
    laptop = device_factory(CITY_OFFICER, "city")
    assert run_sync(laptop)["ok"]
    drawn = {i["task_id"]: i for i in made["items"]}
    pulled = {r[0]: r[1] for r in laptop.db.execute("SELECT id, enterprise_id FROM tasks")}
    assert set(drawn) <= set(pulled), "the draw's tasks reach the laptop by sync"

    # one inspection per drawn task: sealed with a finding, sealed clean, sealed fixed on the spot, left a draft
    today_year = None
    for index, (task_id, item) in enumerate(sorted(drawn.items())):
        made_insp = inspections.create(laptop.db, item["id"], item["officers"], task_id=task_id)
        today_year = int(made_insp.started_at[:4])
        findings = [[{"item_id": "GEN-07", "facts": "旁路挡板开启"}], [],
                    [{"item_id": "GEN-02", "facts": "台账缺失", "rectified_on_site": True}], []][index % 4]
        inspections.update(laptop.db, made_insp.id, findings=findings)
        if index % 4 != 3:
            seal(laptop, made_insp.id)
    with bureau.storage() as storage:  # an enrolled laptop takes its document numbers from the bureau
        for kind in DEFAULT_CODES:
            for year in (today_year - 1, today_year):
                admin.reserve_numbers(storage, device_id_of(laptop), kind, 50, year)
    assert run_sync(laptop)["ok"]
    demo_cases.seed_cases(laptop, tmp_path / "cases")
    result = run_sync(laptop)
    assert result["ok"] and not result["conflicts"], result

    for proc in (bureau.admin("complaints", "add", "--channel", "来信", "--content", "排污口夜间排放",
                              "--received", f"{today_year}-01-05", "--county", "离石区"),):
        assert proc.returncode == 0, proc.stderr
    for year in (today_year - 1, today_year):
        got = bureau.admin_json("figures", "--year", str(year))
        want = expected_from_records(bureau, year)
        for key in KEYS[:10]:
            expected = want["totals"][key] / 100 if key == "fines_yuan" else want["totals"][key]
            assert got[key] == expected, (year, key, got[key], expected)
            for place, values in got["by_county"].items():
                n = want["by_county"].get(place, Counter())[key]
                assert values[key] == (n / 100 if key == "fines_yuan" else n), (year, place, key)
        assert sum(m["spot_checks"] for m in got["by_month"].values()) == got["spot_checks"]
    current = bureau.admin_json("figures", "--year", str(today_year), "--county", "离石区")
    assert current["spot_checks"] == 3 * (len(drawn) // 4) + min(len(drawn) % 4, 3)
    assert current["complaints_received"] == 1
    total = bureau.admin_json("figures", "--year", str(today_year))
    assert total["cases_filed"] + bureau.admin_json("figures", "--year", str(today_year - 1))["cases_filed"] == 3
    assert total["fines_yuan"] + bureau.admin_json("figures", "--year", str(today_year - 1))["fines_yuan"] > 0
