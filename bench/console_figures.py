"""The office's figures and console pages with 100,000 inspections on PostgreSQL (issue 18).

    python bench/console_figures.py                      # 100,000 inspections, a throwaway cluster
    python bench/console_figures.py --inspections 20000 --pg-url postgresql://...

Rows are generated straight into the bureau's records table with COPY (as if devices had pushed them: 1,300
enterprises, 60% of inspections on 双随机 tasks, cases with their steps, decisions and orders), and 1,400
complaints into the office table. Printed, each the median of --rounds runs:
- baseline: a bare `SELECT count(*) FROM records` on the same database;
- catch-up: the office projection reading the whole feed once (first figures after the rows arrive, or after
  office migration 0016 rebuilt the projection);
- figures: computed once caught up (target <= 1 s), again with nothing new (the result is kept until the feed
  or a complaint moves), and after 1,000 new inspections arrive (target <= 1 s, their catch-up included; the
  catch-up alone printed beside it: it costs what the new records cost, not what the feed holds);
- console pages: GET /console/figures, /console/tasks and /console/complaints on a running `bureau serve`
  (target <= 200 ms), after one warm-up request, timed at the client on 127.0.0.1 (so an upper bound of the
  server time), beside GET /health.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eco_field.records import COUNTIES  # noqa: E402

YEAR = 2025
COLUMNS = ("entity", "entity_id", "revision", "unit", "payload_json", "deleted", "origin_device", "target_device",
           "inspection_id", "sha256", "seq", "updated_at")


def timed(fn, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def day(rng: random.Random) -> str:
    return f"{YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def rows(n_inspections: int, seq0: int, rng: random.Random):
    """(entity, id, payload) of enterprises, tasks, inspections, cases and documents."""
    fixed = random.Random(1)  # the same enterprises on every call
    enterprises = [(str(uuid.UUID(int=fixed.getrandbits(128))), COUNTIES[i % len(COUNTIES)]) for i in range(1300)]
    if seq0 == 0:
        for eid, county in enterprises:
            yield "enterprise", eid, county, {"id": eid, "name": f"企业{eid[:6]}", "county": county,
                                              "credit_code": eid[:18].upper()}
    for _ in range(n_inspections):
        eid, county = enterprises[rng.randrange(len(enterprises))]
        task_id = None
        if rng.random() < 0.6:
            task_id = str(uuid.uuid4())
            yield "task", task_id, county, {"id": task_id, "kind": "random", "enterprise_id": eid, "title": "双随机抽查",
                                            "due_date": day(rng), "status": "open", "officers": ["a", "b"]}
        iid, started = str(uuid.uuid4()), day(rng)
        findings = []
        if rng.random() < 0.08:
            findings = [{"item_id": "GEN-07", "facts": "问题", "rectified_on_site": rng.random() < 0.2}]
        sealed = rng.random() < 0.95
        yield "inspection", iid, county, {
            "id": iid, "enterprise_id": eid, "officers": ["a", "b"], "started_at": f"{started}T09:00:00+08:00",
            "task_id": task_id, "findings": findings, "checklist": {}, "status": "sealed" if sealed else "draft",
            "sealed_at": f"{started}T03:00:00+00:00" if sealed else None, "revision": 2}
        if findings and rng.random() < 0.6:
            cid = str(uuid.uuid4())
            events = [{"event": "filed", "date": started}]
            for code, share in (("seized", 0.1), ("production_limited", 0.03), ("detention_transfer", 0.05),
                                ("criminal_transfer", 0.01)):
                if rng.random() < share:
                    events.append({"event": code, "date": started})
            yield "case", cid, county, {"id": cid, "inspection_id": iid, "enterprise_id": eid, "events": events,
                                        "status": "open"}
            doc = str(uuid.uuid4())
            yield "document", doc, county, {"id": doc, "kind": "penalty-decision", "case_id": cid, "status": "issued",
                                            "facts": {"amount_fen": rng.randint(1, 500) * 100000, "issued_on": started},
                                            "issued_at": f"{started}T02:00:00+00:00"}
        elif findings:
            doc = str(uuid.uuid4())
            yield "document", doc, county, {"id": doc, "kind": "rectification-order", "inspection_id": iid,
                                            "status": "issued", "facts": {"issued_on": started},
                                            "issued_at": f"{started}T02:00:00+00:00"}


def load(url: str, n: int, seq0: int, rng: random.Random) -> int:
    import psycopg

    seq = seq0
    with psycopg.connect(url) as conn:
        with conn.cursor().copy(f"COPY records ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for entity, eid, unit, payload in rows(n, seq0, rng):
                seq += 1
                copy.write_row((entity, eid, 1, unit, json.dumps(payload, ensure_ascii=False, sort_keys=True),
                                False, "bench", None, None, None, seq, "2025-12-31T00:00:00+00:00"))
        conn.execute("UPDATE feed_counter SET value = %s", (seq,))
    return seq


def complaints(office, count: int, rng: random.Random) -> None:
    from eco_field.bureau.office import complaints as c
    from eco_field.bureau.office.projection import run_many

    values = []
    for i in range(count):
        received = f"{YEAR}-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
        close_due = f"{YEAR}-{rng.randint(3, 12):02d}-{rng.randint(1, 28):02d}"
        row = dict.fromkeys(c.COLUMNS)
        row.update(id=str(uuid.uuid4()), number=f"信{YEAR}-{i + 1:05d}", channel="来信", source_ref="", route="direct",
                   received_on=received, content="反映", petitioner="", contact="", anonymous=0, enterprise_name="",
                   county=COUNTIES[i % len(COUNTIES)], accept_due=received, accepted_on=received,
                   not_accepted_reason="", close_due=close_due, extension_days=0, extension_reason="", extension_by="",
                   closed_on=close_due, result="属实", reply="", created_by="bench", created_at="x", updated_at="x")
        values.append(tuple(row[k] for k in c.COLUMNS))
    with office.transaction():
        run_many(office, f"INSERT INTO office_complaints ({', '.join(c.COLUMNS)})"
                 f" VALUES ({', '.join('?' * len(c.COLUMNS))})", values)


def console_times(url: str, data_dir: Path, rounds: int) -> dict[str, float]:
    import httpx

    from tests.sync.conftest import BureauServer, eco_field_command

    server = BureauServer(data_dir, url)
    server.workers_args = lambda: ["--workers", "1"]
    subprocess.run([*eco_field_command(), "bureau", "users", "add", "juzhang", "--role", "leader", "--password-stdin",
                    "--data-dir", str(data_dir), "--db", url], input="Bench-pass-2026\n", text=True, check=True,
                   capture_output=True)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            page = client.get("/console/login")
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
            client.post("/console/login", data={"username": "juzhang", "password": "Bench-pass-2026",
                                                "csrf_token": token})
            client.get(f"/console/figures?year={YEAR}")  # warm: templates compiled, pool connected
            result = {"GET /health": timed(lambda: client.get("/health"), rounds)[0]}
            for path in (f"/console/figures?year={YEAR}", "/console/tasks", "/console/complaints"):
                elapsed, response = timed(lambda p=path: client.get(p), rounds)
                assert response.status_code == 200, (path, response.status_code)
                result[f"GET {path}"] = elapsed
        return result
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inspections", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pg-url", default=None)
    args = parser.parse_args()
    from eco_field.bureau.office import figures, projection
    from eco_field.bureau.office.db import open_office_db
    from eco_field.bureau.storage import open_storage
    from tests.bureau_pg.cluster import drop_schema, fresh_schema, shared_server

    server_url = args.pg_url or shared_server()
    if not server_url:
        print("no PostgreSQL: give --pg-url or install the server binaries", file=sys.stderr)
        return 2
    schema, url = fresh_schema(server_url)
    rng = random.Random(18)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            storage = open_storage(Path(tmp), url)
            office = open_office_db(storage)
            start = time.perf_counter()
            seq = load(url, args.inspections, 0, rng)
            complaints(office, 1400, rng)
            print(f"generated {seq:,} records ({args.inspections:,} inspections) in {time.perf_counter() - start:.1f} s")
            baseline = timed(lambda: office.rows("SELECT count(*) FROM records"), args.rounds)[0]
            start = time.perf_counter()
            read = projection.catch_up(office)
            print(f"catch-up (once, the whole feed): {read:,} records in {time.perf_counter() - start:.2f} s")
            elapsed, data = timed(lambda: figures._compute(office, YEAR, None), args.rounds)  # never cached
            county, _ = timed(lambda: figures._compute(office, YEAR, "离石区"), args.rounds)
            figures.figures(office, YEAR)
            cached, _ = timed(lambda: figures.figures(office, YEAR), args.rounds)
            catch_ups, after_push = [], []
            for _ in range(args.rounds):  # each round: 1,000 more inspections pushed, then the figures read
                seq = load(url, 1000, seq, rng)
                start = time.perf_counter()
                projection.catch_up(office)
                catch_ups.append(time.perf_counter() - start)
                figures.figures(office, YEAR)
                after_push.append(time.perf_counter() - start)
            print(f"baseline SELECT count(*) FROM records: {baseline * 1000:8.1f} ms")
            print(f"figures --year {YEAR}:                   {elapsed * 1000:8.1f} ms  (target <= 1000 ms)")
            print(f"figures --year {YEAR} --county 离石区:      {county * 1000:8.1f} ms")
            print(f"figures again, nothing new synced:      {cached * 1000:8.1f} ms  (kept until the feed moves)")
            print(f"figures after 1,000 new inspections:    {statistics.median(after_push) * 1000:8.1f} ms"
                  "  (target <= 1000 ms; catch-up included)")
            print(f"  of which the catch-up (~1,700 records): {statistics.median(catch_ups) * 1000:6.1f} ms")
            print("  " + ", ".join(f"{k} {data[k]:,}" for k in figures.KEYS))
            office.close()
            storage.close()
            for name, value in console_times(url, Path(tmp), args.rounds).items():
                print(f"{name:40s} {value * 1000:8.1f} ms" + ("  (target <= 200 ms)" if "console" in name else ""))
    finally:
        drop_schema(server_url, schema)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
