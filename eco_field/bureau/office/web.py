"""How console pages are made: `@page(path, roles=...)` registers a route under /console that signs the
visitor in (or redirects to /console/login), checks the role, checks the CSRF token of every POST, runs the
handler in a worker thread (storage work never runs on the event loop) and renders a Jinja2 template.

A page module in office/pages/ (found by office.mount) looks like:

    from eco_field.bureau.office.web import Ctx, page

    @page("/draws", roles=("dispatcher", "admin"), title="双随机抽查", nav=True, order=20)
    def draws(ctx: Ctx):
        return ctx.render("draws.html", draws=[...])

    @page("/draws/new", roles=("dispatcher",), methods=("POST",))
    def new_draw(ctx: Ctx):
        ctx.form["year"] ...; ctx.audit("draw", target=draw_id, seed=...); return ctx.redirect("/draws", "已抽取")

Handlers get path parameters as keyword arguments; BadInput/NotFound raised in a handler become the page's
message (a POST returns to the page it came from with the message shown).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

import anyio
import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from eco_field.bureau.office import audit, sessions
from eco_field.bureau.office.db import OfficeDB
from eco_field.bureau.office.staff import ROLES, Staff
from eco_field.clock import zone
from eco_field.errors import EcoFieldError, NotFound

PREFIX = "/console"
MAX_FORM_BYTES = 64 * 1024
TEMPLATES = Path(__file__).with_name("templates")
router = APIRouter(prefix=PREFIX, include_in_schema=False)
templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                               autoescape=jinja2.select_autoescape(default=True), trim_blocks=True,
                               lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def local_time(value: str | None, length: int = 16) -> str:
    """An ISO time the bureau stores in UTC, shown in the bureau's zone (Asia/Shanghai): 'YYYY-MM-DD HH:MM'."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)[:length]
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone(None))
    return moment.isoformat(sep=" ")[:length]


templates.filters["local"] = local_time
HEADERS = {"Cache-Control": "no-store", "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "same-origin",
           "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                      " form-action 'self'; frame-ancestors 'none'"}


@dataclass
class NavItem:
    path: str
    title: str
    roles: tuple[str, ...]
    order: int


NAV: list[NavItem] = []


@dataclass
class Ctx:
    """What a page handler gets: the request, the office tables, the bureau's storage and data folder, the
    signed-in staff member, the session and (POST) the form fields."""

    request: Request
    office: OfficeDB
    storage: Any
    data_dir: Path
    session: sessions.Session
    user: Staff
    form: dict[str, str] = field(default_factory=dict)
    form_lists: dict[str, list[str]] = field(default_factory=dict)

    @property
    def client(self) -> str:
        return client_of(self.request)

    def render(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        return render(self.request, template, status, session=self.session, office=self.office, **values)

    def redirect(self, path: str, flash: str = "") -> RedirectResponse:
        """303 to a console path (e.g. "/approvals"), with a message shown once on the next page."""
        if flash:
            sessions.set_flash(self.office, self.session, flash)
        return RedirectResponse(PREFIX + path, status_code=303, headers=HEADERS)

    def audit(self, action: str, target: str = "", **detail: Any) -> None:
        audit.log(self.office, self.user.username, self.user.role, action, target, self.client, **detail)


def client_of(request: Request) -> str:
    return request.client.host if request.client else ""


def render(request: Request, template: str, status: int = 200, *, session: sessions.Session | None = None,
           office: OfficeDB | None = None, **values: Any) -> HTMLResponse:
    user = session.user if session else None
    flash = sessions.take_flash(office, session) if (session and office) else ""
    html = templates.get_template(template).render(
        prefix=PREFIX, user=user, roles=ROLES, csrf_token=session.csrf_token if session else "",
        nav=[n for n in sorted(NAV, key=lambda n: n.order) if user and user.role in n.roles],
        path=request.url.path, flash=flash, **values)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


async def read_form(request: Request) -> list[tuple[str, str]]:
    """An application/x-www-form-urlencoded body, at most MAX_FORM_BYTES."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return []
    try:
        return parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=500)
    except (UnicodeDecodeError, ValueError):
        return []


def _back(request: Request) -> str:
    """The console page a form was posted from (its Referer, when it is one of ours), else the start page."""
    back = request.headers.get("referer", "")
    origin = f"{request.url.scheme}://{request.url.netloc}{PREFIX}/"
    if back.startswith(origin):
        return "/" + back[len(origin):].split("#")[0]
    return "/"


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"{PREFIX}/login?next={quote(target)}", status_code=303, headers=HEADERS)


def page(path: str, *, roles: tuple[str, ...], title: str = "", nav: bool = False, order: int = 50,
         methods: tuple[str, ...] = ("GET",)) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """Register a console page (see the module's docstring). roles: the staff roles allowed (staff.ROLES)."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown} for {path}")

    def decorate(handler: Callable[..., Response]) -> Callable[..., Response]:
        if nav:
            NAV.append(NavItem(path, title, tuple(roles), order))

        async def endpoint(request: Request) -> Response:
            return await serve(request, handler, tuple(roles), title)

        endpoint.__name__ = f"console_{handler.__name__}"
        router.add_api_route(path, endpoint, methods=list(methods), include_in_schema=False)
        return handler

    return decorate


async def serve(request: Request, handler: Callable[..., Response], roles: tuple[str, ...], title: str) -> Response:
    office: OfficeDB = request.app.state.office
    session = await anyio.to_thread.run_sync(sessions.find, office, request.cookies.get(sessions.COOKIE))
    if session is None or session.user is None:
        return login_redirect(request)
    user = session.user
    if user.role not in roles:
        await anyio.to_thread.run_sync(lambda: audit.log(office, user.username, user.role, "refused_page",
                                                         request.url.path, client_of(request)))
        return render(request, "refused.html", 403, session=session, office=office, title="无权访问",
                      reason=f"「{title or request.url.path}」不对{user.role_label}开放。")
    ctx = Ctx(request, office, request.app.state.storage, request.app.state.office_data_dir, session, user)
    if request.method == "POST":
        pairs = await read_form(request)
        ctx.form = dict(pairs)
        for key, value in pairs:
            ctx.form_lists.setdefault(key, []).append(value)
        if not sessions.csrf_ok(session, ctx.form.get("csrf_token")):
            await anyio.to_thread.run_sync(lambda: ctx.audit("csrf_refused", request.url.path))
            return render(request, "refused.html", 403, session=session, office=office, title="请求被拒绝",
                          reason="表单已过期或不是从本系统提交的（缺少或不符的校验码）。请重新打开页面再提交。")
    wanted = set(inspect.signature(handler).parameters) - {"ctx"}
    params = {k: v for k, v in request.path_params.items() if k in wanted}

    def run() -> Response:
        try:
            return handler(ctx, **params)
        except NotFound as exc:
            return ctx.render("refused.html", 404, title="未找到", reason=str(exc))
        except EcoFieldError as exc:
            if request.method == "POST":
                ctx.audit("action_refused", request.url.path, reason=str(exc))
                return ctx.redirect(_back(request), f"未完成：{exc}")
            return ctx.render("refused.html", 400, title="无法显示", reason=str(exc))

    return await anyio.to_thread.run_sync(run)
