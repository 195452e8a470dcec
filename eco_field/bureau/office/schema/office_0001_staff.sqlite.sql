-- Staff accounts of the office console (not devices), their sessions, login attempts and the office audit.
CREATE TABLE office_users (
    username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL, disabled_at TEXT);
CREATE TABLE office_sessions (
    token_hash TEXT PRIMARY KEY, username TEXT, csrf_token TEXT NOT NULL, created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL, flash TEXT NOT NULL DEFAULT '');
CREATE INDEX office_sessions_expires ON office_sessions(expires_at);
CREATE TABLE office_login_attempts (
    id INTEGER PRIMARY KEY, username TEXT NOT NULL, client TEXT NOT NULL, at TEXT NOT NULL, ok INTEGER NOT NULL);
CREATE INDEX office_login_attempts_user ON office_login_attempts(username, at);
CREATE INDEX office_login_attempts_client ON office_login_attempts(client, at);
CREATE TABLE office_audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, username TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT NOT NULL, detail_json TEXT NOT NULL, client TEXT NOT NULL);
CREATE INDEX office_audit_at ON office_audit(at)
