"""现场监测数据报告: a table and a chart of each series against its limit, from readings imported through the
readings service."""

from __future__ import annotations

import pytest

from eco_field.documents import service
from eco_field.errors import BadInput
from tests.documents.conftest import assert_fonts_embedded, pdf_text

readings = pytest.importorskip("eco_field.readings.service")


def stack_export(path, rows: int = 60):
    """A wide-form analyser export (as the generic table importer reads): SO2 rising past the 30 mg/m³ limit."""
    lines = ["时间,二氧化硫(mg/m3),氮氧化物(mg/m3),氧气(%)"]
    for i in range(rows):
        lines.append(f"2026-06-05 10:{i // 60 + 15:02d}:{i % 60:02d},{20 + i * 0.4:.1f},{100 + i % 7},8.0")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_readings_report_tables_and_charts_each_series_against_its_limit(workspace, inspection, tmp_path):
    imported = readings.import_file(workspace, inspection.id, stack_export(tmp_path / "stack.csv"), outlet="DA001")
    so2 = next(s for s in imported["series"] if s["pollutant"] == "SO2")
    assert so2["limit"] == 30 and so2["exceed_count"] > 0
    result = service.render(workspace, "readings-report", inspection_id=inspection.id, out_path=tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    for must in ("现场监测数据报告", result["number"], "SO2", "NOx", "折算最大值", "最大超标倍数",
                 "超标倍数＝（折算浓度－限值）÷限值", "红色虚线：限值30", "监测人员", "10:15"):
        assert must in text, must
    assert f"{so2['max_exceed_multiple']:.4g}" in text
    assert_fonts_embedded(tmp_path / "r.pdf")


def test_an_inspection_without_readings_is_refused(workspace, inspection):
    with pytest.raises(BadInput, match="没有已导入的监测数据"):
        service.render(workspace, "readings-report", inspection_id=inspection.id)


def test_long_series_are_thinned_keeping_the_peak():
    from eco_field.documents.kinds.readings_report import MAX_POINTS, thin

    points = [(f"2026-06-05T10:00:{i % 60:02d}", float(i % 97)) for i in range(10_000)]
    points[5_123] = (points[5_123][0], 1_000.0)
    kept = thin(points)
    assert len(kept) <= MAX_POINTS + 2
    assert max(v for _, v in kept) == 1_000.0 and min(v for _, v in kept) == 0.0


def test_charts_keep_their_numbers_when_the_main_font_has_no_latin(workspace, inspection, tmp_path):
    """Droid Sans Fallback set as the document font (it has no digits or Latin letters): every axis number,
    time, unit and limit of the charts is still drawn, from the next font of the chain that has it."""
    from eco_field.documents import fonts
    from eco_field.store import settings
    from eco_field.store.database import write_transaction
    from tests.documents.typesetting import face_draws, faces_of, ink, words

    with write_transaction(workspace.db):
        settings.put(workspace.db, fonts.FONT_SETTING, str(fonts.SHIPPED_FALLBACK))
    readings.import_file(workspace, inspection.id, stack_export(tmp_path / "stack.csv"), outlet="DA001")
    service.render(workspace, "readings-report", inspection_id=inspection.id, out_path=tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    for must in ("红色虚线：限值30", "10:15", "mg/m"):
        assert must in text, must
    found = faces_of(tmp_path / "r.pdf", "0123456789:mg/")
    assert "DroidSansFallback" in set().union(*faces_of(tmp_path / "r.pdf", "监测").values())  # the main font
    assert found["0"] and found[":"] and found["m"] and found["/"]
    for char, used in found.items():  # each one that occurs is drawn by a font that has it (the times vary)
        assert all(face_draws(face, char) for face in used), (char, used)
    times = [w for w in words(tmp_path / "r.pdf") if w["text"].startswith("10:")]
    assert times and all(ink(tmp_path / "r.pdf", w, tmp_path) > 10 for w in times[:4])
