create schema credit;

-- One number for every measure that restricts someone (a listing, a person bound by a consumption
-- restriction, an exit restriction): the reference a joint-punishment unit quotes, and the key the
-- matching index uses.
create sequence credit.measure_no;

-- Courts as the credit module refers to them: a small number for the matching index.
create table credit.courts (
  court_no serial primary key,
  court_id uuid not null unique,
  name text not null,
  court_code text not null
);

-- 失信被执行人名单 (失信规定 2017). One row per listing of one respondent in one case; deletion,
-- revocation and correction change the state and keep their history in entry_history.
create table credit.entries (
  id uuid primary key,
  measure_no bigint not null unique default nextval('credit.measure_no'),
  case_id uuid not null,
  case_number text not null,
  case_year int not null,
  case_type text not null,
  case_seq int not null,
  case_filed_on date not null,
  court_id uuid not null,
  court_no int not null references credit.courts (court_no),
  court_path text not null,
  respondent_party_id uuid not null,
  subject_kind text not null check (subject_kind in ('natural', 'legal', 'other')),
  name text not null,
  id_number text,
  credit_code text,
  legal_representative text,
  division_code text,
  ground smallint not null check (ground between 1 and 6),
  facts text not null,
  initiated_by text not null check (initiated_by in ('application', 'ownMotion')),
  applicant_party_id uuid,
  application_received_on date,
  decision_due_on date,
  exclusions jsonb not null default '{}',
  extend_years smallint not null default 0 check (extend_years between 0 and 3),
  grace_months smallint not null default 0 check (grace_months between 0 and 3),
  state text not null check (state in ('pendingApproval', 'listed', 'refused', 'deleted', 'revoked')),
  requested_on date not null,
  requested_by uuid not null,
  requested_by_name text not null,
  decided_on date,
  approved_by uuid,
  approved_by_name text,
  publish_from date,
  expires_on date,
  obligation_fen bigint not null,
  performed_fen bigint not null,
  basis_document_number text not null,
  basis_issued_by text not null,
  decision_letter text,
  refusal_reason text,
  deleted_on date,
  deletion_ground text,
  deletion_reason text,
  deletion_due_on date,
  deletion_letter text,
  is_credit_repair boolean not null default false,
  -- 失信规定 art. 10(3): the applicant whose written request led to the deletion
  deleted_at_request_of text,
  revoked_on date,
  revocation_reason text,
  search_tokens text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state <> 'listed' or (decided_on is not null and publish_from is not null)),
  check (state <> 'deleted' or deleted_on is not null)
);
-- A respondent has at most one live listing per case (a deleted one may be followed by a new one).
create unique index entries_live on credit.entries (case_id, respondent_party_id) where state in ('pendingApproval', 'listed');
create index entries_case on credit.entries (case_id);
create index entries_scope on credit.entries (court_path text_pattern_ops, state, requested_on desc);
create index entries_id_number on credit.entries (id_number) where id_number is not null;
create index entries_credit_code on credit.entries (credit_code) where credit_code is not null;
create index entries_search on credit.entries using gin (search_tokens);
create index entries_expiring on credit.entries (expires_on) where state = 'listed' and expires_on is not null;

create table credit.entry_history (
  id bigserial primary key,
  entry_id uuid not null references credit.entries (id),
  action text not null,
  from_state text,
  to_state text not null,
  changes jsonb not null default '{}',
  reason text not null default '',
  actor_id uuid,
  actor_name text not null,
  occurred_on date not null,
  recorded_at timestamptz not null default now()
);
create index entry_history_entry on credit.entry_history (entry_id, id);

