"""Settings that belong to this officer's machine, kept in the database's settings table."""

from __future__ import annotations

import getpass

import sqlite_utils

from eco_field.clock import DEFAULT_TIME_ZONE

DEFAULTS: dict[str, str] = {
    "bureau_name": "吕梁市生态环境局",
    "doc_prefix": "吕",            # 机关代字, as in 吕环罚〔2026〕12号
    "time_zone": DEFAULT_TIME_ZONE,
    "server_url": "",
    "officer_cert": "",           # who uses this machine (actor in the audit chain)
    "language": "zh_CN",
    "photo_time_tolerance_min": "30",
}


def get(db: sqlite_utils.Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None:
        return row[0]
    return DEFAULTS.get(key, "")


def get_all(db: sqlite_utils.Database) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({k: v for k, v in db.execute("SELECT key, value FROM settings")})
    return values


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
    try:
        return f"user:{getpass.getuser()}"
    except (KeyError, OSError):
        return "user:unknown"
