-- The party and lawyer portal: sign-in by SMS code, portal sessions, lawyers' accounts, what the
-- parties send the case team (clues, messages, applications) and the in-app notices they receive.
-- The application's grants come from the default privileges of platform/0004_application_role.sql.
create schema disclosure;

-- One row per (case number, ID number) pair that asked for a code: the pair is kept only as its
-- SHA-256, so the table names nobody. A code is kept as its SHA-256 with the pair.
create table disclosure.login_codes (
  pair_hash text primary key check (length(pair_hash) = 64),
  code_hash text,
  expires_at timestamptz,
  sent_at timestamptz,
  -- When the code signed someone in: used again, it is refused as used (409), not counted as wrong.
  used_at timestamptz,
  -- Wrong codes since the last success or lock-out.
  failures int not null default 0 check (failures >= 0),
  locked_until timestamptz
);

create table disclosure.lawyers (
  id uuid primary key,
  name text not null,
  law_firm text not null,
  licence_number text not null unique check (licence_number ~ '^\d{17}$'),
  phone text not null,
  password_hash text not null,
  court_id uuid not null,
  created_by uuid not null,
  created_at timestamptz not null
);

-- A portal session: a party (the person, by ID number or credit code) or a lawyer. Only the
-- token's SHA-256 is kept.
create table disclosure.sessions (
  token_hash text primary key check (length(token_hash) = 64),
  kind text not null check (kind in ('party', 'lawyer')),
  subject_id text not null,
  name text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_expiry on disclosure.sessions (expires_at);

-- Everything a party or lawyer sends the case team: a task with a due date on the team's workbench.
create table disclosure.requests (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  kind text not null check (kind in ('clue', 'message', 'dishonestListing', 'consumptionRestriction',
    'rewardNotice', 'audit', 'investigationOrder', 'restoration', 'objection', 'correction')),
  text text not null check (length(text) between 1 and 2000),
  submitter_kind text not null check (submitter_kind in ('applicant', 'respondent', 'lawyer')),
  submitter_name text not null,
  -- The person's ID number or credit code, or the lawyer's id.
  submitter_id text not null,
  submitted_at timestamptz not null,
  due_on date not null,
  due_rule text not null,
  is_urgent boolean not null default false,
  state text not null default 'open' check (state in ('open', 'answered')),
  outcome text check (outcome in ('accepted', 'rejected', 'noted')),
  answer text,
  answered_at timestamptz,
  answered_by uuid,
  answered_by_name text,
  check ((state = 'open') = (answered_at is null)),
  check ((state = 'answered') = (outcome is not null and answer is not null))
);
create index requests_case on disclosure.requests (case_id, submitted_at);
create index requests_open_due on disclosure.requests (due_on, case_id) where state = 'open';

create table disclosure.request_files (
  id uuid primary key,
  request_id uuid not null references disclosure.requests (id),
  position int not null,
  name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size int not null check (size between 1 and 5242880),
  sha256 text not null check (length(sha256) = 64),
  bytes bytea not null,
  unique (request_id, position)
);

-- In-app notices to a party or lawyer, once per key node (the dedupe key).
create table disclosure.notices (
  id uuid primary key,
  seq bigint generated always as identity unique,
  dedupe_key text not null unique,
  subject_kind text not null check (subject_kind in ('party', 'lawyer')),
  subject_id text not null,
  case_id uuid not null,
  case_number text not null,
  kind text not null,
  text text not null,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notices_subject on disclosure.notices (subject_kind, subject_id, seq desc);

-- How a person wants to hear of their cases; no row means both SMS and in-app.
create table disclosure.preferences (
  subject_kind text not null check (subject_kind in ('party', 'lawyer')),
  subject_id text not null,
  sms boolean not null,
  in_app boolean not null,
  primary key (subject_kind, subject_id)
);

-- Public searches, with their stated purpose: the query as a hash, never the name and ID.
create table disclosure.search_log (
  id bigint generated always as identity primary key,
  query_hash text not null,
  purpose text,
  client_hash text not null,
  searched_at timestamptz not null
);
create index search_log_at on disclosure.search_log (searched_at);

-- Proof-of-work challenges handed out while the portal is under load; each solves one search.
create table disclosure.pow_challenges (
  challenge text primary key,
  difficulty int not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index pow_challenges_expiry on disclosure.pow_challenges (expires_at);
