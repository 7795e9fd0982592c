create schema command;

-- The "3+1" core indicators (DOMAIN.md §10; 最高法 2018) as a read model
-- (docs/decisions/0016-indicator-read-model.md). Each rule is written once, here, as an SQL
-- function: the per-event refresh and the full recompute both call it, so they cannot disagree.
-- A case counts in an indicator on one day ("…_on") as passing or failing ("…_ok"); null: not counted.

-- 1. 有财产可供执行案件法定期限内实际执结率: enforcement cases not closed by 终本 (those had no
-- property) concluded within the handling period (执行期限规定 art. 1: 6 months from filing, 3 for
-- non-litigation, suspended days not counted). Counted on the day of closing when in time, else on
-- the first day past the period, as failing; an open case whose clock is stopped is not counted yet.
create function command.asset_on(case_type text, closing_type text, closed_on date, due_on date)
  returns date language sql immutable parallel safe as $$
  select case
    when case_type not in ('执', '执恢') or closing_type is not distinct from 'terminatedThisRound' then null
    when closed_on is not null and (due_on is null or closed_on <= due_on) then closed_on
    when due_on is null then null
    else due_on + 1
  end $$;
create function command.asset_ok(closed_on date, due_on date)
  returns boolean language sql immutable parallel safe as $$
  select closed_on is not null and (due_on is null or closed_on <= due_on) $$;

-- 2. 无财产可供执行案件终本合格率: 终本 closures, counted on the closing day; qualified unless a
-- review found one of the 终本规定 art. 1 / art. 5 conditions unmet.
create function command.termination_on(closing_type text, closed_on date)
  returns date language sql immutable parallel safe as $$
  select case when closing_type = 'terminatedThisRound' then closed_on end $$;

-- 4. 近三年执行案件整体执结率: (actual closures + 终本) / all enforcement cases, counted on the
-- filing day; the reader takes the three years up to the end of the period.
create function command.overall_on(case_type text, filed_on date)
  returns date language sql immutable parallel safe as $$
  select case when case_type in ('执', '执恢') then filed_on end $$;

-- The command centre's copy of each case's facts (from cases.indicator_facts) and where it counts.
create table command.case_facts (
  case_id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  case_number text not null,
  case_type text not null,
  filed_on date not null,
  status text not null,
  closing_type text,
  closed_on date,
  handling_due_on date,
  flags text[] not null default '{}',
  -- The 终本 condition a review found unmet (the first upheld finding), if any.
  termination_unmet text,
  asset_on date,
  asset_ok boolean,
  termination_on date,
  termination_ok boolean,
  overall_on date,
  overall_ok boolean,
  updated_at timestamptz not null default now()
);
create index case_facts_asset on command.case_facts (court_path text_pattern_ops, asset_on, asset_ok)
  where asset_on is not null;
create index case_facts_termination on command.case_facts (court_path text_pattern_ops, termination_on, termination_ok)
  where termination_on is not null;
create index case_facts_overall on command.case_facts (court_path text_pattern_ops, overall_on, overall_ok)
  where overall_on is not null;

-- Per court, indicator and month: how many count and how many pass. A period's value is the sum of
-- its whole months here plus its partial months read from the facts above.
create table command.indicator_months (
  court_id uuid not null,
  court_path text not null,
  indicator text not null check (indicator in ('assetCasesConcluded', 'terminationQualified',
    'petitionsConcluded', 'overallConcluded')),
  month date not null check (extract(day from month) = 1),
  -- No check here: PostgreSQL checks the row an upsert proposes (a passing count of +1 alone)
  -- before it adds it to the row there. 0 ≤ numerator ≤ denominator is kept by construction and
  -- proved by the recompute.
  numerator int not null default 0,
  denominator int not null default 0,
  primary key (court_id, indicator, month)
);
create index indicator_months_scope on command.indicator_months (court_path text_pattern_ops, indicator, month);

