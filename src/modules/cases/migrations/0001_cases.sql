create schema cases;

-- Gap-free case numbers: one counter row per (court code, year, type code), incremented in the
-- filing transaction, so a rolled-back filing also rolls back its number (SPC 2015 案号 rules).
create table cases.case_number_counters (
  court_code text not null,
  year int not null,
  case_type text not null,
  last_sequence int not null,
  primary key (court_code, year, case_type)
);

create table cases.cases (
  id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  court_code text not null,
  case_type text not null,
  year int not null,
  sequence int not null check (sequence > 0),
  case_number text not null unique,
  status text not null check (status in ('filed', 'inProgress', 'suspended', 'closed')),
  filed_on date not null,
  filed_by uuid not null,
  basis_kind text not null,
  basis_document_number text not null,
  basis_issued_by text not null,
  basis_effective_date date not null,
  claim_amount_fen bigint not null check (claim_amount_fen > 0),
  recovered_fen bigint not null default 0 check (recovered_fen >= 0),
  triage text check (triage in ('simple', 'complex')),
  flags text[] not null default '{}',
  is_non_litigation boolean not null default false,
  team_id uuid,
  judge_id uuid,
  assistant_id uuid,
  bailiff_id uuid,
  clerk_id uuid,
  closing_type text,
  closing_reason text,
  closed_on date,
  closed_by uuid,
  restored_from_id uuid references cases.cases (id),
  restored_to_id uuid references cases.cases (id),
  next_deadline_kind text,
  next_deadline_on date,
  search_tokens text[] not null default '{}',
  search_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (court_code, year, case_type, sequence),
  check ((status = 'closed') = (closing_type is not null))
);
-- The workbench list: scope by court path, ordered by next deadline; "mine" by team member.
create index cases_scope_deadline on cases.cases (court_path text_pattern_ops, next_deadline_on, id);
create index cases_scope_filed on cases.cases (court_path text_pattern_ops, filed_on desc, id);
create index cases_judge on cases.cases (judge_id, next_deadline_on);
create index cases_assistant on cases.cases (assistant_id, next_deadline_on);
create index cases_bailiff on cases.cases (bailiff_id, next_deadline_on);
create index cases_clerk on cases.cases (clerk_id, next_deadline_on);
create index cases_search on cases.cases using gin (search_tokens);

create table cases.parties (
  id uuid primary key,
  case_id uuid not null references cases.cases (id),
  role text not null check (role in ('applicant', 'respondent')),
  position int not null,
  kind text not null check (kind in ('natural', 'legal', 'other')),
  name text not null,
  id_number text,
  credit_code text,
  phone text,
  address text,
  legal_representative text,
  agents jsonb not null default '[]',
  unique (case_id, role, position)
);
create index parties_case on cases.parties (case_id);
create index parties_id_number on cases.parties (id_number) where id_number is not null;
create index parties_credit_code on cases.parties (credit_code) where credit_code is not null;

create table cases.nodes (
  id uuid primary key,
  case_id uuid not null references cases.cases (id),
  kind text not null,
  occurred_on date not null,
  recorded_at timestamptz not null default now(),
  actor_id uuid,
  actor_name text not null,
  note text not null default '',
  documents jsonb not null default '[]'
);
create index nodes_case on cases.nodes (case_id, occurred_on, recorded_at);
