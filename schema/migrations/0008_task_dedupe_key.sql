-- Tasks made by automations used their dedupe key as the id (auto:<automation>:<client>:<stage>:<ms>,
-- ~105 characters), longer than the API's 64-character ids: PATCH /api/tasks/:id refused them.
-- The key moves to its own unique column and every such task gets a short opaque id.
ALTER TABLE tasks ADD COLUMN dedupe_key TEXT;
UPDATE tasks SET dedupe_key = id, id = lower(hex(randomblob(16))) WHERE created_by_kind = 'automation';
CREATE UNIQUE INDEX tasks_by_dedupe_key ON tasks (dedupe_key);
-- Task notifications of delayed automations name their task: they follow it to its new id.
UPDATE notifications
SET data = json_set(data, '$.taskId', (
  SELECT t.id FROM tasks t WHERE t.dedupe_key = json_extract(notifications.data, '$.taskId')
))
WHERE kind = 'task'
  AND json_extract(data, '$.taskId') IN (SELECT dedupe_key FROM tasks WHERE dedupe_key IS NOT NULL);
