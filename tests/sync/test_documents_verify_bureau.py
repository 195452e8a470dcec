"""`eco-field bureau documents verify FILE.pdf` on a real bureau: a device issues and signs a document and
syncs; the bureau passes every version byte for byte and refuses, with the record's facts, a file carrying
the genuine keywords but other bytes (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from eco_field.documents import numbering, service
from eco_field.store import inspections
from eco_field.sync.client import run_sync
from eco_field.workspace import Workspace
from tests.sync.conftest import BureauServer, new_inspection


def _verify(bureau: BureauServer, path: Path):
    result = bureau.admin("documents", "verify", str(path), "--json")
    return result.returncode, json.loads(result.stdout) if result.stdout.strip() else {}


def _signature(folder: Path) -> Path:
    img = Image.new("RGB", (600, 240), "white")
    ImageDraw.Draw(img).line([(40, 180), (200, 60), (380, 200), (560, 70)], fill="black", width=9)
    img.save(folder / "sig.png")
    return folder / "sig.png"


def test_the_bureau_verifies_every_synced_version(bureau: BureauServer, device: Workspace, tmp_path: Path) -> None:
    inspection_id = new_inspection(device)
    inspections.update(device.db, inspection_id, ended_at=None, findings=["焦炉烟囱颗粒物排放浓度超标。"])
    numbering.add_block(device.db, "inspection-record", date.today().year, 1, 10)
    issued = service.issue(device, "inspection-record", inspection_id=inspection_id, out_path=tmp_path / "v1.pdf",
                           issued_on="2026-06-05")
    signed = service.sign(device, issued["number"], "party", "张建国", _signature(tmp_path), "2026-06-05")
    assert run_sync(device)["ok"]

    code, first = _verify(bureau, tmp_path / "v1.pdf")
    assert code == 0 and first["issued_file_match"] and first["record_match"] and first["version"] == 1
    assert first["number"] == issued["number"] and first["current_version"] == 2
    code, latest = _verify(bureau, Path(signed["pdf"]))
    assert code == 0 and latest["version"] == 2 and latest["signed"] and latest["stored_at_bureau"]

    # the same bytes re-saved, and a forged page carrying the genuine keywords: identified, not the issued file
    keywords = PdfReader(tmp_path / "v1.pdf").metadata["/Keywords"]
    PdfWriter(clone_from=tmp_path / "v1.pdf").write(tmp_path / "resaved.pdf")
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "FORGED 9,999,999")
    canvas.setKeywords(keywords)
    canvas.showPage()
    canvas.save()
    (tmp_path / "forged.pdf").write_bytes(buffer.getvalue())
    for name in ("resaved.pdf", "forged.pdf"):
        code, answer = _verify(bureau, tmp_path / name)
        assert code == 1 and answer["issued_file_match"] is False and answer["record_match"] is True, name
        assert answer["number"] == issued["number"] and answer["facts"]["party"]
    text = bureau.admin("documents", "verify", str(tmp_path / "forged.pdf"))
    assert text.returncode == 1 and "不是签发的文件" in text.stdout and issued["number"] in text.stdout
    assert "已签名" not in text.stdout or "张建国" in text.stdout

    # a document voided on the device is void at the bureau after the next sync
    service.issue(device, "inspection-record", inspection_id=inspection_id, reason="重新制作")
    assert run_sync(device)["ok"]
    code, voided = _verify(bureau, Path(signed["pdf"]))
    assert code == 1 and voided["issued_file_match"] and voided["status"] == "void"
    assert "重新制作" in voided["void_reason"]
    # the plain listing still works
    assert bureau.admin("documents", "--json").returncode == 0
