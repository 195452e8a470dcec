"""`documents verify`: the QR payload read back and the record gathered again."""

from __future__ import annotations

import pytest
from pypdf import PdfReader, PdfWriter

from eco_field.documents import qr, service
from eco_field.errors import BadInput
from eco_field.store import inspections
from tests import pdftools


def test_untouched_document_matches(workspace, inspection, tmp_path):
    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    check = service.verify_pdf(workspace, tmp_path / "a.pdf")
    assert check["matches"] and check["record_matches"] and check["pdf_matches_issued"]
    assert check["number"] == result["number"] and check["record_sha256"] == result["record_sha256"]


def test_payload_is_in_the_pdf_metadata(workspace, inspection, tmp_path):
    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    keywords = PdfReader(tmp_path / "a.pdf").metadata["/Keywords"]
    assert qr.parse(keywords) == (result["number"], result["record_sha256"])


def test_a_changed_record_no_longer_matches(workspace, inspection, tmp_path):
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    inspections.update(workspace.db, inspection.id, findings=["改写后的检查记录"])
    check = service.verify_pdf(workspace, tmp_path / "a.pdf")
    assert not check["matches"] and "更改" in check["problem"]


def test_documents_issued_later_do_not_change_an_earlier_receipt(workspace, inspection, tmp_path):
    service.render(workspace, "inspection-record", inspection_id=inspection.id)
    service.render(workspace, "service-receipt", inspection_id=inspection.id, out_path=tmp_path / "r.pdf")
    service.render(workspace, "interview-record", inspection_id=inspection.id)
    assert service.verify_pdf(workspace, tmp_path / "r.pdf")["matches"]


def test_a_resaved_pdf_carries_its_record_but_is_not_the_issued_file(workspace, inspection, tmp_path):
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    writer = PdfWriter(clone_from=tmp_path / "a.pdf")
    writer.write(tmp_path / "b.pdf")
    check = service.verify_pdf(workspace, tmp_path / "b.pdf")
    assert check["record_match"] and not check["issued_file_match"] and not check["pdf_matches_issued"]
    assert not check["matches"] and "不是签发的文件" in check["problem"]


def test_cli_verify_exit_codes(workspace, inspection, tmp_path, cli):
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    ok = cli("documents", "verify", str(tmp_path / "a.pdf"), "--json")
    assert ok.returncode == 0 and ok.json()["matches"] is True
    inspections.update(workspace.db, inspection.id, place="别处")
    changed = cli("documents", "verify", str(tmp_path / "a.pdf"))
    assert changed.returncode == 1 and "更改" in changed.stdout
    (tmp_path / "plain.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    foreign = cli("documents", "verify", str(tmp_path / "plain.pdf"))
    assert foreign.returncode == 2 and "plain.pdf" in foreign.stderr
    missing = cli("documents", "verify", str(tmp_path / "none.pdf"))
    assert missing.returncode == 2


def test_a_voided_document_does_not_match(workspace, inspection, tmp_path, cli):
    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    assert cli("numbers", "void", result["number"], "--reason", "错印").returncode == 0
    check = service.verify_pdf(workspace, tmp_path / "a.pdf")
    assert not check["matches"] and check["status"] == "void"


def test_the_qr_code_on_every_page_decodes_to_the_number_and_record_hash(workspace, inspection, tmp_path):
    import zxingcpp
    from PIL import Image

    result = service.render(workspace, "photo-evidence", inspection_id=inspection.id, out_path=tmp_path / "p.pdf")
    pages = pdftools.render_pages(tmp_path / "p.pdf", tmp_path, dpi=150)
    assert len(pages) == result["pages"] >= 2
    for png in pages:
        with Image.open(png) as image:
            texts = [code.text for code in zxingcpp.read_barcodes(image)]
        assert qr.payload(result["number"], result["record_sha256"]) in texts, png.name


def test_a_copy_without_metadata_is_verified_from_its_qr_code(workspace, inspection, tmp_path):
    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    writer = PdfWriter(clone_from=tmp_path / "a.pdf")
    writer.metadata = None
    writer.add_metadata({"/Producer": "scanner"})
    writer.write(tmp_path / "stripped.pdf")
    assert "/Keywords" not in (PdfReader(tmp_path / "stripped.pdf").metadata or {})
    check = service.verify_pdf(workspace, tmp_path / "stripped.pdf")
    # identified by its QR code, but a copy is not the issued file: the facts are given to compare by eye
    assert check["number"] == result["number"] and check["record_match"]
    assert not check["issued_file_match"] and not check["matches"]


def test_a_scanned_paper_copy_is_identified_by_its_qr_code(workspace, inspection, tmp_path):
    # a scan is a picture of the page inside a PDF: no text, no metadata, only the printed QR code to go by
    from PIL import Image

    result = service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    page = pdftools.render_pages(tmp_path / "a.pdf", tmp_path, dpi=150)[0]
    with Image.open(page) as image:
        image.convert("L").save(tmp_path / "scan.pdf", resolution=150)
    check = service.verify_pdf(workspace, tmp_path / "scan.pdf")
    assert check["number"] == result["number"] and check["record_match"] and not check["matches"]


def test_a_pdf_without_metadata_or_qr_code_is_refused_by_name(workspace, tmp_path):
    from PIL import Image

    Image.new("L", (600, 800), 255).save(tmp_path / "blank.pdf")
    with pytest.raises(BadInput) as refused:
        service.verify_pdf(workspace, tmp_path / "blank.pdf")
    assert "blank.pdf" in str(refused.value)


def test_sealing_the_inspection_later_keeps_its_documents_matching(workspace, inspection, tmp_path):
    service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "a.pdf")
    from eco_field.evidence.seal import seal

    seal(workspace, inspection.id)
    assert service.verify_pdf(workspace, tmp_path / "a.pdf")["matches"]


def test_cli_verify_of_a_non_pdf_prints_one_clear_line(workspace, cli, tmp_path):
    (tmp_path / "photo.pdf").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    result = cli("documents", "verify", str(tmp_path / "photo.pdf"))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "photo.pdf" in lines[0], result.stderr
