"""The preconditions of each procedure event (procedure.md §1, §2, §4): a guard returns the reason, in
Chinese, why the event cannot be recorded on that day, or None. procedure.py is the only caller.

data is what the officer gives with the event (note, ground item, statement text …); None means "only
asking whether the step is open" (cases next), so missing input is not yet a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from eco_field.law import approvals, monitoring_results
from eco_field.law.procedure_state import HEARING_NOTICE_WORKING_DAYS, CaseState, Event
from eco_field.messages import text

Guard = Callable[[CaseState, date, dict[str, Any] | None], str | None]

# the status each event moves the case to (replayed over the log; 恢复 returns to the status before 中止)
EVENT_STATUS = {"filed": "filed", "not_filed": "not_filed", "investigated": "investigated", "notified": "notified",
                "decided": "decided", "no_penalty": "no_penalty", "served": "served", "paid": "paid",
                "court_application": "enforcing", "closed": "closed", "withdrawn": "withdrawn",
                "criminal_transfer": "transferred", "suspended": "suspended"}
FINAL = ("closed", "not_filed", "withdrawn", "transferred")
BEFORE_DECISION = ("filed", "investigated", "notified")


def status_of(events: list[Event]) -> str:
    status, before_suspension = "open", "open"
    for e in events:
        if e.code == "resumed" and status == "suspended":
            status = before_suspension
        elif e.code in EVENT_STATUS:
            if e.code == "suspended":
                before_suspension = status
            status = EVENT_STATUS[e.code]
    return status


def need(data: dict[str, Any] | None, key: str, message: str) -> str | None:
    """message when the officer left out what the step needs (not when only asking what is open)."""
    if data is None:
        return None
    return None if str(data.get(key) or "").strip() else message


def _in(s: CaseState, allowed: tuple[str, ...], what: str) -> str | None:
    status = status_of(s.events)
    if status in allowed:
        return None
    if status == "open":
        return text("procedure.not_filed_yet")
    if status == "suspended":
        return text("procedure.suspended_resume_first")
    return text("procedure.wrong_status", status=status_label(status))  # the caller names the step refused


def _not_before(day: date, event: Event | None) -> str | None:
    if event is not None and day < event.day:
        return text("procedure.before_prerequisite", day=day, step=step_label(event.code), date=event.day)
    return None


def status_label(status: str) -> str:
    return text(f"procedure.status.{status}")


def step_label(code: str) -> str:
    """An event's name, or a document kind's title, in the interface language."""
    if code == "approved" or "-" not in code:
        return text(f"procedure.event.{code}")
    from eco_field.documents.kinds import module_for

    try:
        return module_for(code).TITLE
    except Exception:  # noqa: BLE001 - an unknown kind is still named
        return code


def first(*reasons: str | None) -> str | None:
    return next((r for r in reasons if r), None)


# -- 立案 --
def filed(s: CaseState, day: date, data: dict | None) -> str | None:
    limit = s.discovered + timedelta(days=15 + 15 * s.has("filing_extended"))
    return first(_in(s, ("open",), "filed"),
                 text("procedure.filed_before_discovery", day=day, discovered=s.discovered)
                 if day < s.discovered else None,
                 approvals.missing(s, "filing", day),
                 text("procedure.filing_period_over", limit=limit) if day > limit else None)


def filing_extended(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open",), "filing_extended"),
                 text("procedure.filing_extended_once") if s.has("filing_extended") else None,
                 text("procedure.filing_period_over_no_extension", limit=s.discovered + timedelta(days=15))
                 if day > s.discovered + timedelta(days=15) else None,
                 need(data, "note", text("procedure.need_extension_note")))


def not_filed(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open",), "not_filed"), need(data, "note", text("procedure.need_not_filed_note")))


def suspended(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, BEFORE_DECISION, "suspended"), _not_before(day, s.last("filed")),
                 need(data, "note", text("procedure.need_suspension_note")))


def resumed(s: CaseState, day: date, data: dict | None) -> str | None:
    if status_of(s.events) != "suspended":
        return text("procedure.not_suspended")
    return _not_before(day, s.last("suspended"))


def withdrawn(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed", "investigated", "suspended"), "withdrawn"),
                 need(data, "note", text("procedure.need_withdrawal_note")))


# -- 调查 --
def investigated(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("filed",), "investigated"), _not_before(day, s.last("filed")))


def monitoring_report(s: CaseState, day: date, data: dict | None) -> str | None:
    return first(_in(s, ("open", *BEFORE_DECISION), "monitoring_report"),
                 text("procedure.report_too_early", day=day, discovered=s.discovered)
                 if day < s.discovered - timedelta(days=30) else None,
                 need(data, "number", text("procedure.need_report_number")),
                 need(data, "body", text("procedure.need_report_body")))


def evidence_note(s: CaseState, day: date, data: dict | None) -> str | None:
    if data is None:
        return _in(s, ("open", *BEFORE_DECISION), "evidence_explained")
    cited = {i for ids in s.evidence.values() for i in ids}
    return first(_in(s, ("open", *BEFORE_DECISION), "evidence_explained"),
                 None if data.get("evidence_id") in cited else text("procedure.not_case_evidence",
                                                                     evidence=data.get("evidence_id")),
                 need(data, "text", text("procedure.need_evidence_note")))


def evidence_gaps(s: CaseState) -> list[str]:
    """Part 5: what keeps the violations from being put to the party (告知)."""
    gaps = []
    noted = {i: s.evidence_note(i) for ids in s.evidence.values() for i in ids}
    for catalog_id, ids in s.evidence.items():
        kept = [i for i in ids if not (noted.get(i) and noted[i]["action"] == "exclude")]
        if not kept:
            gaps.append(text("procedure.no_evidence", violation=catalog_id))
    for evidence_id, flag in s.photo_flags.items():
        if noted.get(evidence_id) is None:
            gaps.append(text("procedure.flagged_photo", name=flag["name"], reasons="；".join(flag["reasons"])))
    if s.exceedance and not s.has("monitoring_report"):
        ids = "、".join(e.id for e in s.exceedance)
        gaps.append(text("procedure.monitoring_report_needed", violations=ids))
    elif s.exceedance and not monitoring_results.reports_prove_exceedance([e.data for e in s.all("monitoring_report")]):
        # every report states its results and none is over its limit: nothing proves the exceedance
        gaps.append(text("monitoring.within_limits", violations="、".join(e.id for e in s.exceedance)))
    return gaps


ORDER_SERVICE_WORKING_DAYS = 3  # 按日连续处罚办法第八条 (procedure.md §2: its text read from a commentary)


def order_service_due(s: CaseState) -> date:
    """按日连续处罚办法第八条: the 责令改正违法行为决定书 is served on site (the inspection's day), or within 3
    working days of receiving the monitoring report where the violation rests on one."""
    reports = s.all("monitoring_report")
    if reports:
        return s.calendar.add_working_days(reports[0].day, ORDER_SERVICE_WORKING_DAYS)
    return s.discovered


def order_warnings(s: CaseState) -> list[str]:
    """The order's service against 第八条: served late, or issued (documents rectification-order) and not served
    while its day has passed. A warning, not a refusal: the late service is recorded as it happened, and the
    reviewer reads it. (A case with no order made is not warned of: not every case goes on to 按日.)"""
    served = s.last("order_served")
    due = order_service_due(s)
    if served is not None:
        return [text("procedure.order_served_late", day=served.day, due=due)] if served.day > due else []
    if not s.documents_of("rectification-order") or status_of(s.events) in FINAL or s.today <= due:
        return []
    return [text("procedure.order_not_served_due", due=due)]


def report_warnings(s: CaseState) -> list[str]:
    return _monitoring_warnings(s) + order_warnings(s)


def _monitoring_warnings(s: CaseState) -> list[str]:
    """What the case screen warns of without closing a step: an exceedance's monitoring report attached without
    its results is still taken as the report (those attached before results were recorded), but the notice and
    the decision can then cite it by number only, without the concentration, the limit and the multiple."""
    if not s.exceedance:
        return []
    return [text("monitoring.report_without_results", number=e.data.get("number", ""))
            for e in s.all("monitoring_report") if not monitoring_results.read(e.data)]


# -- 告知、陈述申辩、听证 --
def notified(s: CaseState, day: date, data: dict | None) -> str | None:
    status = status_of(s.events)
    if status == "filed":
        return text("procedure.investigation_open")
    gaps = evidence_gaps(s)
    return first(_in(s, ("investigated",), "notified"),
                 text("procedure.assessed_no_penalty") if s.no_penalty_assessed else None,
                 text("procedure.not_assessed") if s.amount <= 0 else None,
                 gaps[0] if gaps else None,
                 None if s.documents_of("penalty-notice") else text("procedure.notice_not_issued"),
                 _not_before(day, s.last("investigated")))


NOTICES = ("notified", "daily_notified", "production_notified")


def current_notice(s: CaseState) -> Event | None:
    """The notice the party is answering now: the last served of the penalty notice, the 按日 notice and the
    限产/停产 notice."""
    served = [e for e in s.events if e.code in NOTICES]
    return max(served, key=lambda e: (e.day, e.seq)) if served else None


# the decisions that close the party's answer to a notice
DECISIONS = ("decided", "no_penalty", "daily_decided", "production_limited", "production_halted")


def answered(s: CaseState, notice: Event) -> bool:
    """A decision was made after the notice: the party's statements on it are closed."""
    return any(s.after(code, notice) for code in DECISIONS)


def hearing_requested(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = current_notice(s)
    if notice is None:
        return text("procedure.notice_not_served")
    if not s.hearing_right_for(notice):
        return text("procedure.no_hearing_right", amount=s.amount,
                    threshold=int(s.number("doc_hearing_threshold", 200000)))
    due = s.hearing_due(notice)
    return first(_not_before(day, notice),
                 text("procedure.hearing_already_requested") if s.after("hearing_requested", notice) else None,
                 text("procedure.rights_waived") if hearing_waived(s, notice) else None,
                 text("procedure.hearing_request_late", due=due) if day > due else None,
                 hearing_people(s, data))


def hearing_notice(s: CaseState, day: date) -> str | None:
    """Whether the 听证通知书 may be issued: a hearing requested and not yet noticed."""
    requested = s.last("hearing_requested")
    if requested is None:
        return text("procedure.no_hearing_requested")
    return first(text("procedure.hearing_notice_served") if s.after("hearing_notified", requested) else None,
                 _not_before(day, requested))


def hearing_notified(s: CaseState, day: date, data: dict | None) -> str | None:
    from eco_field.documents.kinds import MODULES

    requested = s.last("hearing_requested")
    issued = s.issued_on("hearing-notice")  # a service of no 听证通知书 is no notice of the hearing
    needs_doc = "hearing-notice" in MODULES and requested is not None and (issued is None or issued < requested.day)
    return first(hearing_notice(s, day), text("procedure.hearing_notice_not_issued") if needs_doc else None)


def hearing_held(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = s.last("hearing_notified")
    if notice is None:
        return text("procedure.hearing_notice_not_served") if s.has("hearing_requested") \
            else text("procedure.no_hearing_requested")
    earliest = s.calendar.add_working_days(notice.day, HEARING_NOTICE_WORKING_DAYS)
    return first(text("procedure.hearing_held_already") if s.after("hearing_held", notice) else None,
                 text("procedure.hearing_too_early", earliest=earliest) if day < earliest else None,
                 hearing_people(s, data))


NOTE_PEOPLE = re.compile(r"(主持人|听证员)\s*[:：=]\s*([^；;\n]+)")
NOTE_ROLES = {"主持人": "听证主持人", "听证员": "听证员"}
MAX_AGENTS = 2  # 《行政处罚法》第六十四条第五项: 当事人可以亲自参加听证，也可以委托一至二人代理


def hearing_people(s: CaseState, data: dict | None) -> str | None:
    """Who heard the case: 《行政处罚法》第六十四条第四项 — 听证由行政机关指定的非本案调查人员主持 (the presider and
    the hearing officers are not the inspection's officers); at most two agents; a 回避 applied for is decided."""
    if not data:
        return None
    investigators = {_bare(n) for n in s.investigators}
    heard_by = [("听证主持人", data.get("presider"))] + [("听证员", n) for n in data.get("hearing_officers") or []]
    # the note written 「主持人：…；听证员：…」 (as documents/kinds/hearing_parts reads it) names them too
    heard_by += [(NOTE_ROLES[role], n) for role, names in NOTE_PEOPLE.findall(str(data.get("note") or ""))
                 for n in re.split(r"[、,，]", names)]
    for role, name in heard_by:
        if name and _bare(str(name)) in investigators:
            return text("procedure.hearing_by_investigator", role=role, name=str(name).strip())
    agents = data.get("representatives") or []
    return first(text("procedure.too_many_agents", n=len(agents)) if len(agents) > MAX_AGENTS else None,
                 text("procedure.need_withdrawal_decision") if data.get("withdrawal") == "yes"
                 and not str(data.get("withdrawal_decision") or "").strip() else None)


def _bare(name: str) -> str:
    """A person's name without spaces or a trailing remark in brackets (王建国（演示） is 王建国)."""
    return re.sub(r"[（(][^（()）]*[)）]$", "", re.sub(r"\s+", "", name))


# what a written waiver (当事人书面放弃) gives up: the 陈述、申辩 only, or also the hearing the notice offered
WAIVER_SCOPES = {"statement": ("statement", "陈述申辩", "陈述、申辩"),
                 "statement_and_hearing": ("statement_and_hearing", "all", "陈述申辩和听证", "陈述、申辩和听证")}


def waiver_scope(data: dict[str, Any] | None, hearing_right: bool) -> str:
    """The scope of a `waived` event: as recorded (--scope), else (a waiver recorded before the scope was kept)
    statement and hearing where the notice carried a hearing right, the statement only where it did not."""
    given = str((data or {}).get("scope") or "").strip()
    for code, words in WAIVER_SCOPES.items():
        if given in words:
            return code
    return "statement_and_hearing" if hearing_right else "statement"


def hearing_waived(s: CaseState, notice: Event) -> bool:
    """The party gave up in writing the hearing this notice offered (a waiver of the statement only keeps it)."""
    right = s.hearing_right_for(notice)
    return any(waiver_scope(w.data, right) == "statement_and_hearing" for w in s.after("waived", notice))


def waived(s: CaseState, day: date, data: dict | None) -> str | None:
    """当事人书面放弃: the 陈述、申辩 (scope statement) or also the hearing (statement_and_hearing, only where the
    notice offered one). After a waiver of the statement only, the hearing may still be waived in writing."""
    notice = current_notice(s)
    if notice is None:
        return text("procedure.notice_not_served")
    right = s.hearing_right_for(notice)
    given = str((data or {}).get("scope") or "").strip()
    scope = waiver_scope(data, right)
    # a second waiver only widens a waiver of the statement to the hearing the notice offered
    open_hearing = right and not hearing_waived(s, notice)
    already = bool(s.after("waived", notice)) and not (open_hearing and (data is None or scope == "statement_and_hearing"))
    return first(text("procedure.waiver_scope_unknown", scope=given)
                 if given and not any(given in w for w in WAIVER_SCOPES.values()) else None,
                 text("procedure.waiver_no_hearing_right") if given and scope == "statement_and_hearing"
                 and not right else None,
                 text("procedure.waived_already") if already else None,
                 _not_before(day, notice),
                 text("procedure.decided_already") if answered(s, notice) else None)


def statement(s: CaseState, day: date, data: dict | None) -> str | None:
    notice = current_notice(s)
    if notice is None:
        return text("procedure.notice_not_served")
    adopted = None if data is None else data.get("adopted")
    at_hearing = bool(data and data.get("at_hearing"))
    held = s.last("hearing_held")
    decided = answered(s, notice)
    return first(text("procedure.decided_already") if decided else None,
                 _not_before(day, notice), need(data, "text", text("procedure.need_statement_text")),
                 need(data, "reason", text("procedure.need_review_reason")) if adopted is not None else None,
                 (text("procedure.hearing_not_held") if held is None else _not_before(day, held)) if at_hearing
                 else None)
