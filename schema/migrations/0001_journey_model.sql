-- The journey model: roles, phases, stages (the template) and the cards that travel through it.
-- Times are Unix epoch milliseconds (UTC); the API renders them as ISO 8601.

CREATE TABLE roles (
  id TEXT PRIMARY KEY,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE phases (
  id TEXT PRIMARY KEY,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE stages (
  id TEXT PRIMARY KEY,
  phase_id TEXT NOT NULL REFERENCES phases(id),
  position INTEGER NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  owner_role_id TEXT NOT NULL REFERENCES roles(id),
  communicator_role_id TEXT NOT NULL REFERENCES roles(id),
  support_role_id TEXT NOT NULL REFERENCES roles(id),
  sla_days INTEGER NOT NULL DEFAULT 3 CHECK (sla_days > 0),
  overdue_policy TEXT NOT NULL DEFAULT 'flag' CHECK (overdue_policy IN ('flag', 'return')),
  wip_limit INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
  description_ru TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX stages_by_phase ON stages (phase_id, position);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  grade TEXT NOT NULL CHECK (grade IN ('intern', 'junior', 'middle', 'senior', 'lead')),
  manager_id TEXT REFERENCES members(id),
  capacity_override REAL CHECK (capacity_override IS NULL OR capacity_override >= 0),
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX members_by_manager ON members (manager_id);

CREATE TABLE member_roles (
  member_id TEXT NOT NULL REFERENCES members(id),
  role_id TEXT NOT NULL REFERENCES roles(id),
  PRIMARY KEY (member_id, role_id)
);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  company TEXT NOT NULL,
  -- Name and company lower-cased by the Worker: SQLite's LIKE and lower() fold ASCII only.
  search TEXT NOT NULL DEFAULT '',
  tier TEXT NOT NULL CHECK (tier IN ('A', 'B', 'C')),
  score INTEGER CHECK (score IS NULL OR (score BETWEEN 0 AND 100)),
  stage_id TEXT NOT NULL REFERENCES stages(id),
  -- Fractional-index key: a move rewrites this one row, never the rest of the column.
  position TEXT NOT NULL,
  entered_stage_at INTEGER NOT NULL,
  owner_id TEXT REFERENCES members(id),
  communicator_id TEXT REFERENCES members(id),
  support_id TEXT REFERENCES members(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0
);
-- The board reads a column in order; the sweep reads the oldest entries first.
CREATE INDEX clients_by_stage_position ON clients (stage_id, position) WHERE archived = 0;
CREATE INDEX clients_by_entered_stage ON clients (entered_stage_at) WHERE archived = 0;
CREATE INDEX clients_by_owner ON clients (owner_id) WHERE archived = 0;
CREATE INDEX clients_by_communicator ON clients (communicator_id) WHERE archived = 0;
CREATE INDEX clients_by_support ON clients (support_id) WHERE archived = 0;

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  title TEXT NOT NULL,
  assignee_role_id TEXT REFERENCES roles(id),
  assignee_member_id TEXT REFERENCES members(id),
  due_date TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  done_at INTEGER,
  created_by_kind TEXT NOT NULL CHECK (created_by_kind IN ('person', 'automation')),
  created_by TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tasks_by_client ON tasks (client_id, created_at);
CREATE INDEX tasks_open_by_member ON tasks (assignee_member_id) WHERE done = 0;

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE client_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id TEXT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL,
  actor_id TEXT,
  from_stage_id TEXT,
  to_stage_id TEXT,
  -- The client's version after this event, so its history accounts for every version.
  version INTEGER NOT NULL,
  data TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX client_events_by_client ON client_events (client_id, id);
CREATE INDEX client_events_by_kind_time ON client_events (kind, at);

-- A retried write with the same Idempotency-Key gets the first answer back (kept 24 h).
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  status INTEGER,
  body TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_time ON idempotency_keys (created_at);
