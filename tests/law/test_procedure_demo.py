"""The demo carries three cases through the real steps, once per data folder."""

from __future__ import annotations

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
        assert facts["daily"]["days"] == 22 and facts["seizure"]["lifted"]
        steps = {a["step"] for a in fine.to_dict()["approvals"]}
        assert steps == {"filing", "legal_review", "decision"}
    again = cli("cases", "demo", "--json").json()
    assert again["cases"] == [] and "已经在本机" in again["note"]
