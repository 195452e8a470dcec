"""Which document kinds legally repeat within one case, one per round, and which round a case is in now.

Issuing a kind again for the same case supersedes (voids) the earlier one: that is a correction of the same act.
These kinds are not corrections when a new round begins — each round is its own act, and the earlier round's
document stays in force:
- 按日连续处罚 (notice and decision): each 复查 that finds the violation continuing after the last decision opens a
  new round with its own 告知 and decision; 《环境保护主管部门实施按日连续处罚办法》第十七条 「再次复查仍拒不改正的，
  计罚日数累计执行」, 第十八条 「按日连续处罚次数不受限制」 (text read from web copies of the 办法 this session,
  not from an official gazette: unverified). A round is closed by its `daily_decided`; the next round counts its
  days from the day after the re-check the previous round counted up to (no overlap, no double counting).
- 查封、扣押: each `seized` event is one measure with its own decision (other equipment, or a new measure after one
  was lifted).
- 催告: each `payment_reminder` served closes a round; a reminder issued after it is a new 催告, not a correction.
- 责令限制生产（停产整治）事先告知书: one per `production_proposed` (a 停产 after a 限产 is its own act).
- 解除查封（扣押）决定书 and 延期通知书: one per measure, like the 查封决定书 (a new `seized` opens a new round).
- 责令改正违法行为决定书: a 复查 that finds the violation continuing after an order was served opens a new round:
  the bureau may order the correction again and re-check (按日办法第十四条, as ../shared/domain/procedure.md reads it
  from web copies: 「Each failure brings a new order and re-check」; unverified against the gazette).
Re-issuing within the same round still supersedes — but never once the document was served or took effect
(`served_already`): voiding a served act by issuing another number would leave the acts that cite it (the 按日
decision cites the 责令改正决定书) resting on a void document. A served document is answered by the next round
where the law has one, or by its own procedure (复议、诉讼、撤销), not by a re-issue."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eco_field.law.procedure_state import CaseState

# kind -> (event that opens a new round when counted, whether that event closes the round (True) or opens it)
ROUND_KINDS: dict[str, tuple[str, bool]] = {
    "daily-penalty-notice": ("daily_decided", True),
    "daily-penalty-decision": ("daily_decided", True),
    "seizure-decision": ("seized", False),
    "payment-reminder": ("payment_reminder", True),
    "seizure-extension": ("seized", False),
    "seizure-release": ("seized", False),
    # each measure proposed (限产, then 停产 when the limit did not work: 限产办法第六条第四项) has its own notice
    "production-notice": ("production_proposed", False),
}
# kinds whose rounds are not counted by one event (see rectification_round)
ROUND_RULES = ("rectification-order",)

# of the events that serve a document or give it effect (procedure.SERVES), those that are a service (送达); the
# others record that the act took effect (作出决定, 移送)
SERVICE_EVENTS = frozenset({"order_served", "seizure_release_served", "notified", "hearing_notified", "served",
                            "daily_notified", "daily_served", "payment_reminder", "production_notified"})


def repeats(kind: str) -> bool:
    return kind in ROUND_KINDS or kind in ROUND_RULES


def rectification_round(s: CaseState) -> int:
    """The 责令改正 round: 1, plus one for each served order that a later 复查 found not complied with (the next
    order is then a new round, 按日办法第十四条), counted up to the next order's service."""
    served = [e.day for e in s.all("order_served")]
    failed = [e.day for e in s.all("recheck_violation")]
    bounds: list[date | None] = [*served[1:], None][:len(served)]
    return 1 + sum(1 for day, until in zip(served, bounds, strict=True)
                   if any(f > day and (until is None or f <= until) for f in failed))


def round_of(s: CaseState, kind: str) -> int | None:
    """The round a document of this kind issued now belongs to (1, 2, …); None for a kind that does not repeat."""
    if kind == "rectification-order":
        return rectification_round(s)
    if kind not in ROUND_KINDS:
        return None
    event, closes = ROUND_KINDS[kind]
    count = len(s.all(event))
    return count + 1 if closes else max(count, 1)


def document_round(doc: dict) -> int:
    """The round an issued document was issued in (documents issued before rounds were kept: round 1)."""
    return int(doc.get("round") or 1)


def daily_rounds(rechecks: list[tuple[date, bool]], decided: list[date]
                 ) -> list[tuple[date | None, list[tuple[date, bool]]]]:
    """The 按日连续处罚 rounds: for each, (the re-check day the previous round counted up to, or None for the first;
    this round's re-checks). A round's re-checks are those after the previous round's decision; a round with no
    re-check yet (the next one, before its 复查) is left out."""
    out: list[tuple[date | None, list[tuple[date, bool]]]] = []
    since: date | None = None
    bounds: list[date | None] = [*sorted(decided), None]
    low: date | None = None
    for high in bounds:
        mine = sorted(r for r in rechecks if (low is None or r[0] > low) and (high is None or r[0] <= high))
        if mine:
            out.append((since, mine))
            violating = [d for d, v in mine if v]
            since = violating[-1] if violating else since
        low = high
    return out


def served_already(s: CaseState, kind: str) -> str | None:
    """Why a document of this kind may not be issued now because the current one (of this round) was served or
    took effect: a re-issue would void it (documents.service supersedes). None when nothing stands in the way.
    The reason names the document, its number and the day of its service; for a kind with a next round, what
    opens it."""
    from eco_field.law.procedure import SERVES
    from eco_field.law.procedure_guards import step_label
    from eco_field.messages import text

    events = tuple(code for code, kinds in SERVES.items() if kind in kinds)
    docs = s.documents_of(kind, round_of(s, kind)) if events else []
    if not docs:
        return None
    doc = docs[-1]
    hits = sorted((e for code in events for e in s.all(code) if e.day.isoformat() >= doc["issued_on"]),
                  key=lambda e: (e.day, e.seq))
    if not hits:
        return None
    hit = hits[0]
    key = "procedure.reissue_served" if hit.code in SERVICE_EVENTS else "procedure.reissue_in_effect"
    reason = text(key, title=step_label(kind), number=doc["number"], day=hit.day, event=step_label(hit.code))
    if kind == "rectification-order":
        reason += text("procedure.reissue_next_order")
    elif kind == "seizure-release":
        reason += text("procedure.reissue_next_seizure")
    return reason


# the measures that stop the discharge (按日连续处罚办法第二十条, as procedure.md §2 reads it: 「No 按日 once 限产, 停产
# or 查扣 has stopped the discharge」; the article's text was read from a commentary, not the gazette): the event
# that puts one in force, and the event that ends it
STOPPING = {"seized": "seizure_lifted", "production_halted": "production_lifted"}


def stopped_periods(events: list[tuple[str, date]]) -> list[tuple[date, date | None, str]]:
    """Each 查封/扣押 and 停产整治 of the case: (its first day, the day it was lifted or None while in force, the
    event that started it), from the case's events (code, day) in the order recorded. Both ends are days the
    measure was in force."""
    out: list[tuple[date, date | None, str]] = []
    for index, (code, day) in enumerate(events):
        if code not in STOPPING:
            continue
        end = next((d for c, d in events[index + 1:] if c == STOPPING[code]), None)
        out.append((day, end, code))
    return out


def stopped_on(events: list[tuple[str, date]], day: date) -> tuple[date, date | None, str] | None:
    """The 查封/扣押 or 停产整治 in force on the day, if any."""
    return next((p for p in stopped_periods(events) if p[0] <= day and (p[1] is None or day <= p[1])), None)
