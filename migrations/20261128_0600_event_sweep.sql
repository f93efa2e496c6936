-- The background sweep (events/sweep.service): it tells the sender when a request expired unanswered,
-- once, so they can ask someone else, and finds due reminders and expiries without scanning answered rows.
ALTER TABLE event_meeting_requests ADD COLUMN expiry_notified_at timestamptz;
CREATE INDEX event_requests_pending_idx ON event_meeting_requests (expires_at) WHERE status = 'pending';

ALTER TABLE event_notifications DROP CONSTRAINT event_notifications_kind_check;
ALTER TABLE event_notifications ADD CONSTRAINT event_notifications_kind_check
  CHECK (kind IN ('request_received', 'request_reminder', 'request_expired', 'request_accepted', 'request_declined', 'meeting_scheduled', 'meeting_moved', 'meeting_cancelled', 'follow_up_due'));
