-- Delivery logs kept the network's own error text (host, port, "connection refused"), which
-- mapped internal hosts for whoever read them. Keep only the status code or a generic word.
UPDATE webhook_deliveries SET last_error = NULL WHERE last_status IS NOT NULL;
UPDATE webhook_deliveries SET last_error = 'connection_failed'
  WHERE last_error IS NOT NULL AND last_error NOT IN ('connection_failed', 'address_refused');

-- An Idempotency-Key is bound to the request it came with: a hash of method, path and body.
-- Keys claimed before this have none and still replay for their remaining hours.
ALTER TABLE idempotency_keys ADD COLUMN request_hash TEXT;
