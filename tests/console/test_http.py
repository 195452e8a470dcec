"""The console over plain HTTP: cookie flags, CSRF on every form, sign-in redirects, role refusals and the
limits kept in the database (so every server process sees them)."""

from __future__ import annotations

import re

import httpx

from eco_field.bureau.office import sessions
from tests.console.conftest import PASSWORD, STAFF
from tests.sync.conftest import BureauServer


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _signed_in(server: BureauServer, role: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=30)
    form = client.get("/console/login")
    answer = client.post("/console/login", data={"username": STAFF[role][0], "password": PASSWORD,
                                                 "csrf_token": _csrf(form.text), "next": "/console/"})
    assert answer.status_code == 303 and answer.headers["location"] == "/console/"
    return client


def test_session_cookie_flags_and_page_headers(console: BureauServer) -> None:
    client = httpx.Client(base_url=console.url, timeout=30)
    first = client.get("/console/login")
    form_cookie = first.headers["set-cookie"]
    answer = client.post("/console/login", data={"username": STAFF["admin"][0], "password": PASSWORD,
                                                 "csrf_token": _csrf(first.text)})
    cookie = answer.headers["set-cookie"]
    for flags in (form_cookie, cookie):
        assert "HttpOnly" in flags and "SameSite=strict" in flags and "Path=/console" in flags
    # a new session after signing in: the token of the login form is worth nothing
    assert cookie.split(";")[0] != form_cookie.split(";")[0]
    page = client.get("/console/devices")
    assert page.status_code == 200
    assert page.headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in page.headers[
        "content-security-policy"] and page.headers["cache-control"] == "no-store"
    stale = httpx.get(f"{console.url}/console/devices", cookies={sessions.COOKIE: form_cookie.split(";")[0].split("=", 1)[1]})
    assert stale.status_code == 303 and stale.headers["location"].startswith("/console/login")


def test_every_post_needs_the_sessions_csrf_token(console: BureauServer) -> None:
    admin = _signed_in(console, "admin")
    token = _csrf(admin.get("/console/devices").text)
    for path, data in (("/console/users/add", {"username": "x1", "role": "clerk", "password": "long-enough-pw"}),
                       ("/console/devices/code", {"officer": "14110100001"}),
                       ("/console/logout", {})):
        missing = admin.post(path, data=data)
        assert missing.status_code == 403, path
        other = _signed_in(console, "admin")  # another session's token is no good here either
        wrong = admin.post(path, data={**data, "csrf_token": _csrf(other.get("/console/").text)})
        assert wrong.status_code == 403, path
    assert "x1" not in admin.get("/console/users").text
    assert admin.get("/console/devices").status_code == 200  # still signed in: logout without a token did nothing
    made = admin.post("/console/devices/code", data={"officer": "14110100001", "csrf_token": token})
    assert made.status_code == 200 and re.search(r"[A-Z0-9]{5}-[A-Z0-9]{5}", made.text)


def test_roles_are_checked_on_every_page_and_action(console: BureauServer) -> None:
    clerk = _signed_in(console, "clerk")
    token = _csrf(clerk.get("/console/").text)
    for path in ("/console/approvals", "/console/devices", "/console/users", "/console/audit"):
        assert clerk.get(path).status_code == 403, path
    refused = clerk.post("/console/devices/code", data={"officer": "14110100001", "csrf_token": token})
    assert refused.status_code == 403 and "注册码" not in refused.text
    reviewer = _signed_in(console, "reviewer")
    assert reviewer.get("/console/approvals").status_code == 200
    assert reviewer.get("/console/approvals/no-such-case/files/" + "0" * 64).status_code == 404
    assert reviewer.get("/console/approvals/no-such-case/files/..%2f..%2fbureau.db").status_code == 404
    anonymous = httpx.get(f"{console.url}/console/approvals")
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/console/login?next=/console/approvals"


def test_login_refuses_a_foreign_next_and_limits_by_name(console: BureauServer) -> None:
    client = httpx.Client(base_url=console.url, timeout=30)
    form = client.get("/console/login")
    answer = client.post("/console/login", data={"username": STAFF["leader"][0], "password": PASSWORD,
                                                 "csrf_token": _csrf(form.text), "next": "//evil.example/x"})
    assert answer.headers["location"] == "/console/"
    for attempt in range(6):
        fresh = httpx.Client(base_url=console.url, timeout=30)  # a new cookie each time: the limit is not per cookie
        page = fresh.get("/console/login")
        answer = fresh.post("/console/login", data={"username": STAFF["clerk"][0],
                                                    "password": PASSWORD if attempt == 5 else "nope-nope",
                                                    "csrf_token": _csrf(page.text)})
        assert answer.status_code == (429 if attempt == 5 else 401)
