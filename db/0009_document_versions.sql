-- 0009_document_versions: an issued document keeps every version of its PDF (version 1 as issued, one more
-- each time someone signs it), the signatures placed in it, what it states (for a verifier comparing a paper
-- copy by eye) and, when a later issue of the same kind for the same record replaced it, why it was voided.

ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;         -- the current (latest) version
ALTER TABLE documents ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN superseded_by TEXT;                          -- documents.id that replaced it
ALTER TABLE documents ADD COLUMN facts_json TEXT NOT NULL DEFAULT '{}';       -- party, amount, date as printed
ALTER TABLE documents ADD COLUMN spots_json TEXT NOT NULL DEFAULT '[]';       -- signature cells: page, rect, role

-- Every PDF ever kept for a document. documents.pdf_sha256 names the latest; verification accepts any.
CREATE TABLE document_versions (
    id              TEXT PRIMARY KEY,                 -- UUID
    document_id     TEXT NOT NULL REFERENCES documents(id),
    version         INTEGER NOT NULL CHECK (version >= 1),
    pdf_sha256      TEXT NOT NULL,
    pdf_size        INTEGER NOT NULL,
    pages           INTEGER NOT NULL,
    previous_sha256 TEXT,                             -- the version it was made from (NULL for version 1)
    signatures_json TEXT NOT NULL DEFAULT '[]',       -- every signature the PDF carries
    created_at      TEXT NOT NULL,
    UNIQUE (document_id, version),
    CHECK ((version = 1) = (previous_sha256 IS NULL))
);
CREATE INDEX document_versions_pdf ON document_versions(pdf_sha256);

INSERT INTO document_versions (id, document_id, version, pdf_sha256, pdf_size, pages, previous_sha256, created_at)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
       || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       id, 1, pdf_sha256, pdf_size, pages, NULL, issued_at
FROM documents;

CREATE TRIGGER document_versions_fixed BEFORE UPDATE ON document_versions
BEGIN
    SELECT RAISE(ABORT, 'a document version is never changed');
END;
CREATE TRIGGER document_versions_no_delete BEFORE DELETE ON document_versions
BEGIN
    SELECT RAISE(ABORT, 'document versions are never deleted');
END;

-- A signature placed in a document: the image is an original in the blob store (evidence of the
-- inspection while it is a draft), signed_on the date written beside it.
CREATE TABLE document_signatures (
    id           TEXT PRIMARY KEY,                    -- UUID
    document_id  TEXT NOT NULL REFERENCES documents(id),
    version      INTEGER NOT NULL,                    -- the first version that carries it
    role         TEXT NOT NULL CHECK (role IN ('party', 'officer', 'witness')),
    name         TEXT NOT NULL,
    signed_on    TEXT NOT NULL,                       -- YYYY-MM-DD
    image_sha256 TEXT NOT NULL,
    evidence_id  TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX document_signatures_document ON document_signatures(document_id);
CREATE TRIGGER document_signatures_no_delete BEFORE DELETE ON document_signatures
BEGIN
    SELECT RAISE(ABORT, 'signatures are never deleted');
END;
