-- Issue 15, item 1: the board's per-column count of live cards, kept by triggers inside the
-- statement that creates, moves, archives, restores or deletes a card, so every path (API,
-- import, backup restore, jobs, seed) keeps it in the same batch. The board then reads one row
-- per stage instead of counting every live card of the organisation on each load.
CREATE TABLE stage_counts (
  stage_id TEXT PRIMARY KEY,
  live INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO stage_counts (stage_id, live)
SELECT stage_id, COUNT(*) FROM clients WHERE archived = 0 GROUP BY stage_id;

CREATE TRIGGER stage_counts_client_insert AFTER INSERT ON clients
WHEN NEW.archived = 0 BEGIN
  INSERT INTO stage_counts (stage_id, live) VALUES (NEW.stage_id, 1)
  ON CONFLICT (stage_id) DO UPDATE SET live = live + 1;
END;

CREATE TRIGGER stage_counts_client_delete AFTER DELETE ON clients
WHEN OLD.archived = 0 BEGIN
  UPDATE stage_counts SET live = live - 1 WHERE stage_id = OLD.stage_id;
END;

CREATE TRIGGER stage_counts_client_update AFTER UPDATE OF stage_id, archived ON clients
WHEN OLD.stage_id IS NOT NEW.stage_id OR OLD.archived IS NOT NEW.archived BEGIN
  UPDATE stage_counts SET live = live - 1 WHERE stage_id = OLD.stage_id AND OLD.archived = 0;
  INSERT INTO stage_counts (stage_id, live) SELECT NEW.stage_id, 1 WHERE NEW.archived = 0
  ON CONFLICT (stage_id) DO UPDATE SET live = live + 1;
END;
