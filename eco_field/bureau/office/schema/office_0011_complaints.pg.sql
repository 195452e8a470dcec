-- 信访/举报 intake (issue 18 part 3): one row per complaint with its 受理 and 办结 deadlines (complaint_rules.py)
-- and the task it was assigned as. Dates are YYYY-MM-DD text.
CREATE TABLE office_complaints (
    id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, source_ref TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL, received_on TEXT COLLATE "C" NOT NULL, content TEXT NOT NULL, petitioner TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '', anonymous INTEGER NOT NULL DEFAULT 0, enterprise_id TEXT,
    enterprise_name TEXT NOT NULL DEFAULT '', county TEXT NOT NULL, accept_due TEXT NOT NULL,
    accepted_on TEXT, not_accepted_reason TEXT NOT NULL DEFAULT '', close_due TEXT COLLATE "C", extension_days INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT NOT NULL DEFAULT '', extension_by TEXT NOT NULL DEFAULT '', closed_on TEXT,
    result TEXT NOT NULL DEFAULT '', reply TEXT NOT NULL DEFAULT '', task_id TEXT, created_by TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX office_complaints_received ON office_complaints(received_on);
CREATE INDEX office_complaints_close_due ON office_complaints(close_due)
