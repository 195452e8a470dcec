-- 0004_cases: penalty cases opened from an inspection, their violations (catalog ids, facts, evidence),
-- the dated procedure events that drive the statutory deadlines, and the stored fine assessment.
-- Status values are checked in eco_field/law/cases.py so new procedure states need no table rebuild.

CREATE TABLE cases (
    id              TEXT PRIMARY KEY,           -- UUID made on the device
    inspection_id   TEXT NOT NULL REFERENCES inspections(id),
    enterprise_id   TEXT NOT NULL REFERENCES enterprises(id),
    facts           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open',
    opened_at       TEXT NOT NULL,              -- ISO 8601 with offset
    assessment_json TEXT,                       -- the discretion calculator's result, with its rationale
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX cases_inspection ON cases(inspection_id);
CREATE INDEX cases_status ON cases(status, opened_at);

CREATE TABLE case_violations (
    case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    catalog_id    TEXT NOT NULL,                -- resources/catalog id, e.g. AIR-02
    facts         TEXT NOT NULL DEFAULT '',
    evidence_json TEXT NOT NULL DEFAULT '[]',   -- evidence ids (evidence.id) that prove it
    PRIMARY KEY (case_id, position)
);

CREATE TABLE case_events (
    id          INTEGER PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    event       TEXT NOT NULL,                  -- discovered | filed | notified | decided | served | paid ...
    date        TEXT NOT NULL,                  -- YYYY-MM-DD
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, date);
