"""Part 4: the approval queue (立案审批, 法制审核, 负责人审批, 集体讨论, 结案审批) and one case's file for the approver, who
approves with an opinion or returns it. The result is a `case_approval` record written by the same code as
`eco-field bureau cases approve` (bureau.case_approvals.approve); the laptop pulls it on its next sync."""

from __future__ import annotations

import re

from fastapi.responses import FileResponse, Response

from eco_field.bureau import case_approvals
from eco_field.bureau.office import audit, bureau_details, case_view, draft_decision, paging, photo_flags
from eco_field.bureau.office.charts import readings_chart
from eco_field.bureau.office.web import Ctx, page
from eco_field.clock import now_local
from eco_field.documents import issuer
from eco_field.errors import BadInput, NotFound
from eco_field.law import approvals, procedure

APPROVERS = ("reviewer", "leader")
VIEWERS = ("reviewer", "leader", "admin")
PAGE_ROWS = 100  # the queue's rows a page, by decision deadline
_SHA = re.compile(r"^[0-9a-f]{64}$")
_REFUSAL_WORDS = ("不同意", "不予通过", "不通过", "退回", "不予批准", "不批准")  # law.approvals.passed() reads these
audit.LABELS.update({"approved": "审批通过", "returned": "审批退回", "draft_viewed": "查看决定书草稿"})


@page("/approvals", roles=VIEWERS, title="案件审批", nav=True, order=10)
def queue(ctx: Ctx):
    items = case_view.queue(ctx.storage)
    mine = [i for i in items if any(case_view.STEP_ROLES[s] == ctx.user.role for s in i["steps"])]
    q = ctx.request.query_params
    if q.get("mine"):
        items = mine
    number = paging.page_number(q)
    pager = paging.pager(ctx.request.url.path, q, number, PAGE_ROWS, len(items) > number * PAGE_ROWS)
    shown = items[pager.offset:pager.offset + PAGE_ROWS]
    return ctx.render("approvals.html", title="案件审批", items=shown, total=len(items), mine=len(mine),
                      only_mine=bool(q.get("mine")), pager=pager, shown=len(shown))


@page("/approvals/{case_id}", roles=VIEWERS, title="案件审批")
def case_file(ctx: Ctx, case_id: str):
    today = now_local().date()
    case = case_view.load_case(ctx.storage, case_id)
    linked = case_view.linked_records(ctx.storage, case)
    documents = case_view.documents_of(ctx.storage, case, linked)
    s = case_view.state_of(ctx.storage, case, today, documents=documents)
    enterprise = ctx.storage.record("enterprise", str(case.payload.get("enterprise_id") or ""))
    steps = case_view.waiting_steps(s, today)
    stored = ctx.storage.blob_sizes([d.sha256 for d in documents if d.sha256])
    inspection_id = s.inspection_id
    cited = {i for ids in s.evidence.values() for i in ids}
    photos = [{"id": r.entity_id, "sha256": r.sha256, "name": r.payload.get("original_name", ""),
               "caption": r.payload.get("caption", ""), "cited": r.entity_id in cited,
               "note": s.evidence_note(r.entity_id)}
              for r in linked if r.entity == "evidence" and r.payload.get("kind") in ("photo", "image", "markup")]
    photo_blobs = ctx.storage.blob_sizes([p["sha256"] for p in photos if p["sha256"]])
    inspection = ctx.storage.record("inspection", inspection_id)
    site = photo_flags.site_of(inspection.payload if inspection else {}, enterprise.payload if enterprise else {})
    for p in photos:
        stored_path = ctx.data_dir / "blobs" / p["sha256"][:2] / p["sha256"] if p["sha256"] else None
        p["flags"] = photo_flags.flags(stored_path, site) if stored_path and p["sha256"] in photo_blobs else []
    charts = [readings_chart(series) for r in linked if r.entity == "reading_source"
              for series in r.payload.get("series") or []]
    kind, not_yet = draft_decision.decision_kind(s)
    details = bureau_details.current(ctx.office)
    draft = {"kind": kind, "title": _title({"kind": kind}) if kind else "", "reason": not_yet,
             # 机关代字 goes into a number, which a draft does not have
             "missing": [label for key, label in issuer.required(kind or "") if key != "doc_prefix"
                         and not details.get(key)]}
    return ctx.render(
        "approval.html", title="案件审批", case=case.payload, case_id=case_id,
        enterprise=enterprise.payload if enterprise else {},
        summary=case_view.summary(s, case, enterprise.payload.get("name", "") if enterprise else "", steps, today),
        events=[{"label": procedure.event_label(e.code), "date": e.day.isoformat(), "note": e.note,
                 "bureau": e.data.get("source") == "bureau"} for e in s.events if e.code != "approved"],
        approvals=[{"step": approvals.STEPS.get(e.data.get("step"), e.data.get("step")), "by": e.data.get("by"),
                    "role": e.data.get("role"), "opinion": e.data.get("opinion") or "", "date": e.day.isoformat(),
                    "passed": approvals.passed(e.data), "bureau": e.data.get("source") == "bureau"}
                   for e in s.all("approved")],
        statements=s.statements(), entries=s.entries,
        documents=[{"kind": d.payload.get("kind"), "title": _title(d.payload),
                    "number": d.payload.get("number"), "sha256": d.sha256, "stored": d.sha256 in stored,
                    "void": bool(d.payload.get("void_reason")),
                    # the date of issue (落款日期) the document states, else when the laptop stored it
                    "issued_at": (d.payload.get("facts") or {}).get("issued_date") or d.payload.get("issued_at", "")}
                   for d in documents],
        photos=[{**p, "stored": p["sha256"] in photo_blobs} for p in photos], charts=charts, draft=draft,
        steps=[{"code": st, "label": approvals.STEPS[st], "mine": case_view.STEP_ROLES[st] == ctx.user.role}
               for st in steps],
        today=today.isoformat())


