-- Issue 4: business matchmaking with municipal vetting — company profiles, opportunities (offers and
-- requests), reviews by the sponsoring local government, expressions of interest brokered by that
-- government, meetings, outcomes, follow-ups and in-app notifications.
--
-- Visibility is derived from the vetting status and never chosen by hand: a record is 'shared' with its
-- sponsoring government (vetted_by) until a review publishes it, then 'public'. The generic access rule
-- (owner + shared_with, or public) therefore gives "unvetted records are visible only to their owner and
-- their government" without a special case.

-- A government's vetting policy; a government without a row uses the default (publish ≥ 10, hold ≥ 5).
CREATE TABLE vetting_policies (
  gov_org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  publish_at integer NOT NULL CHECK (publish_at BETWEEN 1 AND 20),
  hold_at integer NOT NULL CHECK (hold_at BETWEEN 0 AND 20),
  zero_holds boolean NOT NULL DEFAULT true,
  endorsement_months integer NOT NULL DEFAULT 12 CHECK (endorsement_months BETWEEN 1 AND 60),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (hold_at < publish_at)
);

CREATE TABLE company_profiles (
  org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  -- The same value as org_id under the name the shared list helpers page by.
  id uuid GENERATED ALWAYS AS (org_id) STORED,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE CHECK (owner_org_id = org_id),
  vetted_by uuid NOT NULL REFERENCES organisations(id),
  description_ja text,
  description_en text,
  corporate_number char(13) UNIQUE CHECK (corporate_number ~ '^[0-9]{13}$'),
  prefecture_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  municipality_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  hs_codes text[] NOT NULL DEFAULT '{}',
  certifications text[] NOT NULL DEFAULT '{}',
  export_experience text[] NOT NULL DEFAULT '{}',
  target_markets text[] NOT NULL DEFAULT '{}',
  capacity_amount double precision CHECK (capacity_amount IS NULL OR capacity_amount >= 0),
  capacity_unit text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'held', 'rejected')),
  endorsed_by_user uuid REFERENCES users(id) ON DELETE SET NULL,
  endorsed_at timestamptz,
  endorsement_expires date,
  visibility text NOT NULL DEFAULT 'shared' CHECK (visibility IN ('public', 'shared')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((capacity_amount IS NULL) = (capacity_unit IS NULL)),
  CHECK ((status = 'published') = (visibility = 'public'))
);
CREATE INDEX company_profiles_vetted_by_idx ON company_profiles (vetted_by);
CREATE INDEX company_profiles_search_idx ON company_profiles USING gin (search);

CREATE TABLE opportunities (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('business_offer', 'business_request', 'technology_offer', 'technology_request', 'partnership_request')),
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  vetted_by uuid NOT NULL REFERENCES organisations(id),
  title_ja text,
  title_en text,
  country char(2) NOT NULL,
  description_ja text,
  description_en text,
  hs_codes text[] NOT NULL DEFAULT '{}',
  required_certifications text[] NOT NULL DEFAULT '{}',
  volume_amount double precision CHECK (volume_amount IS NULL OR volume_amount >= 0),
  volume_unit text,
  deadline date,
  expires_on date NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'held', 'rejected')),
  endorsed_by_user uuid REFERENCES users(id) ON DELETE SET NULL,
  endorsed_at timestamptz,
  endorsement_expires date,
  visibility text NOT NULL DEFAULT 'shared' CHECK (visibility IN ('public', 'shared')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((volume_amount IS NULL) = (volume_unit IS NULL)),
  CHECK ((status = 'published') = (visibility = 'public'))
);
CREATE INDEX opportunities_owner_idx ON opportunities (owner_org_id);
CREATE INDEX opportunities_vetted_by_idx ON opportunities (vetted_by);
CREATE INDEX opportunities_search_idx ON opportunities USING gin (search);

-- One review of a company profile or an opportunity; the last one decides the status.
CREATE TABLE vetting_reviews (
  id uuid PRIMARY KEY,
  company_org_id uuid REFERENCES company_profiles(org_id) ON DELETE CASCADE,
  opportunity_id uuid REFERENCES opportunities(id) ON DELETE CASCADE,
  gov_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  reviewer_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  scores jsonb NOT NULL,
  comments jsonb NOT NULL DEFAULT '{}',
  comment text,
  total integer NOT NULL,
  decision text NOT NULL CHECK (decision IN ('publish', 'hold', 'reject')),
  reasons jsonb NOT NULL,
  policy jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((company_org_id IS NULL) <> (opportunity_id IS NULL))
);
CREATE INDEX vetting_reviews_company_idx ON vetting_reviews (company_org_id) WHERE company_org_id IS NOT NULL;
CREATE INDEX vetting_reviews_opportunity_idx ON vetting_reviews (opportunity_id) WHERE opportunity_id IS NOT NULL;

-- An expression of interest between a company and an opportunity, brokered by the company's government.
CREATE TABLE match_interests (
  id uuid PRIMARY KEY,
  opportunity_id uuid NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
  company_org_id uuid NOT NULL REFERENCES company_profiles(org_id) ON DELETE CASCADE,
  from_side text NOT NULL CHECK (from_side IN ('company', 'opportunity')),
  broker_org_id uuid NOT NULL REFERENCES organisations(id),
  office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  state text NOT NULL CHECK (state IN ('submitted', 'forwarded', 'declined', 'accepted', 'meeting', 'negotiating', 'agreed', 'closed')),
  message text,
  broker_note text,
  decline_reason text,
  declined_by text CHECK (declined_by IN ('broker', 'recipient')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  negotiation_counted boolean NOT NULL DEFAULT false,
  contract_counted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open expression of interest per pair (a declined or closed one may be followed by a new one).
CREATE UNIQUE INDEX match_interests_open_key ON match_interests (opportunity_id, company_org_id) WHERE state NOT IN ('declined', 'closed');
CREATE INDEX match_interests_broker_idx ON match_interests (broker_org_id);

CREATE TABLE match_meetings (
  id uuid PRIMARY KEY,
  interest_id uuid NOT NULL REFERENCES match_interests(id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('in_person', 'online', 'event')),
  -- events(id) is created by a later migration; the service checks the reference.
  event_id uuid,
  meets_on date NOT NULL,
  place text,
  note text,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((mode = 'event') OR event_id IS NULL)
);
CREATE INDEX match_meetings_interest_idx ON match_meetings (interest_id);

-- Outcomes (negotiation, agreement, contract, no deal) and the 6- and 12-month follow-ups.
CREATE TABLE match_outcomes (
  id uuid PRIMARY KEY,
  interest_id uuid NOT NULL REFERENCES match_interests(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('negotiation', 'agreement', 'contract', 'no_deal', 'follow_up_6m', 'follow_up_12m')),
  occurred_on date NOT NULL,
  sales_amount numeric(18, 2) CHECK (sales_amount IS NULL OR sales_amount >= 0),
  currency char(3),
  note text,
  kpi_sales_jpy numeric(18, 2),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((sales_amount IS NULL) = (currency IS NULL))
);
CREATE INDEX match_outcomes_interest_idx ON match_outcomes (interest_id);
CREATE UNIQUE INDEX match_outcomes_follow_up_key ON match_outcomes (interest_id, kind) WHERE kind IN ('follow_up_6m', 'follow_up_12m');

-- In-app notifications, one row per recipient user (fanned out to the members of the organisations concerned).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id uuid REFERENCES organisations(id) ON DELETE CASCADE,
  kind text NOT NULL,
  interest_id uuid REFERENCES match_interests(id) ON DELETE CASCADE,
  title_ja text NOT NULL,
  title_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
