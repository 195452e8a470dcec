"""本局信息 (admin): the bureau's own details its documents state (bureau_details.py) — the approvers' draft
decisions print them; every change is audited with the old and new value."""

from __future__ import annotations

from eco_field.bureau.office import audit, bureau_details
from eco_field.bureau.office.web import Ctx, page

audit.LABELS.update({"bureau_details_saved": "修改本局信息"})


@page("/bureau", roles=("admin",), title="本局信息", nav=True, order=85)
def bureau_page(ctx: Ctx):
    values = bureau_details.current(ctx.office)
    return ctx.render("bureau.html", title="本局信息", fields=[(k, label, values[k]) for k, label in bureau_details.FIELDS])


@page("/bureau/save", roles=("admin",), title="本局信息", methods=("POST",))
def save(ctx: Ctx):
    before = bureau_details.current(ctx.office)
    changed = bureau_details.save(ctx.office, {k: ctx.form.get(k, "") for k in bureau_details.KEYS},
                                  ctx.user.username)
    if changed:
        ctx.audit("bureau_details_saved", "bureau", **{k: {"from": before[k], "to": v} for k, v in changed.items()})
    labels = dict(bureau_details.FIELDS)
    return ctx.redirect("/bureau", ("已保存：" + "、".join(labels[k] for k in changed)) if changed else "没有改动")
