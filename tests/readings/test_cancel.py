"""Cancelling an import stops it and stores nothing: no series, no samples, no source file."""

import pytest

from eco_field.errors import Cancelled
from eco_field.readings import service
from eco_field.store import inspections


def test_cancel_stores_nothing(workspace, tmp_path):
    insp = inspections.create(workspace.db, "91141102MA0D00000X", ["14110100001", "14110100002"])
    export = tmp_path / "long.csv"
    rows = [f"2026-06-05 09:{(i // 60) % 60:02d}:{i % 60:02d},{10 + i % 7}" for i in range(45_000)]
    export.write_text("时间,SO2(mg/m3)\n" + "\n".join(rows) + "\n", encoding="utf-8")
    seen = []
    with pytest.raises(Cancelled):
        service.import_file(workspace, insp.id, export, progress=seen.append, cancel=lambda: bool(seen))
    assert seen == [20_000]
    assert service.list_series(workspace.db, insp.id) == []
    assert workspace.db.execute("SELECT count(*) FROM evidence WHERE inspection_id = ?", [insp.id]).fetchone()[0] == 0
    done = service.import_file(workspace, insp.id, export)  # and the same file imports in full afterwards
    assert done["series"][0]["n"] == 45_000
