-- Policy evaluation and leadership continuity: governor and mayor terms (administrations), initiatives
-- with partners and a dated status history, KPIs on the logic model and their measurements per period.
-- Dates are partial text (YYYY, YYYY-MM, YYYY-MM-DD) as in the registry; measurement periods are
-- YYYY, FYYYYY (Japanese fiscal year, April–March) or YYYY-MM.

CREATE TABLE administrations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  leader_ja text NOT NULL,
  leader_en text NOT NULL,
  term_from text NOT NULL,
  term_until text,
  background_ja text,
  background_en text,
  seed_key text UNIQUE,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, term_from)
);
CREATE INDEX administrations_org_idx ON administrations (org_id);

CREATE TABLE initiatives (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  description_ja text,
  description_en text,
  pillar text,
  theme text,
  purposes text[] NOT NULL DEFAULT '{}',
  since text,
  -- Derived from the status history: the date of the latest event when it ended the initiative.
  until text,
  status text NOT NULL CHECK (status IN ('planned', 'active', 'suspended', 'discontinued', 'completed')),
  administration_id uuid REFERENCES administrations(id) ON DELETE SET NULL,
  -- true: administration_id follows `since` and the owner's administrations; false: set by hand.
  administration_auto boolean NOT NULL DEFAULT true,
  office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  source_case_id text,
  seed_key text UNIQUE,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Natural key: owner + English name + start.
CREATE UNIQUE INDEX initiatives_natural_key ON initiatives (owner_org_id, lower(name_en), coalesce(since, ''));
CREATE INDEX initiatives_owner_idx ON initiatives (owner_org_id);
CREATE INDEX initiatives_administration_idx ON initiatives (administration_id);
CREATE INDEX initiatives_search_idx ON initiatives USING gin (search);

CREATE TABLE initiative_partners (
  initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('partner', 'contractor')),
  PRIMARY KEY (initiative_id, org_id)
);
CREATE INDEX initiative_partners_org_idx ON initiative_partners (org_id);

CREATE TABLE initiative_status_events (
  id uuid PRIMARY KEY,
  initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
  -- Order of events on the same date (and of an undated first event).
  seq integer NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'active', 'suspended', 'discontinued', 'completed')),
  on_date text,
  reason text,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (initiative_id, seq)
);

CREATE TABLE kpis (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  office_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  initiative_id uuid REFERENCES initiatives(id) ON DELETE SET NULL,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  level text NOT NULL CHECK (level IN ('input', 'activity', 'output', 'outcome', 'impact')),
  horizon text NOT NULL CHECK (horizon IN ('short', 'long')),
  unit text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease')),
  period_kind text NOT NULL CHECK (period_kind IN ('year', 'fiscal_year', 'month')),
  target_value double precision,
  target_period text,
  pillar text,
  metric text,
  since text,
  until text,
  seed_key text UNIQUE,
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'shared', 'confidential')),
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((target_value IS NULL) = (target_period IS NULL))
);
-- Natural key: owner + English name (how imports name a KPI).
CREATE UNIQUE INDEX kpis_natural_key ON kpis (owner_org_id, lower(name_en));
CREATE INDEX kpis_metric_idx ON kpis (owner_org_id, metric) WHERE metric IS NOT NULL;
CREATE INDEX kpis_search_idx ON kpis USING gin (search);

-- Measured values; they take the visibility of their KPI.
CREATE TABLE kpi_measurements (
  kpi_id uuid NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
  period text NOT NULL,
  value double precision NOT NULL,
  source text,
  unverified boolean NOT NULL DEFAULT false,
  -- How much of the value came from recordMetricValue (matchmaking outcomes and other capabilities).
  from_metrics double precision NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kpi_id, period)
);
