-- Events (issue 7): trade fairs, business missions, seminars and online sessions; their organisers,
-- sessions and time slots; participants with registration approval and availability; meeting requests
-- with expiry and reminders; meetings (accepted requests, merged per pair, or organiser-made) with their
-- place in the schedule; feedback after the meeting, the follow-up survey months later, and in-app
-- notifications. Times are timestamptz (instants); each event's IANA time zone renders them with the
-- local offset. Local dates of an event (starts_on, ends_on) are dates in that time zone.

CREATE TABLE events (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  -- The organising office whose KPIs the event's outcomes feed (office KPIs count only their office's).
  office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('trade_fair', 'business_mission', 'seminar', 'online_session')),
  name_ja text NOT NULL,
  name_en text NOT NULL,
  description_ja text,
  description_en text,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  time_zone text NOT NULL,
  venue_ja text,
  venue_en text,
  city_en text,
  country char(2),
  online_url text,
  status text NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'registration_open', 'registration_closed', 'held', 'cancelled')),
  meeting_minutes integer NOT NULL DEFAULT 20 CHECK (meeting_minutes BETWEEN 5 AND 480),
  break_minutes integer NOT NULL DEFAULT 0 CHECK (break_minutes BETWEEN 0 AND 480),
  table_count integer NOT NULL DEFAULT 0 CHECK (table_count BETWEEN 0 AND 2000),
  -- Named tables or rooms ("A1", "Booth 3"); when given, their number is table_count.
  table_names text[] NOT NULL DEFAULT '{}',
  -- Most approved participants per type, e.g. {"seller": 40, "buyer": 25}; absent type = no cap.
  participant_caps jsonb NOT NULL DEFAULT '{}',
  default_max_meetings integer CHECK (default_max_meetings IS NULL OR default_max_meetings >= 0),
  request_expiry_minutes integer NOT NULL DEFAULT 2880 CHECK (request_expiry_minutes BETWEEN 1 AND 525600),
  reminder_after_minutes integer NOT NULL DEFAULT 1440 CHECK (reminder_after_minutes >= 1),
  follow_up_months integer NOT NULL DEFAULT 6 CHECK (follow_up_months BETWEEN 1 AND 36),
  follow_up_types text[] NOT NULL DEFAULT '{seller}',
  -- Raised at every stored schedule, so re-sent calendars update the same entries (iCalendar SEQUENCE).
  schedule_revision integer NOT NULL DEFAULT 0,
  scheduled_at timestamptz,
  schedule_summary jsonb,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (reminder_after_minutes < request_expiry_minutes)
);
CREATE INDEX events_owner_idx ON events (owner_org_id);
CREATE INDEX events_starts_idx ON events (starts_on);
CREATE INDEX events_search_idx ON events USING gin (search);

-- Organisers: one or more organisations (an office's government, several governments jointly, JETRO…).
-- The owner is always listed, as lead unless given another role.
CREATE TABLE event_organisers (
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('lead', 'co_organiser', 'partner', 'supporter')),
  PRIMARY KEY (event_id, org_id)
);
CREATE INDEX event_organisers_org_idx ON event_organisers (org_id);

