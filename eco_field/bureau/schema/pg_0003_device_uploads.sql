-- An upload session is its device's own: one per device and blob (another device uploading the same blob
-- has its own, and cannot disturb it). Sessions of the old layout cannot resume: their devices start again.
-- A device learns only about blobs its own records name: records by SHA-256, entries by device and record.
DELETE FROM uploads;
ALTER TABLE uploads DROP CONSTRAINT uploads_pkey;
ALTER TABLE uploads ADD PRIMARY KEY (sha256, device_id);
CREATE INDEX uploads_device ON uploads(device_id);
CREATE INDEX uploads_updated ON uploads(updated_at COLLATE "C");
CREATE INDEX records_sha256 ON records(sha256);
CREATE INDEX entries_device_record ON entries(device_id, entity, entity_id);

-- Records a device wrote of the bureau's own kinds, or payloads that are no JSON object, moved aside: before
-- schemas were checked they broke pulls and admin commands (the catalog, number blocks pushed by devices).
CREATE TABLE quarantined_records (LIKE records);
ALTER TABLE quarantined_records ADD COLUMN moved_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS"+00:00"');
INSERT INTO quarantined_records SELECT * FROM records WHERE left(payload_json, 1) <> '{' OR (origin_device IS NOT NULL
    AND entity IN ('catalog', 'number_block', 'officer', 'enterprise', 'task', 'setting'));
DELETE FROM records WHERE left(payload_json, 1) <> '{' OR (origin_device IS NOT NULL
    AND entity IN ('catalog', 'number_block', 'officer', 'enterprise', 'task', 'setting'));
