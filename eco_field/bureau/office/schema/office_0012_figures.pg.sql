-- The figures' view of what the devices synced (issue 18 part 5): a projection of the bureau's records kept
-- by office/projection.py, caught up from the change feed (records.seq) before each read. Days are the
-- local dates (YYYY-MM-DD) the records carry; county is the enterprise's.
CREATE TABLE office_feed_cursor (name TEXT COLLATE "C" PRIMARY KEY, seq BIGINT NOT NULL);
CREATE TABLE office_fig_enterprises (id TEXT PRIMARY KEY, name TEXT NOT NULL, county TEXT NOT NULL, credit_code TEXT NOT NULL);
CREATE TABLE office_fig_tasks (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, enterprise_id TEXT NOT NULL, title TEXT NOT NULL, due_date TEXT,
    status TEXT NOT NULL, officers TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE office_fig_inspections (
    id TEXT PRIMARY KEY, chain TEXT NOT NULL, enterprise_id TEXT NOT NULL, task_id TEXT, day TEXT COLLATE "C" NOT NULL,
    sealed INTEGER NOT NULL, findings INTEGER NOT NULL, immediate INTEGER NOT NULL, sealed_at TEXT);
CREATE INDEX office_fig_inspections_day ON office_fig_inspections(day);
CREATE INDEX office_fig_inspections_task ON office_fig_inspections(task_id);
CREATE INDEX office_fig_inspections_chain ON office_fig_inspections(chain);
CREATE TABLE office_fig_cases (id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, enterprise_id TEXT NOT NULL);
CREATE TABLE office_fig_case_events (
    case_id TEXT NOT NULL, event TEXT NOT NULL, day TEXT COLLATE "C" NOT NULL, inspection_id TEXT NOT NULL,
    enterprise_id TEXT NOT NULL, PRIMARY KEY (case_id, event));
CREATE INDEX office_fig_case_events_day ON office_fig_case_events(day);
CREATE TABLE office_fig_documents (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, day TEXT COLLATE "C" NOT NULL, case_id TEXT, inspection_id TEXT,
    enterprise_id TEXT NOT NULL,
    amount_fen BIGINT NOT NULL DEFAULT 0, current INTEGER NOT NULL);
CREATE INDEX office_fig_documents_day ON office_fig_documents(day);
CREATE INDEX office_fig_tasks_enterprise ON office_fig_tasks(enterprise_id)
