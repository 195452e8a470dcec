"""Law fixtures: a demo workspace with one inspection by two demo officers."""

from __future__ import annotations

import pytest

from eco_field.records import Party
from eco_field.store import enterprises, inspections, officers


@pytest.fixture
def inspection(workspace):
    db = workspace.db
    ent = enterprises.list_enterprises(db)[0]
    certs = [o.cert_no for o in officers.list_officers(db)[:2]]
    return inspections.create(db, ent.id, certs, started_at="2026-06-01T09:30", place="焦炉烟囱",
                              party=Party("张三", "环保负责人", "13800000000", True))
