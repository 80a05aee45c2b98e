-- Accounts: who may sign in, with which access role, and how they prove it.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  access_role TEXT NOT NULL CHECK (access_role IN ('admin', 'lead', 'member', 'viewer')),
  -- The journey member this account acts as (for "my cards", leads' teams); null for e.g. an admin.
  member_id TEXT REFERENCES members(id),
  -- "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>": algorithm and cost travel with the hash.
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Only a SHA-256 of each session token is stored: a leaked table signs nobody in.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  user_agent TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins per account ("email:…") and per client address ("ip:…").
CREATE TABLE login_throttle (
  scope TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER
);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);
