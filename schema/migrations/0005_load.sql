-- Team load: when members are away (no new clients then), and the moves the morning job
-- proposes to leads when people of one grade carry very different loads. The load weights
-- live in settings under the key 'load' (defaults in the Worker until an admin edits them).

-- Inclusive local dates, 'YYYY-MM-DD' (the organisation calendar's zone).
CREATE TABLE member_absences (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_by TEXT,
  created_at INTEGER NOT NULL,
  CHECK (from_date <= to_date)
);
CREATE INDEX member_absences_by_member ON member_absences (member_id, from_date);
CREATE INDEX member_absences_by_end ON member_absences (to_date);

CREATE TABLE rebalance_proposals (
  id TEXT PRIMARY KEY,
  -- The lead the proposal is for: the manager of both members.
  lead_id TEXT NOT NULL REFERENCES members(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'communicator', 'support')),
  from_member_id TEXT NOT NULL REFERENCES members(id),
  to_member_id TEXT NOT NULL REFERENCES members(id),
  reason TEXT NOT NULL,
  -- JSON: the weight moved and both members' utilisation before and after.
  data TEXT,
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'dismissed')),
  created_at INTEGER NOT NULL,
  decided_at INTEGER,
  -- The user (or null: the job, for a proposal the data overtook) who decided.
  decided_by TEXT
);
-- At most one open proposal per client slot: a job that runs twice, or two at once, never
-- proposes the same move twice while it is open.
CREATE UNIQUE INDEX rebalance_proposals_open_slot ON rebalance_proposals (client_id, role)
  WHERE status = 'proposed';
CREATE INDEX rebalance_proposals_by_lead ON rebalance_proposals (lead_id, status, created_at);
