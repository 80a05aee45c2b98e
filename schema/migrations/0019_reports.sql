-- Reports: what the daily job materialises so no report request walks the event history.
-- Cards per stage and tier at the end of each local day ('YYYY-MM-DD', calendar zone), and how
-- many entered the stage that day (entered_phase: of those, the ones that came from another phase
-- or were created there). Rows where all three are zero are not stored.
CREATE TABLE flow_snapshots (
  day TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  tier TEXT NOT NULL,
  cards INTEGER NOT NULL,
  entered INTEGER NOT NULL,
  entered_phase INTEGER NOT NULL,
  PRIMARY KEY (day, stage_id, tier)
);
-- One row per finished stage visit: from the event that brought the card in to the event that
-- took it out (exit_event_id, unique: the job may run twice or concurrently). Working time is
-- measured on the organisation calendar when the job writes the row; the owner is the client's
-- person for the stage's owner role at that moment.
CREATE TABLE stage_visits (
  exit_event_id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  tier TEXT NOT NULL,
  owner_id TEXT,
  entered_at INTEGER NOT NULL,
  left_at INTEGER NOT NULL,
  working_ms INTEGER NOT NULL,
  sla_ms INTEGER NOT NULL,
  returned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stage_visits_by_left ON stage_visits (left_at, stage_id);
CREATE INDEX stage_visits_by_owner ON stage_visits (owner_id, left_at);
CREATE INDEX stage_visits_by_stage ON stage_visits (stage_id, left_at);

-- The ten slowest open cards read live cards oldest-entered first (worker/db/reports.ts); 0012 had
-- dropped this index while nothing used it.
CREATE INDEX clients_by_entered_stage ON clients (entered_stage_at) WHERE archived = 0;
