-- Reward notices (悬赏公告) and the clues they bring, lawyers' investigation orders (律师调查令) and
-- the results uploaded under them. Each application is also a task of disclosure.requests (its due
-- date on the team's workbench); these tables keep what the task alone cannot.

-- 财产调查规定 (2020) arts. 21–24: applied for by the applicant, decided within 10 days, published
-- with the debtor's name (ID number masked), clues logged in order of arrival.
create table disclosure.reward_notices (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  request_id uuid not null unique references disclosure.requests (id),
  applied_by_kind text not null check (applied_by_kind in ('applicant', 'lawyer')),
  applied_by_name text not null,
  -- The applicant's ID number or credit code, or the lawyer's id.
  applied_by_id text not null,
  reward_fen bigint not null check (reward_fen > 0),
  text text not null check (length(text) between 1 and 2000),
  applied_at timestamptz not null,
  due_on date not null,
  state text not null default 'pending' check (state in ('pending', 'published', 'rejected')),
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  reason text,
  published_on date,
  -- As published: the court's name and the debtors' names, ID numbers masked.
  court_name text,
  debtors jsonb not null default '[]',
  -- The last clue's number: clues take the next one under this row's lock (gap-free per notice).
  last_clue_seq int not null default 0 check (last_clue_seq >= 0),
  check ((state = 'pending') = (decided_at is null)),
  check ((state = 'published') = (published_on is not null))
);
create index reward_notices_case on disclosure.reward_notices (case_id, applied_at);
create index reward_notices_published on disclosure.reward_notices (published_on desc, decided_at desc)
  where state = 'published';

-- A clue from anyone, numbered per notice in order of arrival (art. 23). The informant's identity
-- is for the case team only (art. 23: kept confidential).
create table disclosure.reward_clues (
  id uuid primary key,
  notice_id uuid not null references disclosure.reward_notices (id),
  seq int not null check (seq >= 1),
  name text not null check (length(name) between 1 and 50),
  phone text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  id_number text not null check (length(id_number) = 18),
  text text not null check (length(text) between 1 and 2000),
  submitted_at timestamptz not null,
  -- The sender's address as a SHA-256, to see floods without keeping addresses.
  client_hash text not null check (length(client_hash) = 64),
  state text not null default 'submitted' check (state in ('submitted', 'verified')),
  is_useful boolean,
  reward_fen bigint not null default 0 check (reward_fen >= 0),
  note text,
  verified_at timestamptz,
  verified_by uuid,
  verified_by_name text,
  unique (notice_id, seq),
  check ((state = 'verified') = (verified_at is not null and is_useful is not null)),
  check (reward_fen = 0 or is_useful)
);

-- (practice) DOMAIN §9: decided within 3 days, valid 15 days (at most 30), never for state
-- secrets, trade secrets or privacy; anyone holding the code verifies it online.
create table disclosure.investigation_orders (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  request_id uuid not null unique references disclosure.requests (id),
  lawyer_id uuid not null references disclosure.lawyers (id),
  lawyer_name text not null,
  law_firm text not null,
  licence_number text not null,
  addressee text not null check (length(addressee) between 1 and 100),
  scope text not null check (length(scope) between 1 and 1000),
  category text not null check (category in ('deposits', 'realEstate', 'vehicles', 'securities', 'equity', 'other')),
  valid_days int not null check (valid_days between 1 and 30),
  applied_at timestamptz not null,
  due_on date not null,
  state text not null default 'pending' check (state in ('pending', 'granted', 'refused', 'revoked')),
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  reason text,
  -- 16 base32 characters (80 random bits), unique; only a granted (or later revoked) order has one.
  code text unique check (code ~ '^[A-Z2-7]{16}$'),
  valid_from date,
  valid_until date,
  revoked_at timestamptz,
  revoked_by_name text,
  revoke_reason text,
  check ((state = 'pending') = (decided_at is null)),
  check ((state in ('granted', 'revoked')) = (code is not null and valid_until is not null)),
  check ((state = 'revoked') = (revoked_at is not null)),
  check (valid_until is null or valid_until >= valid_from)
);
create index investigation_orders_case on disclosure.investigation_orders (case_id, applied_at);

create table disclosure.investigation_results (
  id uuid primary key,
  order_id uuid not null references disclosure.investigation_orders (id),
  text text not null check (length(text) between 1 and 2000),
  submitted_at timestamptz not null,
  submitted_by_name text not null
);
create index investigation_results_order on disclosure.investigation_results (order_id, submitted_at);

create table disclosure.investigation_result_files (
  id uuid primary key,
  result_id uuid not null references disclosure.investigation_results (id),
  position int not null,
  name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size int not null check (size between 1 and 5242880),
  sha256 text not null check (length(sha256) = 64),
  bytes bytea not null,
  unique (result_id, position)
);
