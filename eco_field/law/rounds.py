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
Re-issuing within the same round still supersedes."""

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
}


def repeats(kind: str) -> bool:
    return kind in ROUND_KINDS


def round_of(s: CaseState, kind: str) -> int | None:
    """The round a document of this kind issued now belongs to (1, 2, …); None for a kind that does not repeat."""
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
