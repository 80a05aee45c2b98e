-- Issue 19: the funnel's furthest places are raised from a range of new visits' ids, so nothing
-- reads stage visits by client any more. The other indexes of stage_visits are (re)built by the
-- morning job after the first run's backfill (worker/db/report-snapshots.ts).
DROP INDEX IF EXISTS stage_visits_by_client;
