"""Procedural provisions the case documents cite beside the catalog's articles (resources/catalog/
provisions.json): 查封扣押、按日连续处罚、限产停产 办法, 环境保护法 articles 25/59/60/63, 行政处罚法 art. 33.

An entry with an empty text was not available as a source this session: it is cited, never quoted."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from eco_field.paths import RESOURCES_DIR

PROVISIONS_FILE = RESOURCES_DIR / "catalog" / "provisions.json"


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, Any]]:
    return json.loads(PROVISIONS_FILE.read_text(encoding="utf-8"))["provisions"]


def get(key: str) -> dict[str, Any]:
    return dict(_all()[key])


def citation(key: str, item: str | int | None = None) -> str:
    text = get(key)["citation"]
    return text + (f"第{cn_item(item)}项" if item else "")


def item_text(key: str, item: str | int) -> str:
    return get(key).get("items", {}).get(str(item), "")


def quoted(key: str) -> dict[str, str]:
    """{label, text} for the appendix: the text when a source gave it, else a note that it is not quoted."""
    entry = get(key)
    return {"label": entry["citation"], "text": entry.get("text", "")}


def cn_item(item: str | int) -> str:
    digits = "零一二三四五六七八九十"
    n = int(item)
    return digits[n] if 0 <= n <= 10 else str(n)
