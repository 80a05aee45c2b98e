-- Issue 15. The operation guard (`EXISTS … client_events WHERE client_id = ? AND op = ?`) and the
-- sweep's set-based marking (`… WHERE op = ?`) look events up by their operation id.
CREATE INDEX client_events_by_op ON client_events (op) WHERE op IS NOT NULL;
-- No query reads events by kind and time, or cards by when they entered their stage (the SLA
-- sweep reads the due_at / due2_at partial indexes): the two indexes only cost writes.
DROP INDEX client_events_by_kind_time;
DROP INDEX clients_by_entered_stage;
