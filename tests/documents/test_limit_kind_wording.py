"""A dissolved oxygen below its minimum (≥ 5 mg/L) and a pH outside its range (6～9) are exceedances the case
documents state in a decision's words — 「低于标准下限5mg/L」, 「超出6～9的范围」, pH 「（无量纲）」 — beside a
maximum's 「超过排放标准限值（50mg/L）0.20倍」; the readings report prints 「≥5mg/L」 and 「6～9」; a readings
report issued before (record format 1, the plain number) still verifies byte for byte.

The outlet's limits come in through `enterprises import`, the readings through `readings import`, the case
walks the real procedure (tests/documents/case_walk.py), and every PDF is read back (tests/pdftools.py)."""

from __future__ import annotations

import json
import re

import pytest

from eco_field.documents import service
from eco_field.documents.kinds import common
from eco_field.law import cases
from eco_field.store import enterprises
from tests import pdftools
from tests.documents.case_walk import (
    approve,
    assert_all_verify,
    assert_clean,
    file_and_investigate,
    issue,
    read_text,
)
from tests.law.procedure_helpers import ago, recent_case

pytest.importorskip("eco_field.readings.service")

WATER_OUTLET = {"code": "DW001", "kind": "water", "name": "废水总排口", "limits": [
    {"pollutant": "DO", "kind": "min", "limit": 5, "unit": "mg/L", "standard": "GB 3838-2002"},
    {"pollutant": "pH", "kind": "range", "low": 6, "high": 9, "standard": "GB 8978-1996"},
    {"pollutant": "COD", "limit": 50, "unit": "mg/L", "standard": "GB 8978-1996"},  # no kind: a maximum
]}


def water_readings(day: str, cod_peak: float = 60) -> str:
    """A multiparameter sonde's export of the inspection morning: DO falls to 2 then 4.1 mg/L (both below 5),
    pH rises to 11."""
    rows = [("6.2", "7.1", "40"), ("2.0", "11.0", f"{cod_peak:g}"), ("4.1", "8.0", "45"), ("6.0", "7.4", "30")]
    lines = ["时间,溶解氧(mg/L),pH,化学需氧量(mg/L)"]
    lines += [f"{day} 09:{10 + 5 * i:02d}:00,{do},{ph},{cod}" for i, (do, ph, cod) in enumerate(rows)]
    return "\n".join(lines) + "\n"


def water_case(ws, cli, tmp_path, cod_peak: float = 60) -> dict:
    """A WAT-02 case on an inspection whose readings at the waste-water outlet leave DO and pH out of bounds."""
    ent = enterprises.list_enterprises(ws.db)[0].to_dict()  # the enterprise recent_case inspects
    ent["outlets"] = [o for o in ent["outlets"] if o["code"] != "DW001"] + [WATER_OUTLET]
    path = tmp_path / "enterprise.json"
    path.write_text(json.dumps([ent], ensure_ascii=False), encoding="utf-8")
    out = cli("enterprises", "import", str(path), "--json")
    assert out.returncode == 0, out.stderr
    made = recent_case(ws, tmp_path, ("WAT-02",), days_ago=60, facts="你单位废水总排口外排废水水质不符合排放标准。")
    csv = tmp_path / "sonde.csv"
    csv.write_text(water_readings(made["discovered"], cod_peak), encoding="utf-8")
    out = cli("readings", "import", made["inspection_id"], str(csv), "--outlet", "DW001", "--json")
    assert out.returncode == 0, out.stderr
    by_code = {s["pollutant"]: s for s in out.json()["series"]}
    assert by_code["DO"]["exceed_count"] == 2 and by_code["PH"]["exceed_count"] == 1
    return made


def test_do_below_its_minimum_and_ph_out_of_range_reach_the_notice_and_the_decision(ready, cli, tmp_path):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    case_id = made["id"]
    cases.assess(ws.db, case_id, {"impact": "medium"})
    texts = file_and_investigate(ws, case_id, tmp_path)
    _, texts["penalty-notice"] = issue(ws, "penalty-notice", case_id, tmp_path)
    cases.record_event(ws.db, case_id, "notified", ago(40))
    approve(ws, case_id, "decision", ago(30))
    _, texts["penalty-decision"] = issue(ws, "penalty-decision", case_id, tmp_path)
    for kind in ("investigation-report", "penalty-notice", "penalty-decision"):
        text = texts[kind]
        # the violation's facts: where, which parameter, the worst reading and the bound it breaks, in words
        fact = text[text.index("1.超过水污染物排放标准"):]
        for must in ("经现场快速检测，废水总排口（DW001）溶解氧最低值2mg/L，低于标准下限5mg/L",
                     "pH值最高值11（无量纲），超出6～9的范围",
                     "化学需氧量最大值60mg/L，超过排放标准限值（50mg/L）0.20倍"):
            assert must in fact, (kind, must)
        # and the readings are cited as a lead, with the same words
        assert "溶解氧、pH值、化学需氧量），" in text and "为便携式仪器现场筛查数据，作为发现违法行为的线索" in text, kind
        assert "超标0.00倍" not in text and "无量纲）mg" not in text, kind
        lines = pdftools.text(tmp_path / f"{kind}.pdf")
        assert not re.search(r"[0-9]\s*\n\s*mg/", lines), kind  # a value is never split from its unit
        assert_clean(kind, text)
    assert_all_verify(ws, tmp_path)


