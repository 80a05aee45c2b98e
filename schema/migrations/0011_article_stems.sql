-- Search by word stems (Snowball, Russian and English): «договорами» finds «договор». SQLite
-- cannot stem, so the Worker writes each article's stemmed title, body and tags here, and
-- refreshes the rows whose article changed since (updated_at) before it searches. The FTS row
-- shares its rowid with article_stem_rows, which ties it to the article by an indexed id.
CREATE TABLE article_stem_rows (
  rowid INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
  updated_at INTEGER NOT NULL
);

CREATE VIRTUAL TABLE article_stems USING fts5(
  title,
  body,
  tags,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- The template shipped one stage named in English in the Russian interface too; a stage an
-- admin has renamed since keeps its name.
UPDATE stages SET name_ru = 'Встреча руководителя с клиентом'
  WHERE id = 'client-review' AND name_ru = 'Client review';
