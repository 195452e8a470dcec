"""Signatures in the issued PDF: the party's on every page of a 笔录, the officers' and a witness's in their
cells, with the date; each signature a new version of the same numbered document holding the previous
version's SHA-256. Checked on the PDF itself (image XObjects per page) and on its pixels."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from eco_field.documents import service
from eco_field.store import inspections
from tests import pdftools

DPI = 100


@pytest.fixture
def signature_png(tmp_path) -> Path:
    img = Image.new("RGB", (720, 300), "white")
    ImageDraw.Draw(img).line([(60, 220), (200, 70), (330, 230), (480, 80), (650, 200)], fill="black", width=10)
    img.save(tmp_path / "sig.png")
    return tmp_path / "sig.png"


@pytest.fixture
def long_record(workspace, inspection):
    """An inspection record of several pages."""
    inspections.update(workspace.db, inspection.id, findings=[f"第{i}项：焦炉烟囱在线监测颗粒物小时均值超标。" for i in range(40)])
    return service.issue(workspace, "inspection-record", inspection_id=inspection.id, issued_on="2026-06-05")


def images_per_page(path: Path) -> list[int]:
    return [len(page.images) for page in PdfReader(path).pages]


def ink_in(path: Path, page: int, spot: dict, tmp_path: Path) -> int:
    """Dark pixels inside a spot's rectangle on the rendered page (PDF points, origin bottom left; page from 1)."""
    img = pdftools.page_image(path, page - 1, DPI)
    scale = DPI / 72
    box = (int(spot["x"] * scale) + 40, int(img.height - (spot["y"] + spot["h"]) * scale) + 2,
           int((spot["x"] + spot["w"]) * scale) - 2, int(img.height - spot["y"] * scale) - 2)
    return sum(img.convert("L").crop(box).histogram()[:128])


def test_the_party_signs_every_page_of_a_record(workspace, long_record, signature_png, tmp_path, cli):
    assert long_record["pages"] >= 2
    before = Path(long_record["stored_at"])
    assert images_per_page(before) == [0] * long_record["pages"]
    result = cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国",
                 "--image", str(signature_png), "--date", "2026-06-05", "--json")
    assert result.returncode == 0, result.stderr
    signed = result.json()
    assert signed["version"] == 2 and signed["pages_signed"] == list(range(1, long_record["pages"] + 1))
    assert signed["previous_sha256"] == long_record["sha256"] == hashlib.sha256(before.read_bytes()).hexdigest()
    path = Path(signed["pdf"])
    assert all(n >= 1 for n in images_per_page(path))  # the image on every page
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert text.count("2026年6月5日") >= long_record["pages"]  # the date beside each
    doc = service.get_document(workspace.db, long_record["number"])
    line = next(s for s in doc["spots"] if s["what"] == "sign-line" and s["page"] == 1)
    blank = next(s for s in doc["spots"] if s["what"] == "sign-line" and s["page"] == 2)
    assert ink_in(path, 1, {**line, "x": line["x"] - 40 / DPI * 72}, tmp_path) > 50
    assert ink_in(before, 2, {**blank, "x": blank["x"] - 40 / DPI * 72}, tmp_path) == 0


def test_an_officer_and_a_witness_sign_their_cells(workspace, long_record, signature_png, tmp_path):
    doc = service.get_document(workspace.db, long_record["number"])
    officer = next(s["name"] for s in doc["spots"] if s["role"] == "officer")
    first = service.sign(workspace, long_record["number"], "officer", officer, signature_png, "2026-06-05")
    second = service.sign(workspace, long_record["number"], "witness", "李见证", signature_png.read_bytes(), "2026-06-06")
    assert first["pages_signed"] == [long_record["pages"]] == second["pages_signed"]  # the table is on the last page
    assert second["previous_sha256"] == first["pdf_sha256"] and second["version"] == 3
    cell = next(s for s in doc["spots"] if s["role"] == "witness" and s["what"] == "sign")
    assert ink_in(Path(second["pdf"]), cell["page"], cell, tmp_path) > 50
    assert ink_in(Path(first["pdf"]), cell["page"], cell, tmp_path) == 0  # the version before it: empty cell
    rows = workspace.db.execute("SELECT v.version, v.previous_sha256 FROM document_versions v JOIN documents d"
                                " ON d.id = v.document_id WHERE d.number = ? ORDER BY v.version",
                                [long_record["number"]]).fetchall()
    assert rows == [(1, None), (2, long_record["sha256"]), (3, first["pdf_sha256"])]
    # printing uses the latest version
    listed = next(d for d in service.list_documents(workspace.db) if d["number"] == long_record["number"])
    assert listed["pdf_sha256"] == second["pdf_sha256"] and listed["version"] == 3 and listed["signed"]
    assert service.latest_pdf_path(workspace, listed) == Path(second["pdf"])


