"""Documents set on three kinds of machine: only the shipped fonts, Droid Sans Fallback installed as a
system font (no Latin glyphs), a Noto CJK font installed (OpenType/CFF, which cannot be embedded). In each,
℃ Ⅴ Ⅹ and pinyin with tones print (read back AND inked), the charts keep their numbers, and the case
documents obey 避头尾 on pdftotext -layout lines."""

from __future__ import annotations

import re

import pytest

from eco_field.documents import fonts, service
from eco_field.store import inspections
from tests.documents.conftest import assert_fonts_embedded, pdf_text
from tests.documents.typesetting import (
    ENVIRONMENTS,
    SYMBOLS,
    face_draws,
    faces_of,
    ink,
    keep,
    kinsoku_faults,
    layout_lines,
    use_font_environment,
    words,
)

cases = pytest.importorskip("eco_field.law.cases")

FINDING = "焦炉烟气温度 185 ℃ ，地表水 Ⅴ 类， Ⅹ 号排口，负责人拼音 Lǎo Lǐ Zhōu Lǔ Lǘ ： ǎ ǐ ǒ ǔ ǘ 。"


@pytest.fixture(params=ENVIRONMENTS)
def environment(request, tmp_path, monkeypatch):
    use_font_environment(request.param, tmp_path, monkeypatch)
    return request.param


def test_the_main_font_is_the_shipped_one_whatever_the_system_has(environment):
    chain = fonts.font_set()
    assert chain.paths[:3] == [str(p) for p in fonts.SHIPPED_CHAIN]
    assert fonts.face_name(chain.main) == "WenQuanYiMicroHei"
    for char in "0123456789:.-ABCmg/":  # Latin from the main font, never from a font without Latin glyphs
        assert chain.font_for(char) == chain.main


def test_symbols_and_pinyin_print_with_ink(environment, workspace, inspection, tmp_path):
    inspections.update(workspace.db, inspection.id, findings=[FINDING])
    pdf = tmp_path / f"record-{environment}.pdf"
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=pdf)
    keep(pdf)
    text = pdf_text(pdf)
    for char in SYMBOLS:
        assert char in text, char
    for char, faces in faces_of(pdf, SYMBOLS).items():
        assert faces and all(face_draws(face, char) for face in faces), (char, faces)
    boxes = {w["text"]: w for w in words(pdf) if w["text"] in SYMBOLS}
    assert set(boxes) == set(SYMBOLS), boxes.keys()
    for char, word in boxes.items():
        assert ink(pdf, word, tmp_path) > 20, f"{char} prints blank"
    assert_fonts_embedded(pdf)


def stack_export(path, rows: int = 60):
    lines = ["时间,二氧化硫(mg/m3),氮氧化物(mg/m3),氧气(%)"]
    for i in range(rows):
        lines.append(f"2026-06-05 10:{i // 60 + 15:02d}:{i % 60:02d},{20 + i * 0.4:.1f},{100 + i % 7},8.0")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_readings_charts_keep_every_number_time_unit_and_limit(environment, workspace, inspection, tmp_path):
    readings = pytest.importorskip("eco_field.readings.service")
    readings.import_file(workspace, inspection.id, stack_export(tmp_path / "stack.csv"), outlet="DA001")
    pdf = tmp_path / f"readings-{environment}.pdf"
    service.render(workspace, "readings-report", inspection_id=inspection.id, out_path=pdf)
    keep(pdf)
    chart_words = [w for w in words(pdf) if re.fullmatch(r"10:\d\d:\d\d|10:\d\d|\d+(\.\d+)?", w["text"])]
    times = [w for w in chart_words if ":" in w["text"]]
    assert len(times) >= 4, [w["text"] for w in chart_words]  # the time axis of each chart
    assert {"0", "10", "20", "30"} <= {w["text"] for w in chart_words}  # the value axis
    for word in times[:3] + [w for w in chart_words if w["text"] == "30"][:2]:
        assert ink(pdf, word, tmp_path) > 10, word
    found = faces_of(pdf, "0123456789:")
    assert found["0"] and found[":"] and found["3"]
    for char, faces in found.items():  # every digit is set in a font that draws it (never Droid's blanks)
        assert all(face_draws(face, char) for face in faces), (char, faces)
    text = pdf_text(pdf)
    assert "红色虚线：限值30" in text and "mg/m" in text


UNSPLIT = re.compile(r"[\u4e00-\u9fff]{1,4}〔\d{4}〕\d+号|\d{4}年\d{1,2}月\d{1,2}日|[\d,]+\.\d\d元|[壹贰叁肆伍陆柒捌玖拾佰仟万]+元整")


def walk_to_decision(workspace, folder) -> list:
    """A real case walked to its decision (tests/documents/case_walk.py); the PDFs issued on the way."""
    walk = pytest.importorskip("tests.documents.case_walk")
    from tests.law.procedure_helpers import ago

    walk.prepare(workspace)
    case_id = walk.opened(workspace, folder, factors={"impact": "medium", "duration": "3to6m"})
    walk.file_and_investigate(workspace, case_id, folder)
    walk.issue(workspace, "penalty-notice", case_id, folder)
    cases.record_event(workspace.db, case_id, "notified", ago(40))
    walk.approve(workspace, case_id, "decision", ago(30))
    walk.issue(workspace, "penalty-decision", case_id, folder)
    cases.record_event(workspace.db, case_id, "decided", ago(29))
    walk.issue(workspace, "service-receipt", case_id, folder)  # a table of 文号 in narrow cells
    return sorted(folder.glob("*.pdf"))


def test_case_documents_break_lines_by_the_rules(environment, workspace, tmp_path):
    folder = tmp_path / "issued"
    folder.mkdir()
    pdfs = walk_to_decision(workspace, folder)
    assert {p.stem for p in pdfs} >= {"penalty-notice", "penalty-decision", "service-receipt"}
    for pdf in pdfs:
        keep(pdf)
        assert not kinsoku_faults(pdf), (pdf.name, kinsoku_faults(pdf))
        lines = layout_lines(pdf)
        joined = re.sub(r"\s+", "", "".join(lines))
        whole = sum(len(UNSPLIT.findall(re.sub(r"\s+", "", line))) for line in lines)
        assert whole == len(UNSPLIT.findall(joined)), (pdf.name, UNSPLIT.findall(joined))
