-- Service at the front door: the service window of the enforcement bureau (执行事务中心,
-- seed 003 item 48) — every visit logged and counted, materials received into a case with a receipt,
-- meetings booked with the judge — and deputies' suggestions and CPPCC members' proposals (seed 003
-- item 46). The application's grants come from the default privileges of platform/0004_application_role.sql.
create schema service;

-- A visit to the counter: who came, in what capacity, for what, about which case.
create table service.visits (
  id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  court_code text not null,
  visited_on date not null,
  arrived_at timestamptz not null,
  visitor_name text not null check (length(visitor_name) between 1 and 50),
  visitor_id_number text check (visitor_id_number is null or length(visitor_id_number) = 18),
  visitor_phone text check (visitor_phone is null or length(visitor_phone) between 5 and 30),
  visitor_role text not null check (visitor_role in ('applicant', 'respondent', 'agent', 'lawyer', 'other')),
  purpose text not null check (purpose in ('materials', 'progress', 'meeting', 'consultation', 'other')),
  case_id uuid,
  case_number text,
  note text not null default '' check (length(note) <= 500),
  state text not null default 'open' check (state in ('open', 'closed')),
  closed_at timestamptz,
  closed_by_name text,
  received_by uuid not null,
  received_by_name text not null,
  check ((case_id is null) = (case_number is null)),
  check ((state = 'closed') = (closed_at is not null))
);
-- The day's log and the statistics of a court and the courts below it.
create index visits_day on service.visits (visited_on, court_path text_pattern_ops);

-- Receipt numbers run per court and year; the counter row is taken inside the receiving transaction.
create table service.receipt_counters (
  court_id uuid not null,
  year int not null,
  last_sequence int not null check (last_sequence >= 1),
  primary key (court_id, year)
);

-- 收取材料回执: what the visitor handed in, filed into the case (a step on its timeline).
create table service.receipts (
  id uuid primary key,
  visit_id uuid not null references service.visits (id),
  court_id uuid not null,
  case_id uuid not null,
  year int not null,
  sequence int not null check (sequence >= 1),
  receipt_number text not null,
  -- [{title, pages}], as listed on the receipt.
  items jsonb not null check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) between 1 and 50),
  note text not null default '' check (length(note) <= 500),
  received_at timestamptz not null,
  received_by uuid not null,
  received_by_name text not null,
  node_id uuid not null,
  unique (court_id, year, sequence),
  unique (court_id, receipt_number)
);
create index receipts_visit on service.receipts (visit_id);
create index receipts_case on service.receipts (case_id);

-- A meeting with the case judge, booked at the counter; the judge finds it in their inbox.
create table service.meetings (
  id uuid primary key,
  visit_id uuid not null references service.visits (id),
  court_id uuid not null,
  case_id uuid not null,
  case_number text not null,
  judge_id uuid not null,
  judge_name text not null,
  meeting_on date not null,
  slot text not null check (slot in ('am', 'pm')),
  note text not null default '' check (length(note) <= 500),
  booked_at timestamptz not null,
  booked_by uuid not null,
  booked_by_name text not null,
  unique (visit_id, meeting_on, slot)
);
create index meetings_judge on service.meetings (judge_id, meeting_on);

-- 人大代表建议 / 政协委员提案 on enforcement, assigned to the court: registered, assigned, answered.
create table service.deputy_proposals (
  id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  court_name text not null,
  kind text not null check (kind in ('deputySuggestion', 'committeeProposal')),
  number text not null check (length(number) between 1 and 40),
  proposer text not null check (length(proposer) between 1 and 100),
  title text not null check (length(title) between 1 and 200),
  content text not null check (length(content) between 1 and 8000),
  received_on date not null,
  due_on date not null check (due_on >= received_on),
  state text not null default 'registered' check (state in ('registered', 'assigned', 'answered')),
  registered_at timestamptz not null,
  registered_by uuid not null,
  registered_by_name text not null,
  assignee_id uuid,
  assignee_name text,
  assigned_at timestamptz,
  reply text check (reply is null or length(reply) between 1 and 8000),
  is_publishable boolean,
  answered_on date,
  answered_at timestamptz,
  unique (court_id, kind, number),
  check ((state = 'registered') = (assignee_id is null)),
  check ((state = 'answered') = (answered_at is not null and reply is not null and is_publishable is not null))
);
create index deputy_proposals_court on service.deputy_proposals (court_path text_pattern_ops, due_on);
create index deputy_proposals_published on service.deputy_proposals (answered_at desc) where state = 'answered' and is_publishable;
