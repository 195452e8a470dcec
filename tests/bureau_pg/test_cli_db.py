"""`--db` on the bureau commands: a PostgreSQL URL, refused plainly when wrong or unreachable."""

from __future__ import annotations

import json

import pytest

from tests.bureau_pg.cluster import SKIP_REASON, drop_schema, free_port, fresh_schema, shared_server
from tests.sync.conftest import run_cli


def test_a_url_that_is_not_postgresql_is_refused(tmp_path) -> None:
    proc = run_cli("bureau", "officers", "--data-dir", str(tmp_path / "b"), "--db", "mysql://u:secret@h/db")
    assert proc.returncode == 2 and "不是 PostgreSQL 地址" in proc.stderr and "secret" not in proc.stderr


def test_an_unreachable_database_is_refused_without_its_password(tmp_path) -> None:
    url = f"postgresql://u:secret@127.0.0.1:{free_port()}/db"
    proc = run_cli("bureau", "officers", "--data-dir", str(tmp_path / "b"), "--db", url)
    assert proc.returncode == 2 and "无法打开局端数据库" in proc.stderr
    assert "secret" not in proc.stderr and "Traceback" not in proc.stderr


def test_admin_commands_use_the_database_given(tmp_path) -> None:
    server = shared_server()
    if server is None:
        pytest.skip(SKIP_REASON)
    schema, url = fresh_schema(server)
    try:
        folder = str(tmp_path / "b")
        assert run_cli("bureau", "init", "--data-dir", folder, "--db", url).returncode == 0
        added = run_cli("bureau", "officers", "add", "--name", "测试员", "--cert-no", "14119900001", "--unit",
                        "兴县", "--data-dir", folder, "--db", url, "--json")
        assert added.returncode == 0, added.stderr
        listed = run_cli("bureau", "officers", "--json", "--data-dir", folder, "--db", url)
        assert json.loads(listed.stdout) == [{"cert_no": "14119900001", "name": "测试员", "units": ["兴县"]}]
        on_sqlite = run_cli("bureau", "officers", "--json", "--data-dir", folder)  # the folder's own SQLite
        assert json.loads(on_sqlite.stdout) == []
    finally:
        drop_schema(server, schema)
