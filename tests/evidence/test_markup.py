"""Mark-up as a derived copy: the original's bytes and row stay as they were; the copy points to it, shows the
marks, and the photo evidence sheet prints the copy beside the original's SHA-256. And the CLI of it all."""

from __future__ import annotations

import json
import subprocess

import pytest
from PIL import Image

from eco_field.errors import BadInput, SealedRecord
from eco_field.evidence import handling, markup, seal, service
from eco_field.store.blobs import file_sha256
from tests.conftest import eco_field_command
from tests.evidence.conftest import make_photo

SHAPES = [{"type": "arrow", "from": [0.1, 0.1], "to": [0.5, 0.5]},
          {"type": "circle", "center": [0.7, 0.3], "radius": 0.2},
          {"type": "text", "at": [0.05, 0.8], "text": "排污口"}]


@pytest.fixture
def photo(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "DJI_0001.JPG", size=(400, 300))])
    return service.list_evidence(workspace.db, inspection)[0]


def red_share(path) -> float:
    with Image.open(path) as image:
        pixels = list(image.convert("RGB").get_flattened_data() if hasattr(image, "get_flattened_data")
                      else image.convert("RGB").getdata())
    return sum(1 for r, g, b in pixels if r > 180 and g < 80 and b < 80) / len(pixels)


def test_markup_is_a_derived_copy_and_the_original_is_untouched(workspace, inspection, photo):
    original = workspace.blobs.find(photo["sha256"])
    before = (original.read_bytes(), original.stat().st_mtime_ns)
    done = markup.save(workspace, photo["id"], SHAPES)
    assert (original.read_bytes(), original.stat().st_mtime_ns) == before
    assert file_sha256(original) == photo["sha256"] == done["original_sha256"]
    copy = workspace.blobs.find(done["sha256"])
    assert copy is not None and done["sha256"] != photo["sha256"]
    assert red_share(copy) > 0.003 and red_share(original) < 0.0005  # the marks are drawn, on the copy only
    with Image.open(copy) as image:
        assert image.size == (400, 300) and photo["sha256"].encode() in image.info.get("comment", b"")
    listed = service.list_evidence(workspace.db, inspection)
    assert [p["id"] for p in listed] == [photo["id"]]  # the copy is no second photo in the grid
    assert listed[0]["marked"]["sha256"] == done["sha256"] and listed[0]["marked"]["shapes"] == SHAPES
    copy_row = next(e for e in service.list_evidence(workspace.db, inspection, all_kinds=True) if e["kind"] == "markup")
    assert copy_row["derived_from"] == photo["id"]
    assert seal.seal(workspace, inspection)["evidence"] == 2  # the seal covers the copy as well


def test_marking_up_again_replaces_the_copy(workspace, inspection, photo):
    first = markup.save(workspace, photo["id"], SHAPES)
    second = markup.save(workspace, photo["id"], SHAPES[:1])
    kinds = [e["kind"] for e in service.list_evidence(workspace.db, inspection, all_kinds=True)]
    assert kinds.count("markup") == 1 and first["sha256"] != second["sha256"]
    assert service.list_evidence(workspace.db, inspection)[0]["marked"]["sha256"] == second["sha256"]


def test_marks_follow_the_orientation_the_officer_sees(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "turned.jpg", size=(120, 80), orientation=6)])
    (turned,) = service.list_evidence(workspace.db, inspection)
    done = markup.save(workspace, turned["id"], SHAPES[:1])
    with Image.open(workspace.blobs.find(done["sha256"])) as image:
        assert image.size == (80, 120)


@pytest.mark.parametrize("shapes", [[], [{"type": "star"}], [{"type": "arrow", "from": [0, 0], "to": [1.5, 0]}],
                                    [{"type": "circle", "center": [0.5, 0.5], "radius": 0}],
                                    [{"type": "text", "at": [0.5, 0.5], "text": "  "}], "arrow"])
def test_bad_shapes_are_refused_naming_them(workspace, photo, shapes):
    with pytest.raises(BadInput):
        markup.save(workspace, photo["id"], shapes)


def test_a_sealed_inspection_refuses_markup(workspace, inspection, photo):
    seal.seal(workspace, inspection)
    with pytest.raises(SealedRecord):
        markup.save(workspace, photo["id"], SHAPES)


def test_removing_a_photo_takes_its_marked_copy_and_undo_brings_both(workspace, inspection, photo):
    done = markup.save(workspace, photo["id"], SHAPES)
    service.remove(workspace, photo["id"], "与本案无关")
    assert service.list_evidence(workspace.db, inspection, all_kinds=True) == []
    handling.undo_removal(workspace, inspection)
    back = service.list_evidence(workspace.db, inspection)
    assert back[0]["id"] == photo["id"] and back[0]["marked"]["sha256"] == done["sha256"]


