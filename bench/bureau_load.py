"""Bureau load benchmark: many devices syncing at once against a real server, on SQLite and on PostgreSQL.

For each backend: a demo bureau, `eco-field bureau serve` on 127.0.0.1, and N simulated devices, each a
separate process speaking the sync protocol over real HTTP (enrol, then per inspection: push the
inspection and its evidence records, ask which photos are missing, upload them, pull the bureau's
changes). Every loop is bounded, every failed request is retried a bounded number of times. Prints
requests/s and p50/p99 latency, then checks that every record and every blob is there exactly once.

    python bench/bureau_load.py                           # 50 devices x 20 inspections x 5 photos, both backends
    python bench/bureau_load.py --devices 5 --inspections 3 --backends postgresql   # a quick run

The device processes run at nice 10 (--device-nice): they stand for laptops with CPUs of their own and
must not starve the server and its database of this machine's two cores.
PostgreSQL: --pg-url (a fresh schema is made in it), else $ECO_FIELD_TEST_PG_URL, else a throwaway cluster
from the PostgreSQL binaries on this machine (fsync on, as SQLite's synchronous=FULL).
--pg-stats counts the statements PostgreSQL ran during the devices' run (pg_stat_statements, loaded into the
throwaway cluster; with --pg-url the server must already preload it) and prints them per request.
Targets on the 2-core reference machine: 0 lost, 0 duplicated, p99 < 2 s, PostgreSQL >= SQLite in requests/s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_ATTEMPTS = 6
DEVICE_TIMEOUT_S = 900


# ---- one simulated device (runs in its own process; imports only httpx) ----

def device_main(config: dict) -> None:
    import httpx

    if config.get("nice"):
        os.nice(config["nice"])  # the devices are laptops elsewhere: here they must not starve the server

    rng_seed = config["index"]
    latencies: list[float] = []
    counts = Counter()
    base = config["url"]
    with httpx.Client(base_url=base, timeout=60) as client:
        def call(method: str, path: str, **kwargs) -> httpx.Response:
            for attempt in range(MAX_ATTEMPTS):
                started = time.perf_counter()
                try:
                    response = client.request(method, path, **kwargs)
                except httpx.TransportError:
                    counts["transport_errors"] += 1
                    response = None
                latencies.append(time.perf_counter() - started)
                counts["requests"] += 1
                if response is not None and response.status_code < 500 and response.status_code != 423:
                    return response
                counts["retries"] += 1
                time.sleep(min(2.0, 0.05 * 2 ** attempt))
            raise RuntimeError(f"{method} {path} failed {MAX_ATTEMPTS} times")

        enrolled = call("POST", "/enroll", json={"code": config["code"], "device_name": f"load {rng_seed}"})
        enrolled.raise_for_status()
        client.headers["Authorization"] = f"Bearer {enrolled.json()['token']}"
        print("ready", flush=True)
        go = Path(config["go_file"])
        for _ in range(6000):  # wait (bounded) until every device is ready, then start together
            if go.exists():
                break
            time.sleep(0.01)
        started_at = time.time()
        cursor, pulled, inspections, hashes = 0, 0, [], []
        cursor, pulled = _pull(call, cursor, pulled)
        for n in range(config["inspections"]):
            inspection_id = str(uuid.uuid4())
            photos = [os.urandom(config["photo_bytes"]) for _ in range(config["photos"])]
            entries = [_entry("inspection", inspection_id, {
                "id": inspection_id, "enterprise_id": config["enterprise_id"], "officers": [config["officer"]],
                "status": "draft", "started_at": "2026-11-28T09:00:00+08:00", "note": f"load {rng_seed}/{n}"})]
            for index, data in enumerate(photos):
                sha = hashlib.sha256(data).hexdigest()
                evidence_id = str(uuid.uuid4())
                entries.append(_entry("evidence", evidence_id, {
                    "id": evidence_id, "inspection_id": inspection_id, "sha256": sha, "size": len(data),
                    "kind": "photo", "original_name": f"IMG_{index:04d}.jpg"}))
                hashes.append(sha)
            pushed = call("POST", "/push", json={"entries": entries})
            pushed.raise_for_status()
            counts.update(r["status"] for r in pushed.json()["results"])
            missing = call("POST", "/blobs/missing", json={"hashes": hashes[-len(photos):]})
            missing.raise_for_status()
            wanted = set(missing.json()["missing"])
            for data in photos:
                sha = hashlib.sha256(data).hexdigest()
                if sha in wanted:
                    _upload(call, sha, data, counts)
            inspections.append(inspection_id)
            cursor, pulled = _pull(call, cursor, pulled)
        finished_at = time.time()
    print(json.dumps({"latencies": latencies, "counts": counts, "inspections": inspections, "hashes": hashes,
                      "pulled": pulled, "started_at": started_at, "finished_at": finished_at}), flush=True)


def _entry(entity: str, entity_id: str, payload: dict) -> dict:
    return {"entry_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": "upsert",
            "revision": 1, "payload": payload}


def _upload(call, sha: str, data: bytes, counts: Counter) -> None:
    offset = 0
    for _ in range(MAX_ATTEMPTS):
        response = call("PATCH", f"/uploads/{sha}", content=data[offset:], headers={
            "Upload-Offset": str(offset), "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream"})
        if response.status_code == 409:  # the bureau holds a different offset: resume from it
            offset = int(response.headers.get("Upload-Offset", 0))
            continue
        response.raise_for_status()
        if response.headers.get("Upload-Complete") == "1":
            counts["blobs_sent"] += 1
            return
        offset = int(response.headers["Upload-Offset"])
    raise RuntimeError(f"upload of {sha} did not complete")


def _pull(call, cursor: int, pulled: int) -> tuple[int, int]:
    for _ in range(1000):  # pages of changes (tasks, enterprises, ...) until there are no more
        response = call("GET", "/changes", params={"since": cursor, "limit": 200})
        response.raise_for_status()
        body = response.json()
        pulled += len(body["changes"])
        cursor = body["last_seq"]
        if not body["more"]:
            break
    return cursor, pulled


# ---- the benchmark ----

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--inspections", type=int, default=20, help="per device")
    parser.add_argument("--photos", type=int, default=5, help="per inspection")
    parser.add_argument("--photo-kb", type=int, default=64, help="size of each (random) photo")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=os.environ.get("ECO_FIELD_TEST_PG_URL"))
    parser.add_argument("--pg-workers", type=int, default=1, help="server processes on PostgreSQL (default 1)")
    parser.add_argument("--workers", type=int, help="server processes on every backend (overrides --pg-workers)")
    parser.add_argument("--device-nice", type=int, default=10,
                        help="CPU priority of the device processes (nice; default 10, 0 = same as the server):"
                             " on a real network the devices' CPUs are their own")
    parser.add_argument("--pg-stats", action="store_true",
                        help="print PostgreSQL's statements per request and the most frequent (pg_stat_statements)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        device_main(json.loads(args.worker))
        return 0
    sys.path.insert(0, str(ROOT))
    print(f"{args.devices} devices (nice {args.device_nice}) x {args.inspections} inspections x {args.photos} photos"
          f" of {args.photo_kb} KB;"
          f" {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bureau-load-") as tmp:
        for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
            with database(backend, args.pg_url, stats=args.pg_stats) as db_url:
                results.append(run_backend(backend, Path(tmp) / backend, db_url, args))
    print_table(results)
    missed = [f"{r['backend']}: {what}" for r in results for what, bad in (
        ("records or blobs lost", r["lost"]), ("duplicated", r["duplicated"]), ("corrupt blobs", r["corrupt_blobs"]),
        ("p99 >= 2 s", r["p99_ms"] >= 2000)) if bad]
    by = {r["backend"]: r for r in results}
    if "sqlite" in by and "postgresql" in by:
        ratio = by["postgresql"]["rps"] / by["sqlite"]["rps"]
        print(f"PostgreSQL / SQLite requests/s: {ratio:.2f}x (target >= 1.0)")
        if ratio < 1.0:
            missed.append("PostgreSQL slower than SQLite")
    print("targets met" if not missed else "TARGETS MISSED: " + "; ".join(missed))
    ok = not missed
    return 0 if ok else 1


class database:
    """None for SQLite; for PostgreSQL a fresh schema in --pg-url, or a durable throwaway cluster."""

    def __init__(self, backend: str, pg_url: str | None, *, stats: bool = False) -> None:
        self.backend, self.pg_url, self.cluster, self.schema = backend, pg_url, None, None
        self.stats = stats

    def __enter__(self) -> str | None:
        if self.backend == "sqlite":
            return None
        from tests.bureau_pg.cluster import Cluster, find_bindir, fresh_schema

        if self.pg_url:
            self.schema, url = fresh_schema(self.pg_url)
            return url
        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("PostgreSQL: give --pg-url or install the PostgreSQL binaries")
        self.cluster = Cluster(bindir, durable=True).init().start()
        if self.stats:  # the module must be preloaded: set it, then restart the cluster
            import psycopg

            with psycopg.connect(self.cluster.url, autocommit=True) as conn:
                conn.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'")
            self.cluster.restart()
        return self.cluster.url

    def __exit__(self, *exc) -> None:
        from tests.bureau_pg.cluster import drop_schema

        if self.schema:
            drop_schema(self.pg_url, self.schema)
        if self.cluster:
            self.cluster.destroy()


def prepare(data_dir: Path, db_url: str | None, devices: int) -> list[dict]:
    """A demo bureau and one enrolment code per device (officers of the counties, in turn)."""
    from eco_field import demo
    from eco_field.bureau import admin, auth
    from eco_field.bureau.storage import open_storage

    storage = open_storage(data_dir, db_url)
    try:
        admin.seed_demo(storage)
        officers = [o for o in demo.demo_officers() if o.unit != admin.CITY_UNIT]
        by_county = {}
        for record in storage.records("enterprise"):
            by_county.setdefault(record.unit, record.entity_id)
        plans = []
        for index in range(devices):
            officer = officers[index % len(officers)]
            code = auth.new_enroll_code(storage, officer.cert_no)["code"]
            plans.append({"index": index, "code": code, "officer": officer.cert_no,
                          "enterprise_id": by_county.get(officer.unit, "")})
        return plans
    finally:
        storage.close()


def run_backend(backend: str, data_dir: Path, db_url: str | None, args) -> dict:
    from tests.bureau_pg.cluster import free_port

    plans = prepare(data_dir, db_url, args.devices)
    port = free_port()
    workers = args.workers if args.workers is not None else (1 if backend == "sqlite" else args.pg_workers)
    env = dict(os.environ)
    if workers == 1:
        command = [sys.executable, "-m", "eco_field", "bureau", "serve", "--data-dir", str(data_dir),
                   "--port", str(port), *(["--db", db_url] if db_url else [])]
    else:  # several server processes on one port: uvicorn's workers over the app factory
        command = [sys.executable, "-m", "uvicorn", "--factory", "eco_field.bureau.app:app_from_env",
                   "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning"]
        env.update(ECO_BUREAU_DATA=str(data_dir), **({"ECO_BUREAU_DB": db_url} if db_url else {}))
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, server)
        if args.pg_stats and db_url:
            reset_statement_stats(db_url)
        outcomes, wall = run_devices(url, plans, data_dir, args)
        if args.pg_stats and db_url:
            print_statement_stats(db_url, sum(len(o["latencies"]) for o in outcomes))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {**summarise(backend, outcomes, wall, verify(data_dir, db_url, outcomes)), "workers": workers}


def reset_statement_stats(db_url: str) -> None:
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        conn.execute("SELECT pg_stat_statements_reset()")


def print_statement_stats(db_url: str, requests: int, top: int = 15) -> None:
    """What PostgreSQL ran for the devices' requests: statements (BEGIN and COMMIT included) per request,
    and the most frequent ones with their mean execution time."""
    import psycopg

    with psycopg.connect(db_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT s.calls, s.total_exec_time, s.query FROM pg_stat_statements s"
            " JOIN pg_database d ON d.oid = s.dbid AND d.datname = current_database()"
            " WHERE s.query NOT LIKE '%pg_stat_statements%' ORDER BY s.calls DESC").fetchall()
    calls = sum(r[0] for r in rows)
    print(f"PostgreSQL: {calls} statements for {requests} requests = {calls / max(requests, 1):.2f} per request;"
          f" {sum(r[1] for r in rows) / 1000:.1f} s executing")
    for n, total_ms, query in rows[:top]:
        print(f"  {n:>7} x {total_ms / max(n, 1):6.3f} ms  {' '.join(query.split())[:110]}")


def wait_ready(url: str, server: subprocess.Popen) -> None:
    import httpx

    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode(errors='replace')}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise SystemExit("server did not start")


def run_devices(url: str, plans: list[dict], data_dir: Path, args) -> tuple[list[dict], float]:
    go = data_dir / "go"
    procs = []
    for plan in plans:
        config = {**plan, "url": url, "go_file": str(go), "inspections": args.inspections, "photos": args.photos,
                  "photo_bytes": args.photo_kb * 1024, "nice": args.device_nice}
        procs.append(subprocess.Popen([sys.executable, __file__, "--worker", json.dumps(config)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for proc in procs:
        line = proc.stdout.readline()
        if line.strip() != "ready":
            raise SystemExit(f"a device did not enrol: {line} {proc.stderr.read()}")
    go.touch()
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=DEVICE_TIMEOUT_S)
        if proc.returncode != 0:
            raise SystemExit(f"a device failed: {err[-2000:]}")
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    wall = max(o["finished_at"] for o in outcomes) - min(o["started_at"] for o in outcomes)
    return outcomes, wall


def verify(data_dir: Path, db_url: str | None, outcomes: list[dict]) -> dict:
    """Lost and duplicated records and blobs, from the bureau's database and its blob store."""
    from eco_field.bureau.storage import open_storage

    expected_inspections = Counter(i for o in outcomes for i in o["inspections"])
    expected_blobs = Counter(h for o in outcomes for h in o["hashes"])
    storage = open_storage(data_dir, db_url)
    try:
        held = Counter(r.entity_id for r in storage.records("inspection"))
        evidence = Counter(r.sha256 for r in storage.records("evidence"))
        rows = storage.blob_sizes(list(expected_blobs))
    finally:
        storage.close()
    files = Counter()
    bad = 0
    for path in (data_dir / "blobs").rglob("*"):
        if path.is_file() and ".tmp" not in path.parts:
            files[path.name] += 1
            bad += hashlib.sha256(path.read_bytes()).hexdigest() != path.name
    lost = (sum((expected_inspections - held).values()) + sum((expected_blobs - evidence).values())
            + sum(1 for h in expected_blobs if h not in rows) + sum(1 for h in expected_blobs if not files[h]))
    duplicated = (sum(n - 1 for n in held.values() if n > 1) + sum(n - 1 for n in files.values() if n > 1)
                  + sum((held - expected_inspections).values()) + sum((evidence - expected_blobs).values()))
    return {"lost": lost, "duplicated": duplicated, "corrupt_blobs": bad, "records": sum(held.values()),
            "evidence": sum(evidence.values()), "blobs": len(files)}


def summarise(backend: str, outcomes: list[dict], wall: float, checked: dict) -> dict:
    latencies = sorted(x for o in outcomes for x in o["latencies"])
    counts = Counter()
    for o in outcomes:
        counts.update(o["counts"])

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"backend": backend, "devices": len(outcomes), "requests": len(latencies), "wall_s": wall,
            "rps": len(latencies) / wall, "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": latencies[-1] * 1000,
            "retries": counts["retries"], "applied": counts["applied"], "duplicate": counts["duplicate"],
            "conflict": counts["conflict"], "blobs_sent": counts["blobs_sent"], **checked}


def print_table(results: list[dict]) -> None:
    columns = ("backend", "workers", "devices", "requests", "wall_s", "rps", "p50_ms", "p99_ms", "max_ms", "retries",
               "records", "evidence", "blobs", "lost", "duplicated", "corrupt_blobs")
    print("  ".join(f"{c:>10}" for c in columns))
    for r in results:
        print("  ".join(f"{r[c]:>10.1f}" if isinstance(r[c], float) else f"{r[c]:>10}" for c in columns))


if __name__ == "__main__":
    sys.exit(main())
