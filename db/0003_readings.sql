-- 0003_readings: instrument readings. One source row per imported file per inspection (the file itself is
-- evidence in the blob store), series per sensor/statistic, and samples in long form.

CREATE TABLE reading_sources (
    id            TEXT PRIMARY KEY,         -- UUID
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    evidence_id   TEXT NOT NULL REFERENCES evidence(id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    format        TEXT NOT NULL,            -- importer name, e.g. gasmet_calcmet
    outlet_code   TEXT,                     -- outlet the limits were taken from, if any
    options_json  TEXT NOT NULL DEFAULT '{}',  -- encoding, delimiter, time format, zone, mapping, parser version
    warnings_json TEXT NOT NULL DEFAULT '[]',
    imported_at   TEXT NOT NULL,
    sample_first  INTEGER,                  -- rowid range of this import's rows in reading_samples
    sample_last   INTEGER,
    UNIQUE (inspection_id, sha256)
);

-- A sealed inspection takes no new readings (an amendment does).
CREATE TRIGGER reading_sources_sealed BEFORE INSERT ON reading_sources
WHEN (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;

CREATE TABLE reading_series (
    id            INTEGER PRIMARY KEY,      -- short local id for the command line and the samples table
    uuid          TEXT NOT NULL UNIQUE,     -- id shared with the bureau
    source_id     TEXT NOT NULL REFERENCES reading_sources(id) ON DELETE CASCADE,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    position      INTEGER NOT NULL,         -- order of the series in the file
    pollutant     TEXT NOT NULL,            -- canonical code (eco_field.readings.pollutants)
    sensor        TEXT NOT NULL DEFAULT '', -- the instrument's own column or sensor name
    statistic     TEXT NOT NULL,            -- instantaneous | average | twa | stel | peak | min
    unit          TEXT NOT NULL DEFAULT '',
    make          TEXT NOT NULL DEFAULT '',
    model         TEXT NOT NULL DEFAULT '',
    serial        TEXT NOT NULL DEFAULT '',
    time_zone     TEXT NOT NULL DEFAULT '',
    n             INTEGER NOT NULL DEFAULT 0,   -- usable samples
    flagged       INTEGER NOT NULL DEFAULT 0,   -- stored but unusable samples
    t_start       TEXT,
    t_end         TEXT,
    min           REAL,
    max           REAL,
    mean          REAL,
    limit_value   REAL,
    limit_unit    TEXT,
    o2_ref        REAL,
    exceed_count  INTEGER,
    max_converted REAL,
    max_exceed_multiple REAL,
    evaluation_json TEXT NOT NULL DEFAULT '{}', -- factor, O2 series, hourly means, 首违不罚 check, notes
    meta_json     TEXT NOT NULL DEFAULT '{}',   -- source columns, line range, alarm levels, sites ...
    UNIQUE (source_id, position)
);
CREATE INDEX reading_series_inspection ON reading_series(inspection_id);

-- Millions of rows: a plain rowid table filled by appending, so a 1,000,000-row import costs about what the
-- sqlite3 shell's .import does. The samples of one import are one contiguous rowid range, recorded on the
-- source (sample_first..sample_last); reads go through that range, so no secondary index is needed.
CREATE TABLE reading_samples (
    id        INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL,             -- reading_series.id (inside the source's rowid range)
    line      INTEGER NOT NULL,             -- physical line (or spreadsheet row) in the source file
    t         REAL,                         -- seconds since 1970-01-01 UTC; NULL when the row had no usable time
    value     REAL,                         -- as exported, in the series unit; NULL for markers
    ok        INTEGER NOT NULL DEFAULT 1,   -- 1 usable, 0 flagged (marker, over-range, detector off ...)
    flag      TEXT,                         -- marker or status word; also set on usable samples with a warning
    seg       INTEGER,                      -- period / session number when the instrument has one
    label     TEXT,                         -- tag, site or position name
    lat       REAL,
    lon       REAL,
    alt       REAL
);

CREATE TABLE reading_profiles (
    name         TEXT PRIMARY KEY,          -- a saved column mapping for the generic table importer
    mapping_json TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
