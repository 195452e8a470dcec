"""Searches run off the GUI thread; an answer that arrives after a newer search is dropped."""

from __future__ import annotations

from ui import tasks


class HeldPool:
    """Keeps jobs until the test runs them, in the order it chooses."""

    def __init__(self) -> None:
        self.jobs = []

    def start(self, runnable) -> None:
        self.jobs.append(runnable)

    def waitForDone(self, msecs: int = -1) -> bool:  # noqa: N802
        return True


def test_search_answers_arrive_later_and_stale_ones_are_dropped(window):
    window.show_section("enterprises")
    page = window.enterprises.list
    held = HeldPool()
    tasks.set_pool(held)
    page.search.setText("焦化")
    page.refresh()
    assert "搜索" in page.count_label.text() and page.model.rowCount() == 44  # not blocked, nothing changed yet
    page.search.setText("离石")
    page.refresh()
    first, second = held.jobs
    second.run()  # the newer search answers first
    assert all(page.model.record(r).county == "离石区" for r in range(page.model.rowCount()))
    rows = page.model.rowCount()
    first.run()  # the older answer comes late and is ignored
    assert page.model.rowCount() == rows and page.count_label.text() == f"共 {rows} 条"