def test_the_photo_evidence_sheet_prints_caption_marked_copy_and_original_hash(workspace, inspection, photo,
                                                                                tmp_path):
    from eco_field.documents import service as documents
    from tests.documents.conftest import pdf_text
    handling.set_caption(workspace, photo["id"], "1号排污口正在排放黑色废水")
    done = markup.save(workspace, photo["id"], SHAPES)
    documents.render(workspace, "photo-evidence", inspection_id=inspection, out_path=tmp_path / "sheet.pdf")
    text = pdf_text(tmp_path / "sheet.pdf").replace("\n", "").replace(" ", "")
    assert "1号排污口正在排放黑色废水" in text
    assert photo["sha256"] in text and "（原件）" in text and done["sha256"] in text


def run(*args, data_dir):
    return subprocess.run([*eco_field_command(), "--data-dir", str(data_dir), *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_caption_markup_remove_and_undo(workspace, inspection, tmp_path):
    card = tmp_path / "card" / "DCIM" / "100MEDIA"
    make_photo(card / "DJI_0007.JPG", size=(200, 150))
    data_dir = workspace.data_dir
    workspace.close()
    assert run("evidence", "import", inspection, str(tmp_path / "card"), data_dir=data_dir).returncode == 0
    listed = json.loads(run("evidence", "list", inspection, "--json", data_dir=data_dir).stdout)
    evidence_id = listed[0]["id"]
    assert listed[0]["names"][0]["name"] == "DCIM/100MEDIA/DJI_0007.JPG"
    assert run("evidence", "caption", evidence_id, "厂区东侧雨水排口", data_dir=data_dir).returncode == 0
    marked = run("evidence", "markup", evidence_id, "--arrow", "0.1,0.1,0.5,0.5", "--circle", "0.5,0.5,0.2",
                 "--text", "0.1,0.8,雨水排口, 东侧", "--json", data_dir=data_dir)
    assert marked.returncode == 0, marked.stderr
    assert json.loads(marked.stdout)["shapes"][2]["text"] == "雨水排口, 东侧"
    bad = run("evidence", "markup", evidence_id, "--circle", "0.5,0.5", data_dir=data_dir)
    assert bad.returncode == 2 and "--circle" in bad.stderr
    no_reason = run("evidence", "remove", evidence_id, data_dir=data_dir)
    assert no_reason.returncode == 2
    assert run("evidence", "remove", evidence_id, "--reason", "重复拍摄", data_dir=data_dir).returncode == 0
    assert json.loads(run("evidence", "list", inspection, "--json", data_dir=data_dir).stdout) == []
    removed = json.loads(run("evidence", "removed", inspection, "--json", data_dir=data_dir).stdout)
    assert sorted((r["original_name"], r["reason"], r["restored_at"]) for r in removed) == [
        ("DCIM/100MEDIA/DJI_0007.JPG", "重复拍摄", None), ("DJI_0007（标注）.jpg", "重复拍摄", None)]  # with its copy
    assert run("evidence", "undo-remove", inspection, data_dir=data_dir).returncode == 0
    back = json.loads(run("evidence", "list", inspection, "--json", data_dir=data_dir).stdout)
    assert back[0]["caption"] == "厂区东侧雨水排口" and back[0]["marked"]
    assert run("evidence", "undo-import", inspection, data_dir=data_dir).returncode == 0
    assert json.loads(run("evidence", "list", inspection, "--json", data_dir=data_dir).stdout) == []
    nothing = run("evidence", "undo-import", inspection, data_dir=data_dir)
    assert nothing.returncode == 2 and "没有可以撤销的导入" in nothing.stderr
    assert run("inspections", "seal", inspection, data_dir=data_dir).returncode == 0
    sealed = run("evidence", "undo-remove", inspection, data_dir=data_dir)
    assert sealed.returncode != 0 and "已封存" in sealed.stderr and inspection not in sealed.stderr


def test_cli_refusal_reasons_follow_the_interface_language(workspace, inspection, tmp_path):
    folder = tmp_path / "card"
    make_photo(folder / "ok.jpg")
    (folder / "notes.txt").write_text("not a photo")
    data_dir = workspace.data_dir
    workspace.close()
    out = run("evidence", "import", inspection, str(folder), "--json", data_dir=data_dir)
    (error,) = json.loads(out.stdout)["errors"]
    assert error["code"] == "evidence.refused.not_photo" and error["message"] == "不是照片：文本文件"
    assert error["error"] == "not a photo: a text file"  # the English key stays as it was
