-- Onboarding tracks become editable: several tracks per role, an order of their own, retiring
-- instead of deleting (members' progress stays), steps due a number of working days after the
-- newcomer starts, and a mentor per newcomer. The role may no longer be UNIQUE, so the table is
-- rebuilt; the items keep pointing at it by name, and the deferred check passes at commit.
PRAGMA defer_foreign_keys = true;

CREATE TABLE onboarding_tracks_editable (
  id TEXT PRIMARY KEY,
  role_id TEXT NOT NULL REFERENCES roles(id),
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  -- The write that made this version: the same batch's step statements run only if it is theirs.
  op TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

INSERT INTO onboarding_tracks_editable
  (id, role_id, title_ru, title_en, position, retired, version, created_at, updated_at)
SELECT t.id, t.role_id, t.title_ru, t.title_en,
  coalesce((SELECT r.position FROM roles r WHERE r.id = t.role_id), 0), 0, t.version,
  t.created_at, t.updated_at
FROM onboarding_tracks t;

DROP TABLE onboarding_tracks;
ALTER TABLE onboarding_tracks_editable RENAME TO onboarding_tracks;
CREATE INDEX onboarding_tracks_by_role ON onboarding_tracks (role_id, retired);

-- Working days after the newcomer's start by which the step should be done (NULL: no date).
ALTER TABLE onboarding_items ADD COLUMN due_days INTEGER
  CHECK (due_days IS NULL OR due_days BETWEEN 1 AND 365);

-- A newcomer's mentor, set by a lead or an admin; the start is when their step dates count from.
CREATE TABLE onboarding_mentors (
  member_id TEXT PRIMARY KEY REFERENCES members(id),
  mentor_id TEXT NOT NULL REFERENCES members(id),
  started_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  CHECK (member_id != mentor_id)
);
CREATE INDEX onboarding_mentors_by_mentor ON onboarding_mentors (mentor_id);
