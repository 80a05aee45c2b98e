-- Issue 19: the reports read small aggregates, and the morning job measures visits in SQL.

-- The organisation calendar's working windows with the working time before each (prefix sums),
-- written by the job from the calendar (worker/domain/clock.ts) before it measures visits: working
-- time between two instants is then two index seeks, done in SQL for a year of visits at once.
CREATE TABLE working_windows (
  start_at INTEGER PRIMARY KEY,
  end_at INTEGER NOT NULL,
  before_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- Lower bounds of the histogram buckets of visit durations: 0, then 1 minute growing by 2^(1/8)
-- (9 % wide buckets), up to well past a year of working time.
CREATE TABLE duration_buckets (lower_ms INTEGER PRIMARY KEY) WITHOUT ROWID;
INSERT INTO duration_buckets (lower_ms) VALUES (0);
INSERT INTO duration_buckets (lower_ms)
WITH RECURSIVE b(k, ms) AS (
  SELECT 0, 60000.0 UNION ALL SELECT k + 1, ms * 1.0905077326652577 FROM b WHERE k < 240)
SELECT DISTINCT CAST(ms AS INTEGER) FROM b;

-- How far the job has measured: 'visits' = every stage exit up to this event id is in
-- stage_visits. Raised only after a run has written all of them, so a run cut short is redone.
CREATE TABLE report_marks (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;

-- Stage visits get the visits that end in an archive (a person's flow counts that last stay), the
-- local day they ended and their duration bucket. They are derived data: dropped here and
-- measured again from the client history by the next morning run.
DROP TABLE stage_visits;
CREATE TABLE stage_visits (
  exit_event_id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  tier TEXT NOT NULL,
  owner_id TEXT,
  entered_at INTEGER NOT NULL,
  left_at INTEGER NOT NULL,
  day TEXT NOT NULL,
  working_ms INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  sla_ms INTEGER NOT NULL,
  returned INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stage_visits_by_day ON stage_visits (day, stage_id);
CREATE INDEX stage_visits_by_owner ON stage_visits (owner_id, left_at);
CREATE INDEX stage_visits_by_client ON stage_visits (client_id, stage_id);
-- The ten slowest visits: walked longest first until ten pass the filters.
CREATE INDEX stage_visits_by_length ON stage_visits (working_ms);

-- Per local day, stage, tier and duration bucket: the visits that ended (archives left out),
-- within SLA, returns, the longest and the total. Time in stage and the forecast read these.
CREATE TABLE visit_buckets (
  day TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  tier TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  visits INTEGER NOT NULL,
  within INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  max_ms INTEGER NOT NULL,
  total_ms INTEGER NOT NULL,
  PRIMARY KEY (day, stage_id, tier, bucket)
) WITHOUT ROWID;

-- Per local day, owner, stage and tier: visits, within SLA and returns, for SLA by member and grade.
CREATE TABLE visit_owners (
  day TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  tier TEXT NOT NULL,
  visits INTEGER NOT NULL,
  within INTEGER NOT NULL,
  returns INTEGER NOT NULL,
  PRIMARY KEY (day, owner_id, stage_id, tier)
) WITHOUT ROWID;

-- The funnel's cohort: the cards that entered the journey in the period, and per card the
-- furthest place in the journey its finished visits reached (phase position × 1000 + stage
-- position, as the template stood when the job measured them; only ever raised).
CREATE INDEX clients_by_created ON clients (created_at);
CREATE TABLE client_reach (
  client_id TEXT PRIMARY KEY,
  max_order INTEGER NOT NULL
) WITHOUT ROWID;
