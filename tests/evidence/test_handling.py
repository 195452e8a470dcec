"""How an officer handles photos before sealing: every name a file was seen under, captions, removal with a
reason and its undo, undo of the last import; a sealed inspection refuses all of it."""

from __future__ import annotations

import json
import shutil

import pytest

from eco_field.errors import BadInput, SealedRecord
from eco_field.evidence import handling, seal, service
from eco_field.evidence.names import preferred
from tests.evidence.conftest import make_photo


def audit_actions(ws, evidence_id):
    return [(r[0], json.loads(r[1])) for r in ws.db.execute(
        "SELECT action, data_json FROM audit_log WHERE entity = 'evidence' AND entity_id = ? ORDER BY seq",
        [evidence_id])]


def test_a_copy_beside_the_card_file_keeps_both_names_and_shows_the_cameras(workspace, inspection, tmp_path):
    card = tmp_path / "card"
    original = make_photo(card / "DCIM" / "100MEDIA" / "DJI_0001.JPG")
    shutil.copy(original, card / "DCIM" / "100MEDIA" / "DJI_0001 (1).JPG")
    report = service.import_paths(workspace, inspection, [card])
    assert len(report.imported) == 1 and len(report.duplicates) == 1
    (photo,) = service.list_evidence(workspace.db, inspection)
    assert photo["original_name"] == "DCIM/100MEDIA/DJI_0001.JPG"
    assert {n["name"] for n in photo["names"]} == {"DCIM/100MEDIA/DJI_0001.JPG", "DCIM/100MEDIA/DJI_0001 (1).JPG"}
    assert all(n["path"].startswith(str(card)) for n in photo["names"])


def test_a_second_import_from_the_card_puts_the_cameras_name_first(workspace, inspection, tmp_path):
    """The officer first imported a renamed copy from the desktop, then the card itself."""
    card_file = make_photo(tmp_path / "card" / "DCIM" / "100MEDIA" / "DJI_0042.JPG")
    desktop = tmp_path / "desktop" / "排污口 副本.jpg"
    desktop.parent.mkdir()
    shutil.copy(card_file, desktop)
    service.import_paths(workspace, inspection, [desktop])
    assert service.list_evidence(workspace.db, inspection)[0]["original_name"] == "排污口 副本.jpg"
    report = service.import_paths(workspace, inspection, [tmp_path / "card"])
    assert report.duplicates and not report.imported
    (photo,) = service.list_evidence(workspace.db, inspection)
    assert photo["original_name"] == "DCIM/100MEDIA/DJI_0042.JPG"
    assert [n["name"] for n in photo["names"]] == ["排污口 副本.jpg", "DCIM/100MEDIA/DJI_0042.JPG"]
    # the bureau learns the new name and every name seen, through the audited outbox
    update = [data for action, data in audit_actions(workspace, photo["id"]) if action == "update"][-1]
    assert update["original_name"] == "DCIM/100MEDIA/DJI_0042.JPG" and len(update["names"]) == 2


def test_the_same_name_imported_twice_is_one_name(workspace, inspection, tmp_path):
    photo = make_photo(tmp_path / "IMG_0001.JPG")
    service.import_paths(workspace, inspection, [photo])
    service.import_paths(workspace, inspection, [photo])
    assert len(service.list_evidence(workspace.db, inspection)[0]["names"]) == 1


@pytest.mark.parametrize("names, shown", [
    (["DJI_0001 (1).JPG", "DJI_0001.JPG"], "DJI_0001.JPG"),
    (["现场/IMG_1234 - 副本.jpg", "DCIM/100APPLE/IMG_1234.JPG"], "DCIM/100APPLE/IMG_1234.JPG"),
    (["a.jpg", "b.jpg"], "a.jpg"),  # nothing to choose by: the first seen
    (["DCIM/DSCN0010.JPG", "DSCN0010 copy.JPG"], "DCIM/DSCN0010.JPG"),
])
def test_the_camera_name_is_preferred(names, shown):
    assert preferred(names) == shown


