"""Everything an officer does on a laptop reaches the bureau: a workspace walks the demo cases and does every
synced thing to an inspection (photos, caption, mark-up, removal and its undo, readings with min/range limits,
a document issued, signed and re-issued, seal and amend), then `eco-field sync` — and the bureau refuses
nothing (no conflicts, the outbox all acknowledged) and holds each kind of record."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageDraw

from eco_field.bureau import admin
from eco_field.documents import service as documents
from eco_field.documents.numbering import DEFAULT_CODES
from eco_field.evidence import handling, markup, seal
from eco_field.evidence.service import import_paths
from eco_field.readings import service as readings
from eco_field.store import enterprises, inspections
from tests.evidence.conftest import make_photo
from tests.sync.conftest import LISHI_OFFICERS, BureauServer, device_id_of, enterprise_in, run_cli

LIMITS = [{"pollutant": "DO", "kind": "min", "limit": 5, "unit": "mg/L"},
          {"pollutant": "pH", "kind": "range", "low": 6, "high": 9},
          {"pollutant": "氨氮", "limit": 8, "unit": "mg/L"}]  # no such column: the import warns
WATER_CSV = ("时间,溶解氧(mg/L),pH\n2026-06-05 10:00:00,6.0,7.0\n2026-06-05 10:05:00,4.8,5.5\n"
             "2026-06-05 10:10:00,5.0,9.4\n")


def cli(laptop: Path, *args: str) -> dict | list:
    done = run_cli("--data-dir", str(laptop), *args, "--json", timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def signature_png(path: Path) -> Path:
    img = Image.new("RGB", (720, 300), "white")
    ImageDraw.Draw(img).line([(60, 220), (200, 70), (330, 230), (480, 80), (650, 200)], fill="black", width=10)
    img.save(path)
    return path


def officer_work(ws, tmp_path: Path) -> str:
    """One inspection with every synced thing done to it through the services; returns its amendment's id."""
    ent = enterprises.get(ws.db, enterprise_in(ws, "离石区")).to_dict()
    ent["outlets"] = [*ent["outlets"], {"code": "DW001", "kind": "water", "name": "废水总排口", "limits": LIMITS},
                                    {"code": "DW002", "kind": "water", "name": "雨水排口", "limits": LIMITS[:1]}]
    listing = tmp_path / "enterprise.json"
    listing.write_text(json.dumps([ent], ensure_ascii=False), encoding="utf-8")
    cli(ws.data_dir, "enterprises", "import", str(listing))

    insp = inspections.create(ws.db, ent["id"], LISHI_OFFICERS)
    inspections.update(ws.db, insp.id, findings=["废水总排口溶解氧低于限值。"], place="废水总排口")
    photos = [make_photo(tmp_path / f"IMG_{i}.jpg", lat=ent["lat"], lon=ent["lon"], seed=i) for i in range(3)]
    import_paths(ws, insp.id, photos, workers=1)
    ids = [r[0] for r in ws.db.execute("SELECT id FROM evidence WHERE inspection_id = ? AND kind = 'photo'"
                                       " ORDER BY original_name", [insp.id])]
    assert len(ids) == 3
    handling.set_caption(ws, ids[0], "废水总排口，出水浑浊")
    markup.save(ws, ids[1], [{"type": "arrow", "from": [0.1, 0.1], "to": [0.5, 0.5]},
                             {"type": "circle", "center": [0.7, 0.3], "radius": 0.2}])
    markup.save(ws, ids[1], [{"type": "arrow", "from": [0.2, 0.2], "to": [0.6, 0.6]}])  # replaces the copy
    renamed = tmp_path / "再次导入.jpg"
    renamed.write_bytes(photos[0].read_bytes())
    import_paths(ws, insp.id, [renamed], workers=1)  # the same bytes seen under another name
    handling.remove(ws, ids[2], "拍错了对象")
    handling.undo_removal(ws, insp.id)

    water = tmp_path / "water.csv"
    water.write_text(WATER_CSV, encoding="utf-8")
    readings.import_file(ws, insp.id, water, outlet="DW002")
    again = readings.import_file(ws, insp.id, water, outlet="DW001")  # the right outlet: evaluated again
    assert again["warnings"]

    first = documents.issue(ws, "inspection-record", inspection_id=insp.id)
    documents.sign(ws, first["number"], "party", "张三", signature_png(tmp_path / "sig.png"))
    inspections.update(ws.db, insp.id, findings=["废水总排口溶解氧低于限值，pH 超出 6–9。"])
    again = documents.issue(ws, "inspection-record", inspection_id=insp.id, reason="笔录补记 pH")
    assert first["number"] in again["superseded"]

    seal.seal(ws, insp.id)
    amendment = seal.amend(ws, insp.id)
    copied = ws.db.execute("SELECT id FROM evidence WHERE inspection_id = ? AND kind = 'photo' ORDER BY id",
                           [amendment]).fetchone()[0]
    handling.set_caption(ws, copied, "补正：出水口近景")
    return amendment


