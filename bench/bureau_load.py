"""Bureau load benchmark: many devices syncing at once against a real server, on SQLite and on PostgreSQL.

For each backend: a demo bureau, `eco-field bureau serve` on 127.0.0.1 as it runs by default (one process
on SQLite, one per CPU on PostgreSQL), and N simulated devices, each a separate process speaking the sync
protocol over real HTTP (enrol, then per inspection: push the inspection and its evidence records, ask
which photos are missing, upload them, pull the bureau's changes). Every loop is bounded, every failed
request is retried a bounded number of times. Prints requests/s and p50/p99 latency, then checks that
every record and every blob is there exactly once. The backends run in rounds, in alternating order, and
their medians are compared.

    python bench/bureau_load.py                           # 50 devices x 20 inspections x 5 photos, both backends
    python bench/bureau_load.py --devices 5 --inspections 3 --backends postgresql --rounds 1   # a quick run

The device processes run at nice 10 (--device-nice) and speak HTTP through the standard library: they
stand for laptops with CPUs of their own and must not starve the server and its database of this
machine's two cores.
PostgreSQL: --pg-url (a fresh schema is made in it), else $ECO_FIELD_TEST_PG_URL, else a throwaway cluster
from the PostgreSQL binaries on this machine (fsync on, as SQLite's synchronous=FULL).
--pg-stats counts the statements PostgreSQL ran during the devices' run (pg_stat_statements, loaded into the
throwaway cluster; with --pg-url the server must already preload it) and prints them per request.
Targets on the 2-core reference machine: 0 lost, 0 duplicated, p99 < 2 s, PostgreSQL >= SQLite in requests/s.

Measured there (quiet, 3 rounds, 2026-11-28): SQLite median 474 requests/s (p99 241 ms); PostgreSQL with its
default 2 server processes 599 (p99 257 ms), 1.26x (rounds 1.14-1.34x); 0 lost or duplicated. With one
PostgreSQL process (--pg-workers 1) it is 0.88x: one Python process is the ceiling on either backend, and
only PostgreSQL lets a second one share the load.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
MAX_ATTEMPTS = 6
DEVICE_TIMEOUT_S = 900


# ---- one simulated device (runs in its own process; imports only httpx) ----

def device_main(config: dict) -> None:
    if config.get("nice"):
        os.nice(config["nice"])  # the devices are laptops elsewhere: here they must not starve the server

    rng_seed = config["index"]
    rng = random.Random(rng_seed)
    latencies: list[float] = []
    counts = Counter()
    client = DeviceClient(config["url"])

    def call(method: str, path: str, **kwargs) -> Reply:
        for attempt in range(MAX_ATTEMPTS):
            started = time.perf_counter()
            try:
                response = client.request(method, path, **kwargs)
            except OSError:
                counts["transport_errors"] += 1
                response = None
            latencies.append(time.perf_counter() - started)
            counts["requests"] += 1
            if response is not None and response.status < 500 and response.status != 423:
                return response
            counts["retries"] += 1
            time.sleep(min(2.0, 0.05 * 2 ** attempt))
        raise RuntimeError(f"{method} {path} failed {MAX_ATTEMPTS} times")

    enrolled = call("POST", "/enroll", json={"code": config["code"], "device_name": f"load {rng_seed}"}).ok()
    client.headers["Authorization"] = f"Bearer {enrolled['token']}"
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
        photos = [rng.randbytes(config["photo_bytes"]) for _ in range(config["photos"])]
        entries = [_entry("inspection", inspection_id, "create", 1, {
            "id": inspection_id, "enterprise_id": config["enterprise_id"], "officers": [config["officer"]],
            "status": "draft", "started_at": "2026-11-28T09:00:00+08:00", "place": f"load {rng_seed}/{n}",
            "revision": 1})]
        for index, data in enumerate(photos):
            sha = hashlib.sha256(data).hexdigest()
            evidence_id = str(uuid.uuid4())
            entries.append(_entry("evidence", evidence_id, "import", None, {
                "inspection_id": inspection_id, "sha256": sha, "size": len(data), "kind": "photo",
                "original_name": f"IMG_{index:04d}.jpg"}))
            hashes.append(sha)
        pushed = call("POST", "/push", json={"entries": entries}).ok()
        counts.update(r["status"] for r in pushed["results"])
        wanted = set(call("POST", "/blobs/missing", json={"hashes": hashes[-len(photos):]}).ok()["missing"])
        for data in photos:
            sha = hashlib.sha256(data).hexdigest()
            if sha in wanted:
                _upload(call, sha, data, counts)
        inspections.append(inspection_id)
        cursor, pulled = _pull(call, cursor, pulled)
    finished_at = time.time()
    client.close()
    print(json.dumps({"latencies": latencies, "counts": counts, "inspections": inspections, "hashes": hashes,
                      "pulled": pulled, "started_at": started_at, "finished_at": finished_at}), flush=True)


class Reply:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def ok(self) -> dict:
        if self.status >= 400:
            raise RuntimeError(f"HTTP {self.status}: {self.body[:300]!r}")
        return json.loads(self.body) if self.body else {}


class DeviceClient:
    """HTTP/1.1 with keep-alive over the standard library: the devices share the server's two cores here,
    and http.client costs them about a quarter of the CPU httpx does, which the server then has."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.headers: dict[str, str] = {}

    def request(self, method: str, path: str, *, json: object = None, content: bytes | None = None,
                params: dict | None = None, headers: dict | None = None) -> Reply:
        if params:
            path = f"{path}?{urlencode(params)}"
        sent = {**self.headers, **(headers or {})}
        body = content
        if json is not None:
            body, sent["Content-Type"] = _json_bytes(json), "application/json"
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:  # a fresh connection for the retry
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            raise OSError(str(exc)) from exc
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)

    def close(self) -> None:
        self.conn.close()


