"""Signing as an attacker would try it, through the CLI: a file that is not an image, a fully transparent PNG,
a date that has not come yet, an officer the document does not name. Each exits 2 with the reason, and the
document stays at its version."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from eco_field.documents import service


@pytest.fixture
def record(workspace, inspection):
    return service.issue(workspace, "inspection-record", inspection_id=inspection.id)


def ink_png(path: Path, mode: str = "RGBA") -> Path:
    img = Image.new(mode, (300, 100), (0, 0, 0, 0) if mode == "RGBA" else "white")
    ImageDraw.Draw(img).line([(10, 80), (150, 20), (290, 70)], fill="black", width=6)
    img.save(path)
    return path


def refused(cli, number: str, image: Path, *extra: str, role: str = "party", name: str = "张建国"):
    out = cli("documents", "sign", number, "--role", role, "--name", name, "--image", str(image), *extra)
    assert out.returncode == 2, out.stdout + out.stderr
    return out.stderr


def test_what_is_no_signature_is_refused_and_the_document_stays_unsigned(workspace, record, cli, tmp_path):
    fake = tmp_path / "签名 𠀀.png"
    fake.write_bytes(b"%PDF-1.4 this is not an image")
    assert "签名 𠀀.png" in refused(cli, record["number"], fake)
    blank = tmp_path / "blank.png"
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(blank)
    assert "空白" in refused(cli, record["number"], blank)
    assert "2099-01-01" in refused(cli, record["number"], ink_png(tmp_path / "ink.png"), "--date", "2099-01-01")
    assert "执法人员" in refused(cli, record["number"], ink_png(tmp_path / "ink2.png"), role="officer",
                                 name="不在本文书上的人")
    doc = service.get_document(workspace.db, record["number"])
    assert doc["version"] == 1 and doc["pdf_sha256"] == record["sha256"]


def test_ink_drawn_on_a_transparent_background_is_signed(workspace, record, cli, tmp_path):
    out = cli("documents", "sign", record["number"], "--role", "party", "--name", "张建国",
              "--image", str(ink_png(tmp_path / "pad.png")), "--json")
    assert out.returncode == 0, out.stderr
    assert out.json()["version"] == 2


def test_a_giant_image_is_refused_as_too_large_before_it_fills_memory(workspace, record, cli, tmp_path):
    giant = tmp_path / "giant.png"
    Image.new("L", (6000, 6000), "white").save(giant)  # 36 million pixels (a small file: it is all white)
    assert "过大" in refused(cli, record["number"], giant)


def test_verifying_a_folder_says_it_is_a_folder(workspace, record, cli, tmp_path):
    folder = tmp_path / "文书.pdf"
    folder.mkdir()
    out = cli("documents", "verify", str(folder))
    assert out.returncode == 2 and "文件夹" in out.stderr and "找不到" not in out.stderr
