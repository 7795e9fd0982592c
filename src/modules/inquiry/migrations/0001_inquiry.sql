create schema inquiry;

-- The institutions registry: where each bank or registry is reached, with what key, for what.
create table inquiry.institutions (
  code text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name text not null,
  kind text not null,
  channel text not null check (channel in ('national', 'local')),
  base_url text not null,
  signing_key text not null,
  asset_types text[] not null,
  operations text[] not null,
  concurrency int not null default 32 check (concurrency between 1 and 10000),
  rate_per_second int not null default 0 check (rate_per_second >= 0),
  is_enabled boolean not null default true,
  max_attempts int not null default 6 check (max_attempts between 1 and 100),
  retry_base_seconds int not null default 2 check (retry_base_seconds between 1 and 3600),
  poll_after_seconds int not null default 60 check (poll_after_seconds between 1 and 86400),
  answer_timeout_seconds int not null default 86400 check (answer_timeout_seconds between 5 and 2592000),
  -- Circuit breaker and push-back (429 / 503 retry-after), shared by every worker.
  consecutive_failures int not null default 0,
  circuit_open_until timestamptz,
  paused_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Settings shared by the API and the workers (the callback base URL the API listens on).
create table inquiry.settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

-- A launch: one case (a click on the case page), many cases (批量勾选), a 终本 re-query round.
create table inquiry.batches (
  id uuid primary key,
  kind text not null check (kind in ('case', 'batch', 'requery', 'measure')),
  court_id uuid,
  requested_by uuid,
  purpose text not null,
  case_count int not null,
  request_count int not null,
  created_at timestamptz not null default now()
);

-- One case's part of a batch: done when all its requests are terminal.
create table inquiry.case_inquiries (
  id uuid primary key,
  batch_id uuid not null references inquiry.batches (id),
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  kind text not null,
  requery_round int,
  requested_by uuid,
  purpose text not null,
  done_at timestamptz,
  answered_count int,
  found_count int,
  node_state text not null default 'none' check (node_state in ('none', 'due', 'recorded', 'skipped')),
  created_at timestamptz not null default now(),
  unique (batch_id, case_id)
);
create index case_inquiries_open on inquiry.case_inquiries (created_at) where done_at is null;
create index case_inquiries_case on inquiry.case_inquiries (case_id, created_at desc);
create index case_inquiries_node_due on inquiry.case_inquiries (created_at) where node_state = 'due';

-- The truth of every exchange with an institution: written before it is sent, then moved through
-- pending → sending → accepted → answered | failed | expired. The id is the idempotency key.
create table inquiry.requests (
  id uuid primary key,
  batch_id uuid references inquiry.batches (id),
  case_inquiry_id uuid references inquiry.case_inquiries (id),
  case_id uuid not null,
  court_id uuid not null,
  respondent_party_id uuid,
  measure_id uuid,
  institution text not null references inquiry.institutions (code),
  operation text not null,
  body jsonb not null,
  state text not null check (state in ('pending', 'sending', 'accepted', 'answered', 'failed', 'expired')),
  -- 0 measures, 1 one case, 2 a batch, 3 a 终本 re-query: a click is not queued behind a night's batch.
  priority int not null default 1,
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  remote_request_id text,
  accepted_at timestamptz,
  poll_at timestamptz,
  answered_at timestamptz,
  result jsonb,
  last_error text,
  requested_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index requests_remote on inquiry.requests (institution, remote_request_id) where remote_request_id is not null;
create index requests_due on inquiry.requests (institution, priority, next_attempt_at) where state in ('pending', 'sending');
create index requests_accepted on inquiry.requests (institution, poll_at) where state in ('accepted', 'sending');
create index requests_batch_state on inquiry.requests (batch_id, state);
create index requests_case_inquiry_open on inquiry.requests (case_inquiry_id) where state in ('pending', 'sending', 'accepted');
create index requests_case on inquiry.requests (case_id, created_at);
create index requests_requested_by on inquiry.requests (requested_by, created_at) where requested_by is not null;

-- The feedback list (查控财产反馈清单): one row per asset an institution reported for a respondent
-- of a case, updated by later answers; every raw answer stays in requests.result.
create table inquiry.assets (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  respondent_party_id uuid not null,
  respondent_name text not null,
  institution text not null,
  channel text not null,
  asset_type text not null,
  identifier text not null,
  description text not null,
  value_fen bigint,
  balance_fen bigint,
  frozen_fen bigint,
  available_fen bigint,
  encumbrances jsonb not null default '[]',
  extra jsonb not null default '{}',
  first_request_id uuid not null,
  last_request_id uuid not null,
  first_answered_at timestamptz not null,
  answered_at timestamptz not null,
  unique (case_id, respondent_party_id, institution, identifier)
);
create index assets_case on inquiry.assets (case_id, respondent_party_id, asset_type);

-- People and companies the institutions named around a respondent (asset-clue graph).
create table inquiry.relations (
  id uuid primary key,
  case_id uuid not null,
  respondent_party_id uuid not null,
  institution text not null,
  kind text not null,
  name text not null,
  id_number text,
  credit_code text,
  share_pct numeric,
  answered_at timestamptz not null,
  unique (case_id, respondent_party_id, kind, name, institution)
);

-- Control measures (冻结、查封、扣押、续行、解除、扣划) and their notices for the dossier.
create table inquiry.measures (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  asset_id uuid not null references inquiry.assets (id),
  institution text not null,
  kind text not null check (kind in ('freeze', 'seal', 'seize', 'unfreeze', 'renew', 'deduct')),
  target_measure_id uuid references inquiry.measures (id),
  state text not null check (state in ('requested', 'inForce', 'queued', 'done', 'rejected', 'failed', 'released', 'exhausted')),
  requested_fen bigint,
  amount_fen bigint,
  deducted_fen bigint not null default 0,
  until date,
  remote_measure_id text,
  transfer_id text,
  queue_position int,
  reason text,
  document_name text not null,
  document_text text not null,
  request_id uuid,
  requested_by uuid not null,
  created_at timestamptz not null default now(),
  answered_at timestamptz,
  node_state text not null default 'none' check (node_state in ('none', 'due', 'recorded', 'skipped'))
);
create index measures_case on inquiry.measures (case_id, created_at);
create index measures_in_force_until on inquiry.measures (until) where state in ('inForce', 'queued');
create index measures_node_due on inquiry.measures (created_at) where node_state = 'due';

-- Per-officer daily query quota (respondent queries per China day).
create table inquiry.quota_usage (
  user_id uuid not null,
  day date not null,
  used int not null,
  primary key (user_id, day)
);

-- 终本 cases re-queried every 6 months for 5 years (终本规定 art. 9).
create table inquiry.requery_plans (
  case_id uuid primary key,
  court_id uuid not null,
  case_number text not null,
  closed_on date not null,
  respondents jsonb not null,
  next_round int not null default 1,
  next_due_on date,
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
create index requery_plans_due on inquiry.requery_plans (next_due_on) where is_active;

create table inquiry.requery_results (
  case_id uuid not null,
  respondent_party_id uuid not null,
  round int not null,
  case_inquiry_id uuid not null,
  has_found_assets boolean not null,
  new_asset_count int not null,
  completed_on date not null,
  primary key (case_id, respondent_party_id, round)
);

-- In-app prompts to a case's team: measures about to expire, new assets found on a re-query.
create table inquiry.notices (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  kind text not null check (kind in ('expiring', 'newAssets', 'failed')),
  audience text not null default 'team' check (audience in ('team', 'applicant')),
  measure_id uuid,
  recipient_ids uuid[] not null default '{}',
  title text not null,
  body text not null,
  dedupe_key text not null unique,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notices_case on inquiry.notices (case_id, created_at desc);
create index notices_recipients on inquiry.notices using gin (recipient_ids);