CREATE TABLE event_sessions (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  room text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX event_sessions_event_idx ON event_sessions (event_id);

CREATE TABLE event_slots (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  session_id uuid REFERENCES event_sessions(id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  room text,
  -- Tables in this slot when it differs from the event's.
  table_count integer CHECK (table_count IS NULL OR table_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX event_slots_natural_key ON event_slots (event_id, coalesce(room, ''), starts_at);

CREATE TABLE event_participants (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  -- The registry organisation (a company, a government, a partner); null for one not yet registered.
  org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  name text NOT NULL,
  participant_type text NOT NULL CHECK (participant_type IN ('seller', 'buyer', 'government', 'support_organisation')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  contact_name text,
  contact_email text,
  -- The user who registered and answers for the participant, if any.
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  max_meetings integer CHECK (max_meetings IS NULL OR max_meetings >= 0),
  max_per_session integer CHECK (max_per_session IS NULL OR max_per_session >= 0),
  offer text,
  seek text,
  hs_codes text[] NOT NULL DEFAULT '{}',
  country char(2),
  decided_at timestamptz,
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX event_participants_org_key ON event_participants (event_id, org_id) WHERE org_id IS NOT NULL;
CREATE UNIQUE INDEX event_participants_email_key ON event_participants (event_id, lower(contact_email)) WHERE contact_email IS NOT NULL;
CREATE INDEX event_participants_user_idx ON event_participants (user_id);
CREATE INDEX event_participants_org_idx ON event_participants (org_id);

-- Availability is stored as its exceptions: a participant can meet in every slot not listed here, so a
-- slot added later is available to everyone until they say otherwise.
CREATE TABLE event_unavailability (
  participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  slot_id uuid NOT NULL REFERENCES event_slots(id) ON DELETE CASCADE,
  PRIMARY KEY (participant_id, slot_id)
);

-- A meeting between two participants: an accepted request (mutual requests merged into one), or made by
-- the organiser. At most one meeting that is not cancelled per pair.
CREATE TABLE event_meetings (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  a_participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  b_participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  priority integer NOT NULL CHECK (priority BETWEEN 1 AND 3),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'no_show', 'cancelled')),
  organiser_made boolean NOT NULL DEFAULT false,
  -- Pinned by the organiser: the scheduler keeps it in its slot and table.
  fixed boolean NOT NULL DEFAULT false,
  slot_id uuid REFERENCES event_slots(id) ON DELETE SET NULL,
  table_no integer CHECK (table_no IS NULL OR table_no >= 1),
  no_show_participant_ids uuid[] NOT NULL DEFAULT '{}',
  cancel_reason text,
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (a_participant_id <> b_participant_id)
);
CREATE UNIQUE INDEX event_meetings_pair_key ON event_meetings (event_id, least(a_participant_id, b_participant_id), greatest(a_participant_id, b_participant_id)) WHERE status <> 'cancelled';
CREATE INDEX event_meetings_event_idx ON event_meetings (event_id, status);

CREATE TABLE event_meeting_requests (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  from_participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  to_participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  priority integer NOT NULL CHECK (priority BETWEEN 1 AND 3),
  message text,
  -- A pending request past expires_at is expired: it no longer blocks the pair or counts against caps.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  expires_at timestamptz NOT NULL,
  reminder_sent_at timestamptz,
  responded_at timestamptz,
  meeting_id uuid REFERENCES event_meetings(id) ON DELETE SET NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  CHECK (from_participant_id <> to_participant_id)
);
CREATE INDEX event_requests_event_idx ON event_meeting_requests (event_id, status);
CREATE INDEX event_requests_to_idx ON event_meeting_requests (to_participant_id);
CREATE INDEX event_requests_from_idx ON event_meeting_requests (from_participant_id);

CREATE TABLE event_feedback (
  meeting_id uuid NOT NULL REFERENCES event_meetings(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  outcome text NOT NULL CHECK (outcome IN ('none', 'follow_up', 'negotiation', 'agreement')),
  comments text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, participant_id)
);

-- The survey months after the event (events.follow_up_months); its answers feed the evaluation KPIs.
CREATE TABLE event_follow_ups (
  participant_id uuid PRIMARY KEY REFERENCES event_participants(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  negotiations integer CHECK (negotiations IS NULL OR negotiations >= 0),
  contracts integer CHECK (contracts IS NULL OR contracts >= 0),
  sales_jpy bigint CHECK (sales_jpy IS NULL OR sales_jpy >= 0),
  comments text,
  notified_at timestamptz,
  answered_at timestamptz,
  answered_by uuid
);
CREATE INDEX event_follow_ups_event_idx ON event_follow_ups (event_id);

-- In-app notifications (there is no e-mail): request received, reminder, answered; meeting moved or
-- cancelled; follow-up survey due.
CREATE TABLE event_notifications (
  id uuid PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES event_participants(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('request_received', 'request_reminder', 'request_accepted', 'request_declined', 'meeting_scheduled', 'meeting_moved', 'meeting_cancelled', 'follow_up_due')),
  request_id uuid REFERENCES event_meeting_requests(id) ON DELETE CASCADE,
  meeting_id uuid REFERENCES event_meetings(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX event_notifications_participant_idx ON event_notifications (participant_id, created_at);
