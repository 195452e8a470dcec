-- 0002_evidence: photo metadata (per stored file), per-evidence checks, inspection seals,
-- and the read-only rule for the evidence of a sealed inspection.

-- What a photo says about itself, keyed by content: the same bytes always give the same metadata.
CREATE TABLE photo_meta (
    sha256        TEXT PRIMARY KEY REFERENCES blobs(sha256),
    media_type    TEXT NOT NULL,
    width         INTEGER,
    height        INTEGER,
    taken_at      TEXT,                  -- ISO 8601 with offset
    taken_at_utc  TEXT,
    taken_at_raw  TEXT,                  -- the original string
    time_source   TEXT,                  -- e.g. exif:DateTimeOriginal
    offset_source TEXT,                  -- e.g. exif:OffsetTimeOriginal, assumed:Asia/Shanghai
    lat           REAL,                  -- WGS-84
    lon           REAL,
    alt           REAL,                  -- m above mean sea level (never height above ground)
    make          TEXT,
    model         TEXT,
    serial        TEXT,
    orientation   INTEGER,
    drone_json    TEXT,                  -- null, or DJI XMP: rel_alt, abs_alt, gimbal_*, flight_yaw, gps_status
    meta_json     TEXT NOT NULL DEFAULT '{}',  -- everything extracted, parser version, warnings, assumptions
    extracted_at  TEXT NOT NULL
);
CREATE INDEX photo_meta_taken ON photo_meta(taken_at_utc);

-- The checks of one evidence row against its inspection: flags with reasons, distance and time difference.
CREATE TABLE evidence_checks (
    evidence_id   TEXT PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
    flags_json    TEXT NOT NULL DEFAULT '[]',
    reasons_json  TEXT NOT NULL DEFAULT '{}',
    distance_m    REAL,
    time_diff_min REAL,                  -- minutes outside the inspection window (negative = before it)
    checked_at    TEXT NOT NULL
);

-- The canonical serialisation each seal hashes, so a verification can say what changed.
CREATE TABLE inspection_seals (
    inspection_id TEXT PRIMARY KEY REFERENCES inspections(id),
    seal_hash     TEXT NOT NULL,
    payload_json  TEXT NOT NULL,
    sealed_at     TEXT NOT NULL
);
CREATE TRIGGER inspection_seals_no_update BEFORE UPDATE ON inspection_seals
BEGIN
    SELECT RAISE(ABORT, 'a seal cannot be changed');
END;
CREATE TRIGGER inspection_seals_no_delete BEFORE DELETE ON inspection_seals
BEGIN
    SELECT RAISE(ABORT, 'a seal cannot be deleted');
END;

-- The evidence, its checks and the officers of a sealed inspection are read-only (amend instead).
CREATE TRIGGER evidence_sealed_insert BEFORE INSERT ON evidence
WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER evidence_sealed_update BEFORE UPDATE ON evidence
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER evidence_sealed_delete BEFORE DELETE ON evidence
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER evidence_checks_sealed_update BEFORE UPDATE ON evidence_checks
WHEN (SELECT i.status FROM evidence e JOIN inspections i ON i.id = e.inspection_id
      WHERE e.id = OLD.evidence_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER evidence_checks_sealed_delete BEFORE DELETE ON evidence_checks
WHEN (SELECT i.status FROM evidence e JOIN inspections i ON i.id = e.inspection_id
      WHERE e.id = OLD.evidence_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER inspection_officers_sealed_insert BEFORE INSERT ON inspection_officers
WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER inspection_officers_sealed_delete BEFORE DELETE ON inspection_officers
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
