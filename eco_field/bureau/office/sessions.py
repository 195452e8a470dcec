"""Console sessions, CSRF tokens and login-attempt limits, kept in the database (not in process memory) so
every server process of `bureau serve --workers N` sees the same. The cookie holds a random token; the
database holds only its SHA-256. A visitor gets an anonymous session (with its CSRF token) at the login
form; signing in replaces it with a new one (a token known before sign-in is worth nothing after)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from eco_field.bureau.office.db import OfficeDB
from eco_field.bureau.office.staff import Staff, get_user

COOKIE = "eco_console"
SESSION_HOURS = 8          # one working day
ANONYMOUS_MINUTES = 30     # a login form's session
ATTEMPT_WINDOW_MIN = 15
MAX_FAILURES_PER_USER = 5  # then that name is refused for the window, even with the right password
MAX_FAILURES_PER_CLIENT = 20


@dataclass
class Session:
    token_hash: str
    csrf_token: str
    user: Staff | None
    flash: str = ""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _at(delta: timedelta = timedelta()) -> str:
    return (datetime.now(UTC) + delta).isoformat(timespec="seconds")


def start(db: OfficeDB, username: str | None) -> tuple[str, Session]:
    """A new session (anonymous when username is None): (cookie token, session)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    life = timedelta(hours=SESSION_HOURS) if username else timedelta(minutes=ANONYMOUS_MINUTES)
    with db.transaction():
        db.run("DELETE FROM office_sessions WHERE expires_at < ?", (_at(),))
        db.run("INSERT INTO office_sessions (token_hash, username, csrf_token, created_at, expires_at)"
               " VALUES (?, ?, ?, ?, ?)", (_hash(token), username, csrf, _at(), _at(life)))
    user = get_user(db, username) if username else None
    return token, Session(_hash(token), csrf, user)


def find(db: OfficeDB, token: str | None) -> Session | None:
    """The live session of a cookie token (its user still enabled), or None."""
    if not token or len(token) > 200:
        return None
    row = db.one("SELECT token_hash, csrf_token, username, flash FROM office_sessions"
                 " WHERE token_hash = ? AND expires_at > ?", (_hash(token), _at()))
    if row is None:
        return None
    user = get_user(db, row[2]) if row[2] else None
    if row[2] and (user is None or user.disabled):
        return None
    return Session(row[0], row[1], user, row[3])


def end(db: OfficeDB, session: Session) -> None:
    db.run("DELETE FROM office_sessions WHERE token_hash = ?", (session.token_hash,))


def csrf_ok(session: Session, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(session.csrf_token.encode(), str(sent).encode())


def set_flash(db: OfficeDB, session: Session, text: str) -> None:
    db.run("UPDATE office_sessions SET flash = ? WHERE token_hash = ?", (text[:500], session.token_hash))


def take_flash(db: OfficeDB, session: Session) -> str:
    if session.flash:
        db.run("UPDATE office_sessions SET flash = '' WHERE token_hash = ?", (session.token_hash,))
    return session.flash


def locked_out(db: OfficeDB, username: str, client: str) -> bool:
    """Too many failed sign-ins lately for this name, or from this client address."""
    since = _at(-timedelta(minutes=ATTEMPT_WINDOW_MIN))
    by_user = db.one("SELECT COUNT(*) FROM office_login_attempts WHERE username = ? AND at > ? AND ok = 0",
                     (username, since))[0]
    by_client = db.one("SELECT COUNT(*) FROM office_login_attempts WHERE client = ? AND at > ? AND ok = 0",
                       (client, since))[0]
    return by_user >= MAX_FAILURES_PER_USER or by_client >= MAX_FAILURES_PER_CLIENT


def record_attempt(db: OfficeDB, username: str, client: str, ok: bool) -> None:
    db.run("INSERT INTO office_login_attempts (username, client, at, ok) VALUES (?, ?, ?, ?)",
           (username[:100], client[:100], _at(), int(ok)))
