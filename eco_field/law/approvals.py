"""Approval steps of a case (立案审批, 案件处理内部审批, 法制审核, 集体讨论, 结案审批): who may approve, when each is
required and whether the one recorded is enough. An approval is a case event "approved" whose data holds
step, by, role, opinion and source (device | bureau).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from eco_field.law.procedure_state import (
    COLLECTIVE_SETTING,
    DEFAULT_MAJOR_FINE,
    LEGAL_REVIEW_SETTING,
    CaseState,
)
from eco_field.messages import text

STEPS = {"filing": "立案审批", "decision": "案件处理内部审批（负责人审批）", "legal_review": "法制审核",
         "collective": "集体讨论", "closing": "结案审批"}
# the role whose approval completes the step (procedure.md §1: 立案审批表 chain 承办人 → 承办机构负责人 →
# 局负责人; 法 art 58 reviewers are legal staff, not investigators; 法 art 57 the 负责人 collectively;
# procedure.md §1.15 and §3: 结案审批表 「承办→负责人」, approved by the 负责人 — the 2010办法 art 67 rule; the
# 2023 办法's 结案 article was not available)
FINAL_ROLES = {"filing": ("局负责人", "负责人"), "decision": ("局负责人", "负责人"),
               "legal_review": ("法制审核人员", "法制审核机构负责人"),
               "collective": ("局负责人", "负责人", "案件审查委员会"), "closing": ("局负责人", "负责人")}
CHAIN_ROLES = {"filing": ("承办人", "承办机构负责人"), "decision": ("承办人", "承办机构负责人"),
               "legal_review": (), "collective": (), "closing": ("承办人", "承办机构负责人")}
DEVICE_ROLES_SETTING = "approval_roles_on_device"   # comma-separated roles this laptop may approve as
_REFUSALS = ("不同意", "不予通过", "不通过", "退回", "不予批准", "不批准")


def step_code(text: str) -> str:
    from eco_field.errors import BadInput

    wanted = text.strip()
    for code, label in STEPS.items():
        if wanted in (code, label):
            return code
    raise BadInput("law.unknown_step", text=text, known=", ".join(f"{c} ({n})" for c, n in STEPS.items()))


def passed(data: dict[str, Any]) -> bool:
    opinion = str(data.get("opinion") or "").strip()
    return not opinion.startswith(_REFUSALS)


def legal_review_required(s: CaseState, amount: float | None = None, notice: Any = None) -> bool:
    """法 art 58: a hearing was held (major rights), or the case is major by the bureau's threshold. For a 按日连续处罚
    round, amount is that round's total and notice its own 告知 (a hearing held on it counts)."""
    if amount is not None:
        return amount >= s.number(LEGAL_REVIEW_SETTING, DEFAULT_MAJOR_FINE) or bool(s.after("hearing_held", notice))
    return s.has("hearing_held") or s.amount >= s.number(LEGAL_REVIEW_SETTING, DEFAULT_MAJOR_FINE) \
        or s.has("production_halted")


def collective_required(s: CaseState, amount: float | None = None) -> bool:
    """法 art 57 ¶2 (情节复杂或者重大违法行为; the 办法's list was not available): the bureau's threshold, a
    second extension of the decision period, or a 停产整治. For a 按日连续处罚 round, amount is that round's
    total (the threshold alone decides)."""
    if amount is not None:
        return amount >= s.number(COLLECTIVE_SETTING, DEFAULT_MAJOR_FINE)
    return s.amount >= s.number(COLLECTIVE_SETTING, DEFAULT_MAJOR_FINE) or s.has("decision_extended_collective") \
        or s.has("production_halted")


def required_now(s: CaseState, step: str) -> tuple[bool, date | None]:
    """Whether the case needs a 法制审核 / 集体讨论 now, and the day an approval counts from: while a 按日连续处罚
    round awaits its decision, by that round's total and since its notice (procedure_measures.daily_ready);
    otherwise by the case's fine (decision_ready). The round's 负责人审批 also counts from its notice. Other steps:
    (True, None)."""
    from eco_field.law.procedure_decision import daily_open

    if step not in ("legal_review", "collective", "decision"):
        return True, None
    if daily_open(s):
        from eco_field.law.procedure_facts import round_amount

        notice = s.last("daily_notified")
        if step == "decision":
            return True, notice.day
        amount = round_amount(s, notice)
        needed = legal_review_required(s, amount, notice) if step == "legal_review" else collective_required(s, amount)
        return needed, notice.day
    if step == "decision":
        return True, None
    return (legal_review_required(s) if step == "legal_review" else collective_required(s)), None


def missing(s: CaseState, step: str, day: date, since: date | None = None) -> str | None:
    """Why the step is not approved by the day (None when it is): a final-role approval that passed."""
    done = [e for e in s.approvals(step) if e.data.get("role") in FINAL_ROLES[step] and e.day <= day
            and (since is None or e.day >= since)]
    if done and passed(done[-1].data):
        return None
    if done:
        return text("procedure.approval_refused", step=_label(step), by=done[-1].data.get("by"),
                    opinion=done[-1].data.get("opinion"))
    return text("procedure.approval_missing", step=_label(step), roles="或".join(FINAL_ROLES[step][:2]))


def _label(step: str) -> str:
    return text(f"procedure.event.approve_{step}")


def check_approver(s: CaseState, step: str, by: str, role: str, *, on_device: bool) -> str | None:
    """Whether this person in this role may approve this step here."""
    if not by.strip():
        return text("procedure.need_approver")
    allowed = FINAL_ROLES[step] + CHAIN_ROLES[step]
    if role not in allowed:
        return text("procedure.wrong_role", step=_label(step), roles="、".join(allowed), role=role)
    if on_device:
        device_roles = [r.strip() for r in s.settings.get(DEVICE_ROLES_SETTING, "").replace("，", ",").split(",")
                        if r.strip()]
        if role not in device_roles:
            return text("procedure.role_not_on_device", role=role, setting=DEVICE_ROLES_SETTING)
    if step == "legal_review" and by.strip() in s.investigators:
        return text("procedure.reviewer_investigated", name=by.strip())
    return None
