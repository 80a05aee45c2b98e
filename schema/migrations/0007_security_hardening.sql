-- Delivery logs kept the network's own error text (host, port, "connection refused"), which
-- mapped internal hosts for whoever read them. Keep only the status code or a generic word.
UPDATE webhook_deliveries SET last_error = NULL WHERE last_status IS NOT NULL;
UPDATE webhook_deliveries SET last_error = 'connection_failed'
  WHERE last_error IS NOT NULL AND last_error NOT IN ('connection_failed', 'address_refused');
