"""Part 3: every task (双随机, 信访, 督察整改, 日常) with its due date and the status the laptops report."""

from __future__ import annotations

from eco_field.bureau.office import dispatch, paging
from eco_field.bureau.office.web import Ctx, page
from eco_field.records import COUNTIES, TASK_KINDS, TASK_STATUSES

VIEW = ("dispatcher", "admin", "leader", "clerk")
SHOWN = 100


@page("/tasks", roles=VIEW, title="任务调度", nav=True, order=30)
def tasks_page(ctx: Ctx):
    q = ctx.request.query_params
    kind = q.get("kind") if q.get("kind") in TASK_KINDS else None
    status = q.get("status") if q.get("status") in (*TASK_STATUSES, "overdue") else None
    county = q.get("county") if q.get("county") in COUNTIES else None
    number = paging.page_number(q)
    items = dispatch.tasks(ctx.office, kind=kind, county=county, status=status, limit=SHOWN + 1,
                           offset=(number - 1) * SHOWN)
    pager = paging.pager(ctx.request.url.path, q, number, SHOWN, len(items) > SHOWN)
    shown = items[:SHOWN]
    return ctx.render("tasks.html", title="任务调度", tasks=shown, pager=pager, shown=len(shown), kinds=TASK_KINDS,
                      statuses=TASK_STATUSES, counties=COUNTIES, kind=kind, shown_status=status, county=county,
                      overdue=sum(1 for t in shown if t["warning"] == "overdue"))
