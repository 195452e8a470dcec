"""Fonts: always an embedded CJK TrueType subset; rare GB 18030 name characters set from a fallback font or
refused, never dropped."""

from __future__ import annotations

import subprocess

import pytest

from eco_field.documents import fonts, service
from eco_field.errors import BadInput
from eco_field.records import Party
from eco_field.store import inspections, settings
from eco_field.store.database import write_transaction
from tests.documents.conftest import assert_fonts_embedded, issued_count, pdf_fonts, pdf_text

RARE = "䶮"  # CJK Extension A (GB 18030), as in the name 刘䶮
UNSET = "\U000323AF"  # CJK Extension H (Unicode 15): no font installed here has it
EXT_B = "\U00020BB7"  # 𠮷, Extension B, a well-known rare name character (in fonts-hanazono's HanaMinB)


def test_the_shipped_font_is_a_cjk_truetype_font_with_its_licence():
    assert fonts.SHIPPED_FONT.is_file()
    assert (fonts.SHIPPED_FONT.parent / "wqy-microhei.LICENSE-Apache-2.0.txt").is_file()
    found = fonts.font_set(str(fonts.SHIPPED_FONT))
    assert found.paths[0] == str(fonts.SHIPPED_FONT)


def test_configured_font_is_used_first_and_embedded(workspace, inspection, tmp_path):
    with write_transaction(workspace.db):
        settings.put(workspace.db, fonts.FONT_SETTING, str(fonts.SHIPPED_FONT))
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    names = [f["name"] for f in pdf_fonts(tmp_path / "a.pdf")]
    assert any("WenQuanYiMicroHei" in n for n in names)
    assert_fonts_embedded(tmp_path / "a.pdf")


def test_a_configured_font_that_is_missing_is_refused(workspace, inspection):
    with write_transaction(workspace.db):
        settings.put(workspace.db, fonts.FONT_SETTING, "/nowhere/simfang.ttf")
    with pytest.raises(BadInput, match="不存在"):
        service.render(workspace, "inspection-record", inspection_id=inspection.id)


def test_rare_name_character_renders_or_is_refused(workspace, inspection, tmp_path):
    inspections.update(workspace.db, inspection.id, party=Party(f"刘{RARE}", "厂长", "", True))
    if fonts.font_set().font_for(RARE) is None:
        with pytest.raises(BadInput, match=RARE):
            service.render(workspace, "inspection-record", inspection_id=inspection.id)
        return
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    assert f"刘{RARE}" in pdf_text(tmp_path / "a.pdf")
    assert_fonts_embedded(tmp_path / "a.pdf")


def test_extension_b_name_comes_from_any_installed_font_that_has_it(workspace, inspection, tmp_path):
    if fonts.font_set().font_for(EXT_B) is None:
        pytest.skip("no installed TrueType font has CJK Extension B (CI installs fonts-hanazono)")
    inspections.update(workspace.db, inspection.id, party=Party(f"吉{EXT_B}", "厂长", "", True))
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    # the name is set from the font that has it, embedded as a subset, and reads back (copy, search)
    assert f"吉{EXT_B}" in pdf_text(tmp_path / "a.pdf")
    assert_fonts_embedded(tmp_path / "a.pdf")
    listed = subprocess.run(["pdffonts", str(tmp_path / "a.pdf")], capture_output=True, text=True).stdout
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(fonts.font_set().font_for(EXT_B)).face.name
    face = face.decode() if isinstance(face, bytes) else face
    assert any(line.split()[0].endswith("+" + face) for line in listed.splitlines()[2:]), listed


def test_a_character_no_font_has_is_refused_and_consumes_no_number(workspace, inspection):
    if fonts.font_set().font_for(UNSET) is not None:
        pytest.skip("this machine has a font with CJK Extension H")
    inspections.update(workspace.db, inspection.id, party=Party(f"王{UNSET}", "", "", True))
    before = issued_count(workspace)
    with pytest.raises(BadInput, match=f"没有可用的字体能显示字符「{UNSET}」（U\\+323AF）"):
        service.render(workspace, "inspection-record", inspection_id=inspection.id)
    assert issued_count(workspace) == before


def test_page_headers_use_the_fallback_font_too(workspace, inspection, tmp_path):
    if fonts.font_set().font_for(RARE) is None:
        pytest.skip("no installed font has the rare character")
    with write_transaction(workspace.db):
        settings.put(workspace.db, "bureau_name", f"{RARE}城市生态环境局")
    service.render(workspace, "photo-evidence", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    from pypdf import PdfReader

    second = "".join(PdfReader(tmp_path / "a.pdf").pages[1].extract_text().split())
    assert f"{RARE}城市生态环境局现场照片证据" in second  # the running header of page 2
