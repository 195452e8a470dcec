"""Documents test data: a demo workspace with an inspection (two officers, findings, photos), number blocks
for every kind, and helpers that read rendered PDFs back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from eco_field.documents import numbering
from eco_field.evidence.service import import_paths
from eco_field.records import Party
from eco_field.store import enterprises, inspections
from tests import pdftools
from tests.evidence.conftest import make_photo

YEAR_BLOCK = (1, 200)
# Three camera photos made here (a fresh clone has no third-party corpus): a Nikon with GPS, a Canon
# without, and one stored on its side (EXIF orientation 6).
PHOTOS = {"DSCN0010.jpg": {"make": "NIKON", "model": "COOLPIX P6000", "taken": "2008:10:22 16:29:49",
                           "lat": 43.467448, "lon": 11.885127, "size": (640, 480), "seed": 1},
          "Canon_40D.jpg": {"make": "Canon", "model": "Canon EOS 40D", "taken": "2008:05:30 15:56:01",
                            "lat": None, "lon": None, "size": (400, 300), "seed": 2},
          "landscape_6.jpg": {"make": "TestCam", "orientation": 6, "size": (450, 300), "seed": 3}}


def camera_photos(folder: Path) -> list[Path]:
    return [make_photo(folder / name, **options) for name, options in PHOTOS.items()]


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
def inspection(workspace, tmp_path_factory):
    """A finished inspection of a coking plant with findings and three photos; number blocks entered."""
    ent = coking(workspace)
    insp = inspections.create(workspace.db, ent.id, ["14110000001", "14110000002"], started_at="2026-06-05T09:30",
                              party=Party("张建国", "车间主任", "13800000000", True))
    inspections.update(workspace.db, insp.id, ended_at="2026-06-05T11:10",
                       findings=[{"text": "焦炉烟囱在线监测颗粒物小时均值超标。"}, "危废暂存间未设置识别标志。"])
    report = import_paths(workspace, insp.id, camera_photos(tmp_path_factory.mktemp("card")), workers=1)
    assert not report.errors, report.errors
    add_blocks(workspace, this_year(workspace))
    return inspections.get(workspace.db, insp.id)


def pdf_text(path: Path) -> str:
    """All text of the PDF (pypdf), with line breaks and blanks removed so wrapped phrases match."""
    text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", "", text)


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """The fonts of the PDF as pdffonts lists them (name, emb, sub), read with pypdf (tests/pdftools.py)."""
    return [font for font in pdftools.fonts(path) if font["type"] != "Type0"]  # the descendant is the embedded face


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, f"{path} uses no font"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes", f"{path}: font {font['name']} not an embedded subset"
        assert re.match(r"[A-Z]{6}\+", font["name"]), font


def issued_count(ws) -> int:
    return ws.db.execute("SELECT count(*) FROM document_numbers").fetchone()[0]


@pytest.fixture
def ready(workspace):
    """The demo workspace set up for walking a case (tests/documents/case_walk.py): approval roles on the device,
    the bureau's details and number blocks for this year and the last."""
    from tests.documents.case_walk import prepare

    prepare(workspace)
    return workspace
