"""The sync suite's fixtures (a real bureau process, on SQLite and on PostgreSQL) and a PostgreSQL cluster
of the test's own for the tests that restart it."""

from __future__ import annotations

import pytest

from tests.bureau_pg.cluster import SKIP_REASON, Cluster, find_bindir
from tests.sync.conftest import bureau, bureau_db, device, device_factory  # noqa: F401 - fixtures


@pytest.fixture
def own_cluster():
    """A PostgreSQL cluster only this test uses (it may stop and restart it)."""
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(SKIP_REASON + " (this test restarts its own cluster, so it needs the binaries)")
    cluster = Cluster(bindir).init().start()
    yield cluster
    cluster.destroy()


@pytest.fixture
def device_factory_pg(tmp_path):
    """make(server, name) -> a demo laptop of 王建国 enrolled with the given bureau server."""
    from eco_field import demo
    from eco_field.sync.enrol import enroll
    from eco_field.workspace import Workspace

    opened = []

    def make(server, name: str, officer: str = "14110100001") -> Workspace:
        ws = Workspace.open(tmp_path / f"device-{name}", create=True)
        demo.seed(ws)
        enroll(ws, server.url, server.code(officer), f"laptop {name}")
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.db.conn.close()
