-- Issue 19: a year × 40 stages of flow snapshots in at most 15,000 rows. One row per local day
-- and stage (it was one per tier as well: up to three times as many). The stage's totals are
-- columns; the tier filter's figures ride beside them as JSON, {"A": [cards, entered,
-- entered_phase], …}, tiers with all three zero left out. Rows where every tier is zero are not
-- stored. Derived data, as 0021 treats the stage visits: dropped here, rebuilt from the client
-- history by the next morning run (the flow part backfills when the table is empty).
DROP TABLE flow_snapshots;
CREATE TABLE flow_snapshots (
  day TEXT NOT NULL,
  stage_id TEXT NOT NULL,
  cards INTEGER NOT NULL,
  entered INTEGER NOT NULL,
  entered_phase INTEGER NOT NULL,
  tiers TEXT NOT NULL,
  PRIMARY KEY (day, stage_id)
);
