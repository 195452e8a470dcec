"""The audit chain: every change appended, each entry hashing the one before; tampering is found."""

import sqlite3

from eco_field.records import Officer
from eco_field.store import audit, officers


def test_changes_are_chained_and_verify(workspace):
    officers.upsert(workspace.db, Officer("99990001", "测试员", "离石区"))
    report = audit.verify(workspace.db)
    assert report.ok and report.entries > 40
    entries = audit.entries_for(workspace.db, "officer", "99990001")
    assert entries[-1]["data"]["name"] == "测试员"


def test_log_refuses_update_and_delete(workspace):
    for sql in ("UPDATE audit_log SET actor = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 1"):
        try:
            workspace.db.execute(sql)
        except sqlite3.DatabaseError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError("audit log accepted " + sql)


def test_tampering_with_the_file_is_found(workspace, cli):
    conn = workspace.db.conn
    conn.execute("DROP TRIGGER audit_log_no_update")  # what someone editing the file by hand could do
    conn.execute("UPDATE audit_log SET data_json = '{\"name\":\"forged\"}' WHERE seq = 5")
    conn.commit()
    report = audit.verify(workspace.db)
    assert not report.ok and report.first_bad_seq == 5
    result = cli("audit", "verify")
    assert result.returncode == 1 and "5" in result.stdout