-- 限制消费令 (限消规定 2015): the order, and each subject it binds (the debtor; for an organisation
-- also its legal representative, principal, responsible person and actual controller).
create table credit.restrictions (
  id uuid primary key,
  case_id uuid not null,
  case_number text not null,
  case_year int not null,
  case_type text not null,
  case_seq int not null,
  court_id uuid not null,
  court_no int not null references credit.courts (court_no),
  court_path text not null,
  respondent_party_id uuid not null,
  subject_kind text not null check (subject_kind in ('natural', 'legal', 'other')),
  name text not null,
  id_number text,
  credit_code text,
  behaviours smallint[] not null,
  state text not null check (state in ('active', 'lifted')),
  ordered_on date not null,
  ordered_by uuid not null,
  ordered_by_name text not null,
  order_text text not null,
  entry_id uuid references credit.entries (id),
  lifted_on date,
  lift_ground text,
  lift_reason text,
  lifted_by uuid,
  is_credit_repair boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index restrictions_live on credit.restrictions (case_id, respondent_party_id) where state = 'active';
create index restrictions_case on credit.restrictions (case_id);
create index restrictions_scope on credit.restrictions (court_path text_pattern_ops, state, ordered_on desc);

create table credit.restriction_subjects (
  id uuid primary key,
  measure_no bigint not null unique default nextval('credit.measure_no'),
  restriction_id uuid not null references credit.restrictions (id),
  role text not null check (role in ('debtor', 'legalRepresentative', 'principal', 'responsiblePerson', 'actualController')),
  name text not null,
  id_number text,
  credit_code text,
  division_code text,
  state text not null check (state in ('active', 'released', 'lifted')),
  restricted_from date not null,
  released_on date,
  release_reason text,
  search_tokens text[] not null default '{}'
);
create index restriction_subjects_restriction on credit.restriction_subjects (restriction_id);
create index restriction_subjects_id_number on credit.restriction_subjects (id_number) where id_number is not null;
create index restriction_subjects_credit_code on credit.restriction_subjects (credit_code) where credit_code is not null;
create index restriction_subjects_search on credit.restriction_subjects using gin (search_tokens);

-- 限消规定 art. 3: a bound person allowed to spend private money on named behaviours.
create table credit.spending_permissions (
  id uuid primary key,
  restriction_subject_id uuid not null references credit.restriction_subjects (id),
  behaviours smallint[] not null,
  valid_from date not null,
  valid_until date not null check (valid_until >= valid_from),
  reason text not null,
  decided_by uuid not null,
  decided_by_name text not null,
  decided_on date not null,
  created_at timestamptz not null default now()
);
create index spending_permissions_subject on credit.spending_permissions (restriction_subject_id);

-- 限制出境: recorded with the notice to the exit authority.
create table credit.exit_restrictions (
  id uuid primary key,
  measure_no bigint not null unique default nextval('credit.measure_no'),
  case_id uuid not null,
  case_number text not null,
  case_year int not null,
  case_type text not null,
  case_seq int not null,
  court_id uuid not null,
  court_no int not null references credit.courts (court_no),
  court_path text not null,
  respondent_party_id uuid not null,
  subject_kind text not null check (subject_kind in ('natural', 'legal', 'other')),
  name text not null,
  id_number text,
  credit_code text,
  division_code text,
  authority text not null,
  state text not null check (state in ('active', 'lifted')),
  ordered_on date not null,
  ordered_by uuid not null,
  ordered_by_name text not null,
  notice_text text not null,
  lifted_on date,
  lift_reason text,
  created_at timestamptz not null default now()
);
create unique index exit_restrictions_live on credit.exit_restrictions (case_id, respondent_party_id) where state = 'active';
create index exit_restrictions_case on credit.exit_restrictions (case_id);

-- 失信规定 arts. 11–12: correction requests and their review.
create table credit.correction_requests (
  id uuid primary key,
  entry_id uuid not null references credit.entries (id),
  ground text not null check (ground in ('wronglyListed', 'wrongInformation', 'shouldHaveBeenDeleted')),
  statement text not null,
  received_on date not null,
  review_due_on date not null,
  state text not null check (state in ('pending', 'upheld', 'rejected', 'higherReview', 'higherUpheld', 'higherRejected')),
  decided_on date,
  decision_reason text,
  correction_due_on date,
  corrected_on date,
  higher_review_request_due_on date,
  higher_review_requested_on date,
  higher_review_due_on date,
  higher_decided_on date,
  recorded_by uuid not null,
  created_at timestamptz not null default now()
);
create index correction_requests_entry on credit.correction_requests (entry_id);

-- The judge's finding that no ground of 失信规定 art. 1 applies to a respondent (终本 checklist).
create table credit.no_ground_findings (
  case_id uuid not null,
  respondent_party_id uuid not null,
  reason text not null,
  recorded_by uuid not null,
  recorded_on date not null,
  primary key (case_id, respondent_party_id)
);

-- 终本 re-query results (失信规定 art. 10(4)), from the inquiry module's events.
create table credit.requery_results (
  case_id uuid not null,
  respondent_party_id uuid not null,
  round int not null,
  has_found_assets boolean not null,
  completed_on date not null,
  primary key (case_id, respondent_party_id, round)
);

-- The ordered change feed (listed, deleted, restriction added or lifted …). Writers take a
-- transaction-scoped advisory lock before inserting, so `seq` order is commit order and a reader
-- that has seen `seq` = n has seen every committed change before it.
create table credit.changes (
  seq bigserial primary key,
  kind text not null,
  measure text not null,
  measure_no bigint,
  subject_kind text not null,
  id_number text,
  credit_code text,
  name text not null,
  division_code text,
  court_no int,
  case_number text,
  since date,
  until date,
  behaviours smallint[],
  role text,
  occurred_at timestamptz not null default now()
);
create index changes_division on credit.changes (division_code text_pattern_ops, seq);

-- Secrets the module generates for itself: the pepper of the non-hit digests in match audits.
create table credit.secrets (
  name text primary key,
  value text not null
);

-- How far each grid worker has read their inbox (the change feed of their areas).
create table credit.grid_reads (
  user_id uuid primary key,
  last_read_seq bigint not null
);

-- Webhook delivery position per subscribed unit.
create table credit.webhook_cursors (
  client_id uuid primary key,
  delivered_seq bigint not null default 0,
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text
);

-- What every live measure restricts, one row per measure: what the matching index holds.
create view credit.active_measures as
  select e.measure_no, 'dishonestList'::text as measure, e.subject_kind, e.id_number, e.credit_code, e.name,
    e.court_no, e.case_number, e.case_year, e.case_type, e.case_seq,
    e.publish_from as since, e.expires_on as until, 0 as behaviour_mask, 'debtor'::text as role
  from credit.entries e where e.state = 'listed'
  union all
  select s.measure_no, 'consumptionRestriction', case when s.role = 'debtor' then r.subject_kind else 'natural' end,
    s.id_number, s.credit_code, s.name, r.court_no, r.case_number, r.case_year, r.case_type, r.case_seq,
    s.restricted_from, null::date, (select coalesce(sum(1 << b), 0) from unnest(r.behaviours) b)::int, s.role
  from credit.restriction_subjects s join credit.restrictions r on r.id = s.restriction_id
  where s.state = 'active' and r.state = 'active'
  union all
  select x.measure_no, 'exitRestriction', x.subject_kind, x.id_number, x.credit_code, x.name,
    x.court_no, x.case_number, x.case_year, x.case_type, x.case_seq, x.ordered_on, null::date, 0, 'debtor'
  from credit.exit_restrictions x where x.state = 'active';
