"""The office console on a real `bureau serve` (SQLite, and PostgreSQL with several server processes), its
staff accounts, and Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eco_field.bureau.office import staff
from eco_field.bureau.office.db import open_office_db
from tests.sync.conftest import BureauServer, bureau, bureau_db, device, device_factory  # noqa: F401 (fixtures)

CHROMIUM = os.environ.get("ECO_FIELD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
VIEWPORT = {"width": 1366, "height": 768}
PASSWORD = "Lvliang-2026!"
# one account per role; display names are what approvals carry
STAFF = {"admin": ("guanli", "王管理"), "dispatcher": ("diaodu", "赵调度"), "reviewer": ("fazhi", "孙法制"),
         "leader": ("juzhang", "陈局长"), "clerk": ("xinfang", "周信访")}


def add_staff(server: BureauServer) -> None:
    with server.storage() as storage:
        office = open_office_db(storage)
        try:
            for role, (username, name) in STAFF.items():
                staff.add_user(office, username, role, PASSWORD, name)
        finally:
            office.close()


@pytest.fixture
def console(bureau: BureauServer) -> BureauServer:  # noqa: F811
    """The running demo bureau with one staff account per role (STAFF, password PASSWORD)."""
    add_staff(bureau)
    return bureau


@pytest.fixture(scope="module")
def chromium():
    """One browser per test module: Playwright's sync API keeps an asyncio loop marked running while it is
    open, so a session-long browser would break every later test that runs its own loop (anyio.run)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not installed ({CHROMIUM}); apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium) -> Iterator:
    """A fresh browser profile (no cookies) at 1366×768, in Chinese."""
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def login(page, server: BureauServer, role: str, password: str = PASSWORD, then: str = "/console/") -> None:
    username = STAFF[role][0]
    page.goto(f"{server.url}{then}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