-- 3. Petitions (信访) against cases; 执行信访案件办结率 counts each on its registration day.
create table command.petitions (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  court_path text not null,
  case_number text not null,
  -- The court where it was lodged: the case's court, or a court above it that tracks it.
  received_by_court_id uuid not null,
  petitioner text not null,
  summary text not null,
  registered_on date not null,
  registered_by uuid not null,
  state text not null check (state in ('open', 'concluded')),
  resolution text,
  concluded_on date,
  concluded_by uuid,
  created_at timestamptz not null default now(),
  check ((state = 'concluded') = (concluded_on is not null and resolution is not null))
);
create index petitions_scope on command.petitions (court_path text_pattern_ops, registered_on, state);
create index petitions_case on command.petitions (case_id);

-- 终本 case reviews (终本案件检查): a finding that a condition was not met makes the closure unqualified.
create table command.termination_reviews (
  id uuid primary key,
  case_id uuid not null,
  item text not null,
  finding text not null,
  reviewed_by uuid not null,
  reviewer_court_id uuid not null,
  reviewed_on date not null,
  created_at timestamptz not null default now()
);
create index termination_reviews_case on command.termination_reviews (case_id, created_at);

-- Supervision (督办) by a court above, with the lower court's reports.
create table command.supervisions (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  court_id uuid not null,
  court_path text not null,
  opened_by uuid not null,
  opened_by_name text not null,
  opened_by_court_id uuid not null,
  opened_by_court_path text not null,
  demands text not null,
  opened_on date not null,
  due_on date not null,
  state text not null check (state in ('open', 'reported', 'closed')),
  -- Escalated: no report by the due date (the court's leader and the supervising centre are told).
  escalated_on date,
  created_at timestamptz not null default now(),
  check (due_on >= opened_on)
);
create index supervisions_scope on command.supervisions (court_path text_pattern_ops, state, due_on);
create index supervisions_opener on command.supervisions (opened_by_court_path text_pattern_ops, state, due_on);
create index supervisions_case on command.supervisions (case_id);

create table command.supervision_reports (
  id uuid primary key,
  supervision_id uuid not null references command.supervisions (id),
  text text not null,
  reported_by uuid not null,
  reported_by_name text not null,
  reported_on date not null,
  is_late boolean not null,
  created_at timestamptz not null default now()
);
create index supervision_reports_supervision on command.supervision_reports (supervision_id, created_at);

-- Entrustment (事项委托): a matter done by another court on its ground. The receiving court sees the
-- matter and its documents, not the case.
create table command.entrustments (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  from_court_id uuid not null,
  from_court_path text not null,
  from_court_name text not null,
  to_court_id uuid not null,
  to_court_path text not null,
  to_court_name text not null,
  matter text not null check (matter in ('serve', 'investigate', 'seal', 'seize', 'other')),
  details text not null,
  documents jsonb not null default '[]',
  due_on date not null,
  state text not null check (state in ('sent', 'accepted', 'completed')),
  requested_by uuid not null,
  requested_by_name text not null,
  requested_on date not null,
  accepted_by uuid,
  accepted_by_name text,
  accepted_on date,
  completed_by uuid,
  completed_by_name text,
  completed_on date,
  result text,
  receipts jsonb not null default '[]',
  created_at timestamptz not null default now(),
  check (from_court_id <> to_court_id),
  check (state = 'sent' or accepted_on is not null),
  check ((state = 'completed') = (completed_on is not null and result is not null))
);
create index entrustments_to on command.entrustments (to_court_path text_pattern_ops, state, due_on);
create index entrustments_from on command.entrustments (from_court_path text_pattern_ops, state, due_on);
create index entrustments_case on command.entrustments (case_id);

-- Warnings (预警): node deadlines yellow before and red after, passive cases; escalated in turn to the
-- team, the court's leader and the command centre. One row per case, kind and deadline.
create table command.warnings (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  court_id uuid not null,
  court_path text not null,
  kind text not null check (kind in ('deadline', 'passive')),
  deadline_kind text not null default '',
  due_on date,
  level text not null check (level in ('yellow', 'red')),
  escalation text not null check (escalation in ('team', 'courtLeader', 'commandCentre')),
  flags text[] not null default '{}',
  raised_on date not null,
  updated_on date not null,
  unique (case_id, kind, deadline_kind)
);
create index warnings_scope on command.warnings (court_path text_pattern_ops, level, due_on);
