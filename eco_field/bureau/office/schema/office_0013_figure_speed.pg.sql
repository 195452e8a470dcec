-- The figures on 100,000 inspections (bench/console_figures.py): each inspection carries its enterprise's county
-- and whether its task is a 双随机 one (kept current when either changes), so the year's counts read one table;
-- amendments (chain <> id) are few and indexed apart.
ALTER TABLE office_fig_inspections ADD COLUMN county TEXT NOT NULL DEFAULT '';
ALTER TABLE office_fig_inspections ADD COLUMN spot INTEGER NOT NULL DEFAULT 0;
CREATE INDEX office_fig_inspections_enterprise ON office_fig_inspections(enterprise_id);
CREATE INDEX office_fig_inspections_amendments ON office_fig_inspections(chain) WHERE chain <> id
