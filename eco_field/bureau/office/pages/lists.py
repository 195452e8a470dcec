"""Part 2: the 双随机 lists (一单两库) in the console — the 检查对象名录库 (each enterprise's category 重点/一般/特殊,
or 不参与双随机 with the reason; each category's sampling ratio with its period and source) and the 执法人员名录库
(officers in the pool or taken out; their declared conflicts, 回避). The dispatcher and the admin edit them; the
leader reads them. Every change is audited and goes through office/directory.py, the code of `bureau lists`."""

from __future__ import annotations

from urllib.parse import urlencode

from eco_field.bureau import admin
from eco_field.bureau.office import audit, directory, paging
from eco_field.bureau.office.web import Ctx, page
from eco_field.errors import BadInput
from eco_field.records import COUNTIES

VIEW = ("dispatcher", "admin", "leader")
EDIT = ("dispatcher", "admin")
SHOWN = 100
audit.LABELS.update({"list_category_set": "设置抽查类别比例", "list_enterprise_set": "调整企业名录类别",
                     "list_officer_pool": "调整执法人员名录", "list_conflict_declared": "登记回避",
                     "list_conflict_withdrawn": "撤销回避"})


def _back(ctx: Ctx, default: str) -> str:
    """The list page (with its filters) a form came from: only a path of this page area."""
    back = ctx.form.get("back", "")
    return back if back.startswith("/lists") and "//" not in back and "\\" not in back else default


@page("/lists", roles=VIEW, title="名录库", nav=True, order=25)
def enterprises_page(ctx: Ctx):
    q = ctx.request.query_params
    cats = directory.categories(ctx.office)
    county = q.get("county") if q.get("county") in COUNTIES else None
    category = q.get("category") if q.get("category") in {c["name"] for c in cats} | {"-"} else None
    search = (q.get("q") or "").strip()[:60]
    rows = directory.enterprise_rows(ctx.office, ctx.storage, county=county, search=search,
                                     category="" if category == "-" else category)
    number = paging.page_number(q)
    pager = paging.pager(ctx.request.url.path, q, number, SHOWN, len(rows) > number * SHOWN)
    shown = rows[pager.offset:pager.offset + SHOWN]
    everything = directory.enterprise_rows(ctx.office, ctx.storage)
    per_cat = {c["name"]: sum(1 for e in everything if e["category"] == c["name"] and not e["excluded"]) for c in cats}
    here = ctx.request.url.path[len("/console"):] + (f"?{ctx.request.url.query}" if ctx.request.url.query else "")
    return ctx.render("lists.html", title="名录库", categories=cats, per_category=per_cat, rows=shown, total=len(rows),
                      unplaced=sum(1 for e in everything if e["category"] is None), counties=COUNTIES,
                      county=county, category=category, search=search, pager=pager, shown=len(shown),
                      may_edit=ctx.user.role in EDIT, back=here)


@page("/lists/categories", roles=EDIT, title="名录库", methods=("POST",))
def set_category(ctx: Ctx):
    f = ctx.form
    name, ratio = f.get("name", "").strip(), f.get("ratio", "").strip()
    if not f.get("source", "").strip():
        raise BadInput("console.ratio_source", name=name)
    before = next((c for c in directory.categories(ctx.office) if c["name"] == name), None)
    saved = directory.set_category(ctx.office, name, ratio, f.get("period", "").strip(), f.get("source", "").strip())
    ctx.audit("list_category_set", target=name, ratio=saved["ratio"], period=saved["period"], source=saved["source"],
              before=before["ratio"] if before else None)
    return ctx.redirect(_back(ctx, "/lists"), f"已保存类别「{name}」：抽查比例 {directory.ratio_text(directory.parse_ratio(saved['ratio']))}")