def test_only_do_and_ph_out_of_bounds_still_make_a_violation_fact(ready, cli, tmp_path):
    ws = ready
    made = water_case(ws, cli, tmp_path, cod_peak=45)  # COD stays within its maximum
    case_id = made["id"]
    cases.assess(ws.db, case_id, {"impact": "medium"})
    file_and_investigate(ws, case_id, tmp_path)
    _, text = issue(ws, "penalty-notice", case_id, tmp_path)
    assert "溶解氧最低值2mg/L，低于标准下限5mg/L；pH值最高值11（无量纲），超出6～9的范围。" in text
    assert "化学需氧量最大值" not in text and "倍" not in text.split("以上事实")[0]


def test_a_violation_that_is_no_exceedance_states_no_readings(ready, cli, tmp_path):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    case = cases.new_case(ws.db, made["inspection_id"], [cases.CaseViolation("AIR-10", "", [])], "物料堆场未覆盖")
    cases.assess(ws.db, case.id, {"impact": "medium"})
    text = file_and_investigate(ws, case.id, tmp_path)["investigation-report"]
    assert "物料堆场" in text and "经现场快速检测" not in text  # a dust-cover violation does not rest on the water readings


def test_the_readings_report_prints_a_minimum_and_a_range_as_such(ready, cli, tmp_path):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    path = tmp_path / "report.pdf"
    service.render(ws, "readings-report", inspection_id=made["inspection_id"], out_path=path)
    text = read_text(path)
    for must in ("2／≥5mg/L", "11／6～9（无量纲）", "60／50mg/L", "折算值／限值", "pH瞬时值（无量纲）", "红色虚线：标准下限5",
                 "红色虚线：标准范围6～9", "红色虚线：限值50", "溶解氧最低值2mg/L，低于标准下限5mg/L。",
                 "pH值最高值11（无量纲），超出6～9的范围。", "二者均不计超标倍数"):
        assert must in text, must
    assert service.verify_pdf(ws, path)["matches"]


def test_a_readings_report_issued_before_limit_kinds_were_printed_still_verifies(ready, cli, tmp_path, monkeypatch):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    old = tmp_path / "old.pdf"
    with monkeypatch.context() as m:  # issued by the code of record format 1: the limit as a plain number
        m.setattr(common, "RECORD_FORMAT", 1)
        issued = service.render(ws, "readings-report", inspection_id=made["inspection_id"], out_path=old)
    # a document of then kept no record_format in its facts
    ws.db.execute("UPDATE documents SET facts_json = json_remove(facts_json, '$.record_format') WHERE number = ?",
                  [issued["number"]])
    ws.db.conn.commit()
    text = read_text(old)
    assert "6.2／5mg/L" in text and "11／9" in text  # as it was printed then: the highest reading, the number
    assert "≥" not in text and "～" not in text and "折算最大值／限值" in text
    result = service.verify_pdf(ws, old)
    assert result["matches"], result["problem"]
    # the same readings gathered as a new report would not match it: the stored format is what verifies
    fresh = service.render(ws, "readings-report", inspection_id=made["inspection_id"], out_path=tmp_path / "new.pdf")
    assert fresh["record_sha256"] != issued["record_sha256"]
    assert "≥5mg/L" in read_text(tmp_path / "new.pdf")
    assert service.verify_pdf(ws, tmp_path / "new.pdf")["matches"]


def test_a_notice_issued_before_the_readings_were_worded_still_verifies(ready, cli, tmp_path, monkeypatch):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    cases.assess(ws.db, made["id"], {"impact": "medium"})
    file_and_investigate(ws, made["id"], tmp_path)
    with monkeypatch.context() as m:  # issued by the code of record format 1: no DO/pH words, the multiple only
        m.setattr(common, "RECORD_FORMAT", 1)
        notice, text = issue(ws, "penalty-notice", made["id"], tmp_path)
    ws.db.execute("UPDATE documents SET facts_json = json_remove(facts_json, '$.record_format') WHERE number = ?",
                  [notice["number"]])
    ws.db.conn.commit()
    assert "COD折算最大值60mg/L（限值50，超标0.20倍）" in text and "低于标准下限" not in text
    result = service.verify_pdf(ws, tmp_path / "penalty-notice.pdf")
    assert result["matches"], result["problem"]


def test_the_inspection_record_states_the_exceedances_and_a_later_import_leaves_it_verifying(ready, cli, tmp_path):
    ws = ready
    made = water_case(ws, cli, tmp_path)
    path = tmp_path / "record.pdf"
    service.render(ws, "inspection-record", inspection_id=made["inspection_id"], out_path=path)
    text = read_text(path)
    assert ("经现场快速检测，废水总排口（DW001）溶解氧最低值2mg/L，低于标准下限5mg/L；pH值最高值11（无量纲），超出6～9的范围"
            in text) and "为筛查数据" in text
    # the next file comes in later, as back at the office — or within the same second: the audit order tells
    later = tmp_path / "afternoon.csv"
    later.write_text(f"时间,溶解氧(mg/L)\n{made['discovered']} 15:00:00,1.0\n", encoding="utf-8")
    assert cli("readings", "import", made["inspection_id"], str(later), "--outlet", "DW001").returncode == 0
    result = service.verify_pdf(ws, path)
    assert result["matches"], result["problem"]
