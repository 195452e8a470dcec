"""Part 3: 信访/举报 — intake (clerk), 受理 or not, assignment as a 信访 task, extension (the leader approves),
办结; deadlines by the 信访工作条例 (complaint_rules.py) with warnings."""

from __future__ import annotations

from eco_field.bureau.office import audit, complaint_rules, complaints, paging
from eco_field.bureau.office.web import Ctx, page
from eco_field.records import COUNTIES

VIEW = ("clerk", "dispatcher", "leader", "admin")
SHOWN = 100
AUDIT = {"accept": "complaint_accepted", "refuse": "complaint_refused", "assign": "complaint_assigned",
         "extend": "complaint_extended", "close": "complaint_closed"}
audit.LABELS.update({"complaint_added": "信访登记", "complaint_accepted": "信访受理", "complaint_refused": "信访不予受理",
                     "complaint_assigned": "信访派发任务", "complaint_extended": "信访延期", "complaint_closed": "信访办结"})


@page("/complaints", roles=VIEW, title="信访举报", nav=True, order=40)
def complaints_page(ctx: Ctx):
    q = ctx.request.query_params
    status = q.get("status") if q.get("status") in complaints.STATUS_SQL else None
    county = q.get("county") if q.get("county") in COUNTIES else None
    number = paging.page_number(q)
    items = complaints.list_complaints(ctx.office, status=status, county=county, limit=SHOWN + 1,
                                       offset=(number - 1) * SHOWN)
    pager = paging.pager(ctx.request.url.path, q, number, SHOWN, len(items) > SHOWN)
    items = items[:SHOWN]
    enterprises = sorted(((r.entity_id, r.payload.get("name", ""), r.payload.get("county", ""))
                          for r in ctx.storage.records("enterprise") if not r.deleted), key=lambda e: (e[2], e[1]))
    officers = sorted(ctx.storage.officers(), key=lambda o: (o["units"][0] if o["units"] else "", o["cert_no"]))
    return ctx.render("complaints.html", title="信访举报", items=items, shown_status=status,
                      shown_county=county, pager=pager, shown=len(items), channels=complaint_rules.CHANNELS,
                      routes=complaint_rules.ROUTES, results=complaint_rules.RESULTS, counties=COUNTIES,
                      enterprises=enterprises, officers=officers, role=ctx.user.role,
                      warnings=sum(1 for c in items if c["warning"] == "overdue"))


@page("/complaints/new", roles=("clerk",), title="信访举报", methods=("POST",))
def new_complaint(ctx: Ctx):
    f = ctx.form
    made = complaints.add(ctx.office, ctx.storage, channel=f.get("channel", ""), content=f.get("content", ""),
                          county=f.get("county", ""), received_on=f.get("received_on", ""), route=f.get("route", "direct"),
                          source_ref=f.get("source_ref", ""), petitioner=f.get("petitioner", ""),
                          contact=f.get("contact", ""), anonymous=f.get("anonymous") == "1",
                          enterprise=f.get("enterprise", ""), by=ctx.user.username)
    ctx.audit("complaint_added", target=made["number"], channel=made["channel"])
    return ctx.redirect("/complaints", f"已登记 {made['number']}，受理告知期限 {made['accept_due']}")


def _act(ctx: Ctx, action: str, complaint_id: str):
    f, office = ctx.form, ctx.office
    if action == "accept":
        done = complaints.accept(office, complaint_id, f.get("day", ""))
        message = f"已受理，办结期限 {done['close_due']}"
    elif action == "refuse":
        done = complaints.refuse(office, complaint_id, f.get("reason", ""))
        message = "已记录不予受理"
    elif action == "assign":
        done = complaints.assign(office, ctx.storage, complaint_id, [c for c in ctx.form_lists.get("officer", []) if c])
        message = "已派发信访核查任务（执法人员同步后可见）"
    elif action == "extend":
        done = complaints.extend(office, complaint_id, int(f.get("days") or 0), f.get("reason", ""),
                                 ctx.user.display_name)
        message = f"已批准延期，办结期限 {done['close_due']}"
    else:
        done = complaints.close(office, complaint_id, f.get("day", ""), f.get("result", ""), f.get("reply", ""))
        message = "已办结" + ("（按期）" if done["closed_on_time"] else "（超期）")
    ctx.audit(AUDIT[action], target=done["number"])
    return ctx.redirect("/complaints", f"{done['number']}：{message}")


for _action, _roles in (("accept", ("clerk",)), ("refuse", ("clerk",)), ("assign", ("clerk", "dispatcher")),
                        ("extend", ("leader",)), ("close", ("clerk",))):
    def _handler(ctx: Ctx, complaint_id: str, _a: str = _action):
        return _act(ctx, _a, complaint_id)

    _handler.__name__ = f"complaint_{_action}"
    page(f"/complaints/{{complaint_id}}/{_action}", roles=_roles, title="信访举报", methods=("POST",))(_handler)
