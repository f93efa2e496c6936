-- City networks and knowledge sharing (issue 5): ties over their lifetime, network membership details, the
-- good-practice case library and partner requests. Ties themselves stay in the registry's `ties` table;
-- the tables keyed by tie_id below take their access (owner, visibility) from their tie.

-- A tie's dated history of states (proposed → signed → active ⇄ dormant → ended); the last is the current
-- state. Dates are full ISO days: a change of state happens on a day, unlike the registry's partial dates.
CREATE TABLE tie_events (
  id uuid PRIMARY KEY,
  tie_id uuid NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 0),
  state text NOT NULL CHECK (state IN ('proposed', 'signed', 'active', 'dormant', 'ended')),
  on_date text NOT NULL CHECK (on_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  reason text,
  note text,
  -- For `signed`: the signatories' offices ("Mayor of Fukuoka City").
  signatories text[] NOT NULL DEFAULT '{}',
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tie_id, seq),
  CHECK (state = 'signed' OR cardinality(signatories) = 0),
  CHECK (state NOT IN ('dormant', 'ended') OR reason IS NOT NULL)
);

-- Upgrade lineage: this tie continues (supersedes) an earlier one of another kind. One predecessor per tie;
-- a tie may have several successors, so the lineage is a forest.
CREATE TABLE tie_lineage (
  tie_id uuid PRIMARY KEY REFERENCES ties(id) ON DELETE CASCADE,
  supersedes_tie_id uuid NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (tie_id <> supersedes_tie_id)
);
CREATE INDEX tie_lineage_supersedes_idx ON tie_lineage (supersedes_tie_id);

-- What a tie did, year by year: exchanges, visits, joint projects, and what came of them.
CREATE TABLE tie_activities (
  id uuid PRIMARY KEY,
  tie_id uuid NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  on_date text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1800 AND 2200),
  kind text NOT NULL CHECK (kind IN ('delegation_visit', 'exchange_programme', 'joint_project', 'event', 'meeting', 'report', 'other')),
  title_ja text,
  title_en text,
  description_ja text,
  description_en text,
  outcomes_ja text,
  outcomes_en text,
  participants integer CHECK (participants IS NULL OR participants >= 0),
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (title_ja IS NOT NULL OR title_en IS NOT NULL)
);
CREATE INDEX tie_activities_tie_idx ON tie_activities (tie_id, year);

-- Role history of a network membership (member, board, chair, vice chair, secretariat); the registry's
-- ties.role keeps the latest.
CREATE TABLE tie_roles (
  tie_id uuid NOT NULL REFERENCES ties(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  role text NOT NULL CHECK (role IN ('member', 'board', 'chair', 'vice_chair', 'secretariat')),
  starts text NOT NULL,
  ends text,
  note text,
  source text,
  PRIMARY KEY (tie_id, position)
);

-- Themes a network covers (C40: climate; UNESCO Creative Cities: creative city…).
CREATE TABLE network_themes (
  network_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  theme text NOT NULL,
  PRIMARY KEY (network_org_id, theme)
);
CREATE INDEX network_themes_theme_idx ON network_themes (theme);

-- Reports a network requires of its members, with their calendar (e.g. an annual report due each March).
CREATE TABLE network_obligations (
  id uuid PRIMARY KEY,
  network_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title_ja text NOT NULL,
  title_en text NOT NULL,
  description_ja text,
  description_en text,
  frequency text NOT NULL CHECK (frequency IN ('once', 'annual', 'biennial', 'semiannual', 'quarterly')),
  due_month integer NOT NULL CHECK (due_month BETWEEN 1 AND 12),
  -- null: the last day of the month.
  due_day integer CHECK (due_day IS NULL OR due_day BETWEEN 1 AND 31),
  start_year integer NOT NULL CHECK (start_year BETWEEN 1900 AND 2200),
  end_year integer CHECK (end_year IS NULL OR end_year >= start_year),
  url text,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_obligations_network_idx ON network_obligations (network_org_id);

-- The good-practice library: what a city did about a problem, how, with what result and arrangement.
CREATE TABLE good_practice_cases (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  network_org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  theme text NOT NULL,
  year integer CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
  title_ja text,
  title_en text,
  problem_ja text,
  problem_en text,
  approach_ja text,
  approach_en text,
  results_ja text,
  results_en text,
  arrangement text CHECK (arrangement IN ('sister_city_agreement', 'partner_city_agreement', 'mou', 'contract',
    'network_programme', 'joint_project', 'grant', 'informal', 'other')),
  arrangement_note_ja text,
  arrangement_note_en text,
  -- [{url, title, language}]
  documents jsonb NOT NULL DEFAULT '[]',
  contact_role_ja text,
  contact_role_en text,
  language text NOT NULL CHECK (language ~ '^[a-z]{2}$'),
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (title_ja IS NOT NULL OR title_en IS NOT NULL)
);
CREATE INDEX good_practice_cases_org_idx ON good_practice_cases (org_id);
CREATE INDEX good_practice_cases_theme_idx ON good_practice_cases (theme);
CREATE INDEX good_practice_cases_search_idx ON good_practice_cases USING gin (search);

-- "We seek a city that has solved X", kept with the suggestions it received so it can be revisited.
CREATE TABLE partner_requests (
  id uuid PRIMARY KEY,
  requester_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title text,
  themes text[] NOT NULL DEFAULT '{}',
  request_text text NOT NULL,
  suggestion_limit integer NOT NULL DEFAULT 10 CHECK (suggestion_limit BETWEEN 1 AND 50),
  suggested_at timestamptz,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'confidential' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX partner_requests_requester_idx ON partner_requests (requester_org_id);

CREATE TABLE partner_suggestions (
  request_id uuid NOT NULL REFERENCES partner_requests(id) ON DELETE CASCADE,
  rank integer NOT NULL CHECK (rank >= 1),
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  score double precision NOT NULL,
  components jsonb NOT NULL,
  reasons jsonb NOT NULL,
  matched_themes text[] NOT NULL DEFAULT '{}',
  case_ids uuid[] NOT NULL DEFAULT '{}',
  introducer_ids uuid[] NOT NULL DEFAULT '{}',
  shared_network_ids uuid[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (request_id, rank),
  UNIQUE (request_id, org_id)
);
