-- 0005_documents: enforcement documents (文书), the number blocks reserved for this device and every
-- number ever issued or voided. A number, once issued or voided, is never issued again.

-- A range of serials [start_serial, end_serial] for one document kind and year, reserved for this device
-- (entered locally, or pulled from the bureau). next_serial is the lowest serial not yet handed out.
CREATE TABLE number_blocks (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,             -- document kind, e.g. penalty-decision
    year         INTEGER NOT NULL,
    start_serial INTEGER NOT NULL CHECK (start_serial >= 1),
    end_serial   INTEGER NOT NULL,
    next_serial  INTEGER NOT NULL,
    source       TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'bureau')),
    created_at   TEXT NOT NULL,
    CHECK (end_serial >= start_serial),
    CHECK (next_serial BETWEEN start_serial AND end_serial + 1),
    UNIQUE (kind, year, start_serial)
);

-- Every serial that left a block: issued with a document, or voided (spoilt form, withdrawn document).
CREATE TABLE document_numbers (
    kind       TEXT NOT NULL,
    year       INTEGER NOT NULL,
    serial     INTEGER NOT NULL,
    number     TEXT NOT NULL UNIQUE,        -- the printed 文号, e.g. 吕环罚〔2026〕12号
    status     TEXT NOT NULL CHECK (status IN ('issued', 'void')),
    reason     TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    PRIMARY KEY (kind, year, serial)
);

-- A voided number stays void.
CREATE TRIGGER document_numbers_void_final BEFORE UPDATE ON document_numbers
WHEN OLD.status = 'void'
BEGIN
    SELECT RAISE(ABORT, 'a voided document number cannot be changed');
END;
CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers
BEGIN
    SELECT RAISE(ABORT, 'document numbers are never deleted');
END;

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,         -- UUID
    number        TEXT NOT NULL UNIQUE REFERENCES document_numbers(number),
    kind          TEXT NOT NULL,
    inspection_id TEXT REFERENCES inspections(id),
    case_id       TEXT,                     -- the case table belongs to 0004_cases; no FK so either can evolve
    record_sha256 TEXT NOT NULL,            -- SHA-256 of the canonical record the document was made from
    pdf_sha256    TEXT NOT NULL,
    pdf_size      INTEGER NOT NULL,
    pages         INTEGER NOT NULL,
    evidence_id   TEXT,                     -- the PDF linked as evidence of kind 'document'
    status        TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
    issued_at     TEXT NOT NULL
);
CREATE INDEX documents_inspection ON documents(inspection_id);
CREATE INDEX documents_case ON documents(case_id);
CREATE INDEX documents_pdf ON documents(pdf_sha256);