@page("/approvals/{case_id}/decide", roles=APPROVERS, title="案件审批", methods=("POST",))
def decide(ctx: Ctx, case_id: str):
    step, verdict = ctx.form.get("step", ""), ctx.form.get("verdict", "")
    opinion = ctx.form.get("opinion", "").strip()
    if step not in case_view.STEP_ROLES or verdict not in ("approve", "return"):
        raise BadInput("console.choose_step")
    if case_view.STEP_ROLES[step] != ctx.user.role:
        raise BadInput("console.step_not_role", step=approvals.STEPS[step], role=ctx.user.role_label)
    case = case_view.load_case(ctx.storage, case_id)
    today = now_local().date()
    if step not in case_view.waiting_steps(case_view.state_of(ctx.storage, case, today), today):
        raise BadInput("console.step_not_waiting", step=approvals.STEPS[step])
    if verdict == "approve":
        if opinion.startswith(_REFUSAL_WORDS):
            raise BadInput("console.approve_refusal_words")
        opinion = opinion or "同意"
    else:
        if not opinion:
            raise BadInput("console.return_needs_reason")
        if not opinion.startswith(_REFUSAL_WORDS):
            opinion = f"退回：{opinion}"
    day = ctx.form.get("date", "").strip() or today.isoformat()
    result = case_approvals.approve(ctx.storage, case_id, step, ctx.user.display_name,
                                    case_view.APPROVER_ROLE[ctx.user.role], day, opinion)
    ctx.audit("approved" if verdict == "approve" else "returned", case_id, step=approvals.STEPS[step],
              opinion=opinion, approval_id=result["id"])
    word = "已同意" if verdict == "approve" else "已退回"
    return ctx.redirect(f"/approvals/{case_id}", f"{approvals.STEPS[step]}{word}；承办人的终端下次同步时收到。")


@page("/approvals/{case_id}/draft.pdf", roles=VIEWERS, title="决定书草稿")
def draft_pdf(ctx: Ctx, case_id: str) -> Response:
    """The draft decision made now from the synced records (cached until one of them changes)."""
    made = draft_decision.draft(ctx.storage, ctx.office, ctx.data_dir, case_id, now_local().date())
    ctx.audit("draft_viewed", case_id, kind=made.kind)
    return FileResponse(made.pdf, media_type="application/pdf", filename=f"{made.title}（草稿）.pdf",
                        content_disposition_type="inline",
                        headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})


@page("/approvals/{case_id}/files/{sha256}", roles=VIEWERS, title="文件")
def case_file_blob(ctx: Ctx, case_id: str, sha256: str) -> Response:
    """A stored document PDF or photo of this case's file (nothing else of the blob store)."""
    if not _SHA.match(sha256):
        raise NotFound("console.no_file")
    case = case_view.load_case(ctx.storage, case_id)
    kinds = {r.entity for r in case_view.linked_records(ctx.storage, case) if r.sha256 == sha256}
    path = ctx.data_dir / "blobs" / sha256[:2] / sha256
    if not kinds & {"document", "evidence"} or not ctx.storage.blob_sizes([sha256]) or not path.is_file():
        raise NotFound("console.no_file")
    media = "application/pdf" if "document" in kinds else _image_type(path)
    return FileResponse(path, media_type=media, headers={"Cache-Control": "private, max-age=3600",
                                                         "X-Content-Type-Options": "nosniff"})


def _image_type(path) -> str:
    head = path.open("rb").read(12)
    if head.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG"):
        return "image/png"
    return "application/octet-stream"


def _title(payload: dict) -> str:
    """A document's printed title (the record's, else its kind's), never the kind's id."""
    if payload.get("title"):
        return str(payload["title"])
    from eco_field.documents.kinds import module_for

    try:
        return str(module_for(str(payload.get("kind") or "")).TITLE)
    except Exception:  # noqa: BLE001 - a kind this bureau's program does not know
        return "文书"
