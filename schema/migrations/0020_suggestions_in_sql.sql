-- Issue 15, item 4: the sweep's guard "did this card's event of the operation land?" looked an
-- operation's events up by op alone and walked all of them for every card of the page (a page of
-- 200 cards: 200 x 200 index rows per statement). With the client in the key it is one step.
DROP INDEX client_events_by_op;
CREATE INDEX client_events_by_op_client ON client_events (op, client_id) WHERE op IS NOT NULL;

-- Issue 15, item 3: what a suggestion needs, kept per member so that it reads rows per member,
-- never rows per client. The three are written by triggers, inside the statement that assigns,
-- moves, re-tiers, archives or flags, so every path (API, import, restore, jobs, seed) keeps
-- them in the same batch.
ALTER TABLE members ADD COLUMN last_assigned_at INTEGER;

-- The live feed hears about edits of a member, not about the bookkeeping columns above.
DROP TRIGGER board_changes_member_update;
CREATE TRIGGER board_changes_member_update
AFTER UPDATE OF name, email, grade, manager_id, capacity_override, active, version, created_at, updated_at
ON members BEGIN
  INSERT INTO board_changes (entity, entity_id, kind, version, at)
  VALUES ('member', NEW.id, 'updated', NEW.version, NEW.updated_at);
END;

UPDATE members SET last_assigned_at =
  (SELECT MAX(assigned_at) FROM client_people WHERE member_id = members.id);

-- Per member and journey role held: live clients counted by "<tier> <phase>" (a JSON object).
-- The weight of each count (tier, role part in the phase, phase effort) is applied by the Worker
-- from the settings, so editing the settings needs no rewrite here.
CREATE TABLE member_loads (
  member_id TEXT NOT NULL,
  role_id TEXT NOT NULL,
  counts TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (member_id, role_id)
) WITHOUT ROWID;

-- Per member: live clients past their SLA on which they act at the current stage (owner,
-- communicator or support), each client once however many of its roles they hold.
CREATE TABLE member_overdue (
  member_id TEXT PRIMARY KEY,
  cards INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO member_loads (member_id, role_id, counts)
SELECT member_id, role_id, json_group_object(k, n) FROM (
  SELECT cp.member_id, cp.role_id, c.tier || ' ' || s.phase_id AS k, COUNT(*) AS n
  FROM client_people cp JOIN clients c ON c.id = cp.client_id JOIN stages s ON s.id = c.stage_id
  WHERE c.archived = 0
  GROUP BY cp.member_id, cp.role_id, c.tier, s.phase_id
) GROUP BY member_id, role_id;

INSERT INTO member_overdue (member_id, cards)
SELECT cp.member_id, COUNT(DISTINCT cp.client_id)
FROM client_people cp JOIN clients c ON c.id = cp.client_id JOIN stages s ON s.id = c.stage_id
WHERE c.archived = 0 AND c.overdue_level >= 1
  AND cp.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
GROUP BY cp.member_id;

CREATE TRIGGER member_loads_person_insert AFTER INSERT ON client_people BEGIN
  UPDATE members SET last_assigned_at = NEW.assigned_at
  WHERE id = NEW.member_id AND (last_assigned_at IS NULL OR last_assigned_at < NEW.assigned_at);
  INSERT INTO member_loads (member_id, role_id) VALUES (NEW.member_id, NEW.role_id)
  ON CONFLICT (member_id, role_id) DO NOTHING;
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) + 1)
  FROM (SELECT '$."' || c.tier || ' ' || s.phase_id || '"' AS path
        FROM clients c JOIN stages s ON s.id = c.stage_id
        WHERE c.id = NEW.client_id AND c.archived = 0) AS k
  WHERE member_id = NEW.member_id AND role_id = NEW.role_id;
  INSERT INTO member_overdue (member_id, cards)
  SELECT NEW.member_id, 1 FROM clients c JOIN stages s ON s.id = c.stage_id
  WHERE c.id = NEW.client_id AND c.archived = 0 AND c.overdue_level >= 1
    AND NEW.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
    AND NOT EXISTS (SELECT 1 FROM client_people o
      WHERE o.client_id = NEW.client_id AND o.member_id = NEW.member_id AND o.role_id <> NEW.role_id
        AND o.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id))
  ON CONFLICT (member_id) DO UPDATE SET cards = cards + 1;
