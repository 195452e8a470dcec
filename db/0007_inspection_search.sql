-- 0007_inspection_search: a trigram full-text index over what the inspections list searches
-- (enterprise name, place, inspection id), so a search of a bureau-sized list uses an index, not a scan.
-- Kept current by triggers; the rowid is the inspection's rowid.

CREATE VIRTUAL TABLE inspection_search USING fts5(body, tokenize = 'trigram');

INSERT INTO inspection_search (rowid, body)
SELECT i.rowid, e.name || ' ' || i.place || ' ' || i.id
FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id;

CREATE TRIGGER inspection_search_insert AFTER INSERT ON inspections
BEGIN
    INSERT INTO inspection_search (rowid, body)
    VALUES (new.rowid, (SELECT name FROM enterprises WHERE id = new.enterprise_id) || ' ' || new.place || ' ' || new.id);
END;

CREATE TRIGGER inspection_search_update AFTER UPDATE OF place, enterprise_id ON inspections
BEGIN
    DELETE FROM inspection_search WHERE rowid = old.rowid;
    INSERT INTO inspection_search (rowid, body)
    VALUES (new.rowid, (SELECT name FROM enterprises WHERE id = new.enterprise_id) || ' ' || new.place || ' ' || new.id);
END;

CREATE TRIGGER inspection_search_delete AFTER DELETE ON inspections
BEGIN
    DELETE FROM inspection_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER inspection_search_enterprise_renamed AFTER UPDATE OF name ON enterprises
BEGIN
    DELETE FROM inspection_search WHERE rowid IN (SELECT rowid FROM inspections WHERE enterprise_id = new.id);
    INSERT INTO inspection_search (rowid, body)
    SELECT i.rowid, new.name || ' ' || i.place || ' ' || i.id FROM inspections i WHERE i.enterprise_id = new.id;
END;
