-- The outbox is now drained by a dispatcher of its own (notification.NotificationDispatcher), batch by batch, without
-- a process instance per batch. A batch it fails to send is handed over to the engine: handed_over_at is set and a
-- notification-dispatch instance retries it with the model's backoff and raises an incident in Cockpit.
ALTER TABLE notification_outbox ADD COLUMN handed_over_at TIMESTAMP WITH TIME ZONE;

-- Until this version every queued batch had its own notification-dispatch instance: those instances send their rows.
UPDATE notification_outbox SET handed_over_at = queued_at;
