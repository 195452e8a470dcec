"""The office's view of what the devices synced: enterprises, tasks, inspections, cases (their dated steps) and
documents, reduced to the fields the figures and the dispatch list count, in office tables kept beside the
bureau's records. `catch_up(office)` reads the bureau's change feed (records in seq order, which is commit
order on both backends) from its cursor and applies it; every read of the figures or the task list calls it
first, so they are never older than the last push. The bureau's own tables are only read, never written.
"""

from __future__ import annotations

import json
from typing import Any

from eco_field.bureau.office.db import OfficeDB, pg_sql

CURSOR = "figures"
ENTITIES = ("enterprise", "task", "inspection", "case", "document")
PAGE = 5000
ANALYZE_AFTER = 20_000  # records read in one catch-up after which PostgreSQL's statistics are refreshed
LOCK_KEY = 7_300_219  # PostgreSQL: one catch-up at a time (the sessions' pool runs pages in parallel)
# case event -> the figure group it dates (first date of the group per case)
CASE_EVENTS = {"filed": "filed", "seized": "seizure", "production_limited": "production",
               "production_halted": "production", "detention_transfer": "detention",
               "criminal_transfer": "criminal"}
IMMEDIATE_KEY = "rectified_on_site"  # a finding corrected on the spot (立行立改), as the laptop records it


def day_of(value: Any) -> str:
    """The local date a record carries (YYYY-MM-DD; times keep the device's local date, e.g. …T09:00+08:00)."""
    return str(value or "")[:10]


