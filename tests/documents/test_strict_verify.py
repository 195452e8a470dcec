"""Strict verification, as an attacker would try it: one digit changed in a page's content stream, and a
forged one-page PDF that carries only the genuine metadata keywords. Both exit 1, say the file is not the
issued one and print the record's facts to compare by eye."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.pdfgen.canvas import Canvas

from eco_field.documents import service


@pytest.fixture
def issued(workspace, inspection, tmp_path):
    return service.issue(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")


def change_one_digit(source, target) -> None:
    """The first number operand of a text-positioning operator on page 1, one digit changed."""
    writer = PdfWriter(clone_from=source)
    page = writer.pages[0]
    data = page.get_contents().get_data()
    match = re.search(rb"(\d)(\.?\d*) (-?\d+\.?\d*) Td", data)
    assert match, "no text position found in the content stream"
    digit = match.group(1)
    changed = data[:match.start(1)] + (b"9" if digit != b"9" else b"8") + data[match.end(1):]
    stream = DecodedStreamObject()
    stream.set_data(changed)
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(target)


def forged(keywords: str, target) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "FORGED 9,999,999")
    canvas.setKeywords(keywords)
    canvas.showPage()
    canvas.save()
    target.write_bytes(buffer.getvalue())


def test_one_digit_changed_in_a_content_stream_is_not_the_issued_file(workspace, issued, tmp_path, cli):
    change_one_digit(tmp_path / "a.pdf", tmp_path / "t.pdf")
    assert PdfReader(tmp_path / "t.pdf").metadata["/Keywords"] == PdfReader(tmp_path / "a.pdf").metadata["/Keywords"]
    result = cli("documents", "verify", str(tmp_path / "t.pdf"))
    assert result.returncode == 1
    assert "不是签发的文件" in result.stdout and issued["number"] in result.stdout
    as_json = cli("documents", "verify", str(tmp_path / "t.pdf"), "--json").json()
    assert as_json["issued_file_match"] is False and as_json["record_match"] is True and as_json["matches"] is False


def test_a_forged_page_with_the_genuine_keywords_exits_1_with_the_facts(workspace, issued, tmp_path, cli):
    keywords = PdfReader(tmp_path / "a.pdf").metadata["/Keywords"]
    forged(keywords, tmp_path / "forged.pdf")
    result = cli("documents", "verify", str(tmp_path / "forged.pdf"))
    assert result.returncode == 1
    out = result.stdout
    assert "不是签发的文件" in out
    for fact in (issued["number"], "现场检查（勘察）笔录", "兴县聚源焦化有限公司", f"页数：{issued['pages']}",
                 "未签名", "现行有效"):
        assert fact in out, fact
    as_json = cli("documents", "verify", str(tmp_path / "forged.pdf"), "--json").json()
    assert as_json["issued_file_match"] is False and as_json["record_match"] is True
    for key in ("number", "kind", "status", "record_matches", "pdf_matches_issued", "matches", "problem"):
        assert key in as_json  # the keys callers read before stay


def test_forged_keywords_with_another_record_hash_match_nothing(workspace, issued, tmp_path, cli):
    forged(f"ECOFIELD-DOC/1|{issued['number']}|{'0' * 64}", tmp_path / "forged.pdf")
    result = cli("documents", "verify", str(tmp_path / "forged.pdf"), "--json")
    assert result.returncode == 1
    assert result.json()["record_match"] is False and result.json()["issued_file_match"] is False


def test_the_issued_file_exits_0(workspace, issued, tmp_path, cli):
    result = cli("documents", "verify", str(tmp_path / "a.pdf"), "--json")
    assert result.returncode == 0
    assert result.json()["issued_file_match"] is True and result.json()["record_match"] is True


def test_one_byte_changed_in_place_exits_1(workspace, issued, tmp_path, cli):
    """The same length, the same metadata, one digit of the file's date changed in place."""
    data = bytearray((tmp_path / "a.pdf").read_bytes())
    at = data.index(b"/CreationDate (D:") + len(b"/CreationDate (D:") + 3  # the year's last digit
    data[at] = ord("7") if data[at] != ord("7") else ord("8")
    (tmp_path / "b.pdf").write_bytes(bytes(data))
    result = cli("documents", "verify", str(tmp_path / "b.pdf"), "--json")
    assert result.returncode == 1 and result.json()["issued_file_match"] is False
    assert result.json()["number"] == issued["number"]
