"""The documents and numbers commands, through the real console script."""

from __future__ import annotations

import subprocess
import sys

from tests.documents.conftest import issued_count, pdf_text, this_year


def test_render_json_then_list(workspace, inspection, tmp_path, cli):
    out = cli("documents", "render", "inspection-record", "--inspection", inspection.id,
              "-o", str(tmp_path / "rec.pdf"), "--json")
    assert out.returncode == 0, out.stderr
    result = out.json()
    for key in ("number", "kind", "pdf", "sha256", "record_sha256"):
        assert result[key]
    assert "现场检查（勘察）笔录" in pdf_text(tmp_path / "rec.pdf")
    listed = cli("documents", "list", "--json").json()
    assert [(d["number"], d["kind"], d["case"], d["pdf_sha256"]) for d in listed] == [
        (result["number"], "inspection-record", None, result["sha256"])]
    assert result["number"] in cli("documents", "list").stdout


def test_bad_input_exits_2_with_the_reason(workspace, inspection, tmp_path, cli):
    unknown = cli("documents", "render", "inspection-record", "--inspection", "nope", "-o", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 2 and "nope" in unknown.stderr
    both = cli("documents", "render", "inspection-record", "--inspection", "a", "--case", "b")
    assert both.returncode == 2
    workspace.db.execute("DELETE FROM number_blocks WHERE kind = 'interview-record'")
    cli("settings", "set", "server_url", "https://bureau.example")  # enrolled: numbers only from bureau blocks
    none = cli("documents", "render", "interview-record", "--inspection", inspection.id)
    assert none.returncode == 2 and "numbers add-block" in none.stderr


def test_either_selector_names_the_record_when_unambiguous(workspace, inspection, tmp_path, cli):
    from eco_field.law import cases

    none = cli("documents", "render", "penalty-notice", "--inspection", inspection.id)
    assert none.returncode == 2 and "cases new" in none.stderr
    case = cases.assess(workspace.db, cases.new_case(workspace.db, inspection.id, ["AIR-02"], "颗粒物超标").id, {})
    sheet = cli("documents", "render", "photo-evidence", "--case", case.id, "-o", str(tmp_path / "p.pdf"), "--json")
    assert sheet.returncode == 0, sheet.stderr
    assert sheet.json()["inspection_id"] == inspection.id and sheet.json()["case_id"] is None
    # a case document allowed at this step (the procedure gates the rest: a notice needs 立案 and 调查终结)
    notice = cli("documents", "render", "filing-approval", "--inspection", inspection.id, "-o", str(tmp_path / "n.pdf"),
                 "--json")
    assert notice.returncode == 0 and notice.json()["case_id"] == case.id, notice.stderr
    for name in ("p.pdf", "n.pdf"):
        assert cli("documents", "verify", str(tmp_path / name)).returncode == 0
    cases.new_case(workspace.db, inspection.id, ["HW-01"], "危废暂存间未设置识别标志")
    two = cli("documents", "render", "penalty-notice", "--inspection", inspection.id)
    assert two.returncode == 2 and case.id in two.stderr


def test_numbers_commands(workspace, inspection, cli):
    year = this_year(workspace) + 1
    added = cli("numbers", "add-block", "--kind", "penalty-decision", "--year", str(year), "--start", "7",
                "--end", "8", "--json")
    assert added.returncode == 0 and added.json()["remaining"] == 2
    clash = cli("numbers", "add-block", "--kind", "penalty-decision", "--year", str(year), "--start", "8",
                "--end", "9")
    assert clash.returncode == 2 and "重叠" in clash.stderr
    void = cli("numbers", "void", "--kind", "penalty-decision", "--year", str(year), "--serial", "7",
               "--reason", "空白作废", "--json")
    assert void.returncode == 0 and void.json()["number"] == f"吕环罚〔{year}〕7号"
    listing = cli("numbers", "list", "--kind", "penalty-decision", "--json").json()
    assert any(n["number"] == f"吕环罚〔{year}〕7号" and n["status"] == "void" for n in listing["numbers"])
    assert cli("numbers", "set-code", "penalty-decision", "罚决").returncode == 0
    assert cli("numbers", "list").returncode == 0


def test_exhausted_block_exits_2_and_consumes_nothing(workspace, inspection, cli):
    workspace.db.execute("UPDATE number_blocks SET end_serial = 1 WHERE kind = 'inspection-record'")
    assert cli("documents", "render", "inspection-record", "--inspection", inspection.id).returncode == 0
    before = issued_count(workspace)
    again = cli("documents", "render", "inspection-record", "--inspection", inspection.id)
    assert again.returncode == 2 and "文号段已用完" in again.stderr
    assert issued_count(workspace) == before


RENDER_WORKER = """
import sys
from eco_field.workspace import Workspace
from eco_field.documents import service
ws = Workspace.open(sys.argv[1])
for n in range(3):
    print(service.render(ws, "interview-record", inspection_id=sys.argv[2])["number"], flush=True)
"""


def test_concurrent_renders_from_several_processes_get_distinct_numbers(workspace, inspection, data_dir):
    procs = [subprocess.Popen([sys.executable, "-c", RENDER_WORKER, str(data_dir), inspection.id],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for _ in range(3)]
    printed = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        printed += out.split()
    numbers = [row[0] for row in workspace.db.execute(
        "SELECT number FROM documents WHERE kind = 'interview-record'")]
    assert sorted(printed) == sorted(numbers) and len(set(numbers)) == 9
    assert sorted(int(n.split("〕")[1].rstrip("号")) for n in numbers) == list(range(1, 10))


def test_fonts_command(workspace, cli):
    out = cli("documents", "fonts", "--json")
    assert out.returncode == 0 and out.json()["main"].endswith((".ttf", ".ttc"))


def test_reportlab_is_loaded_only_when_a_document_is_made():
    code = ("import sys; from eco_field.cli.registry import build_parser; build_parser(); "
            "import eco_field.documents, eco_field.documents.numbering, eco_field.cli.documents; "
            "print('reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_unwritable_output_is_bad_input_and_consumes_no_number(workspace, inspection, tmp_path, cli):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = cli("documents", "render", "inspection-record", "--inspection", inspection.id,
              "-o", str(blocker / "sub" / "a.pdf"))
    # the refusal says, in the interface language, that the PDF cannot be written there, naming the place
    assert out.returncode == 2 and "无法将 PDF 写入" in out.stderr and str(blocker / "sub" / "a.pdf") in out.stderr
    assert issued_count(workspace) == 0
    assert not list(workspace.blobs.root.rglob("*.pdf"))  # no stored PDF of a number never issued