def catch_up(office: OfficeDB) -> int:
    """Apply the feed since the cursor; returns how many records were read."""
    cursor, top = office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (CURSOR,)), \
        office.one("SELECT max(seq) FROM records")
    if cursor and top and int(cursor[0]) >= int(top[0] or 0):
        return 0  # nothing new: no write transaction (SQLite's single writer stays free for pushes)
    done = 0
    while True:
        with office.transaction():
            if office.backend == "pg":
                office.run("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY,))
            row = office.one("SELECT seq FROM office_feed_cursor WHERE name = ?", (CURSOR,))
            since = int(row[0]) if row else 0
            rows = office.rows(
                "SELECT entity, entity_id, payload_json, deleted, seq FROM records WHERE seq > ?"
                f" AND entity IN ({', '.join('?' * len(ENTITIES))}) ORDER BY seq LIMIT ?", (since, *ENTITIES, PAGE))
            if not rows:
                top = office.one("SELECT max(seq) FROM records")
                _set_cursor(office, max(since, int(top[0] or 0)) if top else since, row is None)
                break
            _apply(office, rows)
            _set_cursor(office, int(rows[-1][4]), row is None)
            done += len(rows)
        if len(rows) < PAGE:
            break
    if done > ANALYZE_AFTER and office.backend == "pg":  # fresh statistics after a bulk catch-up: good plans
        office.run("ANALYZE office_fig_inspections, office_fig_tasks, office_fig_case_events, office_fig_documents,"
                   " office_fig_enterprises, office_fig_cases")
    return done


def _set_cursor(office: OfficeDB, seq: int, new: bool) -> None:
    if new:
        office.run("INSERT INTO office_feed_cursor (name, seq) VALUES (?, ?)", (CURSOR, seq))
    else:
        office.run("UPDATE office_feed_cursor SET seq = ? WHERE name = ?", (seq, CURSOR))


def _upsert(office: OfficeDB, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
           f" ON CONFLICT ({columns[0]}) DO UPDATE SET {sets}")
    run_many(office, sql, rows)


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


def _apply(office: OfficeDB, rows: list[tuple]) -> None:
    latest: dict[tuple[str, str], tuple[dict[str, Any], bool]] = {}
    for entity, entity_id, payload_json, deleted, _ in rows:  # a record changed twice in a page: its last state
        latest[entity, entity_id] = (json.loads(payload_json), bool(deleted))
    by_entity: dict[str, list[tuple[str, dict[str, Any], bool]]] = {e: [] for e in ENTITIES}
    for (entity, entity_id), (payload, deleted) in latest.items():
        by_entity[entity].append((entity_id, payload, deleted))
    _enterprises(office, by_entity["enterprise"])
    _tasks(office, by_entity["task"])
    _inspections(office, by_entity["inspection"])
    _cases(office, by_entity["case"])
    _documents(office, by_entity["document"])


def _delete(office: OfficeDB, table: str, ids: list[str], column: str = "id") -> None:
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        office.run(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' * len(part))})", part)


def _lookup(office: OfficeDB, sql: str, ids: list[str]) -> dict[str, Any]:
    """{id: value} of `sql` (SELECT id, value ... WHERE id IN ({marks})) for these ids, 500 at a time."""
    found: dict[str, Any] = {}
    unique = list(dict.fromkeys(i for i in ids if i))
    for start in range(0, len(unique), 500):
        part = unique[start:start + 500]
        found.update(office.rows(sql.format(marks=", ".join("?" * len(part))), part))
    return found


def _lookup_rows(office: OfficeDB, sql: str, ids: list[str]) -> list[tuple]:
    found: list[tuple] = []
    unique = list(dict.fromkeys(i for i in ids if i))
    for start in range(0, len(unique), 500):
        part = unique[start:start + 500]
        found += office.rows(sql.format(marks=", ".join("?" * len(part))), part)
    return found


def _enterprises(office: OfficeDB, items: list[tuple[str, dict[str, Any], bool]]) -> None:
    before = _lookup(office, "SELECT id, county FROM office_fig_enterprises WHERE id IN ({marks})",
                     [i for i, _, _ in items])
    _upsert(office, "office_fig_enterprises", ("id", "name", "county", "credit_code"),
            [(i, str(p.get("name", "")), str(p.get("county", "")), str(p.get("credit_code", "")))
             for i, p, _ in items])
    moved = [(str(p.get("county", "")), i) for i, p, _ in items if i in before and before[i] != p.get("county", "")]
    if moved:  # an enterprise's county changed: its inspections count there from now on
        run_many(office, "UPDATE office_fig_inspections SET county = ? WHERE enterprise_id = ?", moved)


def _tasks(office: OfficeDB, items: list[tuple[str, dict[str, Any], bool]]) -> None:
    before = _lookup(office, "SELECT id, kind FROM office_fig_tasks WHERE id IN ({marks})", [i for i, _, _ in items])
    changed = [(int(p.get("kind") == "random" and not deleted), i) for i, p, deleted in items
               if i in before and (deleted or before[i] != p.get("kind"))]
    if changed:  # a task's kind changed (or it went): its inspections are 双随机 ones or not from now on
        run_many(office, "UPDATE office_fig_inspections SET spot = ? WHERE task_id = ?", changed)
    _delete(office, "office_fig_tasks", [i for i, _, deleted in items if deleted])
    _upsert(office, "office_fig_tasks", ("id", "kind", "enterprise_id", "title", "due_date", "status", "officers",
                                         "updated_at"),
            [(i, str(p.get("kind", "")), str(p.get("enterprise_id", "")), str(p.get("title", "")),
              p.get("due_date") or None, str(p.get("status", "open")),
              json.dumps([{"cert_no": d.get("cert_no"), "name": d.get("name")} for d in p.get("officer_details", [])]
                         or [{"cert_no": c, "name": c} for c in p.get("officers", [])], ensure_ascii=False),
              str(p.get("updated_at", ""))) for i, p, deleted in items if not deleted])


def _inspections(office: OfficeDB, items: list[tuple[str, dict[str, Any], bool]]) -> None:
    _delete(office, "office_fig_inspections", [i for i, _, deleted in items if deleted])
    chains: dict[str, str] = {}
    rows = []
    places = _lookup(office, "SELECT id, county FROM office_fig_enterprises WHERE id IN ({marks})",
                     [str(p.get("enterprise_id", "")) for _, p, _ in items])
    kinds = _lookup(office, "SELECT id, kind FROM office_fig_tasks WHERE id IN ({marks})",
                    [str(p.get("task_id") or "") for _, p, _ in items])
    for inspection_id, p, deleted in items:
        if deleted:
            continue
        parent = p.get("amends_id")
        chain = inspection_id
        if isinstance(parent, str) and parent:
            chain = chains.get(parent) or _chain_of(office, parent) or parent
        chains[inspection_id] = chain
        findings = p.get("findings") if isinstance(p.get("findings"), list) else []
        immediate = any(isinstance(f, dict) and f.get(IMMEDIATE_KEY) is True for f in findings)
        rows.append((inspection_id, chain, str(p.get("enterprise_id", "")), p.get("task_id") or None,
                     day_of(p.get("started_at")), int(p.get("status") == "sealed"), len(findings), int(immediate),
                     p.get("sealed_at") or None, places.get(str(p.get("enterprise_id", "")), ""),
                     int(kinds.get(p.get("task_id") or "") == "random")))
    _upsert(office, "office_fig_inspections", ("id", "chain", "enterprise_id", "task_id", "day", "sealed", "findings",
                                               "immediate", "sealed_at", "county", "spot"), rows)


def _chain_of(office: OfficeDB, inspection_id: str) -> str | None:
    row = office.one("SELECT chain FROM office_fig_inspections WHERE id = ?", (inspection_id,))
    return row[0] if row else None


def _cases(office: OfficeDB, items: list[tuple[str, dict[str, Any], bool]]) -> None:
    ids = [i for i, _, _ in items]
    _delete(office, "office_fig_case_events", ids, "case_id")
    _delete(office, "office_fig_cases", [i for i, _, deleted in items if deleted])
    cases, events = [], []
    for case_id, p, deleted in items:
        if deleted:
            continue
        inspection_id, enterprise_id = str(p.get("inspection_id", "")), str(p.get("enterprise_id", ""))
        cases.append((case_id, inspection_id, enterprise_id))
        first: dict[str, str] = {}
        for event in p.get("events") or []:
            group = CASE_EVENTS.get(event.get("event")) if isinstance(event, dict) else None
            day = day_of(event.get("date")) if group else ""
            if group and day and (group not in first or day < first[group]):
                first[group] = day
        events += [(case_id, group, day, inspection_id, enterprise_id) for group, day in first.items()]
    _upsert(office, "office_fig_cases", ("id", "inspection_id", "enterprise_id"), cases)
    if events:
        run_many(office, "INSERT INTO office_fig_case_events (case_id, event, day, inspection_id, enterprise_id)"
                        " VALUES (?, ?, ?, ?, ?)", events)


def _documents(office: OfficeDB, items: list[tuple[str, dict[str, Any], bool]]) -> None:
    _delete(office, "office_fig_documents", [i for i, _, deleted in items if deleted])
    rows = []
    live = [(i, p) for i, p, deleted in items if not deleted]
    cases = {cid: (insp, ent) for cid, insp, ent in _lookup_rows(
        office, "SELECT id, inspection_id, enterprise_id FROM office_fig_cases WHERE id IN ({marks})",
        [str(p.get("case_id") or "") for _, p in live])}
    owners = _lookup(office, "SELECT id, enterprise_id FROM office_fig_inspections WHERE id IN ({marks})",
                     [str(p.get("inspection_id") or "") for _, p in live])
    for doc_id, p in live:
        facts = p.get("facts") if isinstance(p.get("facts"), dict) else {}
        case_id, inspection_id = p.get("case_id") or None, p.get("inspection_id") or None
        enterprise_id = ""
        if case_id in cases:
            inspection_id, enterprise_id = inspection_id or cases[case_id][0], cases[case_id][1]
        if inspection_id and not enterprise_id:
            enterprise_id = owners.get(inspection_id) or ""
            if not enterprise_id:
                found = office.one("SELECT enterprise_id FROM office_fig_inspections WHERE id = ?", (inspection_id,))
                enterprise_id = found[0] if found else ""
        amount = facts.get("amount_fen")
        current = p.get("status") == "issued" and not p.get("superseded_by")
        rows.append((doc_id, str(p.get("kind", "")), day_of(facts.get("issued_on") or p.get("issued_at")), case_id,
                     inspection_id, enterprise_id, int(amount) if isinstance(amount, int) else 0, int(current)))
    _upsert(office, "office_fig_documents", ("id", "kind", "day", "case_id", "inspection_id", "enterprise_id",
                                             "amount_fen", "current"), rows)
