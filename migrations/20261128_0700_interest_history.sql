-- The dated history of each expression of interest: one row per step (created, forwarded, declined,
-- accepted, each meeting, outcome and follow-up) with the state before and after, when, by whom and the
-- note or reason given. Written by the workflow in the same transaction as the step itself.
--
-- Interests that existed before this table are backfilled from what their rows already record. Nothing
-- recorded when an interest was forwarded or accepted, so those steps take the time of the notification
-- the step sent (written in the same transaction), or the interest's updated_at when the step was its
-- last change; failing both, `at` stays NULL ("not recorded") rather than a made-up date. The actor of a
-- forward, accept or decline was not recorded either (by_user NULL). Backfilled rows say so.
CREATE TABLE match_interest_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interest_id uuid NOT NULL REFERENCES match_interests(id) ON DELETE CASCADE,
  -- 1, 2, 3 … in the order the steps happened (timestamps can tie inside one transaction).
  position integer NOT NULL CHECK (position >= 1),
  step text NOT NULL CHECK (step IN ('created', 'forwarded', 'declined', 'accepted', 'meeting', 'negotiation', 'agreement', 'contract', 'no_deal', 'follow_up_6m', 'follow_up_12m')),
  from_state text CHECK (from_state IN ('submitted', 'forwarded', 'declined', 'accepted', 'meeting', 'negotiating', 'agreed', 'closed')),
  to_state text NOT NULL CHECK (to_state IN ('submitted', 'forwarded', 'declined', 'accepted', 'meeting', 'negotiating', 'agreed', 'closed')),
  at timestamptz DEFAULT now(),
  by_user uuid REFERENCES users(id) ON DELETE SET NULL,
  note text,
  backfilled boolean NOT NULL DEFAULT false,
  UNIQUE (interest_id, position),
  CHECK ((step = 'created') = (from_state IS NULL)),
  CHECK (at IS NOT NULL OR backfilled)
);

INSERT INTO match_interest_history (interest_id, position, step, from_state, to_state, at, by_user, note, backfilled)
WITH
sent AS (
  SELECT interest_id, kind, min(created_at) AS at FROM notifications
  WHERE interest_id IS NOT NULL AND kind IN ('interest_forwarded', 'interest_accepted')
  GROUP BY interest_id, kind
),
-- The state an outcome leaves the interest in (follow-ups happen in "agreed" and leave it there).
outcome_state AS (
  SELECT o.*, CASE o.kind WHEN 'negotiation' THEN 'negotiating' WHEN 'no_deal' THEN 'closed' ELSE 'agreed' END AS state_after
  FROM match_outcomes o
),
steps AS (
  SELECT i.id AS interest_id, 0 AS phase, 0 AS tie, i.id AS row_id, 'created' AS step, 'submitted' AS to_state, i.created_at AS at, i.created_by AS by_user, i.message AS note
  FROM match_interests i
  UNION ALL
  -- Forwarded: every interest past "submitted" except one the government declined before forwarding.
  SELECT i.id, 1, 0, i.id, 'forwarded', 'forwarded', coalesce(s.at, CASE WHEN i.state = 'forwarded' THEN i.updated_at END), NULL, i.broker_note
  FROM match_interests i LEFT JOIN sent s ON s.interest_id = i.id AND s.kind = 'interest_forwarded'
  WHERE i.state <> 'submitted' AND NOT (i.state = 'declined' AND i.declined_by IS DISTINCT FROM 'recipient')
  UNION ALL
  -- Declined: the interest's last change.
  SELECT i.id, 2, 0, i.id, 'declined', 'declined', i.updated_at, NULL, i.decline_reason
  FROM match_interests i WHERE i.state = 'declined'
  UNION ALL
  SELECT i.id, 2, 0, i.id, 'accepted', 'accepted', coalesce(s.at, CASE WHEN i.state = 'accepted' THEN i.updated_at END), NULL, NULL
  FROM match_interests i LEFT JOIN sent s ON s.interest_id = i.id AND s.kind = 'interest_accepted'
  WHERE i.state IN ('accepted', 'meeting', 'negotiating', 'agreed', 'closed')
  UNION ALL
  -- A meeting moves an accepted interest to "meeting" and leaves a later state as the last outcome set it.
  SELECT m.interest_id, 3, 0, m.id, 'meeting',
    coalesce((SELECT o.state_after FROM outcome_state o WHERE o.interest_id = m.interest_id AND o.created_at < m.created_at ORDER BY o.created_at DESC, o.id DESC LIMIT 1), 'meeting'),
    m.created_at, m.created_by, m.note
  FROM match_meetings m
  UNION ALL
  SELECT o.interest_id, 3, 1, o.id, o.kind, o.state_after, o.created_at, o.created_by, o.note
  FROM outcome_state o
),
ordered AS (
  SELECT steps.*, row_number() OVER (PARTITION BY interest_id ORDER BY phase, at, tie, row_id) AS position
  FROM steps
)
SELECT interest_id, position, step, lag(to_state) OVER (PARTITION BY interest_id ORDER BY position), to_state, at, by_user, note, true
FROM ordered;
