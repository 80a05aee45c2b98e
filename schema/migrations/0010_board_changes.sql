-- The live board's change feed: one row per committed change anything on an open board shows.
-- Triggers write it inside the same transaction as the change, so a batch that commits has its
-- rows and one that rolls back has none, whichever route or job made it. The id is the cursor
-- open boards and GET /api/changes count in; it only grows.
CREATE TABLE board_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- client | task | member | stage | phase
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  -- The card the change belongs to (a client's own changes and its tasks).
  client_id TEXT,
  -- The history event's kind for a client (moved, edited, overdue, …); created / updated else.
  kind TEXT NOT NULL,
  version INTEGER,
  at INTEGER NOT NULL
);
-- The daily cleanup drops rows older than the feed keeps.
CREATE INDEX board_changes_by_time ON board_changes (at);

-- Every client change (move, create, edit, people, archive, sweep flag or return) writes a
-- history event: the event is the client's change.
CREATE TRIGGER board_changes_client AFTER INSERT ON client_events BEGIN
  INSERT INTO board_changes (entity, entity_id, client_id, kind, version, at)
  VALUES ('client', NEW.client_id, NEW.client_id, NEW.kind, NEW.version, NEW.at);
END;

CREATE TRIGGER board_changes_task_insert AFTER INSERT ON tasks BEGIN
  INSERT INTO board_changes (entity, entity_id, client_id, kind, version, at)
  VALUES ('task', NEW.id, NEW.client_id, 'created', NEW.version, NEW.created_at);
END;

CREATE TRIGGER board_changes_task_update AFTER UPDATE ON tasks BEGIN
  INSERT INTO board_changes (entity, entity_id, client_id, kind, version, at)
  VALUES ('task', NEW.id, NEW.client_id, 'updated', NEW.version, NEW.updated_at);
END;

CREATE TRIGGER board_changes_member_insert AFTER INSERT ON members BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('member', NEW.id, 'created', NEW.version, NEW.created_at);
END;

CREATE TRIGGER board_changes_member_update AFTER UPDATE ON members BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('member', NEW.id, 'updated', NEW.version, NEW.updated_at);
END;

-- The template has no update time: the change is stamped with the clock (milliseconds).
CREATE TRIGGER board_changes_stage_insert AFTER INSERT ON stages BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('stage', NEW.id, 'created', NEW.version,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER board_changes_stage_update AFTER UPDATE ON stages BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('stage', NEW.id, 'updated', NEW.version,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER board_changes_phase_update AFTER UPDATE ON phases BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('phase', NEW.id, 'updated', NEW.version,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
