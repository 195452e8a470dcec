"""The office's view of what the devices synced: enterprises, tasks, inspections, cases (their dated steps) and
documents, reduced to the fields the figures and the dispatch list count, in office tables kept beside the
bureau's records. `catch_up(office)` reads the bureau's change feed (records in seq order, which is commit
order on both backends) from its cursor and applies it; every read of the figures or the task list calls it
first, so they are never older than the last push. The bureau's own tables are only read, never written.

The feed is applied a window of records at a time by set-based statements (projection_sql.py) that read the
payloads inside the database: the first catch-up of a whole feed is a few statements per window, and a later
one costs what the new records cost.
"""

from __future__ import annotations

from typing import Any

from eco_field.bureau.office.db import OfficeDB, pg_sql
from eco_field.bureau.office.projection_sql import CHAIN_STEP, CHAIN_STEPS_MAX, window_statements

CURSOR = "figures"
WINDOW = 25_000  # feed records applied per transaction
ANALYZE_AFTER = 20_000  # records read in one catch-up after which PostgreSQL's statistics are refreshed
LOCK_KEY = 7_300_219  # PostgreSQL: one catch-up at a time (the sessions' pool runs pages in parallel)
TABLES = ("office_fig_inspections", "office_fig_tasks", "office_fig_case_events", "office_fig_documents",
          "office_fig_enterprises", "office_fig_cases")


def day_of(value: Any) -> str:
    """The local date a record carries (YYYY-MM-DD; times keep the device's local date, e.g. …T09:00+08:00)."""
    return str(value or "")[:10]


def catch_up(office: OfficeDB) -> int:
    """Apply the feed since the cursor; returns how many feed records it went past."""
    cursor, top = office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (CURSOR,)), \
        office.one("SELECT max(seq) FROM records")
    if cursor and top and int(cursor[0]) >= int(top[0] or 0):
        return 0  # nothing new: no write transaction (SQLite's single writer stays free for pushes)
    done = 0
    while True:
        with office.transaction():
            if office.backend == "pg":
                office.run("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY,))
                office.run("SET LOCAL jit = off")  # compiling costs 100 ms; these statements run in a few
            row = office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (CURSOR,))
            since = int(row[0]) if row else 0
            edge = office.one("SELECT max(seq), count(*) FROM (SELECT seq FROM records WHERE seq > ? ORDER BY seq"
                              " LIMIT ?) w", (since, WINDOW))
            if not edge or edge[0] is None:
                _set_cursor(office, since, row is None)
                break
            apply_window(office, since, int(edge[0]))
            _set_cursor(office, int(edge[0]), row is None)
            done += int(edge[1])
        if int(edge[1]) < WINDOW:
            break
    if done > ANALYZE_AFTER and office.backend == "pg":  # fresh statistics after a bulk catch-up: good plans
        office.run(f"ANALYZE {', '.join(TABLES)}")
    return done


def apply_window(office: OfficeDB, low: int, high: int) -> None:
    """The feed records with low < seq <= high, into the office tables (inside the caller's transaction)."""
    first, then, orphans = _statements(office.backend)
    for sql in first:
        office.run(sql, (low, high) * (sql.count("?") // 2))
    for _ in range(CHAIN_STEPS_MAX):
        if not office.run(CHAIN_STEP):
            break
    for sql in then:
        office.run(sql, (low, high) * (sql.count("?") // 2))
    office.run(orphans)


_BY_BACKEND: dict[str, tuple[list[str], list[str], str]] = {}


def _statements(backend: str) -> tuple[list[str], list[str], str]:
    if backend not in _BY_BACKEND:
        _BY_BACKEND[backend] = window_statements(backend)
    return _BY_BACKEND[backend]


def _set_cursor(office: OfficeDB, seq: int, new: bool) -> None:
    if new:
        office.run("INSERT INTO office_feed_cursor (name, seq) VALUES (?, ?)", (CURSOR, seq))
    else:
        office.run("UPDATE office_feed_cursor SET seq = ? WHERE name = ?", (seq, CURSOR))


def run_many(office: OfficeDB, sql: str, rows: list[tuple]) -> None:
    """One statement for many rows (executemany; pipelined on PostgreSQL), inside the caller's transaction.
    OfficeDB has no such method yet, so this reaches its connection (CONSOLE's db.py: asked to add one)."""
    if hasattr(office, "run_many"):
        office.run_many(sql, rows)
    elif office.backend == "sqlite":
        with office._lock:
            office._conn.executemany(sql, rows)
    else:
        with office._connection() as conn:
            conn.cursor().executemany(pg_sql(sql), rows)
