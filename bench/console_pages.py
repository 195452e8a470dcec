"""Console page benchmark: server time of the approval queue, a case file and the devices page over a bureau
holding many synced records (SQLite, or PostgreSQL with --pg-url). Records are written straight into the
bureau's storage (as pushes would leave them); pages are asked for in-process through the real app (ASGI),
signed in as the roles that see them; prints the median and worst of --repeat requests per page.

    python bench/console_pages.py --inspections 20000 --cases 2000
    python bench/console_pages.py --pg-url postgresql://... --inspections 100000 --cases 5000

Target (issue 18): a console page in at most 200 ms of server time with 100,000 inspections on PostgreSQL.

Measured on the 2-core reference machine, shared with other work (2026-12-05): PostgreSQL, 100,000 inspections
(and 100,000 documents), 500 open cases all waiting for 立案审批: start page 14 ms, approval queue 77 ms (worst
126), a case file 35 ms, devices 11 ms (medians of 5). SQLite, 20,000 inspections and 2,000 waiting cases:
the queue 261 ms — it runs the procedure engine over every open case; it grows with open cases, not with
inspections.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fastapi.testclient import TestClient  # noqa: E402

from eco_field.bureau import admin  # noqa: E402
from eco_field.bureau.app import create_app  # noqa: E402
from eco_field.bureau.office import staff  # noqa: E402
from eco_field.bureau.office.db import open_office_db  # noqa: E402
from eco_field.bureau.storage import Record, open_storage  # noqa: E402
from eco_field.clock import now_local, utc_now  # noqa: E402

PASSWORD = "bench-password-1"


def fill(data_dir: Path, db_url: str | None, inspections: int, cases: int) -> str:
    storage = open_storage(data_dir, db_url)
    admin.seed_demo(storage)
    enterprises = [r for r in storage.records("enterprise")]
    today = now_local().date().isoformat()
    case_id = ""
    with storage.transaction():
        for n in range(inspections):
            ent = enterprises[n % len(enterprises)]
            inspection_id = str(uuid.uuid4())
            storage.put_record(Record("inspection", inspection_id, 1, ent.unit or "离石区",
                                      {"enterprise_id": ent.entity_id, "officers": ["14110100001"],
                                       "started_at": f"{today}T09:00:00+08:00", "status": "sealed"},
                                      origin_device="bench", updated_at=utc_now()))
            storage.put_record(Record("document", str(uuid.uuid4()), None, ent.unit or "离石区",
                                      {"inspection_id": inspection_id, "kind": "inspection-record",
                                       "number": f"吕环检〔2026〕{n + 1}号", "issued_at": utc_now()},
                                      origin_device="bench", updated_at=utc_now()))
            if n < cases:
                case_id = str(uuid.uuid4())
                storage.put_record(Record("case", case_id, 1, ent.unit or "离石区", {
                    "id": case_id, "inspection_id": inspection_id, "enterprise_id": ent.entity_id,
                    "facts": "物料堆场未覆盖", "status": "open", "opened_at": utc_now(),
                    "violations": [{"catalog_id": "AIR-10", "facts": "", "evidence_ids": []}],
                    "events": [{"event": "discovered", "date": today, "note": "现场检查", "data": {}}],
                    "assessment": None, "revision": 1}, origin_device="bench", updated_at=utc_now()))
    office = open_office_db(storage)
    staff.add_user(office, "leader", "leader", PASSWORD)
    staff.add_user(office, "admin", "admin", PASSWORD)
    office.close()
    storage.close()
    return case_id


def signed_in(client: TestClient, username: str) -> None:
    form = client.get("/console/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    assert client.post("/console/login", data={"username": username, "password": PASSWORD, "csrf_token": token},
                       follow_redirects=False).status_code == 303


def timed(client: TestClient, path: str, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = client.get(path)
        times.append(time.perf_counter() - start)
        assert answer.status_code == 200, (path, answer.status_code)
    return statistics.median(times) * 1000, max(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inspections", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pg-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        case_id = fill(Path(tmp), args.pg_url, args.inspections, args.cases)
        print(f"{args.inspections} inspections, {args.cases} cases written in {time.perf_counter() - started:.1f} s"
              f" ({'PostgreSQL' if args.pg_url else 'SQLite'})")
        app = create_app(Path(tmp), db_url=args.pg_url)
        with TestClient(app, base_url="http://127.0.0.1") as leader, TestClient(app, base_url="http://127.0.0.1") as adm:
            signed_in(leader, "leader")
            signed_in(adm, "admin")
            for client, path in ((leader, "/console/"), (leader, "/console/approvals"),
                                 (leader, f"/console/approvals/{case_id}"), (adm, "/console/devices")):
                median, worst = timed(client, path, args.repeat)
                print(f"{path:60s} median {median:8.1f} ms   worst {worst:8.1f} ms")


if __name__ == "__main__":
    main()
