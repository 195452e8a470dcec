"""Documents test data: a demo workspace with an inspection (two officers, findings, photos), number blocks
for every kind, and helpers that read rendered PDFs back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from eco_field.documents import numbering
from eco_field.evidence.service import import_paths
from eco_field.records import Party
from eco_field.store import enterprises, inspections
from tests.conftest import FIXTURES

YEAR_BLOCK = (1, 200)
PHOTO_NAMES = ("exifsamples__jpg_gps_DSCN0010.jpg", "exifsamples__jpg_Canon_40D.jpg",
               "exifsamples__jpg_orientation_landscape_6.jpg")


ISSUER_SETTINGS = {"bureau_name": "吕梁市生态环境局", "doc_prefix": "吕", "doc_bureau_address": "吕梁市离石区滨河北东路1号",
                   "doc_contact": "王丽 0358-8220000", "doc_payment_bank": "中国工商银行吕梁分行营业部",
                   "doc_payment_account": "吕梁市财政局非税收入汇缴结算户 0504 0000 0000 0000 000",
                   "doc_review_body": "吕梁市人民政府", "doc_court": "离石区人民法院"}


def fill_issuer_settings(ws) -> None:
    """The bureau details a decision states (issuer.py refuses to issue one without them)."""
    from eco_field.documents import issuer

    issuer.save(ws.db, ISSUER_SETTINGS)


@pytest.fixture
def workspace(workspace):
    """The shared demo workspace, with the bureau's details filled in as a configured laptop has them."""
    fill_issuer_settings(workspace)
    return workspace


def coking(ws):
    return next(e for e in enterprises.list_enterprises(ws.db) if e.industry == "coking")


def add_blocks(ws, year: int) -> None:
    for kind in numbering.DEFAULT_CODES:
        numbering.add_block(ws.db, kind, year, *YEAR_BLOCK)


def this_year(ws) -> int:
    from eco_field.clock import now_local

    return now_local(ws.setting("time_zone")).year


@pytest.fixture
def inspection(workspace):
    """A finished inspection of a coking plant with findings and three photos; number blocks entered."""
    ent = coking(workspace)
    insp = inspections.create(workspace.db, ent.id, ["14110000001", "14110000002"], started_at="2026-06-05T09:30",
                              party=Party("张建国", "车间主任", "13800000000", True))
    inspections.update(workspace.db, insp.id, ended_at="2026-06-05T11:10",
                       findings=[{"text": "焦炉烟囱在线监测颗粒物小时均值超标。"}, "危废暂存间未设置识别标志。"])
    report = import_paths(workspace, insp.id, [FIXTURES / "photos" / name for name in PHOTO_NAMES], workers=1)
    assert not report.errors, report.errors
    add_blocks(workspace, this_year(workspace))
    return inspections.get(workspace.db, insp.id)


def pdf_text(path: Path) -> str:
    """All text of the PDF (pypdf), with line breaks and blanks removed so wrapped phrases match."""
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni id gen: read from the right
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, f"{path} uses no font"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes", f"{path}: font {font['name']} not an embedded subset"
        assert re.match(r"[A-Z]{6}\+", font["name"]), font


def issued_count(ws) -> int:
    return ws.db.execute("SELECT count(*) FROM document_numbers").fetchone()[0]