def test_the_signature_image_is_kept_as_evidence(workspace, long_record, signature_png):
    signed = service.sign(workspace, long_record["number"], "party", "张建国", signature_png)
    stored = workspace.blobs.find(signed["image_sha256"])
    assert stored is not None and stored.read_bytes() == signature_png.read_bytes()
    kind = workspace.db.execute("SELECT kind FROM evidence WHERE id = ?", [signed["evidence_id"]]).fetchone()[0]
    assert kind == "signature"


def test_every_version_verifies_and_says_which_is_current(workspace, long_record, signature_png, cli):
    signed = service.sign(workspace, long_record["number"], "party", "张建国", signature_png)
    latest = cli("documents", "verify", signed["pdf"], "--json")
    assert latest.returncode == 0 and latest.json()["signed"] is True and latest.json()["version"] == 2
    issued = cli("documents", "verify", long_record["stored_at"], "--json")
    assert issued.returncode == 0 and issued.json()["version"] == 1 and issued.json()["current_version"] == 2


def test_refusals(workspace, long_record, signature_png, tmp_path, cli):
    unknown = cli("documents", "sign", long_record["number"], "--role", "officer", "--name", "不在场",
                  "--image", str(signature_png))
    assert unknown.returncode == 2 and "执法人员" in unknown.stderr
    blank = tmp_path / "blank.png"
    Image.new("RGB", (300, 100), "white").save(blank)
    empty = cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国", "--image", str(blank))
    assert empty.returncode == 2 and "blank" in empty.stderr
    assert cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国",
               "--image", str(signature_png)).returncode == 0
    again = cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国",
                "--image", str(signature_png))
    assert again.returncode == 2 and "已" in again.stderr
    assert cli("numbers", "void", long_record["number"], "--reason", "错印").returncode == 0
    void = cli("documents", "sign", long_record["number"], "--role", "witness", "--name", "李见证",
               "--image", str(signature_png))
    assert void.returncode == 2 and "作废" in void.stderr


@pytest.mark.parametrize("kind", ["interview-record", "photo-evidence"])
def test_other_kinds_take_signatures(workspace, inspection, signature_png, kind):
    issued = service.issue(workspace, kind, inspection_id=inspection.id)
    signed = service.sign(workspace, issued["number"], "party", "张建国", signature_png)
    assert signed["pages_signed"] and signed["version"] == 2


def test_a_case_file_carries_the_signed_version_and_verifies(workspace, long_record, signature_png, tmp_path, cli):
    import json
    import zipfile

    from eco_field.law import cases

    signed = service.sign(workspace, long_record["number"], "party", "张建国", signature_png)
    case = cases.new_case(workspace.db, long_record["inspection_id"], ["AIR-02"], "颗粒物超标")
    out = tmp_path / "case.zip"
    assert cli("cases", "export", case.id, "-o", str(out)).returncode == 0
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        [pdf] = [f for f in manifest["files"] if f.get("number") == long_record["number"]]
        assert archive.read(pdf["path"]) == Path(signed["pdf"]).read_bytes()
    checked = cli("verify-export", str(out), "--json")
    assert checked.returncode == 0 and checked.json()["ok"], checked.stdout


def test_nobody_signs_before_the_date_the_document_bears(long_record, signature_png, cli):
    early = cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国",
                "--image", str(signature_png), "--date", "2026-06-04")
    assert early.returncode == 2 and "早于" in early.stderr and "2026-06-05" in early.stderr
    on_the_day = cli("documents", "sign", long_record["number"], "--role", "party", "--name", "张建国",
                     "--image", str(signature_png), "--date", "2026-06-05")
    assert on_the_day.returncode == 0, on_the_day.stderr
