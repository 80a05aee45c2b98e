-- The stage clock: organisation settings (calendar), SLA due times on cards, automations,
-- notifications and the webhook outbox.

-- Editable organisation settings, one JSON document per key ("calendar", "load", …).
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);

-- When the card's time in its stage passes the SLA (level 1) and twice the SLA (level 2), in
-- working time, computed when it enters the stage; the sweep reads only cards past one of them.
ALTER TABLE clients ADD COLUMN due_at INTEGER;
ALTER TABLE clients ADD COLUMN due2_at INTEGER;
ALTER TABLE clients ADD COLUMN overdue_level INTEGER NOT NULL DEFAULT 0;
-- A random id per operation on an event, so statements in the same batch can ask "did this
-- operation's guarded change happen?" without re-checking its conditions.
ALTER TABLE client_events ADD COLUMN op TEXT;
CREATE INDEX clients_due ON clients (due_at) WHERE archived = 0 AND overdue_level = 0;
CREATE INDEX clients_due2 ON clients (due2_at) WHERE archived = 0 AND overdue_level = 1;

-- The in-app inbox. A dedupe key per event and recipient: a sweep that runs twice, or two
-- sweeps at once, notify once.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id),
  kind TEXT NOT NULL,
  client_id TEXT REFERENCES clients(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  data TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_inbox ON notifications (member_id, created_at);
CREATE INDEX notifications_unread ON notifications (member_id) WHERE read_at IS NULL;

-- What happens when a card enters a stage: a task now (`task`), a task N working days later
-- (`delayed_task`), or a message to the card's communicator (`message`). Tasks go to a role;
-- the card's assignee who plays that role at the stage, if any, gets them by name.
CREATE TABLE stage_automations (
  id TEXT PRIMARY KEY,
  stage_id TEXT NOT NULL REFERENCES stages(id),
  kind TEXT NOT NULL CHECK (kind IN ('task', 'delayed_task', 'message')),
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  -- Message text with {client}, {company}, {stage} placeholders; empty for tasks.
  template_ru TEXT NOT NULL DEFAULT '',
  template_en TEXT NOT NULL DEFAULT '',
  assignee_role_id TEXT REFERENCES roles(id),
  delay_days INTEGER NOT NULL DEFAULT 0 CHECK (delay_days >= 0),
  due_days INTEGER CHECK (due_days IS NULL OR due_days >= 0),
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX stage_automations_by_stage ON stage_automations (stage_id) WHERE active = 1;

-- Delayed automations waiting for their time; run once each by the sweep.
CREATE TABLE scheduled_actions (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  automation_id TEXT NOT NULL REFERENCES stage_automations(id),
  run_at INTEGER NOT NULL,
  done_at INTEGER
);
CREATE INDEX scheduled_actions_due ON scheduled_actions (run_at) WHERE done_at IS NULL;

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  -- JSON array of event kinds, e.g. ["client.overdue","client.returned","message"].
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'slack')),
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

-- The outbox: written in the same batch as the change it reports, delivered by the scheduled
-- job with retries; a row stays pending until its endpoint answers 2xx, so nothing is lost.
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id),
  event TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_hook ON webhook_deliveries (webhook_id, created_at);

-- The three automations the default template ships with (DOMAIN.md): a training task on
-- Contract signed, the follow-up message after First call, and the written feedback request
-- two weeks (ten working days) after Onboarding sign-off.
INSERT INTO stage_automations (id, stage_id, kind, title_ru, title_en, template_ru, template_en, assignee_role_id, delay_days, due_days, created_at) VALUES
  ('auto-contract-training', 'contract-signed', 'task', 'Провести обучение продукту', 'Run product training', '', '', 'account_manager', 0, 5, 0),
  ('auto-first-call-follow-up', 'first-call', 'message', 'Отправить письмо по итогам звонка', 'Send the follow-up after the call',
    'Здравствуйте! Спасибо за звонок. Отправляю материалы о платформе для {company}, как договорились. Этап: {stage}.',
    'Hello! Thank you for the call. Here are the materials about the platform for {company}, as agreed. Stage: {stage}.',
    'sales', 0, 1, 0),
  ('auto-sign-off-feedback', 'onboarding-sign-off', 'delayed_task', 'Запросить обратную связь письменно', 'Ask for feedback, in writing', '', '', 'account_manager', 10, 3, 0);
