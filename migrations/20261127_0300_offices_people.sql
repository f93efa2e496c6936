-- Issue 6: overseas-office operations (time use, costs and their sharing, model history, the settings the
-- operating-model comparison reads) and international human resources (people, postings, languages,
-- competencies, contacts, handover packs).
--
-- Office operations hang off the registry's offices(id); the office itself is not duplicated. Their access
-- is set once per office in office_operations: confidential to the office's owner organisation (the default,
-- also when no row exists) or shared with the co-owners listed in office_owners. Never public.
--
-- Personal data is confidential to the person's organisation, always: its admins and the person (the linked
-- user) read it. The visibility column is there to say so and cannot be anything else.
-- Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) are text, as in the registry.

CREATE TABLE people (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  name_en text,
  visibility text NOT NULL DEFAULT 'confidential' CHECK (visibility = 'confidential'),
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- A user account is linked to at most one person per organisation.
CREATE UNIQUE INDEX people_org_user_key ON people (owner_org_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX people_user_idx ON people (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX people_search_idx ON people USING gin (search);

CREATE TABLE person_postings (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('department', 'overseas_office', 'dispatch', 'training')),
  dispatch_target text CHECK (dispatch_target IN ('clair', 'jetro', 'jnto', 'mofa_mission', 'foreign_local_government')),
  title text,
  department text,
  office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  country char(2),
  city text,
  functions text[] NOT NULL DEFAULT '{}',
  international boolean,
  starts text NOT NULL,
  ends text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'dispatch') = (dispatch_target IS NOT NULL))
);
CREATE INDEX person_postings_person_idx ON person_postings (person_id);
CREATE INDEX person_postings_office_idx ON person_postings (office_id) WHERE office_id IS NOT NULL;

CREATE TABLE person_languages (
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position integer NOT NULL,
  language text NOT NULL,
  scale text NOT NULL CHECK (scale IN ('cefr', 'jlpt', 'native')),
  level text NOT NULL,
  evidence text,
  PRIMARY KEY (person_id, position)
);

CREATE TABLE person_competencies (
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position integer NOT NULL,
  code text NOT NULL,
  -- [{kind, postingId?, note, date?}], validated by the people core
  evidence jsonb NOT NULL,
  PRIMARY KEY (person_id, position),
  UNIQUE (person_id, code)
);

-- Contacts belong to a person (their address book), so a handover can pass them on.
CREATE TABLE person_contacts (
  id uuid PRIMARY KEY,
  owner_person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  organisation text,
  role text,
  email text,
  phone text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_contacts_owner_idx ON person_contacts (owner_person_id);

CREATE TABLE handovers (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  predecessor_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  successor_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  -- NO ACTION (checked at the end of the statement), so deleting the person cascades cleanly while
  -- dropping just the posting is refused.
  posting_id uuid NOT NULL REFERENCES person_postings(id),
  posting_end text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'acknowledged')),
  -- Snapshots as the pack was made: contacts [{contactId, name, organisation?, role?, ownerId, note?}],
  -- matters, registry tie ids and free matchmaking-case references.
  contacts jsonb NOT NULL DEFAULT '[]',
  ongoing_matters jsonb NOT NULL DEFAULT '[]',
  ties jsonb NOT NULL DEFAULT '[]',
  open_matchmaking_cases jsonb NOT NULL DEFAULT '[]',
  acknowledged_at timestamptz,
  acknowledgement_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (predecessor_id <> successor_id),
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL))
);
CREATE INDEX handovers_org_idx ON handovers (owner_org_id);
CREATE INDEX handovers_successor_idx ON handovers (successor_id);

-- One row per office at most; absent means the defaults (confidential, equal sharing, staff from the registry).
CREATE TABLE office_operations (
  office_id uuid PRIMARY KEY REFERENCES offices(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'confidential' CHECK (visibility IN ('shared', 'confidential')),
  sharing_key jsonb,
  dispatched_staff integer CHECK (dispatched_staff IS NULL OR dispatched_staff >= 0),
  local_staff integer CHECK (local_staff IS NULL OR local_staff >= 0),
  host text CHECK (host IN ('jetro', 'clair', 'host_government_agency')),
  joint_partner_kind text CHECK (joint_partner_kind IN ('regional_bank', 'university')),
  contract_scope text[],
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office_time_logs (
  id uuid PRIMARY KEY,
  office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
  person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  staff_name text,
  -- Who logged, as the time-use summary groups it: the person's id, or 'name:' + the free name in lower
  -- case. It survives the person's deletion, so the office keeps its hours under an opaque reference.
  staff_ref text NOT NULL,
  month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  category text NOT NULL CHECK (category IN ('office_management', 'information_gathering', 'regional_promotion',
    'educational_cultural_exchange', 'economic_exchange_business_support', 'human_networks', 'vip_visits',
    'trade_fair_support', 'port_airport_marketing', 'japanese_language_education', 'staff_development')),
  hours double precision NOT NULL CHECK (hours >= 0 AND hours <= 744),
  note text,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_id IS NULL OR staff_name IS NULL),
  CHECK (person_id IS NULL OR staff_ref = person_id::text)
);
CREATE UNIQUE INDEX office_time_logs_natural_key ON office_time_logs (office_id, staff_ref, month, category);
CREATE INDEX office_time_logs_person_idx ON office_time_logs (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE office_costs (
  office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
  -- Japanese fiscal year: 2023 = April 2023 to March 2024.
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1900 AND 2100),
  component text NOT NULL CHECK (component IN ('rent', 'local_staff', 'dispatched_staff', 'host_or_membership_fees',
    'contract_fees', 'travel', 'events', 'other')),
  amount_jpy bigint NOT NULL CHECK (amount_jpy >= 0),
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, fiscal_year, component)
);

CREATE TABLE office_model_periods (
  office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
  position integer NOT NULL,
  model text NOT NULL CHECK (model IN ('independent', 'joint_municipal', 'joint_industry_academia', 'hosted', 'outsourced')),
  host text CHECK (host IN ('jetro', 'clair', 'host_government_agency')),
  starts text NOT NULL,
  ends text,
  reason text,
  end_kind text CHECK (end_kind IN ('transition', 'closed', 'merged')),
  end_reason text,
  merged_into_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  reopened boolean NOT NULL DEFAULT false,
  discontinuity_kind text CHECK (discontinuity_kind IN ('gap', 'overlap')),
  discontinuity_reason text,
  source text,
  unverified boolean NOT NULL DEFAULT false,
  PRIMARY KEY (office_id, position),
  CHECK (merged_into_id IS NULL OR merged_into_id <> office_id)
);
