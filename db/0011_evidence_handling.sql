-- 0011_evidence_handling: how an officer handles photos before sealing.
--   evidence.caption        证明事项: what the photo proves, printed on the photo evidence sheet
--   evidence.derived_from   a marked-up copy (kind 'markup') points to the evidence row of its original;
--                           the original's row and file stay untouched
--   evidence.markup_json    the shapes drawn (arrow, circle, text), so the copy can be explained
--   evidence.import_id      the import that created the row (undo of the last import)
--   evidence_names          every path and name the same bytes were seen under (a card's DCIM copy and a
--                           copy beside it, or two imports)
--   evidence_removals       what was removed before sealing, why, and whether it was restored (undo)
--   photo_meta.gps_time_utc the GPS receiver's time of the exposure (GPSDateStamp + GPSTimeStamp)
--   photo_meta.clock_diff_s the camera clock minus GPS time, seconds (after the zone GPS time implies)
ALTER TABLE evidence ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN derived_from TEXT;
ALTER TABLE evidence ADD COLUMN markup_json TEXT;
ALTER TABLE evidence ADD COLUMN import_id TEXT;
CREATE INDEX evidence_import ON evidence(inspection_id, import_id);
CREATE INDEX evidence_derived ON evidence(derived_from);

CREATE TABLE evidence_names (
    evidence_id   TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,          -- relative to the folder imported, or the file name
    path          TEXT NOT NULL,          -- the path as given to the import
    seen_at       TEXT NOT NULL,
    PRIMARY KEY (evidence_id, path, name)
);

CREATE TABLE evidence_removals (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    evidence_id   TEXT NOT NULL,
    inspection_id TEXT NOT NULL REFERENCES inspections(id),
    batch         TEXT NOT NULL,          -- rows removed together (one removal, or one undone import)
    row_json      TEXT NOT NULL,          -- the evidence row, its names, checks and derived copies
    reason        TEXT NOT NULL,
    removed_at    TEXT NOT NULL,
    restored_at   TEXT
);
CREATE INDEX evidence_removals_inspection ON evidence_removals(inspection_id, seq);

ALTER TABLE photo_meta ADD COLUMN gps_time_utc TEXT;
ALTER TABLE photo_meta ADD COLUMN clock_diff_s REAL;

-- names and removals of a sealed inspection are as read-only as its evidence
CREATE TRIGGER evidence_names_sealed_insert BEFORE INSERT ON evidence_names
WHEN (SELECT i.status FROM evidence e JOIN inspections i ON i.id = e.inspection_id
      WHERE e.id = NEW.evidence_id AND e.kind != 'document') = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
CREATE TRIGGER evidence_removals_sealed_update BEFORE UPDATE ON evidence_removals
WHEN (SELECT status FROM inspections WHERE id = OLD.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
