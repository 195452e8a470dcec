-- 0001_init: the foundation. Officers, enterprises (一企一档) with outlets and limits, tasks,
-- inspections, the content-addressed blob index and evidence links, the append-only audit chain,
-- the sync outbox and machine settings.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE officers (
    cert_no    TEXT PRIMARY KEY,            -- 执法证号
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL,
    revision   INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

CREATE TABLE enterprises (
    id          TEXT PRIMARY KEY,           -- UUID
    name        TEXT NOT NULL,
    credit_code TEXT NOT NULL UNIQUE,       -- 统一社会信用代码, GB 32100 check character verified
    county      TEXT NOT NULL,
    industry    TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    legal_rep   TEXT NOT NULL DEFAULT '',
    lat         REAL,
    lon         REAL,
    radius_m    REAL NOT NULL DEFAULT 500,
    permit_no   TEXT NOT NULL DEFAULT '',
    revision    INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT NOT NULL
);
CREATE INDEX enterprises_county ON enterprises(county);
CREATE INDEX enterprises_name ON enterprises(name);

CREATE TABLE outlets (
    id            INTEGER PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
    code          TEXT NOT NULL,            -- 排放口编号, e.g. DA001
    kind          TEXT NOT NULL CHECK (kind IN ('air', 'water')),
    name          TEXT NOT NULL DEFAULT '',
    UNIQUE (enterprise_id, code)
);

CREATE TABLE outlet_limits (
    id          INTEGER PRIMARY KEY,
    outlet_id   INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    pollutant   TEXT NOT NULL,              -- canonical code: SO2, NOx, PM ...
    limit_value REAL NOT NULL,
    unit        TEXT NOT NULL,
    o2_ref      REAL,                       -- reference O2 %, where the standard has one
    standard    TEXT NOT NULL DEFAULT '',
    UNIQUE (outlet_id, pollutant)
);

CREATE TABLE tasks (
    id            TEXT PRIMARY KEY,         -- UUID
    kind          TEXT NOT NULL CHECK (kind IN ('random', 'complaint', 'reform', 'routine')),
    title         TEXT NOT NULL DEFAULT '',
    enterprise_id TEXT NOT NULL REFERENCES enterprises(id),
    due_date      TEXT,                     -- YYYY-MM-DD
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
    note          TEXT NOT NULL DEFAULT '',
    revision      INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL
);
CREATE INDEX tasks_status_due ON tasks(status, due_date);

CREATE TABLE task_officers (
    task_id      TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    officer_cert TEXT NOT NULL REFERENCES officers(cert_no),
    PRIMARY KEY (task_id, officer_cert)
);

CREATE TABLE inspections (
    id             TEXT PRIMARY KEY,        -- UUID made on the device
    task_id        TEXT REFERENCES tasks(id),
    enterprise_id  TEXT NOT NULL REFERENCES enterprises(id),
    started_at     TEXT NOT NULL,           -- ISO 8601 with offset
    ended_at       TEXT,
    place          TEXT NOT NULL DEFAULT '',
    party_name     TEXT NOT NULL DEFAULT '',   -- 当事人现场负责人
    party_title    TEXT NOT NULL DEFAULT '',
    party_phone    TEXT NOT NULL DEFAULT '',
    party_present  INTEGER NOT NULL DEFAULT 0,
    checklist_json TEXT NOT NULL DEFAULT '{}',
    findings_json  TEXT NOT NULL DEFAULT '[]',
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sealed')),
    amends_id      TEXT REFERENCES inspections(id),
    seal_hash      TEXT,
    sealed_at      TEXT,
    revision       INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX inspections_started ON inspections(started_at);
CREATE INDEX inspections_enterprise ON inspections(enterprise_id);

-- A sealed inspection is read-only; a later change is an amendment (a new row with amends_id).
CREATE TRIGGER inspections_sealed_readonly BEFORE UPDATE ON inspections
WHEN OLD.status = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER inspections_sealed_nodelete BEFORE DELETE ON inspections
WHEN OLD.status = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;

CREATE TABLE inspection_officers (
    inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    officer_cert  TEXT NOT NULL REFERENCES officers(cert_no),
    position      INTEGER NOT NULL,
    PRIMARY KEY (inspection_id, officer_cert)
);

-- Content-addressed store index: one row per distinct file content kept under evidence/.
CREATE TABLE blobs (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    ext        TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- One row per file per inspection (photo, instrument export, signature, PDF ...).
CREATE TABLE evidence (
    id            TEXT PRIMARY KEY,         -- UUID
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    sha256        TEXT NOT NULL REFERENCES blobs(sha256),
    kind          TEXT NOT NULL,            -- photo | reading_source | signature | document | other
    original_name TEXT NOT NULL DEFAULT '',
    imported_at   TEXT NOT NULL,
    UNIQUE (inspection_id, sha256)
);
CREATE INDEX evidence_sha ON evidence(sha256);

-- Append-only hash chain: hash = sha256(canonical(entry without hash) including prev_hash).
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    data_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

-- Transactional outbox: every local write that the bureau should see, in the write's transaction.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id     TEXT NOT NULL UNIQUE,      -- UUID, the idempotency key on the server
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    op           TEXT NOT NULL,
    revision     INTEGER,
    payload_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'duplicate', 'conflict')),
    sent_at      TEXT,
    response_json TEXT
);
CREATE INDEX outbox_state ON outbox(state, seq);
