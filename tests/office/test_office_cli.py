"""The office commands as a user runs them: `bureau init --demo` carries both 名录库 so a draw works, the draw's
JSON contract, its tasks at the bureau, the same draw on another bureau with the same data, verification that
fails when the kept snapshot is altered, refusals with exit 2, the 一公开 export, and complaint deadlines."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from eco_field.bureau.storage import open_storage
from tests.sync.conftest import run_cli


def bureau(folder: Path, *args: str):
    return run_cli("bureau", *args, "--data-dir", str(folder))


def bureau_json(folder: Path, *args: str):
    proc = bureau(folder, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def demo_bureau(tmp_path: Path) -> Path:
    folder = tmp_path / "bureau"
    assert bureau_json(folder, "init", "--demo")["demo"]["lists"] == {"categories": 3, "enterprises": 44}
    return folder


def test_a_draw_out_of_the_box_and_its_tasks(demo_bureau: Path) -> None:
    made = bureau_json(demo_bureau, "draw", "--year", "2026", "--category", "重点=25%", "--category", "特殊=1",
                       "--seed", "公开摇号 20260105")
    for key in ("id", "year", "number", "seed", "seed_sha256", "snapshot_sha256", "algorithm", "ratios", "counts",
                "items"):
        assert key in made
    assert made["ratios"] == {"重点": "1/4", "特殊": "1"} and made["number"] == 1
    lists = bureau_json(demo_bureau, "lists", "show")
    special = [e for e in lists["enterprises"] if e["category"] == "特殊"]
    assert sum(1 for i in made["items"] if i["category"] == "特殊") == len(special)  # 100%
    storage = open_storage(demo_bureau)
    try:
        tasks = {r.entity_id: r.payload for r in storage.records("task")}
    finally:
        storage.close()
    for item in made["items"]:
        task = tasks[item["task_id"]]
        assert task["kind"] == "random" and task["officers"] == sorted(item["officers"]) or \
            set(task["officers"]) == set(item["officers"])
        assert task["enterprise_id"] == item["id"] and made["snapshot_sha256"] in task["note"]
    listed = bureau_json(demo_bureau, "dispatch", "--kind", "双随机")
    assert {t["id"] for t in listed} >= {i["task_id"] for i in made["items"]}


def test_the_same_inputs_on_another_bureau_give_the_same_draw(tmp_path: Path) -> None:
    results = []
    for name in ("a", "b"):
        folder = tmp_path / name
        bureau_json(folder, "init", "--demo")
        made = bureau_json(folder, "draw", "--year", "2026", "--category", "重点=0.25", "--seed", "S-1")
        results.append([(i["id"], i["officers"]) for i in made["items"]])
    assert results[0] == results[1]


def test_verify_recomputes_and_catches_an_altered_snapshot(demo_bureau: Path) -> None:
    made = bureau_json(demo_bureau, "draw", "--year", "2026", "--seed", "x", "--county", "离石区")
    assert bureau_json(demo_bureau, "draws", "verify", made["id"]) == {
        "id": made["id"], "snapshot_matches": True, "same_result": True}
    with sqlite3.connect(demo_bureau / "bureau.db") as conn:
        snap = json.loads(conn.execute("SELECT snapshot_json FROM office_draws").fetchone()[0])
        snap["officers"] = [o for o in snap["officers"] if o["cert_no"] != made["items"][0]["officers"][0]]
        conn.execute("UPDATE office_draws SET snapshot_json = ?", [json.dumps(snap, ensure_ascii=False)])
    proc = bureau(demo_bureau, "draws", "verify", made["id"])
    assert proc.returncode == 1 and "不一致" in proc.stdout


def test_the_next_draw_avoids_last_times_pairs(demo_bureau: Path) -> None:
    first = bureau_json(demo_bureau, "draw", "--year", "2026", "--category", "重点=1", "--seed", "same",
                        "--county", "离石区")
    second = bureau_json(demo_bureau, "draw", "--year", "2026", "--category", "重点=1", "--seed", "same",
                         "--county", "离石区")
    assert second["number"] == 2
    before = {i["id"]: set(i["officers"]) for i in first["items"]}
    assert [i["id"] for i in first["items"]] == [i["id"] for i in second["items"]]
    assert all(set(i["officers"]) != before[i["id"]] for i in second["items"])


def test_a_declared_conflict_is_honoured(demo_bureau: Path) -> None:
    lists = bureau_json(demo_bureau, "lists", "show")
    target = next(e for e in lists["enterprises"] if e["county"] == "离石区" and e["category"] == "重点")
    bureau_json(demo_bureau, "lists", "conflict", "14110100001", target["id"], "--reason", "配偶任该公司财务")
    for seed in ("a", "b", "c", "d"):
        made = bureau_json(demo_bureau, "draw", "--year", "2026", "--category", "重点=1", "--seed", seed,
                           "--county", "离石区")
        item = next(i for i in made["items"] if i["id"] == target["id"])
        assert "14110100001" not in item["officers"]


@pytest.mark.parametrize("args, words", [
    (("--category", "重点=abc"), "比例「abc」无法识别"),
    (("--category", "甲类=0.1"), "类别「甲类」不在检查对象名录库中"),
    (("--category", "重点=150%"), "0 到 100%"),
    (("--category", "重点=0.2", "--county", "火星县"), "火星县"),
])
def test_bad_draw_input_exits_2_naming_it(demo_bureau: Path, args, words) -> None:
    proc = bureau(demo_bureau, "draw", "--year", "2026", "--seed", "s", *args)
    assert proc.returncode == 2 and words in proc.stderr, proc.stderr


def test_the_public_export_reads_back(demo_bureau: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    made = bureau_json(demo_bureau, "draw", "--year", "2026", "--seed", "pub", "--county", "孝义市")
    out = tmp_path / "公示.xlsx"
    data = bureau_json(demo_bureau, "draws", "export", made["id"], "-o", str(out))
    assert data["seed"] == "pub" and data["snapshot_sha256"] == made["snapshot_sha256"]
    sheet = load_workbook(out).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert data["title"] in values and all(i["name"] in values for i in made["items"])
    assert all(item["status"] == "待办" and item["checked_on"] is None for item in data["items"])


def test_complaint_deadlines_through_the_cli(demo_bureau: Path) -> None:
    received = date.today() - timedelta(days=20)
    c = bureau_json(demo_bureau, "complaints", "add", "--channel", "12369热线", "--content", "夜间排放黑烟",
                    "--received", received.isoformat(), "--enterprise", "91141102MA0D00000X")
    assert c["accept_due"] == (received + timedelta(days=15)).isoformat()  # 条例 art. 23
    assert c["county"] == "离石区" and c["warning"] == "overdue" and c["warning_of"] == "受理告知"
    accepted_on = received + timedelta(days=3)
    c = bureau_json(demo_bureau, "complaints", "accept", c["number"], "--on", accepted_on.isoformat())
    assert c["close_due"] == (accepted_on + timedelta(days=60)).isoformat() and not c["warning"]  # art. 34
    c = bureau_json(demo_bureau, "complaints", "extend", c["number"], "--days", "20", "--reason", "需监测",
                    "--approved-by", "陈局长")
    assert c["close_due"] == (accepted_on + timedelta(days=80)).isoformat()
    proc = bureau(demo_bureau, "complaints", "extend", c["number"], "--days", "11", "--reason", "再延",
                  "--approved-by", "陈局长")
    assert proc.returncode == 2 and "30" in proc.stderr  # 20 + 11 > 30 days in all
    c = bureau_json(demo_bureau, "complaints", "assign", c["number"], "--officer", "14110100001",
                    "--officer", "14110100002")
    assert c["task_id"]
    tasks = bureau_json(demo_bureau, "dispatch", "--kind", "信访")
    assert any(t["id"] == c["task_id"] and t["due_date"] == c["close_due"] for t in tasks)
    c = bureau_json(demo_bureau, "complaints", "close", c["number"], "--on", date.today().isoformat(),
                    "--result", "属实")
    assert c["status"] == "closed" and c["closed_on_time"]
    figures = bureau_json(demo_bureau, "figures", "--year", str(received.year))
    assert figures["complaints_received"] == 1


def test_a_complaint_closed_late_is_not_on_time(demo_bureau: Path) -> None:
    received = date.today() - timedelta(days=100)
    c = bureau_json(demo_bureau, "complaints", "add", "--channel", "来信", "--content", "噪声", "--received",
                    received.isoformat(), "--county", "孝义市")
    c = bureau_json(demo_bureau, "complaints", "accept", c["number"], "--on", received.isoformat())
    assert c["warning"] == "overdue" and c["warning_of"] == "办结"
    c = bureau_json(demo_bureau, "complaints", "close", c["number"], "--on", date.today().isoformat(),
                    "--result", "不属实")
    assert not c["closed_on_time"]
    due_year = int(c["close_due"][:4])
    figures = bureau_json(demo_bureau, "figures", "--year", str(due_year), "--county", "孝义市")
    assert figures["complaints_due"] == 1 and figures["complaints_closed_on_time"] == 0
    assert figures["by_county"]["孝义市"]["complaints_due"] == 1


def test_figures_export_as_spreadsheet_and_pdf_read_back(demo_bureau: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests import pdftools

    received = date.today() - timedelta(days=2)
    bureau_json(demo_bureau, "complaints", "add", "--channel", "来信", "--content", "异味", "--received",
                received.isoformat(), "--county", "兴县")
    xlsx, pdf = tmp_path / "年度统计.xlsx", tmp_path / "年度统计.pdf"
    data = bureau_json(demo_bureau, "figures", "--year", str(received.year), "--xlsx", str(xlsx), "--pdf", str(pdf))
    book = load_workbook(xlsx)
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert summary["信访举报受理登记（件）"] == data["complaints_received"] == 1
    county_rows = {row[0]: row for row in book["按区县"].iter_rows(values_only=True)}
    assert county_rows["兴县"][11] == 1  # the complaints_received column
    text = pdftools.text(pdf)
    assert f"{received.year}年度生态环境执法统计（全市）" in text and "信访举报受理登记（件）" in text
    assert "按区县" in text and "按月份" in text


def test_lists_changes_shape_the_next_draw(demo_bureau: Path) -> None:
    lists = bureau_json(demo_bureau, "lists", "show")
    lishi = [e for e in lists["enterprises"] if e["county"] == "离石区"]
    left_out = lishi[0]
    proc = bureau(demo_bureau, "lists", "enterprise", left_out["credit_code"], "重点", "--exclude", "")
    assert proc.returncode == 2 and "理由" in proc.stderr  # excluding needs its reason
    bureau_json(demo_bureau, "lists", "enterprise", left_out["credit_code"], "重点", "--exclude", "2025年起长期停产")
    bureau_json(demo_bureau, "lists", "officer", "14110100003", "--out", "--note", "调离执法岗位")
    made = bureau_json(demo_bureau, "draw", "--year", "2026", "--category", "重点=1", "--category", "一般=1",
                       "--seed", "lists", "--county", "离石区")
    assert left_out["id"] not in {i["id"] for i in made["items"]}
    assert len(made["items"]) == len(lishi) - 1
    assert all("14110100003" not in i["officers"] for i in made["items"])
    assert all(set(i["officers"]) == {"14110100001", "14110100002"} or "14110000001" in i["officers"]
               or "14110000002" in i["officers"] for i in made["items"])
    bureau_json(demo_bureau, "lists", "category", "重点", "1/3", "--period", "每季度", "--source", "本局2026年实施细则")
    shown = {c["name"]: c for c in bureau_json(demo_bureau, "lists", "show")["categories"]}
    assert shown["重点"]["ratio"] == "1/3" and shown["重点"]["source"] == "本局2026年实施细则"
