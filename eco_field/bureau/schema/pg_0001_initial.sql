-- The bureau's tables on PostgreSQL: the same tables, keys and meaning as SQLite's (sqlite_store.SCHEMA).
-- Times are ISO-8601 UTC text, as on SQLite, so both compare them the same way.
-- Payloads are canonical JSON text (not jsonb): stored byte for byte as received, like SQLite.

CREATE TABLE officers (
    cert_no TEXT PRIMARY KEY,
    name TEXT NOT NULL);

CREATE TABLE officer_units (
    officer_cert TEXT NOT NULL REFERENCES officers(cert_no),
    unit TEXT NOT NULL,
    position INTEGER NOT NULL,              -- the order given (SQLite keeps it by rowid)
    PRIMARY KEY (officer_cert, unit));

CREATE TABLE enroll_codes (
    code_hash TEXT PRIMARY KEY,
    officer_cert TEXT NOT NULL REFERENCES officers(cert_no),
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id TEXT);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    officer_cert TEXT NOT NULL REFERENCES officers(cert_no),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    last_seen TEXT,
    revoked_at TEXT);

CREATE TABLE records (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    revision BIGINT,
    unit TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    origin_device TEXT,
    target_device TEXT,
    inspection_id TEXT,
    sha256 TEXT,
    seq BIGINT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id));
CREATE INDEX records_seq ON records(seq);
CREATE INDEX records_inspection ON records(inspection_id);

-- One row bumped by every record write: its row lock orders writers, so commits reach readers in seq order.
CREATE TABLE feed_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL);
INSERT INTO feed_counter (id, value) VALUES (1, 0);

CREATE TABLE entries (
    device_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    result_json TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, entry_id));

CREATE TABLE conflicts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    client_revision BIGINT,
    server_revision BIGINT,
    client_payload_json TEXT NOT NULL,
    server_payload_json TEXT,
    at TEXT NOT NULL);
CREATE INDEX conflicts_entity ON conflicts(entity_id);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    device_id TEXT,
    stored_at TEXT NOT NULL);

CREATE TABLE uploads (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    committed BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    updated_at TEXT NOT NULL);

CREATE TABLE number_blocks (
    id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    reserved_at TEXT NOT NULL);
CREATE INDEX number_blocks_kind_year ON number_blocks(kind, year);