def test_an_officers_whole_day_reaches_the_bureau(tmp_path: Path, bureau: BureauServer, device) -> None:
    laptop = device.data_dir
    with bureau.storage() as storage:  # the bureau hands out every kind's numbers; the laptop pulls them
        # the demo's cases are in three counties: 王建国 works for all three here (a 市局 officer), so that
        # what is refused can only be a payload the bureau does not take
        storage.put_officer("14110100001", "王建国", ["离石区", "孝义市", "汾阳市"])
        for kind in DEFAULT_CODES:
            admin.reserve_numbers(storage, device_id_of(device), kind, 200)
    cli(laptop, "sync")
    demo = cli(laptop, "cases", "demo")
    assert len(demo["cases"]) == 3 and len(demo["documents"]) == 23  # every form of every step, 笔录 included
    amendment = officer_work(device, tmp_path)

    synced = cli(laptop, "sync")
    conflicts = cli(laptop, "sync", "conflicts")
    assert synced["conflicts"] == 0 and conflicts == [], conflicts
    status = cli(laptop, "sync", "status")
    assert status["pending"] == 0 and status["last_success"], status
    unacked = device.db.execute("SELECT entity, op, state, response_json FROM outbox"
                                " WHERE state IN ('pending', 'conflict')").fetchall()
    assert unacked == []
    assert bureau.read("conflicts") == []

    ops = {tuple(row) for row in device.db.execute("SELECT entity, op FROM outbox").fetchall()}
    assert {("evidence", "update"), ("evidence", "delete"), ("evidence", "restore"), ("reading_source", "evaluate"),
            ("document", "sign"), ("document", "supersede"), ("document", "void"), ("document_number", "void"),
            ("document_signature", "sign"), ("inspection", "seal"), ("inspection", "amend"), ("case", "event"),
            ("case", "assess")} <= ops, ops  # every synced op was exercised
    with bureau.storage() as storage:
        held = {kind: len(storage.records(kind)) for kind in
                ("inspection", "case", "evidence", "reading_source", "document", "document_version",
                 "document_signature", "document_number")}  # ("signature" is declared; no client sends it)
        assert storage.record("inspection", amendment) is not None
        evidence = [r.payload for r in storage.records("evidence")]
    assert all(held.values()), held
    assert any(e.get("names") and len(e["names"]) == 2 for e in evidence), "the second name reached the bureau"
    captions = {e.get("caption") for e in evidence}
    assert {"废水总排口，出水浑浊", "补正：出水口近景"} <= captions  # the amendment's copy is held, captioned
    assert any(e.get("derived_from") and e["kind"] == "markup" for e in evidence)
    assert {e["kind"] for e in evidence} >= {"photo", "markup", "document", "signature"}
    assert held["case"] == 3 and held["document"] >= 23
