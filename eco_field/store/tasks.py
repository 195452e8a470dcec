"""Assigned work: 双随机 draws, complaints (信访), inspection-reform follow-ups (督察整改), routine checks."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound
from eco_field.records import TASK_STATUSES, Task, task_kind_code
from eco_field.store import enterprises, officers
from eco_field.store.changes import record
from eco_field.store.database import write_transaction

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection

SELECT = ("SELECT t.id, t.kind, t.enterprise_id, e.name, t.title, t.due_date, t.status, t.note, t.revision"
          " FROM tasks t JOIN enterprises e ON e.id = t.enterprise_id")


def _task(db: sqlite_utils.Database, row: tuple) -> Task:
    task = Task(id=row[0], kind=row[1], enterprise_id=row[2], enterprise_name=row[3], title=row[4],
                due_date=row[5], status=row[6], note=row[7], revision=row[8])
    task.officers = [r[0] for r in db.execute(
        "SELECT officer_cert FROM task_officers WHERE task_id = ? ORDER BY officer_cert", [task.id])]
    return task


def list_tasks(db: sqlite_utils.Database, status: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[Task]:
    sql, params = SELECT, []
    if status:
        sql += " WHERE t.status = ?"
        params.append(status)
    sql += " ORDER BY t.status = 'done', t.due_date IS NULL, t.due_date, e.name"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [_task(db, row) for row in db.execute(sql, params).fetchall()]


def get(db: sqlite_utils.Database, task_id: str) -> Task:
    row = db.execute(SELECT + " WHERE t.id = ?", [task_id]).fetchone()
    if row is None:
        raise NotFound("task.not_found", id=task_id)
    return _task(db, row)


def save(db: sqlite_utils.Database, task: Task, *, sync: bool = True) -> Task:
    """Create or replace a task (the bureau's copy wins on pull: sync=False)."""
    task.kind = task_kind_code(task.kind)
    if task.status not in TASK_STATUSES:
        raise BadInput("task.bad_status", status=task.status)
    enterprises.get(db, task.enterprise_id)
    for cert in task.officers:
        officers.get(db, cert)
    task.id = task.id or str(uuid.uuid4())
    with write_transaction(db):
        db.execute(
            "INSERT INTO tasks (id, kind, title, enterprise_id, due_date, status, note, revision, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,"
            " title = excluded.title, enterprise_id = excluded.enterprise_id, due_date = excluded.due_date,"
            " status = excluded.status, note = excluded.note, revision = excluded.revision,"
            " updated_at = excluded.updated_at",
            [task.id, task.kind, task.title, task.enterprise_id, task.due_date, task.status, task.note,
             task.revision, utc_now()],
        )
        db.execute("DELETE FROM task_officers WHERE task_id = ?", [task.id])
        for cert in task.officers:
            db.execute("INSERT INTO task_officers (task_id, officer_cert) VALUES (?, ?)", [task.id, cert])
        record(db, "task", task.id, "save", task.to_dict(), sync=sync, revision=task.revision)
    return task


def set_status(db: sqlite_utils.Database, task_id: str, status: str) -> Task:
    task = get(db, task_id)
    task.status = status
    task.revision += 1
    return save(db, task)
