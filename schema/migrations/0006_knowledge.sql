-- The knowledge base: articles (regulations and notes) linked to stages and roles, their edit
-- history, full-text search over them, and onboarding tracks per role with members' progress.

-- One article is one language: a translation is its own row pointing at the original
-- (`translation_of`), with its own review date and history. Russian-only teams write once.
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  translation_of TEXT REFERENCES articles(id),
  kind TEXT NOT NULL CHECK (kind IN ('instruction', 'article')),
  title TEXT NOT NULL,
  -- Markdown as written; the Worker renders it (escaping everything else) on every read.
  body TEXT NOT NULL DEFAULT '',
  -- The body as plain text (markup and link targets dropped), computed by the Worker: what
  -- search indexes and what snippets quote.
  body_text TEXT NOT NULL DEFAULT '',
  -- JSON array of strings.
  tags TEXT NOT NULL DEFAULT '[]',
  author_id TEXT REFERENCES users(id),
  reviewed_at INTEGER NOT NULL,
  -- A year after the last review: regulations are reviewed every year.
  review_due INTEGER NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX articles_review_due ON articles (review_due) WHERE archived = 0;
CREATE UNIQUE INDEX articles_one_translation_per_lang ON articles (translation_of, lang)
  WHERE translation_of IS NOT NULL;

CREATE TABLE article_stages (
  article_id TEXT NOT NULL REFERENCES articles(id),
  stage_id TEXT NOT NULL REFERENCES stages(id),
  PRIMARY KEY (article_id, stage_id)
);
CREATE INDEX article_stages_by_stage ON article_stages (stage_id);

CREATE TABLE article_roles (
  article_id TEXT NOT NULL REFERENCES articles(id),
  role_id TEXT NOT NULL REFERENCES roles(id),
  PRIMARY KEY (article_id, role_id)
);
CREATE INDEX article_roles_by_role ON article_roles (role_id);

-- Append-only: who changed what and when, with the previous title / body when they changed.
CREATE TABLE article_revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL REFERENCES articles(id),
  -- The article's version after this change.
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'edited')),
  -- A user or API token id (no foreign key: tokens are not users).
  actor_id TEXT,
  -- JSON array of the changed fields, and a one-line human summary ("body +3 −1 lines; …").
  fields TEXT NOT NULL DEFAULT '[]',
  summary TEXT NOT NULL DEFAULT '',
  prev_title TEXT,
  prev_body TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);

-- Full-text search in Russian and English. unicode61 folds case for Cyrillic as well as Latin;
-- `remove_diacritics 2` folds Latin accents. It leaves ё alone, so the triggers index ё as е
-- and the Worker folds queries the same way ("счёт" and "счет" find each other). Prefix
-- indexes keep "догов*" cheap. The triggers keep the index in step with every write, the seed's
-- included; article_id is stored, not indexed, so no implicit rowid has to stay stable.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  article_id UNINDEXED,
  title,
  body,
  tags,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (article_id, title, body, tags) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body_text, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.tags, 'ё', 'е'), 'Ё', 'Е')
  );
END;

CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body_text, tags ON articles BEGIN
  DELETE FROM articles_fts WHERE article_id = old.id;
  INSERT INTO articles_fts (article_id, title, body, tags) VALUES (
    new.id,
    replace(replace(new.title, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.body_text, 'ё', 'е'), 'Ё', 'Е'),
    replace(replace(new.tags, 'ё', 'е'), 'Ё', 'Е')
  );
END;

CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE article_id = old.id;
END;

-- One onboarding track per role: ordered items, each an article to read or a first-week
-- checklist item to do.
CREATE TABLE onboarding_tracks (
  id TEXT PRIMARY KEY,
  role_id TEXT NOT NULL UNIQUE REFERENCES roles(id),
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE onboarding_items (
  id TEXT PRIMARY KEY,
  track_id TEXT NOT NULL REFERENCES onboarding_tracks(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'checklist')),
  -- Any language version of the article; the API offers each language's version.
  article_id TEXT REFERENCES articles(id),
  -- A checklist item's text (an article item takes its article's titles).
  title_ru TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'article') = (article_id IS NOT NULL))
);
CREATE INDEX onboarding_items_by_track ON onboarding_items (track_id, position);

-- A member's progress: a row per item they marked (an unmarked item has none).
CREATE TABLE onboarding_progress (
  member_id TEXT NOT NULL REFERENCES members(id),
  item_id TEXT NOT NULL REFERENCES onboarding_items(id),
  status TEXT NOT NULL CHECK (status IN ('read', 'done')),
  at INTEGER NOT NULL,
  PRIMARY KEY (member_id, item_id)
);