def _json_bytes(value: object) -> bytes:
    return json.dumps(value).encode()


def _entry(entity: str, entity_id: str, op: str, revision: int | None, payload: dict) -> dict:
    """An outbox entry as the bureau declares it (bureau/schemas/entries.py)."""
    return {"entry_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": op,
            "revision": revision, "payload": payload}


def _upload(call, sha: str, data: bytes, counts: Counter) -> None:
    offset = 0
    for _ in range(MAX_ATTEMPTS):
        response = call("PATCH", f"/uploads/{sha}", content=data[offset:], headers={
            "Upload-Offset": str(offset), "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream"})
        if response.status == 409:  # the bureau holds a different offset: resume from it
            offset = int(response.headers.get("upload-offset", 0))
            continue
        response.ok()
        if response.headers.get("upload-complete") == "1":
            counts["blobs_sent"] += 1
            return
        offset = int(response.headers["upload-offset"])
    raise RuntimeError(f"upload of {sha} did not complete")


def _pull(call, cursor: int, pulled: int) -> tuple[int, int]:
    for _ in range(1000):  # pages of changes (tasks, enterprises, ...) until there are no more
        body = call("GET", "/changes", params={"since": cursor, "limit": 200}).ok()
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
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of each backend, in alternating order (default 3); the medians are compared")
    parser.add_argument("--pg-url", default=os.environ.get("ECO_FIELD_TEST_PG_URL"))
    parser.add_argument("--pg-workers", type=int,
                        help="server processes on PostgreSQL (default: `bureau serve`'s, one per CPU)")
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
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    print(f"{args.devices} devices (nice {args.device_nice}) x {args.inspections} inspections x {args.photos} photos"
          f" of {args.photo_kb} KB; {args.rounds} round(s) of {', '.join(backends)};"
          f" {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="bureau-load-") as tmp:
        for round_no in range(1, args.rounds + 1):
            # alternate the order, so a burst of load elsewhere on the machine does not always hit one side
            for backend in backends if round_no % 2 else backends[::-1]:
                with database(backend, args.pg_url, stats=args.pg_stats) as db_url:
                    result = run_backend(backend, Path(tmp) / f"{backend}-{round_no}", db_url, args)
                results.append({**result, "round": round_no})
                print_table([results[-1]], header=len(results) == 1)
    return report(results)


def report(results: list[dict]) -> int:
    """Targets: nothing lost, duplicated or corrupt, p99 < 2 s in every run; PostgreSQL's median
    requests/s at least SQLite's."""
    missed = [f"{r['backend']} round {r['round']}: {what}" for r in results for what, bad in (
        ("records or blobs lost", r["lost"]), ("duplicated", r["duplicated"]), ("corrupt blobs", r["corrupt_blobs"]),
        ("p99 >= 2 s", r["p99_ms"] >= 2000)) if bad]
    by: dict[str, list[dict]] = {}
    for r in results:
        by.setdefault(r["backend"], []).append(r)
    for backend, runs in by.items():
        each = ", ".join(f"{r['rps']:.0f}" for r in runs)
        print(f"{backend}: median {statistics.median(r['rps'] for r in runs):.1f} requests/s (runs {each}),"
              f" median p99 {statistics.median(r['p99_ms'] for r in runs):.0f} ms")
    if "sqlite" in by and "postgresql" in by:
        ratio = statistics.median(r["rps"] for r in by["postgresql"]) / statistics.median(r["rps"] for r in by["sqlite"])
        rounds = [pg["rps"] / sq["rps"] for pg, sq in zip(by["postgresql"], by["sqlite"], strict=False)]
        print(f"PostgreSQL / SQLite requests/s: {ratio:.2f}x of the medians (target >= 1.0);"
              f" by round {', '.join(f'{x:.2f}x' for x in rounds)}")
        if ratio < 1.0:
            missed.append("PostgreSQL slower than SQLite")
    print("targets met" if not missed else "TARGETS MISSED: " + "; ".join(missed))
    return 0 if not missed else 1


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
    from eco_field.cli.bureau import serve_workers
    from tests.bureau_pg.cluster import free_port

    plans = prepare(data_dir, db_url, args.devices)
    port = free_port()
    workers = serve_workers(args.pg_workers if db_url else None, db_url)
    command = [sys.executable, "-m", "eco_field", "bureau", "serve", "--data-dir", str(data_dir),
               "--port", str(port), "--workers", str(workers), *(["--db", db_url] if db_url else [])]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url, server)
        if args.pg_stats and db_url:
            reset_statement_stats(db_url)
        outcomes, wall = run_devices(url, plans, data_dir, args)
        if args.pg_stats and db_url:
            print_statement_stats(db_url, sum(len(o["latencies"]) for o in outcomes))
    finally:
        server.terminate()  # uvicorn stops its worker processes too
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
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


def print_table(results: list[dict], header: bool = True) -> None:
    columns = ("backend", "round", "workers", "devices", "requests", "wall_s", "rps", "p50_ms", "p99_ms", "max_ms",
               "retries", "records", "evidence", "blobs", "lost", "duplicated", "corrupt_blobs")
    if header:
        print("  ".join(f"{c:>10}" for c in columns))
    for r in results:
        print("  ".join(f"{r[c]:>10.1f}" if isinstance(r[c], float) else f"{r[c]:>10}" for c in columns), flush=True)


if __name__ == "__main__":
    sys.exit(main())
