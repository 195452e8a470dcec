"""Settings that belong to this officer's machine, kept in the database's settings table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from eco_field.clock import DEFAULT_TIME_ZONE

if TYPE_CHECKING:
    import sqlite_utils  # annotations only: the store's readers also take a plain sqlite3 connection

DEFAULTS: dict[str, str] = {
    "bureau_name": "吕梁市生态环境局",
    "doc_prefix": "吕",            # 机关代字, as in 吕环罚〔2026〕12号
    "time_zone": DEFAULT_TIME_ZONE,
    "server_url": "",
    "officer_cert": "",           # who uses this machine (actor in the audit chain)
    "language": "zh_CN",
    "photo_time_tolerance_min": "30",
    # document details; empty means the documents package's own default (see eco_field/documents/__init__.py)
    "doc_review_body": "",        # 行政复议机关, default <city>人民政府
    "doc_court": "",              # default 有管辖权的人民法院
    "doc_payment": "",            # where fines are paid
    "doc_payment_bank": "",       # 罚款缴纳银行 (a decision states it; issuing one needs it)
    "doc_payment_account": "",    # 户名及账号 fines are paid to
    "doc_bureau_address": "",
    "doc_contact": "",
    "doc_hearing_threshold": "",  # 较大数额 that opens a hearing, default 200000
    "doc_serial_width": "",       # zero-pad serials (0202号), default none
    "doc_auto_block_size": "",    # numbers a device without a bureau reserves itself, default 100; 0 = never
    "doc_font": "",               # first font of the documents' chain (.ttf/.ttc, path#N); empty: the shipped one
    # case procedure (eco_field/law/procedure.py)
    "approval_roles_on_device": "",          # roles this laptop may approve as (e.g. 局负责人); empty: bureau only
    "procedure_statement_days": "",          # working days for 陈述申辩 after the notice, default 5
    "procedure_legal_review_min_fine": "",   # fine from which 法制审核 is required, default 1000000
    "procedure_collective_min_fine": "",     # fine from which 集体讨论 is required, default 1000000
}


# What an issued document's record may depend on: the bureau's details, the document settings and the procedure's
# thresholds. A document keeps the values it was made with (documents.service: facts["settings"]), and its record
# is gathered again with those when verified, so a bureau that later moves or changes a threshold does not make
# every genuine document it issued before look altered. Numbering, fonts and credentials are not part of it.
RECORD_KEYS = ("bureau_name", "time_zone", "photo_time_tolerance_min")
RECORD_PREFIXES = ("doc_", "procedure_")
NOT_RECORD = ("doc_font", "doc_serial_width", "doc_auto_block_size", "doc_code:")
_read: ContextVar[dict[str, str] | None] = ContextVar("settings_read", default=None)
_kept: ContextVar[dict[str, str] | None] = ContextVar("settings_kept", default=None)


def in_record(key: str) -> bool:
    return (key in RECORD_KEYS or key.startswith(RECORD_PREFIXES)) and not key.startswith(NOT_RECORD)


@contextmanager
def recording() -> Iterator[dict[str, str]]:
    """The record settings read inside the block (key -> value as read), for a document to keep."""
    seen: dict[str, str] = {}
    token = _read.set(seen)
    try:
        yield seen
    finally:
        _read.reset(token)


@contextmanager
def as_kept(values: dict[str, str] | None) -> Iterator[None]:
    """Inside the block, the record settings read are the values a document kept (None: the current ones)."""
    token = _kept.set({str(k): str(v) for k, v in values.items()} if values else None)
    try:
        yield
    finally:
        _kept.reset(token)


def _seen(key: str, value: str) -> str:
    kept, seen = _kept.get(), _read.get()
    if kept is not None and key in kept and in_record(key):
        value = kept[key]
    if seen is not None and in_record(key):
        seen[key] = value
    return value


def get(db: sqlite_utils.Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return _seen(key, row[0] if row is not None else DEFAULTS.get(key, ""))


def get_all(db: sqlite_utils.Database) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({k: v for k, v in db.execute("SELECT key, value FROM settings")})
    return {k: _seen(k, v) for k, v in values.items()}


def put(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Write one setting (inside the caller's transaction when there is one)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def current_actor(db: sqlite_utils.Database) -> str:
    cert = get(db, "officer_cert")
    if cert:
        return cert
    import getpass  # rarely needed (no officer set), and it imports termios: not at start-up

    try:
        return f"user:{getpass.getuser()}"
    except (KeyError, OSError):
        return "user:unknown"
