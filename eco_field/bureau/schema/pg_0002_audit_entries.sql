-- The devices' audit chains, pushed after their outboxes (POST /audit), for case files from the bureau.
-- One chain per device, stored as the device wrote it (the hashes cover these exact texts).
CREATE TABLE audit_entries (
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    data_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, seq));
CREATE INDEX audit_entries_entity ON audit_entries(entity_id);
