-- Execution to bankruptcy (执转破) and state judicial aid (司法救助) in enforcement. The
-- application's grants come from the default privileges of platform/0004_application_role.sql.

-- CPL-I arts. 511–514; 法发〔2017〕2号: a respondent that is an enterprise legal person is referred,
-- with the written consent of an applicant or of itself, to the court of its domicile; enforcement is
-- suspended until that court rules.
create table procedures.bankruptcy_referrals (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  respondent_party_id uuid not null,
  respondent_name text not null,
  credit_code text not null,
  consenting_party_id uuid not null,
  consenting_party_name text not null,
  consenting_role text not null check (consenting_role in ('applicant', 'respondent')),
  consented_on date not null,
  decided_on date not null check (decided_on >= consented_on),
  transfer_due_on date not null,
  service_due_on date not null,
  acceptance_due_on date not null,
  receiving_court_id uuid,
  receiving_court_name text not null check (length(receiving_court_name) between 1 and 100),
  insolvency_facts text not null check (length(insolvency_facts) between 1 and 4000),
  -- The criteria as the court saw them when it decided (rules/bankruptcy-referral.ts).
  criteria jsonb not null check (jsonb_typeof(criteria) = 'array'),
  status text not null default 'awaitingAcceptance'
    check (status in ('awaitingAcceptance', 'accepted', 'declaredBankrupt', 'refused')),
  created_at timestamptz not null,
  created_by uuid not null,
  created_by_name text not null,
  updated_at timestamptz not null
);
-- One referral of a respondent of a case in the receiving court's hands at a time.
create unique index bankruptcy_referrals_open on procedures.bankruptcy_referrals (case_id, respondent_party_id)
  where status in ('awaitingAcceptance', 'accepted');
create index bankruptcy_referrals_case on procedures.bankruptcy_referrals (case_id, created_at);

-- The receiving court's rulings as the enforcing court records them, in order.
create table procedures.bankruptcy_referral_outcomes (
  id uuid primary key,
  referral_id uuid not null references procedures.bankruptcy_referrals (id),
  outcome text not null check (outcome in ('accepted', 'declaredBankrupt', 'refused')),
  ruled_on date not null,
  ruling_number text not null check (length(ruling_number) between 1 and 100),
  note text not null default '',
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  recorded_by_name text not null
);
create index bankruptcy_referral_outcomes_referral on procedures.bankruptcy_referral_outcomes (referral_id, recorded_at);

-- 法发〔2016〕16号 (意见) part 3: the base of the aid is the previous year's average monthly wage
-- where the court sits, set by each court (the demo figure until it does).
create table procedures.aid_wage_settings (
  court_id uuid primary key,
  wage_year int not null check (wage_year between 2000 and 2199),
  monthly_wage_fen bigint not null check (monthly_wage_fen > 0),
  updated_at timestamptz not null,
  updated_by uuid not null
);

-- 意见; 人民法院国家司法救助案件办理程序规定 (2019): an applicant who cannot recover and is in
-- hardship applies (through the case judge), a court leader decides, the aid is paid and recorded.
create table procedures.judicial_aid (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  applicant_party_id uuid not null,
  applicant_name text not null,
  reason text not null check (length(reason) between 1 and 500),
  hardship_facts text not null check (length(hardship_facts) between 1 and 4000),
  requested_fen bigint not null check (requested_fen > 0),
  filed_on date not null,
  decision_due_on date not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'paid')),
  -- At the decision: the wage and the cap it was measured against, and what was granted.
  monthly_wage_fen bigint check (monthly_wage_fen > 0),
  cap_fen bigint check (cap_fen >= 0),
  approved_fen bigint check (approved_fen > 0),
  decided_on date,
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  decision_reason text,
  -- The payment (its bank reference; the aid fund is outside the case account, see docs).
  paid_on date,
  paid_fen bigint check (paid_fen > 0),
  bank_reference text,
  paid_at timestamptz,
  paid_by uuid,
  paid_by_name text,
  -- 意见: money recovered after the aid repays the aid first; what the recovery still owes the fund.
  repay_from_recovery_fen bigint not null default 0 check (repay_from_recovery_fen >= 0),
  created_at timestamptz not null,
  created_by uuid not null,
  created_by_name text not null,
  check (approved_fen <= cap_fen),
  check ((status = 'pending') = (decided_at is null)),
  check ((status in ('approved', 'paid')) = (approved_fen is not null)),
  check ((status = 'paid') = (paid_at is not null))
);
-- 意见 (一次性救助): one aid per party per case, unless an earlier one was rejected.
create unique index judicial_aid_once on procedures.judicial_aid (case_id, applicant_party_id)
  where status <> 'rejected';
create index judicial_aid_case on procedures.judicial_aid (case_id, created_at);
create index judicial_aid_pending on procedures.judicial_aid (court_id, decision_due_on) where status = 'pending';
