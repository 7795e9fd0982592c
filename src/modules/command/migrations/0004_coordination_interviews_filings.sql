-- Coordination cases (执协): a dispute between two courts reported up to the court above both,
-- with its own case number, evidence from both sides, a decision and follow-up.
create table command.coordinations (
  id uuid primary key,
  case_number text not null unique,
  subject_case_id uuid not null,
  subject_case_number text not null,
  reporting_court_id uuid not null,
  reporting_court_path text not null,
  other_court_id uuid not null,
  other_court_path text not null,
  coordinating_court_id uuid not null,
  coordinating_court_path text not null,
  issue text not null,
  state text not null check (state in ('reported', 'decided')),
  decision text,
  decided_on date,
  decided_by_name text,
  reported_by uuid not null,
  reported_by_name text not null,
  reported_on date not null,
  created_at timestamptz not null default now(),
  check (reporting_court_id <> other_court_id),
  check ((state = 'decided') = (decision is not null))
);
create index coordinations_coordinating on command.coordinations (coordinating_court_path text_pattern_ops, state);
create index coordinations_reporting on command.coordinations (reporting_court_path text_pattern_ops);
create index coordinations_other on command.coordinations (other_court_path text_pattern_ops);

create table command.coordination_entries (
  id uuid primary key,
  coordination_id uuid not null references command.coordinations (id),
  kind text not null check (kind in ('evidence', 'followUp')),
  court_id uuid not null,
  court_name text not null,
  text text not null,
  documents jsonb not null default '[]',
  author_name text not null,
  entered_on date not null,
  created_at timestamptz not null default now()
);
create index coordination_entries_coordination on command.coordination_entries (coordination_id, created_at);

-- Interviews (约谈) of a court or a team with problems, and what was said.
create table command.interviews (
  id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  court_name text not null,
  team_name text,
  reason text not null,
  participants text not null,
  record text not null,
  interviewed_on date not null,
  by_user uuid not null,
  by_name text not null,
  by_court_id uuid not null,
  created_at timestamptz not null default now()
);
create index interviews_scope on command.interviews (court_path text_pattern_ops, interviewed_on desc);

-- Cross-region enforcement filing (异地执行备案): a team going to act on another court's ground
-- files its plan with the court above it and tells the local court.
create table command.cross_region_filings (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  from_court_id uuid not null,
  from_court_path text not null,
  local_court_id uuid not null,
  local_court_path text not null,
  local_court_name text not null,
  planned_from date not null,
  planned_to date not null,
  measures text not null,
  officers text not null,
  filed_by uuid not null,
  filed_by_name text not null,
  filed_on date not null,
  created_at timestamptz not null default now(),
  check (planned_to >= planned_from),
  check (from_court_id <> local_court_id)
);
create index cross_region_filings_from on command.cross_region_filings (from_court_path text_pattern_ops, planned_from);
create index cross_region_filings_local on command.cross_region_filings (local_court_path text_pattern_ops, planned_from);
