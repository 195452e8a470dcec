-- 0006_sync: the device's side of sync with the bureau. Enrolment (device id, token), the pull cursor
-- and last results live in sync_state; conflicts the bureau answered are kept until resolved; blobs the
-- bureau confirmed it holds are listed so they are never sent again (the local originals are kept).

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,     -- server_url, device_id, token, officer, units, cursor, last_success, ...
    value TEXT NOT NULL
);

CREATE TABLE sync_conflicts (
    id              INTEGER PRIMARY KEY,
    entry_id        TEXT NOT NULL UNIQUE,   -- the outbox entry the bureau did not apply
    entity          TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    reason          TEXT NOT NULL,          -- stale_revision | sealed | entry_id_reused | forbidden
    local_revision  INTEGER,
    local_payload_json  TEXT NOT NULL,
    server_revision INTEGER,
    server_payload_json TEXT,
    detected_at     TEXT NOT NULL,
    resolved_at     TEXT,
    resolution      TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, entity_id);

CREATE TABLE sync_blobs (
    sha256       TEXT PRIMARY KEY,          -- confirmed stored (hash-checked) by the bureau
    size         INTEGER NOT NULL,
    confirmed_at TEXT NOT NULL
);
