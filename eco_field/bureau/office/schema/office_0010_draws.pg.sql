-- 双随机 (issue 18 part 2): the 检查对象名录库 (categories, each enterprise's category and exclusion), the
-- 执法人员名录库 (pool membership and declared conflicts, 回避), and the draws with their inputs kept.
CREATE TABLE office_categories (
    name TEXT COLLATE "C" PRIMARY KEY, ratio TEXT NOT NULL, period TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE office_enterprise_categories (
    enterprise_id TEXT PRIMARY KEY, category TEXT NOT NULL, excluded INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
CREATE TABLE office_officer_pool (
    cert_no TEXT PRIMARY KEY, active INTEGER NOT NULL DEFAULT 1, note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
CREATE TABLE office_officer_conflicts (
    cert_no TEXT NOT NULL, enterprise_id TEXT NOT NULL, reason TEXT NOT NULL, declared_at TEXT NOT NULL,
    PRIMARY KEY (cert_no, enterprise_id));
CREATE TABLE office_draws (
    id TEXT PRIMARY KEY, number INTEGER NOT NULL, year INTEGER NOT NULL, county TEXT NOT NULL DEFAULT '',
    seed TEXT NOT NULL, seed_sha256 TEXT NOT NULL, params_json TEXT NOT NULL, snapshot_json TEXT NOT NULL,
    snapshot_sha256 TEXT NOT NULL, result_json TEXT NOT NULL, algorithm TEXT NOT NULL, due_date TEXT,
    made_by TEXT NOT NULL, made_at TEXT NOT NULL);
CREATE UNIQUE INDEX office_draws_number ON office_draws(year, number);
CREATE TABLE office_draw_items (
    draw_id TEXT NOT NULL, position INTEGER NOT NULL, enterprise_id TEXT NOT NULL, category TEXT NOT NULL,
    county TEXT NOT NULL, pair_key TEXT NOT NULL, task_id TEXT NOT NULL, made_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (draw_id, position));
CREATE INDEX office_draw_items_enterprise ON office_draw_items(enterprise_id, made_at)
