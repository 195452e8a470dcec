"""Documents made from an inspection, read back with pypdf (text, and the fonts as pdffonts lists them)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from eco_field.documents import service
from eco_field.errors import BadInput, NotFound
from eco_field.records import Party
from eco_field.store import inspections
from tests.documents.conftest import assert_fonts_embedded, issued_count, pdf_text
from tests.evidence.conftest import make_photo

COMMON = ("吕梁市生态环境局", "第1页", "吕示例", "14110000001", "梁演示", "14110000002")


def render(ws, kind, insp, tmp_path):
    result = service.render(ws, kind, inspection_id=insp.id, out_path=tmp_path / f"{kind}.pdf")
    return result, tmp_path / f"{kind}.pdf"


@pytest.mark.parametrize(("kind", "musts"), [
    ("inspection-record", ("现场检查（勘察）笔录", "吕环检〔", "2026年6月5日9时30分", "2026年6月5日11时10分",
                           "张建国", "焦炉烟囱在线监测颗粒物小时均值超标", "危废暂存间未设置识别标志",
                           "申请执法人员回避", "被检查（勘察）人", "见证人", "记录人")),
    ("interview-record", ("调查询问笔录", "吕环询〔", "询问人", "记录人", "被询问人", "张建国", "车间主任",
                          "是否申请回避", "答：")),
    ("photo-evidence", ("现场照片证据", "吕环证〔", "拍摄时间", "拍摄人", "SHA-256", "照片数量3张")),
])
def test_inspection_documents_carry_their_mandatory_contents(workspace, inspection, tmp_path, kind, musts):
    result, path = render(workspace, kind, inspection, tmp_path)
    text = pdf_text(path)
    for must in (*COMMON, *musts, result["number"]):
        assert must in text, f"{kind}: {must!r} missing"
    assert_fonts_embedded(path)
    assert result["kind"] == kind and len(result["sha256"]) == 64 and len(result["record_sha256"]) == 64


def test_every_page_says_page_x_of_y_and_the_number(workspace, inspection, tmp_path):
    result, path = render(workspace, "photo-evidence", inspection, tmp_path)
    pages = PdfReader(path).pages
    assert len(pages) == result["pages"] >= 2
    for index, page in enumerate(pages, start=1):
        text = "".join(page.extract_text().split())
        assert f"第{index}页共{len(pages)}页" in text
        assert result["number"] in text


def test_photo_sheet_lists_each_photo_with_its_hash(workspace, inspection, tmp_path):
    result, path = render(workspace, "photo-evidence", inspection, tmp_path)
    text = pdf_text(path)
    rows = workspace.db.execute("SELECT sha256 FROM evidence WHERE inspection_id = ? AND kind = 'photo'",
                                [inspection.id]).fetchall()
    for (sha,) in rows:
        assert sha in text
    # metadata from the evidence service: the GPS of DSCN0010 and its camera
    assert "北纬43.467448°，东经11.885127°" in text and "NIKON" in text
    assert "2008年10月22日" in text
    # originals are downsampled to 300 dpi at their printed size, never passed through
    for page in PdfReader(path).pages:
        for image in page.images:
            width, height = image.image.size
            assert max(width, height) <= 945 + 1  # 80 mm at 300 dpi


def test_rendered_pdf_is_kept_as_evidence_of_the_inspection(workspace, inspection, tmp_path):
    result, path = render(workspace, "inspection-record", inspection, tmp_path)
    row = workspace.db.execute("SELECT kind, original_name FROM evidence WHERE id = ?",
                               [result["evidence_id"]]).fetchone()
    assert row == ("document", f"{result['number']}.pdf")
    assert workspace.blobs.verify(result["sha256"]) == "ok"
    assert path.read_bytes() == workspace.blobs.find(result["sha256"]).read_bytes()
    listed = service.list_documents(workspace.db)
    assert [d["number"] for d in listed] == [result["number"]]


def test_numbers_increase_per_kind(workspace, inspection, tmp_path):
    first = service.render(workspace, "inspection-record", inspection_id=inspection.id)
    second = service.render(workspace, "inspection-record", inspection_id=inspection.id)
    other = service.render(workspace, "interview-record", inspection_id=inspection.id)
    assert first["number"].endswith("〕1号") and second["number"].endswith("〕2号")
    assert other["number"].endswith("〕1号") and "询" in other["number"]


def test_an_inspection_with_no_officers_is_refused_and_consumes_no_number(workspace, inspection, tmp_path):
    workspace.db.execute("DELETE FROM inspection_officers WHERE inspection_id = ?", [inspection.id])
    before = issued_count(workspace)
    with pytest.raises(BadInput, match="没有执法人员"):
        service.render(workspace, "inspection-record", inspection_id=inspection.id, out_path=tmp_path / "x.pdf")
    assert issued_count(workspace) == before and not (tmp_path / "x.pdf").exists()


def test_photo_sheet_without_photos_is_refused_without_consuming_a_number(workspace, inspection, tmp_path):
    empty = inspections.create(workspace.db, inspection.enterprise_id, ["14110000001", "14110000002"],
                               party=Party("李四", "", "", True))
    with pytest.raises(BadInput, match="没有照片"):
        service.render(workspace, "photo-evidence", inspection_id=empty.id)
    assert service.render(workspace, "photo-evidence", inspection_id=inspection.id)["number"].endswith("〕1号")


def test_wrong_source_is_refused(workspace, inspection):
    with pytest.raises(NotFound, match="没有案件「x」"):  # a case selects its inspection; this one does not exist
        service.render(workspace, "inspection-record", case_id="x")
    with pytest.raises(BadInput, match="--case"):
        service.render(workspace, "penalty-decision", inspection_id=inspection.id)


def test_camera_size_photos_are_downsampled_to_print_resolution(workspace, inspection, tmp_path):
    from PIL import Image, ImageFilter

    from eco_field.evidence.service import import_paths

    big = tmp_path / "camera.jpg"
    make_photo(tmp_path / "small.jpg", size=(400, 300), seed=5)
    with Image.open(tmp_path / "small.jpg") as img:
        img.convert("RGB").resize((4000, 3000)).filter(ImageFilter.DETAIL).save(big, "JPEG", quality=95)
    assert big.stat().st_size > 1_000_000
    assert not import_paths(workspace, inspection.id, [big], workers=1).errors
    result, path = render(workspace, "photo-evidence", inspection, tmp_path)
    sizes = [image.image.size for page in PdfReader(path).pages for image in page.images]
    assert (4000, 3000) not in sizes and max(max(s) for s in sizes) <= 945 + 1
    assert (945, 709) in sizes or (944, 709) in sizes  # 80 × 60 mm at 300 dpi
    assert result["pdf_size"] < 1_500_000 * 4 / 6  # four photos, well inside the 6-photo budget
