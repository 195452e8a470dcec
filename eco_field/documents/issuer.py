"""The issuing bureau's details a decision must state before it can be issued (drafts are never blocked).

A 决定书 tells the party who decided (机关 and 机关代字 of the number), where to reach the bureau, where to
pay and where to seek 行政复议 or 行政诉讼 (《行政处罚法》第五十九条 lists what a decision states; its text was
not available here, the list below follows enforcement.md's description of the decisions in use). Left empty,
the document would print blanks, so issuing is refused until the settings hold them.
"""

from __future__ import annotations

import sqlite_utils

from eco_field.errors import BadInput
from eco_field.messages import text
from eco_field.store import settings

# (settings key, label in the message and on the settings page)
BUREAU = (("bureau_name", "机关名称"), ("doc_prefix", "机关代字"), ("doc_bureau_address", "机关地址"),
          ("doc_contact", "联系人及电话"))
REMEDIES = (("doc_review_body", "行政复议机关"), ("doc_court", "行政诉讼法院"))
PAYMENT = (("doc_payment_bank", "罚款缴纳银行"), ("doc_payment_account", "缴款账户（户名及账号）"))
ALL = BUREAU + PAYMENT + REMEDIES

# Kinds that decide something against the party; the fine decisions also say where to pay.
DECISION_KINDS = {
    "penalty-decision": BUREAU + PAYMENT + REMEDIES,
    "daily-penalty-decision": BUREAU + PAYMENT + REMEDIES,
    "seizure-decision": BUREAU + REMEDIES,
    "rectification-order": BUREAU + REMEDIES,
}


def required(kind: str) -> tuple[tuple[str, str], ...]:
    return DECISION_KINDS.get(kind, ())


def missing(db: sqlite_utils.Database, kind: str) -> list[tuple[str, str]]:
    """(key, label) of the settings this kind needs that are empty (as the document would print them)."""
    return [(key, label) for key, label in required(kind) if not settings.get(db, key).strip()]


def check(db: sqlite_utils.Database, kind: str, title: str) -> None:
    """BadInput naming, in Chinese, each missing detail and how to fill it in."""
    gaps = missing(db, kind)
    if gaps:
        names = "、".join(label for _, label in gaps)
        how = "；".join(text("documents.settings_how", key=key) for key, _ in gaps)
        raise BadInput("documents.settings_needed", title=title, names=names, how=how)


def save(db: sqlite_utils.Database, values: dict[str, str], required: tuple[str, ...] | None = None) -> None:
    """Store the details given (the settings page). required: keys that may not be left empty (default: every
    key given)."""
    from eco_field.store.database import write_transaction

    labels = dict(ALL)
    must = values.keys() if required is None else required
    empty = [labels.get(k, k) for k in must if not str(values.get(k, "")).strip()]
    if empty:
        raise BadInput("documents.settings_empty", names="、".join(empty))
    with write_transaction(db):
        for key, value in values.items():
            settings.put(db, key, str(value).strip())


def current(db: sqlite_utils.Database) -> dict[str, str]:
    return {key: settings.get(db, key) for key, _ in ALL}
