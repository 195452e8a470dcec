"""Deadlines of a complaint (信访/举报) by the 《信访工作条例》 (中共中央、国务院 2022-01-24 印发, in force
2022-05-01). Text read (LawRefBook/Laws, 行政法规/信访工作条例.md):

- art. 23: a 信访事项 filed directly with the body, within its competence: written notice on the spot, or
  "应当自收到信访事项之日起15日内书面告知信访人" (except when the petitioner's name/address is unclear).
  Items 转送/交办 to it: notice "自收到之日起15日内"; outside its competence: "自收到之日起5个工作日内提出异议".
- art. 34: items of art. 31(6) "应当自受理之日起60日内办结；情况复杂的，经本机关、单位负责人批准，可以适当延长
  办理期限，但延长期限不得超过30日，并告知信访人延期理由".

Not in the text read, so applied as a working rule and marked as such:
- An environmental complaint asking the bureau to investigate a violation is art. 31(5) ("依法履行或者答复"),
  for which the 条例 sets no period of its own; the 60 + 30 days of art. 34 are applied to every accepted
  complaint, as the 12369 rules (环境保护部令第15号) are summarised to do — their article text was not
  available to me **[not verified]**.
- "日" is read as calendar days (the 条例 writes 工作日 where it means working days, art. 23) **[not verified]**.
"""

from __future__ import annotations

from datetime import date, timedelta

from eco_field.errors import BadInput

ACCEPT_NOTICE_DAYS = 15   # art. 23: written notice of acceptance, from receipt
OBJECTION_WORKDAYS = 5    # art. 23: a transferred item outside competence: objection, working days from receipt
CLOSE_DAYS = 60           # art. 34: 办结, from acceptance
EXTENSION_MAX_DAYS = 30   # art. 34: extension approved by the 负责人, at most
WARN_DAYS = 7             # the console warns this many days before a deadline (office practice, not law)

CHANNELS = ("12369热线", "网络举报", "来信", "来访", "电话", "转送", "交办", "其他")
ROUTES = {"direct": "直接向本局提出", "transferred": "转送、交办"}
RESULTS = ("属实", "部分属实", "不属实")


def accept_due(received: date) -> date:
    return received + timedelta(days=ACCEPT_NOTICE_DAYS)


def objection_due(received: date, data_dir=None) -> date:
    from eco_field.law.workdays import load_calendar

    return load_calendar(data_dir).add_working_days(received, OBJECTION_WORKDAYS)


def close_due(accepted: date, extension_days: int = 0) -> date:
    if not 0 <= extension_days <= EXTENSION_MAX_DAYS:
        raise BadInput("dispatch.extension_too_long", days=extension_days, most=EXTENSION_MAX_DAYS)
    return accepted + timedelta(days=CLOSE_DAYS + extension_days)


def warning(today: date, due: date | None, done: bool) -> str:
    """"overdue", "soon" (within WARN_DAYS) or "" for a deadline not yet met."""
    if due is None or done:
        return ""
    if today > due:
        return "overdue"
    return "soon" if (due - today).days <= WARN_DAYS else ""
