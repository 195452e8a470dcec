"""What the case record says about its procedure, read the one way every document kind reads it.

The procedure engine (eco_field.law, issue 13 parts 1–4) owns the rules; documents only print its facts. Until
its facts API is in place these read what the case record already holds: dated events with notes, and the
"statements" / "approvals" lists when the case carries them. Each function is the single place a kind asks."""

from __future__ import annotations

from typing import Any

from eco_field.documents import sources
from eco_field.documents.kinds.common import Source, case_events

HEARING_THRESHOLD = 200000  # 较大数额, legal persons (生态环境行政处罚办法 art. 89, from commentary); doc_hearing_threshold
# measures that carry a hearing right (生态环境行政处罚办法 art. 46 as summarised in enforcement.md §2.1; the
# article's own text was not available this session)
HEARING_MEASURES = ("停产整治", "停产停业", "责令停业", "关闭", "吊销", "降低资质等级", "限制从业", "禁止从业")


def case_record(src: Source) -> dict[str, Any]:
    return sources.case(src.db, src.need_case())


def law_facts(src: Source) -> dict[str, Any] | None:
    """The procedure engine's facts of the case (eco_field.law.procedure_facts), None where it is absent."""
    try:
        from eco_field.law.procedure_facts import facts
    except ImportError:
        return None
    return facts(src.db, src.need_case())


def _list(src: Source, key: str) -> list[dict[str, Any]]:
    known = law_facts(src)
    value = (known or {}).get(key) or case_record(src).get(key) or []
    return [dict(v) for v in value if isinstance(v, dict)]


def statements(src: Source) -> list[dict[str, Any]]:
    """The party's 陈述、申辩 and 听证 statements: [{date, text, adopted (bool|None), reason, kind}]."""
    out = []
    for s in _list(src, "statements"):
        adopted = s.get("adopted")
        if isinstance(adopted, str):
            adopted = {"yes": True, "no": False}.get(adopted.lower())
        out.append({"date": str(s.get("date", ""))[:10], "text": str(s.get("text", "")), "adopted": adopted,
                    "reason": str(s.get("reason", "")), "kind": str(s.get("kind") or "statement")})
    return [s for s in out if not src.as_of or s["date"] <= src.as_of[:10]]


def approvals(src: Source) -> list[dict[str, Any]]:
    """Approval events: [{step (filing|decision|legal_review|collective), by, role, opinion, date}]."""
    out = [{"step": str(a.get("step", "")), "by": str(a.get("by", "")), "role": str(a.get("role", "")),
            "opinion": str(a.get("opinion", "")), "date": str(a.get("date", ""))[:10]} for a in _list(src, "approvals")]
    return [a for a in out if not src.as_of or a["date"] <= src.as_of[:10]]


def approval(src: Source, step: str) -> dict[str, Any] | None:
    found = [a for a in approvals(src) if a["step"] == step]
    return found[-1] if found else None


def event_dates(src: Source, *wanted: str) -> dict[str, list[dict[str, Any]]]:
    """{event: [{date, note}, ...]} for the wanted events, up to the day the document was issued."""
    out: dict[str, list[dict[str, Any]]] = {w: [] for w in wanted}
    for e in case_events(src, src.need_case(), wanted):
        out[e["event"]].append({"date": e["date"], "note": e["note"]})
    return out


def last_event(src: Source, event: str) -> dict[str, Any] | None:
    found = event_dates(src, event)[event]
    return found[-1] if found else None


def hearing_right(src: Source, amount: float, measures: list[str] | None = None) -> bool:
    """Whether the party has a right to a hearing: a 较大数额 fine or a measure of the hearing list."""
    threshold = float(src.setting("doc_hearing_threshold") or HEARING_THRESHOLD)
    if measures is None and amount == _case_amount(src):
        known = law_facts(src)  # the procedure engine decides the case's own hearing right where it runs
        if known is not None and "hearing_right" in known:
            return bool(known["hearing_right"])
    if amount >= threshold:
        return True
    return any(word in m for m in measures or [] for word in HEARING_MEASURES)


def _case_amount(src: Source) -> float | None:
    assessment = case_record(src).get("assessment") or {}
    return assessment.get("amount")
