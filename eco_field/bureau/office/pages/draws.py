"""Part 2: 双随机 draws in the console — the lists (categories and ratios, how many enterprises and officers),
a new draw (dispatcher), each draw with its teams and results, its verification and the 一公开 export."""

from __future__ import annotations

from datetime import date

from fastapi.responses import Response

from eco_field.bureau.office import audit, directory, dispatch, draws, exports
from eco_field.bureau.office.web import HEADERS, Ctx, page
from eco_field.canonical import canonical_json
from eco_field.errors import BadInput

VIEW = ("dispatcher", "admin", "leader")
audit.LABELS.update({"draw_made": "双随机抽取", "draw_exported": "导出抽查公示"})


@page("/draws", roles=VIEW, title="双随机抽查", nav=True, order=20)
def draws_page(ctx: Ctx):
    cats = directory.categories(ctx.office)
    ents = directory.enterprise_list(ctx.office, ctx.storage)
    officers = directory.officer_list(ctx.office, ctx.storage)
    per_cat = {c["name"]: sum(1 for e in ents if e["category"] == c["name"] and not e["excluded"]) for c in cats}
    counties = sorted({e["county"] for e in ents})
    return ctx.render("draws.html", title="双随机抽查", categories=cats, per_category=per_cat, counties=counties,
                      enterprises=len(ents), excluded=sum(e["excluded"] for e in ents),
                      officers=sum(o["active"] for o in officers),
                      conflicts=sum(len(o["conflicts"]) for o in officers), draws=draws.list_draws(ctx.office),
                      year=date.today().year, may_draw=ctx.user.role == "dispatcher")


@page("/draws/new", roles=("dispatcher",), title="双随机抽查", methods=("POST",))
def new_draw(ctx: Ctx):
    try:
        year = int(ctx.form.get("year", ""))
    except ValueError as exc:
        raise BadInput("dispatch.bad_year", year=ctx.form.get("year", "")) from exc
    ratios = {}
    for c in directory.categories(ctx.office):
        value = ctx.form.get(f"ratio_{c['name']}", "").strip()
        if value:
            ratios[c["name"]] = str(directory.parse_ratio(value, c["name"]))
    if not ratios:
        raise BadInput("dispatch.empty_draw")
    made = draws.make_draw(ctx.office, ctx.storage, year, ratios, ctx.form.get("seed", ""),
                           ctx.form.get("county") or None, made_by=f"{ctx.user.display_name}（{ctx.user.username}）", due=ctx.form.get("due") or None)
    ctx.audit("draw_made", target=made["id"], year=year, number=made["number"], seed_sha256=made["seed_sha256"],
              snapshot_sha256=made["snapshot_sha256"], drawn=made["drawn"])
    return ctx.redirect(f"/draws/{made['id']}", f"已抽取 {made['drawn']} 家企业，检查任务已下发到执法人员的终端（同步后可见）")


@page("/draws/{draw_id}", roles=VIEW, title="双随机抽查")
def draw_page(ctx: Ctx, draw_id: str):
    d = draws.get_draw(ctx.office, draw_id)
    results = dispatch.results_by_task(ctx.office, [i["task_id"] for i in d["items"]])
    check = draws.verify(ctx.office, draw_id)
    return ctx.render("draw.html", title=f"{d['year']}年第{d['number']}批双随机抽查", d=d, results=results,
                      verified=check["snapshot_matches"] and check["same_result"])


@page("/draws/{draw_id}/export", roles=VIEW, title="双随机抽查")
def draw_export(ctx: Ctx, draw_id: str):
    d = draws.get_draw(ctx.office, draw_id)
    data = draws.export(ctx.office, draw_id, dispatch.results_by_task(ctx.office, [i["task_id"] for i in d["items"]]))
    as_json = ctx.request.query_params.get("format") == "json"
    ctx.audit("draw_exported", target=draw_id, format="json" if as_json else "xlsx")
    name = f"draw-{d['year']}-{d['number']}"
    if as_json:
        return Response(canonical_json(data).encode("utf-8"), media_type="application/json",
                        headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}.json"'})
    return Response(exports.draw_xlsx(data), headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}.xlsx"'},
                    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
