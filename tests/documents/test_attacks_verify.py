"""A 法制审核 officer checks genuine files: every document the demo case walk issued, verified through the CLI
after the cases moved on (assessed after a 立案审批表, approved and recorded in the same second as an issue,
a second 放弃陈述申辩 for a later notice), is accepted byte for byte with its record; and an attacker's
incremental update, which keeps the genuine file intact as a prefix and overlays a new amount, is refused."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from eco_field.cli import main
from tests.conftest import eco_field_command


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*eco_field_command(), "--data-dir", str(data_dir), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("attacks") / "data"
    made = run(data_dir, "cases", "demo")
    assert made.returncode == 0, made.stderr
    return data_dir


def stored_pdf(data_dir: Path, sha256: str) -> Path:
    return data_dir / "evidence" / sha256[:2] / f"{sha256}.pdf"


def test_every_genuine_document_of_the_demo_walk_verifies_after_the_cases_moved_on(demo_folder, capsys):
    docs = json.loads(run(demo_folder, "documents", "list", "--json").stdout)
    assert len(docs) >= 10
    refused = {}
    for doc in docs:  # the CLI's own entry point in this process (a process each would take a minute)
        code = main(["--data-dir", str(demo_folder), "documents", "verify",
                     str(stored_pdf(demo_folder, doc["pdf_sha256"])), "--json"])
        result = json.loads(capsys.readouterr().out)
        if code != 0 or not result["record_matches"]:
            refused[doc["number"]] = result["problem"]
    assert refused == {}


def test_an_incremental_update_overlaying_a_new_amount_is_not_the_issued_file(demo_folder, tmp_path):
    doc = next(d for d in json.loads(run(demo_folder, "documents", "list", "--json").stdout)
               if d["kind"] == "penalty-decision")
    genuine = stored_pdf(demo_folder, doc["pdf_sha256"]).read_bytes()
    overlay = io.BytesIO()
    canvas = Canvas(overlay)
    canvas.drawString(300, 500, "954,000.00")
    canvas.save()
    writer = PdfWriter(io.BytesIO(genuine), incremental=True)  # the genuine bytes stay, a revision is appended
    writer.pages[0].merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])
    forged = io.BytesIO()
    writer.write(forged)
    assert forged.getvalue().startswith(genuine)
    target = tmp_path / "决定书 修订 𠀀.pdf"
    target.write_bytes(forged.getvalue())
    out = run(demo_folder, "documents", "verify", str(target), "--json")
    result = json.loads(out.stdout)
    assert out.returncode == 1
    assert result["number"] == doc["number"] and not result["issued_file_match"]
    assert "不是签发的文件" in result["problem"]
    assert result["facts"]["amount_fen"] == doc["facts"]["amount_fen"]  # the record's amount, to compare by eye


def test_a_relative_data_folder_works_for_every_command(demo_folder):
    out = subprocess.run([*eco_field_command(), "--data-dir", demo_folder.name, "documents", "list"],
                         capture_output=True, text=True, encoding="utf-8", cwd=demo_folder.parent, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "罚" in out.stdout


def limited_memory() -> None:  # a laptop with little memory to spare: 500 MB of address space
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (500 * 2**20, 500 * 2**20))


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limit (RLIMIT_AS) is Linux-only")
def test_a_huge_file_is_refused_without_reading_it_whole(demo_folder, tmp_path):
    junk = tmp_path / "huge.pdf"
    with junk.open("wb") as stream:  # 300 MB of zeros (sparse: no disk used)
        stream.truncate(300 * 2**20)
    headed = tmp_path / "headed.pdf"
    with headed.open("wb") as stream:  # a PDF header, then 200 MB that match no version
        stream.write(b"%PDF-1.4\n")
        stream.truncate(200 * 2**20)
    for path, said in ((junk, "不是可读的 PDF"), (headed, "200 MB")):
        out = subprocess.run([*eco_field_command(), "--data-dir", str(demo_folder), "documents", "verify", str(path)],
                             capture_output=True, text=True, encoding="utf-8", timeout=300, preexec_fn=limited_memory)
        assert out.returncode == 2 and said in out.stderr, out.stderr
