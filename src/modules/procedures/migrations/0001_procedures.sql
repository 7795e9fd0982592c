-- Enforcement settlements (执行和解) with their instalments, the payments made to the applicant
-- under them and the reminders sent; property-report obligations (报告财产令) and the reports the
-- respondents file. The application's grants come from the default privileges of
-- platform/0004_application_role.sql.
create schema procedures;

-- 执行和解规定 (2020): a settlement suspends enforcement; on default the original enforcement is
-- restored (what was paid stays deducted); performed in full, the case is closed as fulfilled.
create table procedures.settlements (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  terms text not null check (length(terms) between 1 and 4000),
  status text not null default 'active' check (status in ('active', 'defaulted', 'performed')),
  total_fen bigint not null check (total_fen > 0),
  last_due_on date not null,
  -- CPL art. 250: 2 years from the settlement's last day of performance.
  limitation_ends_on date not null,
  created_at timestamptz not null,
  created_by uuid not null,
  created_by_name text not null,
  -- When it was defaulted or performed, and by whom.
  ended_at timestamptz,
  ended_by uuid,
  ended_by_name text,
  ended_on date,
  end_note text,
  check ((status = 'active') = (ended_at is null))
);
-- One settlement in force per case at a time.
create unique index settlements_active_case on procedures.settlements (case_id) where status = 'active';
create index settlements_case on procedures.settlements (case_id, created_at);

create table procedures.instalments (
  settlement_id uuid not null references procedures.settlements (id),
  position int not null check (position >= 0),
  due_on date not null,
  amount_fen bigint not null check (amount_fen > 0),
  primary key (settlement_id, position)
);

-- Money the respondent paid the applicant directly under the settlement (not through the case account).
create table procedures.settlement_payments (
  id uuid primary key,
  settlement_id uuid not null references procedures.settlements (id),
  case_id uuid not null,
  paid_on date not null,
  amount_fen bigint not null check (amount_fen > 0),
  note text not null default '',
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  recorded_by_name text not null
);
create index settlement_payments_settlement on procedures.settlement_payments (settlement_id, paid_on);

-- One reminder per instalment and kind, ever: the daily job may run again without sending twice.
create table procedures.settlement_reminders (
  settlement_id uuid not null references procedures.settlements (id),
  position int not null,
  kind text not null check (kind in ('dueSoon', 'overdue')),
  sent_on date not null,
  primary key (settlement_id, position, kind)
);

-- CPL art. 252: each respondent of an order reports within its period (one obligation per order and respondent).
create table procedures.report_obligations (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  respondent_party_id uuid not null,
  respondent_name text not null,
  -- The `propertyReportOrderIssued` node that opened it.
  node_id uuid not null,
  ordered_on date not null,
  due_on date not null,
  status text not null default 'awaiting' check (status in ('awaiting', 'reported', 'late', 'refused')),
  first_reported_at timestamptz,
  refused_at timestamptz,
  refused_by uuid,
  refused_by_name text,
  refusal_note text,
  created_at timestamptz not null,
  unique (node_id, respondent_party_id),
  check ((status = 'reported') = (first_reported_at is not null)),
  -- A refusal on record stays there if the respondent reports after all.
  check (status <> 'refused' or refused_at is not null)
);
create index report_obligations_case on procedures.report_obligations (case_id, ordered_on);
create index report_obligations_awaiting on procedures.report_obligations (due_on) where status = 'awaiting';

-- A report: the first (`initial`) or a later change (`supplement`), online or entered from paper.
create table procedures.property_reports (
  id uuid primary key,
  obligation_id uuid not null references procedures.report_obligations (id),
  case_id uuid not null,
  kind text not null check (kind in ('initial', 'supplement')),
  source text not null check (source in ('portal', 'paper')),
  items jsonb not null check (jsonb_typeof(items) = 'array'),
  changes_since_one_year_before text not null,
  reported_at timestamptz not null,
  reported_by_kind text not null check (reported_by_kind in ('respondent', 'lawyer', 'court')),
  reported_by_name text not null,
  -- The respondent's ID number or credit code, the lawyer's id, or the court user's id.
  reported_by_id text not null
);
create index property_reports_obligation on procedures.property_reports (obligation_id, reported_at);
