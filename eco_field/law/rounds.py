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
- 责令改正: each `order_served` closes a round; an order issued after it (a 复查 found the violation continuing:
  按日办法第十四条, procedure.md §2) is a new 责令改正违法行为决定书, not a correction of the served one.
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
    "rectification-order": ("order_served", True),
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
