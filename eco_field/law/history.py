"""Facts from the enterprise's earlier cases on this device: 两年内违法次数 and whether this is a 初次违法.

This device may hold only part of the bureau's records, so history can only add to what is known: it
raises the repeat count and rules out 首违不罚 when an earlier case exists; it never asserts a first offence.
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlite_utils

REPEAT_YEARS, FIRST_MONTHS = 2, 12


def history_facts(db: sqlite_utils.Database, case_id: str, inspection_id: str, enterprise_id: str,
                  catalog_ids: list[str], discovered: date) -> tuple[dict[str, str], list[str]]:
    """(facts, Chinese notes) from earlier cases of the same enterprise found at other inspections."""
    rows = db.execute(
        "SELECT c.id, e.date, group_concat(v.catalog_id) FROM cases c"
        " JOIN case_events e ON e.case_id = c.id AND e.event = 'discovered'"
        " JOIN case_violations v ON v.case_id = c.id"
        " WHERE c.enterprise_id = ? AND c.id != ? AND c.inspection_id != ?"
        " AND c.status NOT IN ('withdrawn', 'not_filed')"
        " GROUP BY c.id, e.date", [enterprise_id, case_id, inspection_id]).fetchall()
    earlier = [(date.fromisoformat(d), set(ids.split(","))) for _id, d, ids in rows if d <= discovered.isoformat()]
    two_years = discovered - timedelta(days=365 * REPEAT_YEARS)
    within = [d for d, _ in earlier if d > two_years]
    facts, notes = {}, []
    if within:
        facts["repeat"] = str(len(within) + 1)
        notes.append(f"本设备记录：该单位两年内另有{len(within)}起违法案件，违法次数按{len(within) + 1}次计")
    year = discovered - timedelta(days=365 * FIRST_MONTHS // 12)
    same = [d for d, ids in earlier if d > year and ids & set(catalog_ids)]
    if same:
        facts["first"] = "no"
        notes.append(f"本设备记录：该单位12个月内（{max(same).isoformat()}）曾发现同类违法行为，不属于初次违法")
    return facts, notes
