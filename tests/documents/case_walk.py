"""Walking a case through the real procedure steps (eco_field.law) so each document kind is issued at its step,
and reading the issued PDFs back (their text, pypdfium2: tests/pdftools.py). Dates lie in the past, as in a real file."""

from __future__ import annotations

import re
import time
from pathlib import Path

from eco_field.clock import utc_now
from eco_field.documents import numbering, service
from eco_field.law import case_steps, cases
from eco_field.store import settings
from eco_field.store.database import write_transaction
from tests import pdftools
from tests.law.procedure_helpers import ago, allow_roles, recent_case

# what no issued document may print: the calculator's working and internal ids
# (no \b around ids: in text read back without blanks they sit between CJK characters, which \b counts as word)
FORBIDDEN = re.compile(r"建议罚款|尚需查明|免罚预检|裁量起点|Σ|\[Y|(?<![A-Z])(?:AIR|WAT|SW|HW|EIA|PER|NOI|EMR)-\d{2}(?!\d)"
                       r"|SX-[A-Z]")

BUREAU = {"doc_bureau_address": "山西省吕梁市离石区龙凤南路6号", "doc_contact": "王明 0358-8223456",
          "doc_payment_bank": "中国工商银行吕梁分行", "doc_payment_account": "0508000109024900123",
          "doc_payment_name": "吕梁市财政局非税收入汇缴结算户", "doc_review_body": "吕梁市人民政府",
          "doc_court": "离石区人民法院"}


def prepare(workspace) -> None:
    allow_roles(workspace)  # (it also enters bureau settings of its own; ours below win)
    with write_transaction(workspace.db):
        for key, value in BUREAU.items():
            settings.put(workspace.db, key, value)
    year = int(ago(0)[:4])
    for y in {year, year - 1}:
        for kind in numbering.DEFAULT_CODES:
            try:
                numbering.add_block(workspace.db, kind, y, 1, 200)
            except Exception:  # noqa: BLE001 - a block entered already
                pass


def issue(workspace, kind: str, case_id: str, folder: Path, day: str | None = None) -> tuple[dict, str]:
    """Issue at the step; dated (as a file recorded after the fact) on day, by default the date of the last
    step recorded, so the events after it (its service, the decision) never predate it."""
    path = folder / f"{kind}.pdf"
    day = day or last_step_day(workspace, case_id)
    result = service.render(workspace, kind, case_id=case_id, out_path=path, issued_on=day)
    # documents print what was recorded up to their issue (recorded_at, one-second resolution): the next step
    # of the walk is recorded in a later second, as an officer's next entry would be
    while utc_now() <= result["issued_at"]:
        time.sleep(0.05)
    return result, read_text(path)


def last_step_day(workspace, case_id: str) -> str:
    row = workspace.db.execute("SELECT MAX(date) FROM case_events WHERE case_id = ?", [case_id]).fetchone()
    return row[0] or ago(0)


def assert_all_verify(workspace, folder: Path) -> None:
    """Every document issued in the walk still verifies after the later steps (its record did not move)."""
    for path in sorted(folder.glob("*.pdf")):
        result = service.verify_pdf(workspace, path)
        assert result["matches"], (path.name, result.get("problem"))


def read_text(path: Path) -> str:
    """The PDF's text with line breaks and blanks removed, so wrapped phrases match."""
    return re.sub(r"\s+", "", pdftools.text(path))


def assert_clean(kind: str, text: str) -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"{kind} prints the calculator's working or an internal id: {found.group(0)!r}"


def opened(workspace, tmp_path: Path, violations=("AIR-02",), days_ago: int = 60, factors=None) -> str:
    made = recent_case(workspace, tmp_path, violations, days_ago=days_ago,
                       facts="你单位焦炉烟囱颗粒物排放浓度超过《炼焦化学工业污染物排放标准》表6特别排放限值。")
    if factors is not None:
        cases.assess(workspace.db, made["id"], factors)
    return made["id"]


def approve(workspace, case_id: str, step: str, day: str) -> None:
    who = {"filing": ("李局长", "局负责人"), "decision": ("李局长", "局负责人"),
           "legal_review": ("赵法制", "法制审核人员"), "collective": ("李局长", "局负责人")}[step]
    case_steps.approve(workspace.db, case_id, step, who[0], who[1], day, "同意。")


def file_and_investigate(workspace, case_id: str, folder: Path, day_filed: int = 55, day_done: int = 50) -> dict:
    texts = {}
    _, texts["filing-approval"] = issue(workspace, "filing-approval", case_id, folder)
    approve(workspace, case_id, "filing", ago(day_filed))
    cases.record_event(workspace.db, case_id, "filed", ago(day_filed))
    _, texts["investigation-report"] = issue(workspace, "investigation-report", case_id, folder)
    cases.record_event(workspace.db, case_id, "monitoring_report", ago(day_done + 1), "监测报告",
                       {"number": "LLJC-2026-118", "body": "吕梁市生态环境监测中心"})
    cases.record_event(workspace.db, case_id, "investigated", ago(day_done))
    return texts
