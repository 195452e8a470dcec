-- 0008_case_procedure: what a procedure event carries beyond its date and note. Approvals (step, approver,
-- role, opinion), the party's statements (text, adopted, reason), monitoring reports (number, body, the
-- evidence file), a flagged photo's explanation or exclusion, a seizure's legal ground … are case events
-- with their details here, so the one event log is the case's procedure record and travels with the case.
-- eco_field/law/procedure.py reads and checks them.

ALTER TABLE case_events ADD COLUMN data_json TEXT NOT NULL DEFAULT '{}';
