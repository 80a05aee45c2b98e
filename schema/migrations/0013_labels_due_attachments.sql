-- Labels: the organisation's list of coloured tags (admins edit it), attached to cards.
CREATE TABLE labels (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX labels_by_name ON labels (name COLLATE NOCASE);

CREATE TABLE client_labels (
  client_id TEXT NOT NULL REFERENCES clients(id),
  label_id TEXT NOT NULL REFERENCES labels(id),
  PRIMARY KEY (client_id, label_id)
);
CREATE INDEX client_labels_by_label ON client_labels (label_id);

-- A card's own due date (a calendar day), apart from its stage's SLA deadline (due_at).
ALTER TABLE clients ADD COLUMN due_date TEXT;

-- Files on a card: the bytes live in R2 under r2_key; a row is written only after the put.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  r2_key TEXT NOT NULL UNIQUE,
  uploaded_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_by_client ON attachments (client_id, created_at);

