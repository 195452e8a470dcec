"""Cases for the procedure tests: a real inspection some weeks ago with real photos imported (one at the site
and in the window, one optionally flagged), so every date of the walk lies in the past like a real file."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

from eco_field.clock import now_local
from eco_field.evidence.service import import_paths
from eco_field.law import cases
from eco_field.store import enterprises, inspections, officers, settings
from eco_field.store.database import write_transaction
from tests.evidence.conftest import SITE_LAT, SITE_LON, make_photo

TODAY = now_local().date()  # the app's day (Asia/Shanghai), which is not the machine's near midnight UTC


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


def workdays_ago(workspace, count: int) -> str:
    """The day count working days before today (the holiday calendar of the workspace)."""
    from eco_field.law.workdays import load_calendar

    calendar, day, left = load_calendar(workspace.data_dir), TODAY, count
    while left:
        day -= timedelta(days=1)
        left -= calendar.is_working_day(day)
    return day.isoformat()


def recent_case(workspace, tmp_path: Path, violations: tuple[str, ...] = ("AIR-10",), days_ago: int = 30,
                flagged: bool = False, facts: str = "物料堆场未采取有效覆盖措施") -> dict:
    """A case on an inspection held days_ago, with one good photo (and a flagged one if asked)."""
    db = workspace.db
    ent = enterprises.list_enterprises(db)[0]
    ent.lat, ent.lon, ent.radius_m = SITE_LAT, SITE_LON, 500.0
    enterprises.upsert(db, ent)
    day = TODAY - timedelta(days=days_ago)
    certs = [o.cert_no for o in officers.list_officers(db)[:2]]
    made = inspections.create(db, ent.id, certs, started_at=f"{day.isoformat()}T09:00:00+08:00")
    inspections.update(db, made.id, ended_at=f"{day.isoformat()}T11:00:00+08:00")
    stamp = day.strftime("%Y:%m:%d")
    photos = [make_photo(tmp_path / "photos" / "site.jpg", taken=f"{stamp} 09:30:00", seed=1)]
    if flagged:  # taken years earlier and far away
        photos.append(make_photo(tmp_path / "photos" / "old.jpg", taken="2019:03:01 10:00:00", lat=SITE_LAT + 5,
                                 lon=SITE_LON + 5, seed=2))
    import_paths(workspace, made.id, photos, workers=1)
    ids = {Path(r[1]).stem: r[0] for r in db.execute(
        "SELECT id, original_name FROM evidence WHERE inspection_id = ?", [made.id])}
    case = cases.new_case(db, made.id, [cases.CaseViolation(v, "", list(ids.values())) for v in violations], facts)
    return {"id": case.id, "inspection_id": made.id, "photos": ids, "discovered": day.isoformat(),
            "officers": [o.name for o in inspections.get(db, made.id).officers]}


BUREAU_DETAILS = {"doc_bureau_address": "吕梁市离石区龙凤南路", "doc_contact": "张科长 0358-8222222",
                  "doc_payment_bank": "中国工商银行吕梁分行", "doc_payment_account": "吕梁市财政局 0508000000000000000",
                  "doc_review_body": "吕梁市人民政府", "doc_court": "离石区人民法院"}


def bureau_details(workspace) -> None:
    """The bureau's details every decision prints (issuing refuses without them)."""
    with write_transaction(workspace.db):
        for key, value in BUREAU_DETAILS.items():
            settings.put(workspace.db, key, value)


def allow_roles(workspace, roles: str = "局负责人,法制审核人员,承办人,承办机构负责人") -> None:
    """The laptop may approve as these roles; the bureau's details a decision must print are filled in."""
    with write_transaction(workspace.db):
        settings.put(workspace.db, "approval_roles_on_device", roles)
        for key, value in BUREAU_DETAILS.items():
            settings.put(workspace.db, key, value)


def next_of(cli, case_id: str) -> tuple[dict, dict]:
    """(events, documents) of `cases next --json`, each {code: reason or ""}."""
    out = cli("cases", "next", case_id, "--json")
    assert out.returncode == 0, out.stderr
    data = out.json()
    return ({e["event"]: e["reason"] for e in data["events"]},
            {d["kind"]: d["reason"] for d in data["documents"]})


def ok(out) -> None:
    assert out.returncode == 0, out.stderr


def refused(out, *words: str) -> None:
    assert out.returncode == 2, (out.stdout, out.stderr)
    for word in words:
        assert word in out.stderr, out.stderr


def file_case(cli, case_id: str, day: int) -> None:
    """Filed (立案) `day` days ago, with the 局负责人's 立案审批 the same day."""
    ok(cli("cases", "approve", case_id, "filing", "--by", "李建国", "--role", "局负责人", "--date", ago(day)))
    ok(cli("cases", "event", case_id, "filed", "--date", ago(day)))


def fine_decided_and_served(cli, case_id: str, tmp_path: Path) -> None:
    """A filed exceedance case walked to a served fine of 100,000 元 with its 责令改正 order, as the 按日连续处罚
    walks need it: monitoring report 57 days ago, investigated 55, notice 50, statements waived 49, decision
    approved and issued 48, decision and order issued and served 47."""
    ok(cli("cases", "assess", case_id, "--amount", "100000", "--reason", "首次超标", "--factor", "impact=small"))
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 scan\n%%EOF\n")
    ok(cli("cases", "report", case_id, "--number", "JC-07", "--body", "山西省生态环境监测中心", "--date", ago(57),
           "--file", str(report)))
    ok(cli("cases", "event", case_id, "investigated", "--date", ago(55)))
    ok(cli("documents", "render", "penalty-notice", "--case", case_id, "--date", ago(50)))
    ok(cli("cases", "event", case_id, "notified", "--date", ago(50)))
    ok(cli("cases", "event", case_id, "waived", "--date", ago(49), "--note", "当事人书面放弃陈述申辩"))
    ok(cli("cases", "approve", case_id, "decision", "--by", "李建国", "--role", "局负责人", "--date", ago(48)))
    ok(cli("documents", "render", "penalty-decision", "--case", case_id, "--date", ago(48)))
    ok(cli("cases", "event", case_id, "decided", "--date", ago(48)))
    ok(cli("cases", "event", case_id, "served", "--date", ago(47)))
    ok(cli("documents", "render", "rectification-order", "--case", case_id, "--date", ago(47)))
    ok(cli("cases", "event", case_id, "order_served", "--date", ago(47)))


def pdf_text(pdf: str | Path) -> str:
    """The issued PDF's text as pdftotext reads it back, blanks and line breaks removed (wrapped phrases match)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())