def test_caption_is_kept_audited_and_refused_after_sealing(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    (photo,) = service.list_evidence(workspace.db, inspection)
    handling.set_caption(workspace, photo["id"], "  1号排污口  正在排放黑色废水 ")
    assert service.list_evidence(workspace.db, inspection)[0]["caption"] == "1号排污口 正在排放黑色废水"
    assert ("update", {"caption": "1号排污口 正在排放黑色废水"}) in audit_actions(workspace, photo["id"])
    with pytest.raises(BadInput):
        handling.set_caption(workspace, photo["id"], "字" * 501)
    seal.seal(workspace, inspection)
    with pytest.raises(SealedRecord):
        handling.set_caption(workspace, photo["id"], "封存后改写")
    assert service.list_evidence(workspace.db, inspection)[0]["caption"] == "1号排污口 正在排放黑色废水"


def test_removal_needs_a_reason_is_audited_and_can_be_undone(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg"), make_photo(tmp_path / "b.jpg", seed=1)])
    first, second = service.list_evidence(workspace.db, inspection)
    handling.set_caption(workspace, first["id"], "厂区大门")
    with pytest.raises(BadInput):
        service.remove(workspace, first["id"], "   ")
    removed = service.remove(workspace, first["id"], "拍到了无关人员")
    assert removed["reason"] == "拍到了无关人员"
    assert [p["id"] for p in service.list_evidence(workspace.db, inspection)] == [second["id"]]
    assert ("delete", "拍到了无关人员") in [(a, d.get("reason")) for a, d in audit_actions(workspace, first["id"])]
    assert workspace.blobs.find(first["sha256"]) is not None  # the original stays in the store
    assert handling.undo_state(workspace.db, inspection)["removal"]

    restored = handling.undo_removal(workspace, inspection)
    assert [r["id"] for r in restored["restored"]] == [first["id"]]
    back = {p["id"]: p for p in service.list_evidence(workspace.db, inspection)}
    assert back[first["id"]]["caption"] == "厂区大门" and back[first["id"]]["names"] == first["names"]
    assert audit_actions(workspace, first["id"])[-1][0] == "restore"
    with pytest.raises(BadInput):
        handling.undo_removal(workspace, inspection)  # nothing more to undo


def test_undo_import_takes_out_only_the_last_import(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "one" / "a.jpg")])
    second = service.import_paths(workspace, inspection, [make_photo(tmp_path / "two" / "b.jpg", seed=1),
                                                          make_photo(tmp_path / "two" / "c.jpg", seed=2)])
    done = handling.undo_import(workspace, inspection)
    assert sorted(r["id"] for r in done["removed"]) == sorted(e["id"] for e in second.imported)
    assert [p["original_name"] for p in service.list_evidence(workspace.db, inspection)] == ["a.jpg"]
    # and the undo itself can be undone
    handling.undo_removal(workspace, inspection)
    assert len(service.list_evidence(workspace.db, inspection)) == 3


def test_a_sealed_inspection_refuses_removal_and_undo(workspace, inspection, tmp_path):
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    (photo,) = service.list_evidence(workspace.db, inspection)
    seal.seal(workspace, inspection)
    for attempt in (lambda: service.remove(workspace, photo["id"], "想删掉"),
                    lambda: handling.undo_import(workspace, inspection),
                    lambda: handling.undo_removal(workspace, inspection)):
        with pytest.raises(SealedRecord) as refused:
            attempt()
        assert inspection not in str(refused.value)  # the officer reads the enterprise and day, not a UUID
    assert seal.verify_seal(workspace, inspection)["ok"]


def test_removal_after_seal_is_refused_by_the_database_too(workspace, inspection, tmp_path):
    """Even a caller that skips the service cannot delete a sealed inspection's evidence row."""
    service.import_paths(workspace, inspection, [make_photo(tmp_path / "a.jpg")])
    seal.seal(workspace, inspection)
    with pytest.raises(Exception, match="sealed"):
        workspace.db.execute("DELETE FROM evidence WHERE inspection_id = ?", [inspection])


def test_an_amendment_keeps_captions_names_and_marked_copies(workspace, inspection, tmp_path):
    from eco_field.evidence import markup
    card = tmp_path / "card" / "DCIM"
    original = make_photo(card / "DJI_0001.JPG")
    shutil.copy(original, card / "DJI_0001 (1).JPG")
    service.import_paths(workspace, inspection, [tmp_path / "card"])
    (photo,) = service.list_evidence(workspace.db, inspection)
    handling.set_caption(workspace, photo["id"], "雨水排口")
    done = markup.save(workspace, photo["id"], [{"type": "circle", "center": [0.5, 0.5], "radius": 0.2}])
    seal.seal(workspace, inspection)
    amended = seal.amend(workspace, inspection)
    (copy,) = service.list_evidence(workspace.db, amended)
    assert copy["id"] != photo["id"] and copy["caption"] == "雨水排口"
    assert copy["names"] == photo["names"] and copy["marked"]["sha256"] == done["sha256"]
    assert copy["marked"]["id"] != done["id"]  # the amendment's own copy row, pointing to its own photo
    assert "duplicate" not in copy["flags"]
    with pytest.raises(BadInput):
        handling.undo_import(workspace, amended)  # what came with the amendment is no import


def test_undo_of_a_removal_after_the_photo_was_imported_again(workspace, inspection, tmp_path):
    """Removed, then imported again from the card: undo must not fail nor make a second row of it."""
    from eco_field.evidence import markup
    path = make_photo(tmp_path / "DSC_0001.jpg")
    service.import_paths(workspace, inspection, [path])
    (photo,) = service.list_evidence(workspace.db, inspection)
    markup.save(workspace, photo["id"], [{"type": "circle", "center": [0.5, 0.5], "radius": 0.2}])
    service.remove(workspace, photo["id"], "误删")
    service.import_paths(workspace, inspection, [path])
    done = handling.undo_removal(workspace, inspection)
    assert done["restored"] == [] and len(done["already_there"]) == 2
    assert len(service.list_evidence(workspace.db, inspection, all_kinds=True)) == 1