END;

CREATE TRIGGER member_loads_person_delete AFTER DELETE ON client_people BEGIN
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) - 1)
  FROM (SELECT '$."' || c.tier || ' ' || s.phase_id || '"' AS path
        FROM clients c JOIN stages s ON s.id = c.stage_id
        WHERE c.id = OLD.client_id AND c.archived = 0) AS k
  WHERE member_id = OLD.member_id AND role_id = OLD.role_id;
  UPDATE member_overdue SET cards = cards - 1
  WHERE member_id = OLD.member_id AND EXISTS (
    SELECT 1 FROM clients c JOIN stages s ON s.id = c.stage_id
    WHERE c.id = OLD.client_id AND c.archived = 0 AND c.overdue_level >= 1
      AND OLD.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
      AND NOT EXISTS (SELECT 1 FROM client_people o
        WHERE o.client_id = OLD.client_id AND o.member_id = OLD.member_id
          AND o.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)));
END;

CREATE TRIGGER member_loads_person_assigned_at AFTER UPDATE OF member_id, assigned_at ON client_people BEGIN
  UPDATE members SET last_assigned_at = NEW.assigned_at
  WHERE id = NEW.member_id AND (last_assigned_at IS NULL OR last_assigned_at < NEW.assigned_at);
END;

CREATE TRIGGER member_loads_person_update AFTER UPDATE OF member_id ON client_people
WHEN OLD.member_id IS NOT NEW.member_id BEGIN
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) - 1)
  FROM (SELECT '$."' || c.tier || ' ' || s.phase_id || '"' AS path
        FROM clients c JOIN stages s ON s.id = c.stage_id
        WHERE c.id = OLD.client_id AND c.archived = 0) AS k
  WHERE member_id = OLD.member_id AND role_id = OLD.role_id;
  INSERT INTO member_loads (member_id, role_id) VALUES (NEW.member_id, NEW.role_id)
  ON CONFLICT (member_id, role_id) DO NOTHING;
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) + 1)
  FROM (SELECT '$."' || c.tier || ' ' || s.phase_id || '"' AS path
        FROM clients c JOIN stages s ON s.id = c.stage_id
        WHERE c.id = NEW.client_id AND c.archived = 0) AS k
  WHERE member_id = NEW.member_id AND role_id = NEW.role_id;
  UPDATE member_overdue SET cards = cards - 1
  WHERE member_id = OLD.member_id AND EXISTS (
    SELECT 1 FROM clients c JOIN stages s ON s.id = c.stage_id
    WHERE c.id = OLD.client_id AND c.archived = 0 AND c.overdue_level >= 1
      AND OLD.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
      AND NOT EXISTS (SELECT 1 FROM client_people o
        WHERE o.client_id = OLD.client_id AND o.member_id = OLD.member_id
          AND o.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)));
  INSERT INTO member_overdue (member_id, cards)
  SELECT NEW.member_id, 1 FROM clients c JOIN stages s ON s.id = c.stage_id
  WHERE c.id = NEW.client_id AND c.archived = 0 AND c.overdue_level >= 1
    AND NEW.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
    AND NOT EXISTS (SELECT 1 FROM client_people o
      WHERE o.client_id = NEW.client_id AND o.member_id = NEW.member_id AND o.role_id <> NEW.role_id
        AND o.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id))
  ON CONFLICT (member_id) DO UPDATE SET cards = cards + 1;
END;

-- A move inside a phase changes no count: only a new tier, phase or archive state does.
CREATE TRIGGER member_loads_client_update AFTER UPDATE OF tier, stage_id, archived ON clients
WHEN OLD.tier IS NOT NEW.tier OR OLD.archived IS NOT NEW.archived
  OR (SELECT phase_id FROM stages WHERE id = OLD.stage_id)
     IS NOT (SELECT phase_id FROM stages WHERE id = NEW.stage_id)
