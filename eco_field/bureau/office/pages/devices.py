"""Part 6: the enrolled laptops, their last sync and what is pending either way (uploads begun and not
finished; approvals given at the bureau since the device last called); enrolment codes and revocation,
through the bureau's own admin functions (auth.new_enroll_code, admin.revoke_device). Which inspections still
lack originals is `eco-field bureau inspections` (it reads every inspection; too slow for a page)."""

from __future__ import annotations

from typing import Any

from eco_field.bureau import admin, auth
from eco_field.bureau.office import audit
from eco_field.bureau.office.web import Ctx, local_time, page
from eco_field.errors import BadInput

ROLES = ("admin",)
FAR_FUTURE = "9999-12-31T00:00:00+00:00"
audit.LABELS.update({"enroll_code": "生成注册码", "device_revoked": "吊销设备"})


def _devices(ctx: Ctx) -> list[dict[str, Any]]:
    storage = ctx.storage
    officers = {o["cert_no"]: o for o in storage.officers()}
    approvals = storage.records("case_approval")
    rows = []
    for d in sorted(storage.devices(), key=lambda d: (d.revoked_at is not None, d.last_seen or "", d.id)):
        uploads = storage.stale_uploads(FAR_FUTURE, d.id)
        to_send = [a for a in approvals if a.unit in d.units and (d.last_seen or "") < a.updated_at]
        officer = officers.get(d.officer_cert, {})
        rows.append({"id": d.id, "name": d.name, "officer": officer.get("name", d.officer_cert),
                     "cert": d.officer_cert, "units": "、".join(d.units), "enrolled": d.enrolled_at,
                     "last_seen": d.last_seen, "revoked_at": d.revoked_at,
                     "uploads": len(uploads), "upload_left": sum(u.size - u.committed for u in uploads),
                     "approvals_waiting": len(to_send)})
    return rows


def _page(ctx: Ctx, new_code: dict[str, str] | None = None):
    return ctx.render("devices.html", title="执法终端", devices=_devices(ctx), officers=ctx.storage.officers(),
                      new_code=new_code)


@page("/devices", roles=ROLES, title="执法终端", nav=True, order=60)
def devices(ctx: Ctx):
    return _page(ctx)


@page("/devices/code", roles=ROLES, title="执法终端", methods=("POST",))
def enroll_code(ctx: Ctx):
    officer = ctx.form.get("officer", "").strip()
    try:
        hours = float(ctx.form.get("hours") or 24)
    except ValueError as exc:
        raise BadInput("console.hours_number") from exc
    if not 0 < hours <= 24 * 7:
        raise BadInput("console.hours_range")
    made = auth.new_enroll_code(ctx.storage, officer, hours)
    ctx.audit("enroll_code", officer, valid_until=local_time(made["expires_at"]))  # never the code itself
    return _page(ctx, made)


@page("/devices/{device_id}/revoke", roles=ROLES, title="执法终端", methods=("POST",))
def revoke(ctx: Ctx, device_id: str):
    if ctx.form.get("confirm") != device_id:
        raise BadInput("console.confirm_device")
    result = admin.revoke_device(ctx.storage, ctx.data_dir, device_id)
    ctx.audit("device_revoked", device_id, uploads_ended=result.get("uploads_ended"))
    return ctx.redirect("/devices", "设备已吊销：它的令牌从现在起被拒绝，进行中的上传已终止。")
