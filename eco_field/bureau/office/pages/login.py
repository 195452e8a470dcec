"""Sign-in and sign-out (the only console routes without a session)."""

from __future__ import annotations

import anyio
from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from eco_field.bureau.office import audit, sessions, staff
from eco_field.bureau.office.web import HEADERS, PREFIX, client_of, read_form, render, router


def _safe_next(target: str | None) -> str:
    """Only a console path: never another site (//host, scheme:) after signing in."""
    if target and target.startswith(PREFIX + "/") and not target.startswith("//") and "\\" not in target:
        return target
    return PREFIX + "/"


def _set_cookie(request: Request, response: Response, token: str, hours: float) -> None:
    https = request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"
    response.set_cookie(sessions.COOKIE, token, max_age=int(hours * 3600), path=PREFIX, httponly=True,
                        samesite="strict", secure=https)


@router.get("/login", include_in_schema=False)
async def login_form(request: Request) -> Response:
    office = request.app.state.office
    session = await anyio.to_thread.run_sync(sessions.find, office, request.cookies.get(sessions.COOKIE))
    if session is not None and session.user is not None:
        return RedirectResponse(_safe_next(request.query_params.get("next")), status_code=303, headers=HEADERS)
    token = None
    if session is None:
        token, session = await anyio.to_thread.run_sync(sessions.start, office, None)
    response = render(request, "login.html", session=session, title="登录",
                      next=_safe_next(request.query_params.get("next")), error="", username="")
    if token:
        _set_cookie(request, response, token, sessions.ANONYMOUS_MINUTES / 60)
    return response


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    office = request.app.state.office
    form = dict(await read_form(request))
    client = client_of(request)
    username, password = form.get("username", "").strip(), form.get("password", "")
    target = _safe_next(form.get("next"))

    def attempt() -> tuple[str, str | None, int]:
        """(outcome, new cookie token, http status)"""
        session = sessions.find(office, request.cookies.get(sessions.COOKIE))
        if session is None or not sessions.csrf_ok(session, form.get("csrf_token")):
            audit.log(office, username, "", "login_csrf_refused", "/login", client)
            return "csrf", None, 403
        if sessions.locked_out(office, username, client):
            audit.log(office, username, "", "login_locked", "/login", client)
            return "locked", None, 429
        user = staff.check_password(office, username, password)
        sessions.record_attempt(office, username, client, user is not None)
        if user is None:
            audit.log(office, username, "", "login_failed", "/login", client)
            return "wrong", None, 401
        sessions.end(office, session)
        token, _ = sessions.start(office, user.username)
        audit.log(office, user.username, user.role, "login", "/login", client)
        return "ok", token, 303

    outcome, token, status = await anyio.to_thread.run_sync(attempt)
    if outcome == "ok":
        response = RedirectResponse(target, status_code=303, headers=HEADERS)
        _set_cookie(request, response, token, sessions.SESSION_HOURS)
        return response
    errors = {"csrf": "表单已过期或不是从本系统提交的，请重新登录。",
              "locked": f"登录失败次数过多，请 {sessions.ATTEMPT_WINDOW_MIN} 分钟后再试。",
              "wrong": "用户名或密码不正确。"}
    fresh, session = await anyio.to_thread.run_sync(sessions.start, office, None)
    response = render(request, "login.html", status, session=session, title="登录", next=target,
                      error=errors[outcome], username=username)
    _set_cookie(request, response, fresh, sessions.ANONYMOUS_MINUTES / 60)
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request) -> Response:
    office = request.app.state.office
    form = dict(await read_form(request))

    def leave() -> bool:
        session = sessions.find(office, request.cookies.get(sessions.COOKIE))
        if session is None:
            return True
        if not sessions.csrf_ok(session, form.get("csrf_token")):
            return False
        if session.user:
            audit.log(office, session.user.username, session.user.role, "logout", "/logout", client_of(request))
        sessions.end(office, session)
        return True

    if not await anyio.to_thread.run_sync(leave):  # a forged sign-out link signs nobody out
        return render(request, "refused.html", 403, title="请求被拒绝", reason="退出请求缺少校验码，未执行。")
    response = RedirectResponse(PREFIX + "/login", status_code=303, headers=HEADERS)
    response.delete_cookie(sessions.COOKIE, path=PREFIX)
    return response
