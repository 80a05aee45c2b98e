-- Issue 19, report speed at a year of history.
-- The funnel's furthest places are raised from a range of new visits' ids: nothing reads stage
-- visits by client any more.
DROP INDEX IF EXISTS stage_visits_by_client;
-- The team's funnel reads its owners' cards from the owner index alone (client id covered).
DROP INDEX IF EXISTS stage_visits_by_owner;
CREATE INDEX stage_visits_by_owner_client ON stage_visits (owner_id, left_at, client_id);
-- Renewals and the median journey read one stage's visits over days.
CREATE INDEX stage_visits_by_stage ON stage_visits (stage_id, day);
-- The morning job drops the secondary indexes of stage_visits before its first run writes the
-- whole history and creates them after (worker/db/report-snapshots.ts keeps the same list).

-- The account KPIs and the margin report sum a period's minutes and NPS answers per client from
-- the day indexes alone.
DROP INDEX IF EXISTS time_entries_by_day;
CREATE INDEX time_entries_by_day ON time_entries (spent_on, client_id, minutes);
CREATE INDEX nps_answers_by_day ON nps_answers (answered_on, client_id, score);
