"""Task and complaint pages of the console beyond their first 100 rows (issue 18 part 3): every row is reachable
page by page, once, and the filters chosen stay the same on the next page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from eco_field.bureau import admin
from eco_field.bureau.office import complaints
from eco_field.bureau.office.db import open_office_db
from tests.console.test_http import _signed_in
from tests.sync.conftest import BureauServer

NUMBER = re.compile(r"信\d{4}-\d{5}")


def _next_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" rel="next"', html)
    return found.group(1).replace("&amp;", "&") if found else None


def _walk(client, first: str) -> tuple[list[str], list[str]]:
    """Every page from `first` by its 下一页 links: (the pages' html, the links followed)."""
    pages, links, url = [], [], first
    while url:
        answer = client.get(url)
        assert answer.status_code == 200, url
        pages.append(answer.text)
        url = _next_link(answer.text)
        if url:
            links.append(url)
        assert len(pages) < 20, "paging does not end"
    return pages, links


def test_complaint_pages_reach_every_row_and_keep_the_filters(console: BureauServer) -> None:
    received = (date.today() - timedelta(days=3)).isoformat()
    with console.storage() as storage:
        office = open_office_db(storage)
        try:
            for n in range(230):
                made = complaints.add(office, storage, channel="12369热线", content=f"第{n}件：夜间异味",
                                      county="离石区" if n % 10 else "孝义市", received_on=received)
                if n % 2 == 0:
                    complaints.accept(office, made["id"], received)
        finally:
            office.close()
    clerk = _signed_in(console, "clerk")
    pages, links = _walk(clerk, "/console/complaints?status=accepted&county=离石区")
    # 230 complaints: 207 of 离石区, of them the accepted ones (even n, not a multiple of 10): 92 → one page;
    # all of 离石区: 207 → three pages of 100, 100, 7
    assert len(pages) == 1 and len(set(NUMBER.findall(pages[0]))) == 92
    pages, links = _walk(clerk, "/console/complaints?county=离石区")
    seen = [set(NUMBER.findall(p)) for p in pages]
    assert [len(s) for s in seen] == [100, 100, 7]
    assert not (seen[0] & seen[1]) and not (seen[1] & seen[2]), "a complaint shown on two pages"
    for link in links:
        query = parse_qs(urlsplit(link).query)
        assert query["county"] == ["离石区"], link
    assert "第 2 页" in pages[1] and 'rel="prev"' in pages[1]
    assert 'selected>离石区' in pages[2], "the county filter is still chosen on the last page"
    # a page past the end, or a page number that is not one, never fails the page
    assert "没有信访记录" in clerk.get("/console/complaints?county=离石区&page=9").text
    assert len(set(NUMBER.findall(clerk.get("/console/complaints?page=abc").text))) == 100


def test_task_pages_reach_every_task_and_keep_the_filters(console: BureauServer) -> None:
    with console.storage() as storage:
        ents = [r for r in storage.records("enterprise") if r.payload.get("county") == "离石区"]
        due = date.today() + timedelta(days=30)
        for n in range(130):
            admin.assign_task(storage, ents[n % len(ents)].entity_id, ["14110100001", "14110100002"],
                              "routine" if n % 3 else "reform", (due + timedelta(days=n)).isoformat(),
                              title=f"分页任务{n:03d}")
    leader = _signed_in(console, "leader")
    rows = re.compile(r"<tr><td class=\"nowrap\">")  # one per task row of the table
    for first, wanted in (("/console/tasks?kind=routine&county=离石区", [n for n in range(130) if n % 3]),
                          ("/console/tasks?county=离石区", list(range(130)))):
        pages, links = _walk(leader, first)
        titles = [re.findall(r"分页任务(\d{3})", p) for p in pages]
        shown = [t for page_titles in titles for t in page_titles]
        assert sorted(shown) == [f"{n:03d}" for n in wanted] and len(shown) == len(set(shown)), first
        assert all(len(rows.findall(p)) == 100 for p in pages[:-1]), "every page but the last is full"
        assert shown == sorted(shown), "pages follow the due dates"
        for link in links:
            query = parse_qs(urlsplit(link).query)
            assert query["county"] == ["离石区"] and query.get("kind") == (["routine"] if "kind" in first else None)
    assert len(_walk(leader, "/console/tasks?county=离石区")[0]) >= 2


def test_the_approval_queue_pages_keep_the_mine_filter(console: BureauServer) -> None:
    """Few cases here: one page, no links; a page past the end is empty, not an error, and keeps ?mine."""
    reviewer = _signed_in(console, "reviewer")
    first = reviewer.get("/console/approvals?mine=1")
    assert first.status_code == 200 and 'rel="next"' not in first.text
    past = reviewer.get("/console/approvals?mine=1&page=3")
    assert past.status_code == 200 and "没有更多" in past.text
    prev = re.search(r'<a href="([^"]+)" rel="prev"', past.text).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(prev).query) == {"mine": ["1"], "page": ["2"]}
