"""Signing in to the console in a real browser: each role sees its own pages and is refused the others; a
wrong password, too many attempts and a form without its CSRF token are refused; a page asked for without a
session leads to the login form and back."""

from __future__ import annotations

import re

from tests.console.conftest import PASSWORD, STAFF, login
from tests.sync.conftest import BureauServer

NAV = {"admin": {"首页", "案件审批", "执法终端", "人员账号", "操作日志"},
       "reviewer": {"首页", "案件审批"}, "leader": {"首页", "案件审批"},
       "dispatcher": {"首页"}, "clerk": {"首页"}}


def test_each_role_signs_in_and_sees_only_its_pages(console: BureauServer, browser_page) -> None:
    page = browser_page
    for role, (_username, name) in STAFF.items():
        login(page, console, role)
        assert page.url.endswith("/console/")
        assert f"{name}（" in page.inner_text("header")
        shown = set(page.locator("header nav a").all_inner_texts())
        assert NAV[role] <= shown and not ({"执法终端", "人员账号"} - NAV[role]) & shown
        if role != "admin":
            page.goto(f"{console.url}/console/devices")
            assert "无权访问" in page.inner_text("main") and "执法终端" in page.inner_text("main")
        page.click("header .logout button")
        page.wait_for_url(re.compile(r"/console/login"))
    page.goto(f"{console.url}/console/approvals")  # signed out: the session is gone
    assert "/console/login" in page.url


def test_a_page_without_a_session_leads_to_login_and_back(console: BureauServer, browser_page) -> None:
    page = browser_page
    page.goto(f"{console.url}/console/approvals")
    assert re.search(r"/console/login\?next=/console/approvals$", page.url)
    page.fill("input[name=username]", STAFF["reviewer"][0])
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/console/approvals$"))
    assert page.locator("h1").inner_text() == "案件审批"


def test_wrong_password_then_too_many_attempts(console: BureauServer, browser_page) -> None:
    page = browser_page
    login(page, console, "leader", password="wrong-password")
    assert "用户名或密码不正确" in page.inner_text("main")
    assert page.locator("input[name=username]").input_value() == STAFF["leader"][0]
    for _ in range(4):  # five failures in all
        login(page, console, "leader", password="still-wrong")
    login(page, console, "leader")  # the right password, but the name is locked for the window
    assert "登录失败次数过多" in page.inner_text("main") and "/console/login" in page.url
    login(page, console, "reviewer")  # another name is not locked
    assert page.url.endswith("/console/")
    # every attempt is in the office audit
    page.click("header .logout button")
    login(page, console, "admin", then="/console/audit")
    log = page.inner_text("main")
    assert log.count("登录失败") >= 5 and "登录被限制" in log


def test_a_form_without_its_csrf_token_is_refused(console: BureauServer, browser_page) -> None:
    page = browser_page
    page.goto(f"{console.url}/console/login")
    page.evaluate("document.querySelector('input[name=csrf_token]').remove()")
    page.fill("input[name=username]", STAFF["admin"][0])
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    assert "表单已过期" in page.inner_text("main") and "/console/login" in page.url
    login(page, console, "admin", then="/console/users")
    page.fill("form.grid input[name=username]", "intruder")
    page.fill("form.grid input[name=password]", "long-enough-pw")
    page.evaluate("document.querySelector('form.grid input[name=csrf_token]').value = 'forged'")
    page.click("form.grid button[type=submit]")
    assert "请求被拒绝" in page.inner_text("main")
    page.goto(f"{console.url}/console/users")
    assert "intruder" not in page.inner_text("main")
