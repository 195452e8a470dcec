"""Staff accounts of the office console: who may sign in and in which role. Separate from device tokens.
Passwords are kept only as argon2id hashes (argon2-cffi's defaults, rehashed when those change)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from eco_field.bureau.office.db import OfficeDB
from eco_field.clock import utc_now
from eco_field.errors import BadInput, NotFound

ROLES = {"admin": "管理员", "dispatcher": "调度员", "reviewer": "法制审核人员", "leader": "局负责人",
         "clerk": "信访登记员"}
MIN_PASSWORD = 8
_NAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{1,40}$")
_hasher = PasswordHasher()
# verified against when the user is unknown, so an unknown name costs as long as a wrong password


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the user is unknown (same work either way); made on first use, since an
    argon2 hash costs ~0.15 s and every command line start would pay it."""
    return _hasher.hash("not a password of anyone")


@dataclass(frozen=True)
class Staff:
    username: str
    display_name: str
    role: str
    disabled: bool = False

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


def add_user(db: OfficeDB, username: str, role: str, password: str, display_name: str = "") -> Staff:
    """Add a staff account, or set a new role and password for an existing one."""
    username = username.strip()
    if not _NAME.match(username):
        raise BadInput("console.bad_username", name=username)
    if role not in ROLES:
        raise BadInput("console.bad_role", role=role, known=", ".join(ROLES))
    if len(password) < MIN_PASSWORD:
        raise BadInput("console.short_password", n=MIN_PASSWORD)
    display = display_name.strip() or username
    hashed = _hasher.hash(password)
    with db.transaction():
        if db.one("SELECT 1 FROM office_users WHERE username = ?", (username,)):
            db.run("UPDATE office_users SET role = ?, password_hash = ?, display_name = ?, disabled_at = NULL"
                   " WHERE username = ?", (role, hashed, display, username))
        else:
            db.run("INSERT INTO office_users (username, display_name, role, password_hash, created_at)"
                   " VALUES (?, ?, ?, ?, ?)", (username, display, role, hashed, utc_now()))
    return Staff(username, display, role)


def get_user(db: OfficeDB, username: str) -> Staff | None:
    row = db.one("SELECT username, display_name, role, disabled_at FROM office_users WHERE username = ?",
                 (username,))
    return Staff(row[0], row[1], row[2], row[3] is not None) if row else None


def list_users(db: OfficeDB) -> list[Staff]:
    return [Staff(r[0], r[1], r[2], r[3] is not None) for r in
            db.rows("SELECT username, display_name, role, disabled_at FROM office_users ORDER BY username")]


def disable_user(db: OfficeDB, username: str) -> None:
    with db.transaction():
        if not db.run("UPDATE office_users SET disabled_at = ? WHERE username = ?", (utc_now(), username)):
            raise NotFound("console.no_user", name=username)
        db.run("DELETE FROM office_sessions WHERE username = ?", (username,))


def check_password(db: OfficeDB, username: str, password: str) -> Staff | None:
    """The account when the password is right and the account enabled; None otherwise (same cost either way)."""
    row = db.one("SELECT password_hash, disabled_at FROM office_users WHERE username = ?", (username,))
    try:
        _hasher.verify(row[0] if row else _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or row[1] is not None:
        return None
    if _hasher.check_needs_rehash(row[0]):
        db.run("UPDATE office_users SET password_hash = ? WHERE username = ?", (_hasher.hash(password), username))
    return get_user(db, username)
