"""What the two referral documents share: the receiving authority, the case's materials list."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from eco_field.documents.kinds.common import Source
from eco_field.documents.layout import FRAME_W, Page

DOC_TITLES = {"inspection-record": "现场检查（勘察）笔录", "interview-record": "调查询问笔录",
              "photo-evidence": "现场照片证据", "readings-report": "现场监测数据报告",
              "rectification-order": "责令改正违法行为决定书", "penalty-notice": "行政处罚事先告知书",
              "penalty-decision": "行政处罚决定书", "investigation-report": "案件调查报告",
              "seizure-decision": "查封（扣押）决定书及清单", "service-receipt": "送达回证",
              "daily-penalty-decision": "按日连续处罚决定书", "hearing-record": "听证笔录"}


def measure_bases(rec: dict[str, Any], measure: str) -> list[str]:
    """The catalog's legal bases for a measure across the case's violations, in order, each once."""
    bases = [m["basis"] for v in rec["violations"] for m in v["entry"]["measures"]
             if measure in m.get("measure", "") and m.get("basis")]
    return list(dict.fromkeys(bases))


def authority(src: Source, setting: str, suffix: str) -> str:
    """The receiving authority: the setting, else the city's (吕梁市公安局) from the bureau name."""
    name = src.setting("bureau_name")
    city = name.split("生态环境局")[0] if "生态环境局" in name else ""
    return src.setting(setting) or (f"{city}{suffix}" if city else f"同级{suffix}")


def materials(rec: dict[str, Any], first: list[str]) -> list[list[str]]:
    """The 移送材料清单 rows: the referral itself, then every document of the case file, then evidence files."""
    rows = [[t, "1份", "原件"] for t in first]
    for doc in rec["earlier"]:
        title = DOC_TITLES.get(doc["kind"])
        if title:
            rows.append([f"{title}（{doc['number']}）", "1份", "复印件" if "决定" in title else "原件"])
    rows.append(["现场照片、视听资料、监测数据等电子证据（光盘）", "1套", "复制件"])
    return rows


def materials_table(page: Page, rows: list[list[str]]) -> Flowable:
    return page.grid(["序号", "材料名称", "数量", "原件/复印件"], [[i + 1, *r] for i, r in enumerate(rows)],
                     [14 * mm, FRAME_W - 64 * mm, 22 * mm, 28 * mm])