@page("/lists/enterprises/{enterprise_id}", roles=EDIT, title="名录库", methods=("POST",))
def set_enterprise(ctx: Ctx, enterprise_id: str):
    f = ctx.form
    excluded = f.get("excluded") == "1"
    done = directory.set_enterprise_category(ctx.office, ctx.storage, enterprise_id, f.get("category", ""),
                                             excluded, f.get("note", "") if excluded else "")
    ctx.audit("list_enterprise_set", target=done["enterprise_id"], name=done["name"], category=done["category"],
              excluded=done["excluded"], note=done["note"])
    word = f"不参与双随机（{done['note']}）" if excluded else f"列为「{done['category']}」"
    return ctx.redirect(_back(ctx, "/lists"), f"{done['name']}：{word}")


@page("/lists/officers", roles=VIEW, title="名录库")
def officers_page(ctx: Ctx):
    q = ctx.request.query_params
    county = q.get("county") if q.get("county") in (*COUNTIES, "吕梁市") else None
    officers = [o for o in directory.officer_list(ctx.office, ctx.storage) if not county or county in o["units"]]
    names = {e["id"]: e for e in directory.enterprise_rows(ctx.office, ctx.storage)}
    for o in officers:
        for c in o["conflicts"]:
            ent = names.get(c["enterprise_id"], {})
            c.update(name=ent.get("name", "（已不在监管平台）"), county=ent.get("county", ""))
    by_county: dict[str, list[dict]] = {}
    for e in sorted(names.values(), key=lambda e: e["name"]):
        by_county.setdefault(e["county"], []).append(e)
    for o in officers:  # a county officer picks from the county's enterprises; the city's types a credit code
        o["choices"] = [e for unit in o["units"] for e in by_county.get(unit, [])]
    here = ctx.request.url.path[len("/console"):] + (f"?{urlencode({'county': county})}" if county else "")
    return ctx.render("lists_officers.html", title="名录库", officers=officers, counties=COUNTIES, county=county,
                      may_edit=ctx.user.role in EDIT, back=here)


@page("/lists/officers/{cert_no}/pool", roles=EDIT, title="名录库", methods=("POST",))
def set_pool(ctx: Ctx, cert_no: str):
    active = ctx.form.get("active") == "1"
    if not active and not ctx.form.get("note", "").strip():
        raise BadInput("console.pool_out_reason")
    done = directory.set_officer_active(ctx.office, ctx.storage, cert_no, active, ctx.form.get("note", ""))
    ctx.audit("list_officer_pool", target=cert_no, active=active, note=done["note"])
    return ctx.redirect(_back(ctx, "/lists/officers"),
                        f"{cert_no}：{'已列入' if active else '已移出'}执法人员名录库" + (f"（{done['note']}）" if done["note"] else ""))


@page("/lists/officers/{cert_no}/conflicts", roles=EDIT, title="名录库", methods=("POST",))
def declare_conflict(ctx: Ctx, cert_no: str):
    key = ctx.form.get("enterprise", "").strip()
    if not key:
        raise BadInput("console.conflict_enterprise")
    ent = admin.enterprise(ctx.storage, key)
    done = directory.declare_conflict(ctx.office, ctx.storage, cert_no, ent.entity_id, ctx.form.get("reason", ""))
    ctx.audit("list_conflict_declared", target=cert_no, enterprise_id=ent.entity_id,
              enterprise=ent.payload.get("name", ""), reason=done["reason"])
    return ctx.redirect(_back(ctx, "/lists/officers"), f"{cert_no} 对「{ent.payload.get('name', '')}」的回避已登记")


@page("/lists/officers/{cert_no}/conflicts/{enterprise_id}/withdraw", roles=EDIT, title="名录库", methods=("POST",))
def withdraw_conflict(ctx: Ctx, cert_no: str, enterprise_id: str):
    reason = ctx.form.get("reason", "").strip()
    if not reason:
        raise BadInput("console.withdraw_reason")
    if not directory.withdraw_conflict(ctx.office, cert_no, enterprise_id):
        raise BadInput("console.no_conflict", cert=cert_no)
    ctx.audit("list_conflict_withdrawn", target=cert_no, enterprise_id=enterprise_id, reason=reason)
    return ctx.redirect(_back(ctx, "/lists/officers"), f"{cert_no} 的一项回避已撤销")
