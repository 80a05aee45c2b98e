-- People per role: a client has at most one person per journey role (its sales rep, its account
-- manager, …), and a stage's owner / communicator / support are the client's people for the
-- stage's three roles. The three person columns on the card go; who acts is derived, never
-- stored twice.

CREATE TABLE client_people (
  client_id TEXT NOT NULL REFERENCES clients(id),
  role_id TEXT NOT NULL REFERENCES roles(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  assigned_at INTEGER NOT NULL,
  -- The user who made the choice; null for the migration and the jobs.
  assigned_by TEXT,
  -- Why, when the pick was not the top suggestion (or how the migration placed the person).
  reason TEXT,
  PRIMARY KEY (client_id, role_id)
);
-- "My cards", the member filter and load read a member's clients by role.
CREATE INDEX client_people_by_member ON client_people (member_id, role_id);

-- Today's people go under the roles of the card's current stage. Where two slots name the same
-- role, the owner keeps it over the communicator, and the communicator over the support.
INSERT INTO client_people (client_id, role_id, member_id, assigned_at, reason)
SELECT c.id, s.owner_role_id, c.owner_id, c.updated_at, 'carried over: owner'
FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.owner_id IS NOT NULL;

INSERT OR IGNORE INTO client_people (client_id, role_id, member_id, assigned_at, reason)
SELECT c.id, s.communicator_role_id, c.communicator_id, c.updated_at, 'carried over: communicator'
FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.communicator_id IS NOT NULL;

INSERT OR IGNORE INTO client_people (client_id, role_id, member_id, assigned_at, reason)
SELECT c.id, s.support_role_id, c.support_id, c.updated_at, 'carried over: support'
FROM clients c JOIN stages s ON s.id = c.stage_id WHERE c.support_id IS NOT NULL;

-- Nobody is lost: a person whose slot's role went to someone else stays on the client under
-- the first role (by the journey's order) they can play that the client has nobody for.
INSERT INTO client_people (client_id, role_id, member_id, assigned_at, reason)
SELECT id, role_id, member_id, updated_at, 'carried over: communicator, its role was taken'
FROM (
  SELECT c.id, c.communicator_id AS member_id, c.updated_at, (
    SELECT r.id FROM roles r JOIN member_roles mr ON mr.role_id = r.id
    WHERE mr.member_id = c.communicator_id
      AND NOT EXISTS (SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.role_id = r.id)
    ORDER BY r.position, r.id LIMIT 1) AS role_id
  FROM clients c
  WHERE c.communicator_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.member_id = c.communicator_id))
WHERE role_id IS NOT NULL;

INSERT INTO client_people (client_id, role_id, member_id, assigned_at, reason)
SELECT id, role_id, member_id, updated_at, 'carried over: support, its role was taken'
FROM (
  SELECT c.id, c.support_id AS member_id, c.updated_at, (
    SELECT r.id FROM roles r JOIN member_roles mr ON mr.role_id = r.id
    WHERE mr.member_id = c.support_id
      AND NOT EXISTS (SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.role_id = r.id)
    ORDER BY r.position, r.id LIMIT 1) AS role_id
  FROM clients c
  WHERE c.support_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.member_id = c.support_id))
WHERE role_id IS NOT NULL;

-- Whoever still has no place (every role they can play is held) is written into the client's
-- history, with the slot they held, so a lead sees who worked on it and can re-assign.
INSERT INTO client_events (client_id, kind, actor_id, version, data, at)
SELECT c.id, 'person_not_carried', NULL, c.version,
  json_object('slot', x.slot, 'memberId', x.member_id), CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM clients c JOIN (
  SELECT id, 'communicator' AS slot, communicator_id AS member_id FROM clients
  UNION ALL SELECT id, 'support', support_id FROM clients) x ON x.id = c.id
WHERE x.member_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM client_people p WHERE p.client_id = c.id AND p.member_id = x.member_id);

DROP INDEX clients_by_owner;
DROP INDEX clients_by_communicator;
DROP INDEX clients_by_support;
ALTER TABLE clients DROP COLUMN owner_id;
ALTER TABLE clients DROP COLUMN communicator_id;
ALTER TABLE clients DROP COLUMN support_id;

-- Rebalancing moves a client's role from one person to another. Open proposals named a slot
-- (owner / communicator / support) that now depends on the stage: they are closed (the morning
-- job proposes again by role); decided ones keep their history, under the role that slot names at the card's stage.
CREATE TABLE rebalance_proposals_by_role (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES members(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  role_id TEXT NOT NULL REFERENCES roles(id),
  from_member_id TEXT NOT NULL REFERENCES members(id),
  to_member_id TEXT NOT NULL REFERENCES members(id),
  reason TEXT NOT NULL,
  data TEXT,
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  created_at INTEGER NOT NULL,
  decided_at INTEGER,
  decided_by TEXT
);

INSERT INTO rebalance_proposals_by_role (id, lead_id, client_id, role_id, from_member_id,
  to_member_id, reason, data, status, created_at, decided_at, decided_by)
SELECT p.id, p.lead_id, p.client_id,
  CASE p.role WHEN 'owner' THEN s.owner_role_id WHEN 'communicator' THEN s.communicator_role_id
    ELSE s.support_role_id END,
  p.from_member_id, p.to_member_id, p.reason, p.data,
  CASE p.status WHEN 'proposed' THEN 'dismissed' ELSE p.status END, p.created_at,
  CASE p.status WHEN 'proposed' THEN CAST(strftime('%s', 'now') AS INTEGER) * 1000
    ELSE p.decided_at END,
  p.decided_by
FROM rebalance_proposals p JOIN clients c ON c.id = p.client_id JOIN stages s ON s.id = c.stage_id;

DROP TABLE rebalance_proposals;
ALTER TABLE rebalance_proposals_by_role RENAME TO rebalance_proposals;
CREATE UNIQUE INDEX rebalance_proposals_open_slot ON rebalance_proposals (client_id, role_id)
  WHERE status = 'proposed';
CREATE INDEX rebalance_proposals_by_lead ON rebalance_proposals (lead_id, status, created_at);

