-- The client's record beside its place on the board (DOMAIN.md § "The client's record"):
-- contacts, the journal with its edit trail, money and hours, NPS, source and outcome. Every
-- change to these rows is written in one batch with a client_events row and the client's
-- version bump, so the history accounts for it and open boards hear of it.

-- Lists admins edit: where clients come from, and why they are lost or churn.
CREATE TABLE record_options (
  id TEXT PRIMARY KEY,
  list TEXT NOT NULL CHECK (list IN ('source', 'loss_reason')),
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX record_options_by_list ON record_options (list, position);

INSERT INTO record_options (id, list, name_ru, name_en, position, created_at) VALUES
  ('source-inbound', 'source', 'Входящая заявка с сайта', 'Inbound from the website', 1, 0),
  ('source-referral', 'source', 'Рекомендация клиента', 'Client referral', 2, 0),
  ('source-event', 'source', 'Мероприятие или конференция', 'Event or conference', 3, 0),
  ('source-outbound', 'source', 'Исходящие продажи', 'Outbound sales', 4, 0),
  ('source-partner', 'source', 'Партнёр', 'Partner', 5, 0),
  ('source-tender', 'source', 'Тендер', 'Tender', 6, 0),
  ('loss-price', 'loss_reason', 'Цена', 'Price', 1, 0),
  ('loss-competitor', 'loss_reason', 'Выбрали конкурента', 'Chose a competitor', 2, 0),
  ('loss-budget', 'loss_reason', 'Нет бюджета', 'No budget', 3, 0),
  ('loss-fit', 'loss_reason', 'Продукт не подошёл', 'Product did not fit', 4, 0),
  ('loss-service', 'loss_reason', 'Недовольны сервисом', 'Unhappy with the service', 5, 0),
  ('loss-priority', 'loss_reason', 'Сменились приоритеты', 'Priorities changed', 6, 0),
  ('loss-silent', 'loss_reason', 'Клиент пропал', 'Client went silent', 7, 0);

-- One row per client, made on its first edit; money in minor units (kopecks), never floats.
CREATE TABLE client_profiles (
  client_id TEXT PRIMARY KEY REFERENCES clients(id),
  source_id TEXT REFERENCES record_options(id),
  currency TEXT NOT NULL DEFAULT 'RUB',
  contract_value INTEGER,
  monthly_revenue INTEGER,
  margin_percent INTEGER CHECK (margin_percent IS NULL OR margin_percent BETWEEN -100 AND 100),
  start_date TEXT,
  renewal_date TEXT,
  -- Set when the card is archived: won | lost | churned | other, and why for lost / churned.
  outcome TEXT CHECK (outcome IS NULL OR outcome IN ('won', 'lost', 'churned', 'other')),
  outcome_reason_id TEXT REFERENCES record_options(id),
  outcome_note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);

CREATE TABLE client_contacts (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  -- '+' and digits (E.164), normalised by the API.
  phone TEXT,
  email TEXT,
  messenger TEXT NOT NULL DEFAULT '',
  decision_maker INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  -- A removed contact stays for the journal entries and NPS answers that name it.
  removed INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX client_contacts_by_client ON client_contacts (client_id, created_at);

-- Append-only: an edit bumps the version and keeps the text it replaced in journal_revisions.
CREATE TABLE journal_entries (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'message', 'note')),
  body TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  next_step TEXT NOT NULL DEFAULT '',
  next_contact_on TEXT,
  contact_id TEXT REFERENCES client_contacts(id),
  -- The user or API token that wrote it, and the member it acts as (who gets the next task).
  author_id TEXT,
  author_member_id TEXT REFERENCES members(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX journal_entries_by_client ON journal_entries (client_id, created_at);

CREATE TABLE journal_revisions (
  entry_id TEXT NOT NULL REFERENCES journal_entries(id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  outcome TEXT NOT NULL,
  next_step TEXT NOT NULL,
  next_contact_on TEXT,
  -- Who wrote this version and when it was replaced.
  written_at INTEGER NOT NULL,
  replaced_by TEXT,
  replaced_at INTEGER NOT NULL,
  PRIMARY KEY (entry_id, version)
);

CREATE TABLE time_entries (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  spent_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX time_entries_by_client ON time_entries (client_id, spent_on);
CREATE INDEX time_entries_by_day ON time_entries (spent_on);

CREATE TABLE nps_answers (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  contact_id TEXT NOT NULL REFERENCES client_contacts(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  comment TEXT NOT NULL DEFAULT '',
  answered_on TEXT NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX nps_answers_by_client ON nps_answers (client_id, answered_on);

-- The Feedback & NPS stage asks for the score in writing (DOMAIN.md: by letter, not by phone).
INSERT INTO stage_automations (id, stage_id, kind, title_ru, title_en, assignee_role_id, delay_days, due_days, created_at)
SELECT 'auto-feedback-nps', 'feedback-nps', 'task', 'Запросить оценку NPS письменно и записать ответ',
  'Ask for the NPS score in writing and record the answer', 'account_manager', 0, 3, 0
WHERE EXISTS (SELECT 1 FROM stages WHERE id = 'feedback-nps');
