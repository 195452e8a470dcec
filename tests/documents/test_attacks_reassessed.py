"""A 法制审核 officer's case: the fine of a decided case is computed again afterwards. The 催告书 would demand
another amount than the decision it enforces; it is refused (exit 2) naming the decision and both amounts, and
the decision itself still verifies as issued."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

from tests.conftest import eco_field_command


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*eco_field_command(), "--data-dir", str(data_dir), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_a_reminder_never_states_another_fine_than_its_decision(tmp_path):
    data_dir = tmp_path / "data"
    assert run(data_dir, "cases", "demo").returncode == 0
    docs = json.loads(run(data_dir, "documents", "list", "--json").stdout)
    decision = next(d for d in docs if d["kind"] == "penalty-decision" and d["number"].endswith("2号"))
    case = decision["case_id"]
    assert run(data_dir, "documents", "render", "payment-reminder", "--case", case, "--draft",
               "-o", str(tmp_path / "ok.pdf")).returncode == 0
    again = run(data_dir, "cases", "assess", case, "--factor", "impact=medium", "--amount", "999999.99",
                "--reason", "重新计算")
    assert again.returncode == 2 and "处罚决定已经作出" in again.stderr and decision["number"] in again.stderr
    # an assessment changed behind the procedure's back (a restored backup, a hand-edited file) still cannot
    # reach the party: the reminder is refused
    with sqlite3.connect(data_dir / "eco_field.db") as db:
        row = db.execute("SELECT assessment_json FROM cases WHERE id = ?", [case]).fetchone()
        changed = {**json.loads(row[0]), "amount": 999999.99, "amount_fen": 99999999}
        db.execute("UPDATE cases SET assessment_json = ? WHERE id = ?", [json.dumps(changed), case])
    out = run(data_dir, "documents", "render", "payment-reminder", "--case", case, "--draft",
              "-o", str(tmp_path / "催告书.pdf"))
    assert out.returncode == 2
    assert decision["number"] in out.stderr and "999,999.99" in out.stderr and "150,000.00" in out.stderr
    stored = data_dir / "evidence" / decision["pdf_sha256"][:2] / f"{decision['pdf_sha256']}.pdf"
    verified = run(data_dir, "documents", "verify", str(stored), "--json")
    assert verified.returncode == 0 and json.loads(verified.stdout)["record_matches"]
