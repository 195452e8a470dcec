"""Paging of the console's long lists (tasks, complaints, the 名录库): the page asked for in `?page=N` and the
links to the pages before and after it, which keep every other filter of the query string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

MAX_PAGE = 100_000


@dataclass
class Pager:
    number: int         # 1-based
    size: int
    has_next: bool
    prev_url: str
    next_url: str

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first_row(self) -> int:
        return self.offset + 1


def page_number(query: Any) -> int:
    """The page asked for (1 when missing or not a number in range)."""
    raw = str(query.get("page") or "1").strip()
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_PAGE else 1


def pager(path: str, query: Any, number: int, size: int, has_next: bool) -> Pager:
    """Links to the neighbouring pages of `path` with the same filters (query: the request's query_params)."""
    kept = [(k, v) for k, v in query.multi_items() if k != "page" and v != ""]

    def url(n: int) -> str:
        return path + "?" + urlencode([*kept, ("page", str(n))])

    return Pager(number, size, has_next, url(number - 1) if number > 1 else "", url(number + 1) if has_next else "")
