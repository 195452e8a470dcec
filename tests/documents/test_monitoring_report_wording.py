"""An exceedance proved by a qualified body's monitoring report alone (no screening readings), read back as a 法制审核
officer reads the 案件调查报告, the 告知书 and the 决定书: each states who monitored, the report's number and date,
the outlet, the pollutant, the concentration with its unit, the standard and its limit, and the 超标倍数; a result
within its limit is not worded as an exceedance; no calculator working. A notice issued before (record format 4)
still verifies byte for byte and reads as it did. Bad `--result` input exits 2 naming the result and the field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.law import case_steps, cases, monitoring_results
from eco_field.readings import service as readings
from tests.documents.case_walk import approve, assert_all_verify, assert_clean, issue, prepare
from tests.law.procedure_helpers import ago, recent_case

WORKTREE = str(Path(__file__).resolve().parents[2])
RESULTS = [f"DA001;颗粒物;27.4;mg/m3;20;GB 4915-2013;{ago(58)}",  # over: (27.4 − 20) / 20 = 0.37
           "DA001;二氧化硫;80;mg/m3;100;GB 4915-2013"]               # within its limit
STATED = ("经吕梁市生态环境监测中心监测（报告编号LLJC-2026-118，", "采样日期",
          "水泥窑窑尾（DA001）颗粒物排放浓度为27.4mg/m³，超过《水泥工业大气污染物排放标准》（GB4915-2013）"
          "规定的20mg/m³限值0.37倍。")
# whom each document speaks of: the party addressed, or 当事人 in the internal report
SUBJECT = {"investigation-report": "当事人", "penalty-notice": "你单位", "penalty-decision": "你单位"}


@pytest.fixture
def reported(workspace, tmp_path):
    """An AIR-02 case at a cement plant (DA001 水泥窑窑尾), filed, assessed, its report attached with results,
    the investigation closed with its report issued: (case id, folder, 案件调查报告 text)."""
    prepare(workspace)
    made = recent_case(workspace, tmp_path, ("AIR-02",), days_ago=60, facts="水泥窑窑尾颗粒物排放浓度超标")
    cid = made["id"]
    # the portable analyser's screening readings at the same outlet (over the limit too): a lead, never the proof
    lines = ["时间,颗粒物(mg/m3),氧气(%)"] + [f"{ago(60)} 09:{i:02d}:00,{v},10.0" for i, v in enumerate((18, 31, 25))]
    (tmp_path / "screening.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    readings.import_file(workspace, made["inspection_id"], tmp_path / "screening.csv", outlet="DA001")
    approve(workspace, cid, "filing", ago(59))
    cases.record_event(workspace.db, cid, "filed", ago(59))
    cases.assess(workspace.db, cid, {"impact": "medium"}, amount=150000, reason="裁量")
    pdf = tmp_path / "LLJC-2026-118.pdf"
    pdf.write_bytes(b"%PDF-1.4 scan\n%%EOF\n")
    case_steps.attach_monitoring_report(workspace, cid, "LLJC-2026-118", "吕梁市生态环境监测中心", ago(57), pdf,
                                        [monitoring_results.parse(s, i) for i, s in enumerate(RESULTS, 1)])
    folder = tmp_path / "issued"
    folder.mkdir()
    _, report = issue(workspace, "investigation-report", cid, folder, ago(50))
    cases.record_event(workspace.db, cid, "investigated", ago(50))
    return cid, folder, report


def test_the_three_documents_state_what_the_report_measured(workspace, reported):
    cid, folder, report = reported
    _, notice = issue(workspace, "penalty-notice", cid, folder, ago(46))
    cases.record_event(workspace.db, cid, "notified", ago(45))
    cases.record_event(workspace.db, cid, "waived", ago(44), "当事人书面放弃陈述申辩")
    approve(workspace, cid, "decision", ago(43))
    _, decision = issue(workspace, "penalty-decision", cid, folder, ago(43))
    for kind, text in (("investigation-report", report), ("penalty-notice", notice), ("penalty-decision", decision)):
        for words in STATED:
            assert words in text, (kind, words, text)
        assert "），" + SUBJECT[kind] + STATED[2] in text, kind
        assert kind != "investigation-report" or "你单位" not in text, text
        assert f"采样日期{ago(58)[:4]}年" in text, kind
        # the result within its limit is not an exceedance, and no screening reading stands in for the proof
        assert "二氧化硫排放浓度" not in text and "现场快速检测" not in text, kind
        assert "监测报告（编号：LLJC-2026-118）" in text, kind  # still cited among the evidence
        assert "为便携式仪器现场筛查数据，作为发现违法行为的线索" in text, kind  # the readings: a lead only
        assert_clean(kind, text)
    assert_all_verify(workspace, folder)


def test_a_notice_issued_before_format_5_verifies_and_reads_as_it_did(workspace, reported, monkeypatch):
    cid, folder, _ = reported
    with monkeypatch.context() as m:  # issued by the code of record format 4: the report cited by number only
        m.setattr(common, "RECORD_FORMAT", 4)
        old, text = issue(workspace, "penalty-notice", cid, folder, ago(46))
    assert "监测报告（编号：LLJC-2026-118）" in text and "排放浓度为" not in text and "限值0.37倍" not in text
    assert "经现场快速检测" in text  # the facts then rested on the screening readings' words
    result = service.verify_pdf(workspace, Path(old["pdf"]))
    assert result["matches"], result["problem"]


def test_a_bad_result_on_the_command_line_exits_2_naming_the_field(cli, workspace, reported, monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHONPATH", WORKTREE + os.pathsep + os.environ.get("PYTHONPATH", ""))  # this tree's code
    cid = reported[0]
    out = cli("cases", "report", cid, "--number", "JC-9", "--body", "山西省生态环境监测中心", "--date", ago(40),
              "--file", str(tmp_path / "LLJC-2026-118.pdf"), "--result", RESULTS[0],
              "--result", "DA001;氮氧化物;85;毫克;300;GB 4915-2013")
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "第2项监测结果" in out.stderr and "单位「毫克」无法识别" in out.stderr, out.stderr
    numbers = [e["data"].get("number") for e in cases.get(workspace.db, cid).events if e["event"] == "monitoring_report"]
    assert numbers == ["LLJC-2026-118"]  # nothing attached
