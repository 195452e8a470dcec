-- 0002_evidence_documents: documents issued after an inspection was sealed (a penalty decision weeks
-- later) are filed with it as kind 'document'. They are outputs, not collected evidence: the sealed
-- guard lets them in, and seal verification lists them as attached after sealing.
DROP TRIGGER evidence_sealed_insert;
CREATE TRIGGER evidence_sealed_insert BEFORE INSERT ON evidence
WHEN NEW.kind != 'document' AND (SELECT status FROM inspections WHERE id = NEW.inspection_id) = 'sealed'
BEGIN
    SELECT RAISE(ABORT, 'inspection is sealed');
END;
