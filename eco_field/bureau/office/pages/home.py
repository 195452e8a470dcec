"""The start page, staff accounts (admin) and the office audit (admin)."""

from __future__ import annotations

from eco_field.bureau.office import audit, staff
from eco_field.bureau.office.web import Ctx, page

ALL = tuple(staff.ROLES)


@page("/", roles=ALL, title="首页", nav=True, order=0)
def home(ctx: Ctx):
    return ctx.render("home.html", title="首页")


@page("/users", roles=("admin",), title="人员账号", nav=True, order=80)
def users(ctx: Ctx):
    return ctx.render("users.html", title="人员账号", users=staff.list_users(ctx.office))


@page("/users/add", roles=("admin",), title="人员账号", methods=("POST",))
def add_user(ctx: Ctx):
    made = staff.add_user(ctx.office, ctx.form.get("username", ""), ctx.form.get("role", ""),
                          ctx.form.get("password", ""), ctx.form.get("display_name", ""))
    ctx.audit("user_added", made.username, role=made.role)
    return ctx.redirect("/users", f"已保存账号 {made.username}（{made.role_label}）")


@page("/users/{username}/disable", roles=("admin",), title="人员账号", methods=("POST",))
def disable_user(ctx: Ctx, username: str):
    if username == ctx.user.username:
        return ctx.redirect("/users", "不能停用自己的账号")
    staff.disable_user(ctx.office, username)
    ctx.audit("user_disabled", username)
    return ctx.redirect("/users", f"已停用账号 {username}")


@page("/audit", roles=("admin",), title="操作日志", nav=True, order=90)
def audit_log(ctx: Ctx):
    return ctx.render("audit.html", title="操作日志", entries=audit.entries(ctx.office, 300), actions=audit.LABELS)
