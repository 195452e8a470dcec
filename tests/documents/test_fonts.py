"""Fonts: always an embedded CJK TrueType subset; rare GB 18030 name characters set from a fallback font or
refused, never dropped."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from eco_field.documents import fonts, service
from eco_field.errors import BadInput
from eco_field.records import Party
from eco_field.store import inspections, settings
from eco_field.store.database import write_transaction
from tests import pdftools
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
    listed = [font["name"] for font in pdftools.fonts(tmp_path / "a.pdf")]
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(fonts.font_set().font_for(EXT_B)).face.name
    face = face.decode() if isinstance(face, bytes) else face
    assert any(name.endswith("+" + face) for name in listed), listed


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


# --- the chain: inked glyphs, by file, system fonts ----------------------------------------------------------
HANAZONO_B = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")  # Debian fonts-hanazono (.ci/run)


def faces(pdf) -> set[str]:
    return {re.sub(r"-\d+$", "", f["name"].split("+")[-1]) for f in pdf_fonts(pdf)}


def test_a_glyph_that_draws_nothing_does_not_count():
    chain = fonts.font_set()
    main = chain.main
    # WenQuanYi Micro Hei lists ℃ Ⅴ Ⅹ and pinyin in its cmap, but their outlines are empty: printed blank
    assert ord("℃") in pdfmetrics.getFont(main).face.charToGlyph
    for char in "℃ⅤⅩǎǐǒǔǘ":
        assert not fonts.has_glyph(main, char), char
        assert fonts.face_name(chain.font_for(char)) == "DejaVuSans", char
    assert fonts.has_glyph(main, "吕") and fonts.has_glyph(main, " ") and fonts.has_glyph(main, "7")
    assert fonts.face_name(chain.font_for(RARE)) == "DroidSansFallback"  # Extension A, before any system font


def test_a_font_set_while_the_app_runs_applies_at_the_next_render(workspace, inspection, cli, tmp_path):
    """The app keeps its process (and its registered fonts) while the setting changes from the CLI or the
    settings page: fonts are registered by file, so the next document uses the new one."""
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    assert "WenQuanYiMicroHei" in faces(tmp_path / "a.pdf")
    assert "DroidSansFallback" not in faces(tmp_path / "a.pdf")

    out = cli("documents", "fonts", "--set", str(fonts.SHIPPED_FALLBACK), "--json")
    assert out.returncode == 0, out.stderr
    assert out.json()["main"] == str(fonts.SHIPPED_FALLBACK.resolve())
    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "b.pdf")
    used = faces(tmp_path / "b.pdf")
    assert "DroidSansFallback" in used
    # Droid has no Latin glyphs: the number's digits still come from a font that draws them
    assert result["number"] in pdf_text(tmp_path / "b.pdf")
    assert "WenQuanYiMicroHei" in used


def test_a_font_file_replaced_at_the_same_path_is_read_again(workspace, inspection, tmp_path):
    configured = tmp_path / "bureau-font.ttf"
    shutil.copy(fonts.SHIPPED_FALLBACK, configured)
    with write_transaction(workspace.db):
        settings.put(workspace.db, fonts.FONT_SETTING, str(configured))
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    assert "DroidSansFallback" in faces(tmp_path / "a.pdf")
    shutil.copy(fonts.SHIPPED_FONT, configured)  # the officer puts another font under the same name
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "b.pdf")
    assert "DroidSansFallback" not in faces(tmp_path / "b.pdf")
    assert "WenQuanYiMicroHei" in faces(tmp_path / "b.pdf")


def test_a_subfont_of_a_collection_is_chosen_by_index(tmp_path):
    chain = fonts.font_set(f"{fonts.SHIPPED_FONT}#1")
    assert fonts.face_name(chain.main) == "WenQuanYiMicroHeiMono"
    assert chain.paths[0] == f"{fonts.SHIPPED_FONT}#1"


def test_an_opentype_cff_font_is_refused_and_not_stored(workspace, cli):
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not noto.is_file():
        pytest.skip(f"{noto} not installed (Debian fonts-noto-cjk; .ci/run installs it)")
    out = cli("documents", "fonts", "--set", str(noto))
    assert out.returncode == 2 and "不是可嵌入的中文 TrueType 字体" in out.stderr
    assert not settings.get(workspace.db, fonts.FONT_SETTING)


def test_check_names_the_font_of_each_character_and_refuses_one_no_font_has(workspace, cli, tmp_path):
    empty = tmp_path / "no-system-fonts"
    empty.mkdir()
    env = {fonts.FONT_DIRS_ENV: str(empty)}
    out = cli("documents", "fonts", "--check", "吕℃a䶮", "--json", env=env)
    assert out.returncode == 0, out.stderr
    found = {c["char"]: Path(c["font"]).name for c in out.json()["characters"]}
    assert found == {"吕": "wqy-microhei.ttc", "℃": "DejaVuSans.ttf", "a": "wqy-microhei.ttc",
                     "䶮": "DroidSansFallbackFull.ttf"}
    out = cli("documents", "fonts", "--check", f"吕{EXT_B}", env=env)
    assert out.returncode == 2 and f"「{EXT_B}」（U+20BB7）" in out.stderr


def test_a_system_font_from_the_font_folders_sets_what_the_shipped_ones_lack(monkeypatch, tmp_path):
    if not HANAZONO_B.is_file():
        pytest.skip(f"{HANAZONO_B} not installed (Debian fonts-hanazono; .ci/run installs it)")
    folder = tmp_path / "fonts"
    folder.mkdir()
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(folder))
    assert fonts.font_set().font_for(EXT_B) is None
    other = tmp_path / "fonts2"
    other.mkdir()
    (other / HANAZONO_B.name).symlink_to(HANAZONO_B)
    monkeypatch.setenv(fonts.FONT_DIRS_ENV, str(other))
    chain = fonts.font_set()
    assert fonts.face_name(chain.font_for(EXT_B)) == "HanaMinB"
    assert chain.font_for("吕") == chain.main  # a system font never takes over what the shipped ones draw


def test_a_system_font_through_fontconfig(monkeypatch, tmp_path):
    if not shutil.which("fc-list") or not HANAZONO_B.is_file():
        pytest.skip("needs fontconfig (fc-list) and fonts-hanazono")
    monkeypatch.delenv(fonts.FONT_DIRS_ENV, raising=False)
    folder = tmp_path / "fonts"
    folder.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><fontconfig><dir>{folder}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
                    "</fontconfig>", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    assert fonts.font_set().font_for(EXT_B) is None  # fontconfig sees only the empty folder
    (folder / HANAZONO_B.name).symlink_to(HANAZONO_B)
    conf.write_text(conf.read_text(encoding="utf-8").replace("fonts</dir>", "fonts</dir><!-- 2 -->"), encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_PATH", str(tmp_path))  # a new key: the earlier answer is not reused
    assert fonts.face_name(fonts.font_set().font_for(EXT_B)) == "HanaMinB"


def test_the_command_line_refuses_a_character_no_font_has_by_name(workspace, inspection, cli, tmp_path):
    if fonts.font_set().font_for(UNSET) is not None:
        pytest.skip("this machine has a font with CJK Extension H")
    inspections.update(workspace.db, inspection.id, party=Party(f"王{UNSET}", "", "", True))
    out = cli("documents", "render", "inspection-record", "--inspection", inspection.id, "-o", str(tmp_path / "a.pdf"))
    assert out.returncode == 2
    assert f"没有可用的字体能显示字符「{UNSET}」" in out.stderr and "文书不能留空白字" in out.stderr
    assert not (tmp_path / "a.pdf").exists()
