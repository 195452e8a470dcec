"""The demo carries three cases through the real steps, once per data folder."""

from __future__ import annotations

from datetime import date, timedelta

from eco_field.law import cases, procedure
from eco_field.workspace import Workspace


def test_demo_cases_walk_every_path(cli, data_dir):
    out = cli("cases", "demo", "--json")
    assert out.returncode == 0, out.stderr
    made = out.json()
    assert len(made["cases"]) == 3
    kinds = {number.split("〔")[0] for number in made["documents"]}
    assert {"吕环罚告", "吕环听通", "吕环罚", "吕环不罚", "吕环封扣", "吕环解封扣", "吕环按日告", "吕环按日罚"} <= kinds
    with Workspace.open(data_dir) as ws:
        fine, first, daily = (cases.get(ws.db, cid) for cid in made["cases"])
        assert fine.status == "closed" and first.status == "closed"
        assert [e["event"] for e in first.events if e["event"] == "no_penalty"] == ["no_penalty"]
        facts = procedure.facts(ws.db, daily.id)
        # the 复查 after the 查封 was lifted counts only the days after it (按日连续处罚办法第二十条): 7 of 25
        assert facts["daily"]["days"] == 7 and facts["seizure"]["lifted"], facts["daily"]
        assert facts["daily"]["amount"] == 1050000 and facts["daily"]["excluded"] == [
            {"from": facts["daily"]["from"], "to": facts["seizure"]["lifted"]["date"]}]
        daily_steps = {a["step"] for a in daily.to_dict()["approvals"]}
        assert {"legal_review", "collective", "decision"} <= daily_steps  # a 1,050,000 元 round: 法 arts 57–58
        assert procedure.next_steps(ws.db, daily.id)["warnings"] == []  # the order was served on site
        steps = {a["step"] for a in fine.to_dict()["approvals"]}
        assert steps == {"filing", "legal_review", "decision", "closing"}
        # each case was opened (登记) on its inspection's day, and its 立案 deadline runs 15 days from that
        # day: never a case registered after its own deadline, filing and closing
        for case in (fine, first, daily):
            discovered = next(e["date"] for e in case.events if e["event"] == "discovered")
            filed = next(e["date"] for e in case.events if e["event"] == "filed")
            filing = next(d for d in case.deadlines if d["code"] == "filing")
            assert case.opened_at[:10] == discovered <= filed <= filing["due"], (case.opened_at, filed, filing)
            assert date.fromisoformat(filing["due"]) == date.fromisoformat(discovered) + timedelta(days=15)
    again = cli("cases", "demo", "--json").json()
    assert again["cases"] == [] and "已经在本机" in again["note"]


def test_demo_cases_on_a_laptop_set_up_by_hand_and_not_enrolled(tmp_path):
    """First start: the officer typed the bureau's name as the unit; no bureau narrows the demo's counties."""
    from eco_field import setup
    from eco_field.demo_cases import seed_cases
    from eco_field.records import Officer

    with Workspace.open(tmp_path / "d", create=True) as ws:
        setup.apply(ws.db, [Officer("14110100009", "李明", "")], "吕梁市生态环境局", "吕环")
        made = seed_cases(ws, tmp_path / "demo-files")
        assert len(made["cases"]) == 3
        held = {row[0] for row in ws.db.execute("SELECT id FROM cases")}
        assert set(made["cases"]) <= held
