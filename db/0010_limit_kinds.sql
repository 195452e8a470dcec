-- 0010_limit_kinds: a limit is a maximum (default, as before), a minimum (DO ≥ 5 mg/L: a reading below it
-- exceeds) or a range (pH 6–9: a reading outside it exceeds). For a range, low and high hold the bounds and
-- limit_value the high one (the column is NOT NULL); for min, limit_value is the minimum.
ALTER TABLE outlet_limits ADD COLUMN kind TEXT NOT NULL DEFAULT 'max' CHECK (kind IN ('max', 'min', 'range'));
ALTER TABLE outlet_limits ADD COLUMN low REAL;
ALTER TABLE outlet_limits ADD COLUMN high REAL;
