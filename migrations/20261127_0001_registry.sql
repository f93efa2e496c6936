-- The registry of the paper's actors and structures, accounts and sessions.
-- Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) are kept as text: the paper and public sources often give
-- only a year or a month, and inventing a day would be false precision.

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  country char(2) NOT NULL,
  city_ja text,
  city_en text,
  lat double precision,
  lon double precision,
  local_gov_code char(6) UNIQUE,
  parent_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  network_field text,
  website_url text,
  description_ja text,
  description_en text,
  seed_key text UNIQUE,
  owner_org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  visibility text NOT NULL DEFAULT 'public',
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90)),
  CHECK (lon IS NULL OR (lon BETWEEN -180 AND 180)),
  CHECK (visibility IN ('public', 'shared', 'confidential'))
);
CREATE INDEX organisations_kind_idx ON organisations (kind);
CREATE INDEX organisations_search_idx ON organisations USING gin (search);

CREATE TABLE strategies (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  title_ja text NOT NULL,
  title_en text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  pillars text[] NOT NULL DEFAULT '{}',
  visibility text NOT NULL DEFAULT 'public',
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_org_id, title_en, year)
);
CREATE INDEX strategies_search_idx ON strategies USING gin (search);

CREATE TABLE offices (
  id uuid PRIMARY KEY,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  name_ja text NOT NULL,
  name_en text NOT NULL,
  city_ja text,
  city_en text NOT NULL,
  country char(2) NOT NULL,
  lat double precision,
  lon double precision,
  operational_model text NOT NULL,
  host_org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  functions text[] NOT NULL DEFAULT '{}',
  duties text[] NOT NULL DEFAULT '{}',
  focus_areas text[] NOT NULL DEFAULT '{}',
  opened text,
  closed text,
  staff_count integer CHECK (staff_count IS NULL OR staff_count >= 0),
  annual_cost_jpy bigint CHECK (annual_cost_jpy IS NULL OR annual_cost_jpy >= 0),
  management_share double precision CHECK (management_share IS NULL OR management_share BETWEEN 0 AND 1),
  interview_id text,
  interview_date text,
  model_note text,
  merged_into_id uuid REFERENCES offices(id) ON DELETE SET NULL,
  seed_key text UNIQUE,
  visibility text NOT NULL DEFAULT 'public',
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Natural key for imports: owner + city + opened (an office that closes and reopens is a new record).
CREATE UNIQUE INDEX offices_natural_key ON offices (owner_org_id, lower(city_en), coalesce(opened, ''));
CREATE INDEX offices_search_idx ON offices USING gin (search);

-- Co-owners of joint offices (the record owner is also listed here).
CREATE TABLE office_owners (
  office_id uuid NOT NULL REFERENCES offices(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (office_id, org_id)
);
CREATE INDEX office_owners_org_idx ON office_owners (org_id);

CREATE TABLE ties (
  id uuid PRIMARY KEY,
  a_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  b_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  kind text NOT NULL,
  purposes text[] NOT NULL DEFAULT '{}',
  since text,
  until text,
  role text,
  field text,
  owner_org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  visibility text NOT NULL DEFAULT 'public',
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  search tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (a_org_id <> b_org_id)
);
-- Natural key for imports: the two ends (in either order) + kind + since.
CREATE UNIQUE INDEX ties_natural_key ON ties (least(a_org_id, b_org_id), greatest(a_org_id, b_org_id), kind, coalesce(since, ''));
CREATE INDEX ties_a_idx ON ties (a_org_id);
CREATE INDEX ties_b_idx ON ties (b_org_id);
CREATE INDEX ties_search_idx ON ties USING gin (search);

-- Anonymised interview records (paper, Table 1): ids such as LG-1 or NG-2, never names.
CREATE TABLE interviews (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  attributes text NOT NULL,
  location text NOT NULL,
  organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  operational_model text,
  focus_areas text[] NOT NULL DEFAULT '{}',
  dates text[] NOT NULL DEFAULT '{}',
  owner_org_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  visibility text NOT NULL DEFAULT 'confidential',
  shared_with uuid[] NOT NULL DEFAULT '{}',
  source text,
  unverified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'ja' CHECK (locale IN ('ja', 'en')),
  is_system_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'staff', 'partner', 'viewer')),
  PRIMARY KEY (user_id, org_id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
