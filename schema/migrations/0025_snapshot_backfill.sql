-- Issue 19: the snapshot job's first run measures a year of stage visits.
-- Every event's previous stage event is read per client in id order: with the event's stage
-- columns in the client index that is one walk of the index, with no sort of the whole history
-- and no read of the event rows (the same index still serves every lookup by client and id).
DROP INDEX client_events_by_client;
CREATE INDEX client_events_by_client ON client_events (client_id, id, kind, at, from_stage_id, to_stage_id);
-- The tier of each event's card: read from this index alone instead of the wide client row
-- (the flow and the visits name it with INDEXED BY).
CREATE INDEX clients_by_id_tier ON clients (id, tier);
