-- The client's record, part two: the KAM quadrant, flags (incident, overdue receivables, churn
-- risk) and recurring care. The template's three condition stages become flags; their places go
-- to steps from the practices (account plan, payment follow-up, annual review): still 40 stages.

-- One KAM assessment per client (McDonald & Woodburn): attractiveness of the client to us and
-- the strength of our relationship, 1–5 each with a short rationale. Writing it is an edit of
-- the client (its version, its history); the quadrant is derived by the Worker and stored so the
-- board and the filter read it without recomputing.
CREATE TABLE client_kam (
  client_id TEXT PRIMARY KEY REFERENCES clients(id),
  attractiveness INTEGER NOT NULL CHECK (attractiveness BETWEEN 1 AND 5),
  attractiveness_note TEXT NOT NULL,
  relationship INTEGER NOT NULL CHECK (relationship BETWEEN 1 AND 5),
  relationship_note TEXT NOT NULL,
  quadrant TEXT NOT NULL CHECK (quadrant IN ('strategic', 'star', 'status', 'streamline')),
  assessed_by TEXT,
  assessed_at INTEGER NOT NULL
);

-- A condition a card carries at any stage. Versioned on its own (raising or resolving a flag must
-- not turn someone's in-flight move of the card into a conflict); every change is also an event
-- in the client's history. The SLA runs in working time like a stage's: due_at / due2_at are the
-- SLA and twice the SLA, overdue_level what the flag sweep has marked.
CREATE TABLE client_flags (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL CHECK (kind IN ('incident', 'receivables', 'churn_risk')),
  note TEXT NOT NULL DEFAULT '',
  owner_id TEXT REFERENCES members(id),
  sla_days INTEGER NOT NULL CHECK (sla_days > 0),
  raised_at INTEGER NOT NULL,
  raised_by TEXT,
  due_at INTEGER,
  due2_at INTEGER,
  overdue_level INTEGER NOT NULL DEFAULT 0,
  resolved_at INTEGER,
  resolved_by TEXT,
  resolution TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL
);
-- One open flag of a kind per card: raising it again is a conflict, not a second flag.
CREATE UNIQUE INDEX client_flags_open ON client_flags (client_id, kind) WHERE resolved_at IS NULL;
CREATE INDEX client_flags_by_client ON client_flags (client_id, raised_at);
-- The flag sweep reads only open flags past a deadline.
CREATE INDEX client_flags_due ON client_flags (due_at) WHERE resolved_at IS NULL AND overdue_level = 0;
CREATE INDEX client_flags_due2 ON client_flags (due2_at) WHERE resolved_at IS NULL AND overdue_level = 1;

-- The new steps take the places of the condition stages. Each one's phase and position come
-- from the stage it replaces, so a template an admin has reordered keeps its order.
INSERT INTO stages (
  id, phase_id, position, name_ru, name_en,
  owner_role_id, communicator_role_id, support_role_id,
  sla_days, overdue_policy, wip_limit, description_ru, description_en
)
SELECT 'account-plan', phase_id, position, 'План аккаунта', 'Account plan',
  'account_manager', 'account_manager', 'bizdev', 10, 'flag', NULL,
  'Раз в год для ключевого клиента составляем план аккаунта: цели клиента, квадрант KAM, карта контактов, возможности роста и риски. Этап завершён, когда план согласован с руководителем и отправлен клиенту.',
  'Once a year, write the key account''s plan: the client''s goals, its KAM quadrant, the map of contacts, growth opportunities and risks. Done when the head has approved the plan and it has been shared with the client.'
FROM stages WHERE id = 'issues-conflicts';

INSERT INTO stages (
  id, phase_id, position, name_ru, name_en,
  owner_role_id, communicator_role_id, support_role_id,
  sla_days, overdue_policy, wip_limit, description_ru, description_en
)
SELECT 'payment-follow-up', phase_id, position, 'Контроль оплаты', 'Payment follow-up',
  'finance', 'account_manager', 'team_lead', 5, 'flag', NULL,
  'В каждом расчётном периоде проверяем, что счёт получен и оплачен в срок; аккаунт напоминает клиенту заранее. Этап завершён, когда оплата поступила; просрочка — это флаг «Просроченная дебиторка», а не этап.',
  'Each billing cycle, check that the invoice has arrived and is paid on time; the account manager reminds the client ahead of the due date. Done when the payment is in; an overdue payment is the "Overdue receivables" flag, not a stage.'
FROM stages WHERE id = 'receivables';

-- The annual review opens the renewal phase; the steps before churn risk's place move up one.
UPDATE stages SET position = position + 1
WHERE phase_id = (SELECT phase_id FROM stages WHERE id = 'churn-risk') AND archived = 0
  AND position < (SELECT position FROM stages WHERE id = 'churn-risk');

INSERT INTO stages (
  id, phase_id, position, name_ru, name_en,
  owner_role_id, communicator_role_id, support_role_id,
  sla_days, overdue_policy, wip_limit, description_ru, description_en
)
SELECT 'annual-review', phase_id, 1, 'Итоги года с клиентом', 'Annual review',
  'account_manager', 'account_manager', 'team_lead', 10, 'flag', NULL,
  'Встречаемся с клиентом и подводим итоги года: результаты, NPS, деньги и часы, что улучшить; решаем, с чем идём в продление. Этап завершён, когда итоги обсуждены и записаны в журнал.',
  'Meet the client to review the year: results, NPS, money and hours, what to improve; decide what the renewal should offer. Done when the review has taken place and its notes are in the journal.'
FROM stages WHERE id = 'churn-risk';

-- The condition stages stay, archived, so the history that names them still reads; they leave
-- the board and its order.
UPDATE stages SET archived = 1, position = position + 100, version = version + 1
WHERE id IN ('issues-conflicts', 'receivables', 'churn-risk');
UPDATE stage_automations SET active = 0
WHERE stage_id IN ('issues-conflicts', 'receivables', 'churn-risk');

-- Articles linked to a condition stage follow its cards.
INSERT OR IGNORE INTO article_stages (article_id, stage_id)
SELECT article_id, CASE stage_id WHEN 'issues-conflicts' THEN 'regular-check-in'
  WHEN 'receivables' THEN 'payment-follow-up' ELSE 'renewal-planning' END
FROM article_stages WHERE stage_id IN ('issues-conflicts', 'receivables', 'churn-risk');
DELETE FROM article_stages WHERE stage_id IN ('issues-conflicts', 'receivables', 'churn-risk');

-- Renamed stages, unless an admin has renamed them since.
UPDATE stages SET name_en = 'Head''s client review', version = version + 1
WHERE id = 'client-review' AND name_en = 'Client review';
UPDATE stages SET name_ru = 'Предложение о расширении', name_en = 'Expansion proposal',
  version = version + 1
WHERE id = 'upsell-proposal' AND name_ru = 'Предложение развития' AND name_en = 'Upsell proposal';
UPDATE stages SET name_ru = 'Запрос рекомендаций', name_en = 'Referral request',
  version = version + 1
WHERE id = 'referral' AND name_ru = 'Рекомендации' AND name_en = 'Referral';

-- Cards on a condition stage: the condition becomes a flag and the card goes to the step where
-- such a client is worked (see the moves below). Nothing is lost: the flag keeps the condition's
-- clock (its SLA was the stage's, its deadlines and overdue mark the card's), and the history
-- gets the move and the flag. The move itself is an ordinary versioned change.
CREATE TABLE condition_moves (from_stage TEXT PRIMARY KEY, to_stage TEXT, kind TEXT, role TEXT);
-- An incident is worked in account care, whose home is the regular check-in (the account plan
-- in its old place is a yearly step, not where a troubled client waits); overdue receivables
-- are chased at payment follow-up; churn risk is answered by the retention plan made at
-- renewal planning, where the client's health is assessed.
INSERT INTO condition_moves VALUES
  ('issues-conflicts', 'regular-check-in', 'incident', 'account_manager'),
  ('receivables', 'payment-follow-up', 'receivables', 'finance'),
  ('churn-risk', 'renewal-planning', 'churn_risk', 'account_manager');

INSERT INTO client_flags (id, client_id, kind, note, owner_id, sla_days, raised_at, due_at,
  due2_at, overdue_level, version, updated_at)
SELECT lower(hex(randomblob(16))), c.id, m.kind, '',
  (SELECT member_id FROM client_people WHERE client_id = c.id AND role_id = m.role),
  s.sla_days, c.entered_stage_at, c.due_at, c.due2_at, c.overdue_level, 1,
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM clients c JOIN condition_moves m ON m.from_stage = c.stage_id JOIN stages s ON s.id = c.stage_id;

INSERT INTO client_events (client_id, kind, actor_id, from_stage_id, to_stage_id, version, data, at)
SELECT c.id, 'moved', NULL, c.stage_id, m.to_stage, c.version + 1,
  json_object('reason', 'condition_became_flag', 'flag', m.kind),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM clients c JOIN condition_moves m ON m.from_stage = c.stage_id;

INSERT INTO client_events (client_id, kind, actor_id, version, data, at)
SELECT f.client_id, 'flag_raised', NULL, c.version + 1,
  json_object('flagId', f.id, 'kind', f.kind, 'ownerId', f.owner_id, 'slaDays', f.sla_days,
    'reason', 'condition_became_flag'),
  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
FROM client_flags f JOIN clients c ON c.id = f.client_id
JOIN condition_moves m ON m.from_stage = c.stage_id AND m.kind = f.kind;

-- The card enters its new stage now. Its deadlines there need the working-time clock, which
-- lives in the Worker: they are left empty and queued here, and the flag sweep's next run sets
-- them (a card without deadlines is never marked overdue, so nothing fires early).
CREATE TABLE deadline_refresh (client_id TEXT PRIMARY KEY REFERENCES clients(id));
INSERT INTO deadline_refresh (client_id)
SELECT id FROM clients WHERE stage_id IN (SELECT from_stage FROM condition_moves);

UPDATE clients SET
  stage_id = (SELECT to_stage FROM condition_moves WHERE from_stage = clients.stage_id),
  entered_stage_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
  due_at = NULL, due2_at = NULL, overdue_level = 0, version = version + 1,
  updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
WHERE stage_id IN (SELECT from_stage FROM condition_moves);

DROP TABLE condition_moves;
