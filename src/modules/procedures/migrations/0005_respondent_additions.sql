-- Changing and adding respondents (变更、追加被执行人, 变更追加规定 2020): the applicant's application
-- with its ground and the party named, the collegial panel's hearing (or the record that none was
-- needed), the president's extensions of the 60 days, and the ruling with the objection it opens.
-- The party added joins cases.parties by id (cases' joinRespondent), with its liability limit.
-- The application's grants come from the default privileges of platform/0004_application_role.sql.

create table procedures.respondent_additions (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  ground text not null check (ground in ('heir', 'soleProprietor', 'partner', 'unpaidCapital',
    'withdrawnCapital', 'transferBeforePaying', 'onePersonCompany', 'deregisteredWithoutLiquidation',
    'freeReceipt')),
  party_kind text not null check (party_kind in ('natural', 'legal', 'other')),
  party_name text not null check (length(party_name) between 1 and 200),
  id_number text check (length(id_number) = 18),
  credit_code text check (length(credit_code) = 18),
  -- 变更追加规定 arts. 10, 17–19, 22: the estate, the unpaid or withdrawn capital, what was received.
  limit_fen bigint check (limit_fen >= 1),
  facts text not null check (length(facts) between 1 and 4000),
  applied_via text not null check (applied_via in ('team', 'portal')),
  applied_on date not null,
  -- Art. 28: 60 days from the application, plus the president's extensions.
  due_on date not null check (due_on > applied_on),
  applied_at timestamptz not null,
  applied_by text not null,
  applied_by_name text not null,
  state text not null default 'underReview' check (state in ('underReview', 'added', 'rejected')),
  -- Art. 28: the public hearing, or the record that the facts are clear and undisputed.
  hearing_held_on date,
  hearing_record text check (length(hearing_record) between 1 and 8000),
  is_hearing_waived boolean,
  hearing_recorded_at timestamptz,
  hearing_recorded_by uuid,
  hearing_recorded_by_name text,
  decision text check (decision in ('add', 'reject')),
  reasons text check (length(reasons) between 1 and 8000),
  ruled_on date,
  ruled_at timestamptz,
  ruled_by uuid,
  ruled_by_name text,
  -- Arts. 30 and 32: review within 10 days, or a suit within 15.
  objection_kind text check (objection_kind in ('review', 'suit')),
  objection_due_on date,
  added_party_id uuid,
  check ((state = 'underReview') = (decision is null)),
  check (decision is null or (reasons is not null and ruled_on is not null and objection_due_on is not null)),
  check ((decision = 'add') = (added_party_id is not null)),
  check ((hearing_held_on is null) = (hearing_record is null)),
  check ((hearing_held_on is null) = (is_hearing_waived is null)),
  check (decision is distinct from 'add' or hearing_held_on is not null)
);
create index respondent_additions_case on procedures.respondent_additions (case_id, applied_at);

-- Art. 28: the president (院长) extends the period of a pending application.
create table procedures.respondent_addition_extensions (
  id uuid primary key,
  addition_id uuid not null references procedures.respondent_additions (id),
  days int not null check (days between 1 and 365),
  reason text not null check (length(reason) between 1 and 2000),
  approved_on date not null,
  due_on_before date not null,
  due_on_after date not null check (due_on_after > due_on_before),
  approved_at timestamptz not null,
  approved_by uuid not null,
  approved_by_name text not null
);
create index respondent_addition_extensions_addition on procedures.respondent_addition_extensions (addition_id);