BEGIN
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) - 1)
  FROM (SELECT cp.member_id, cp.role_id, '$."' || OLD.tier || ' ' || s.phase_id || '"' AS path
        FROM client_people cp JOIN stages s ON s.id = OLD.stage_id
        WHERE cp.client_id = OLD.id AND OLD.archived = 0) AS k
  WHERE member_loads.member_id = k.member_id AND member_loads.role_id = k.role_id;
  INSERT INTO member_loads (member_id, role_id)
  SELECT member_id, role_id FROM client_people WHERE client_id = NEW.id AND NEW.archived = 0
  ON CONFLICT (member_id, role_id) DO NOTHING;
  UPDATE member_loads SET counts = json_set(counts, k.path, COALESCE(json_extract(counts, k.path), 0) + 1)
  FROM (SELECT cp.member_id, cp.role_id, '$."' || NEW.tier || ' ' || s.phase_id || '"' AS path
        FROM client_people cp JOIN stages s ON s.id = NEW.stage_id
        WHERE cp.client_id = NEW.id AND NEW.archived = 0) AS k
  WHERE member_loads.member_id = k.member_id AND member_loads.role_id = k.role_id;
END;

-- Only when the card starts or stops counting as overdue, or changes stage (other acting roles)
-- while it counts: escalation from level 1 to 2 changes nothing here.
CREATE TRIGGER member_overdue_client_update AFTER UPDATE OF overdue_level, stage_id, archived ON clients
WHEN ((OLD.archived = 0 AND OLD.overdue_level >= 1) IS NOT (NEW.archived = 0 AND NEW.overdue_level >= 1))
  OR (NEW.archived = 0 AND NEW.overdue_level >= 1 AND OLD.stage_id IS NOT NEW.stage_id)
BEGIN
  UPDATE member_overdue SET cards = cards - 1
  WHERE OLD.archived = 0 AND OLD.overdue_level >= 1 AND member_id IN (
    SELECT cp.member_id FROM client_people cp JOIN stages s ON s.id = OLD.stage_id
    WHERE cp.client_id = OLD.id
      AND cp.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id));
  INSERT INTO member_overdue (member_id, cards)
  SELECT DISTINCT cp.member_id, 1 FROM client_people cp JOIN stages s ON s.id = NEW.stage_id
  WHERE NEW.archived = 0 AND NEW.overdue_level >= 1 AND cp.client_id = NEW.id
    AND cp.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
  ON CONFLICT (member_id) DO UPDATE SET cards = cards + 1;
END;

-- A stage's phase or roles changing re-weighs every card on it: rare (an admin's template edit),
-- so both tables are rebuilt from scratch rather than patched.
CREATE TRIGGER member_loads_stage_update AFTER UPDATE OF phase_id, owner_role_id, communicator_role_id, support_role_id ON stages
WHEN OLD.phase_id IS NOT NEW.phase_id OR OLD.owner_role_id IS NOT NEW.owner_role_id
  OR OLD.communicator_role_id IS NOT NEW.communicator_role_id
  OR OLD.support_role_id IS NOT NEW.support_role_id
BEGIN
  DELETE FROM member_loads;
  INSERT INTO member_loads (member_id, role_id, counts)
  SELECT member_id, role_id, json_group_object(k, n) FROM (
    SELECT cp.member_id, cp.role_id, c.tier || ' ' || s.phase_id AS k, COUNT(*) AS n
    FROM client_people cp JOIN clients c ON c.id = cp.client_id JOIN stages s ON s.id = c.stage_id
    WHERE c.archived = 0
    GROUP BY cp.member_id, cp.role_id, c.tier, s.phase_id
  ) WHERE true GROUP BY member_id, role_id;
  DELETE FROM member_overdue;
  INSERT INTO member_overdue (member_id, cards)
  SELECT cp.member_id, COUNT(DISTINCT cp.client_id)
  FROM client_people cp JOIN clients c ON c.id = cp.client_id JOIN stages s ON s.id = c.stage_id
  WHERE c.archived = 0 AND c.overdue_level >= 1
    AND cp.role_id IN (s.owner_role_id, s.communicator_role_id, s.support_role_id)
  GROUP BY cp.member_id;
END;
