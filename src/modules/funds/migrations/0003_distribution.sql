-- 参与分配 and the distribution plan (分配方案), CPL-I arts. 506–510 and 514 (rules/distribution.ts).
-- The application's role gets select/insert/update/delete on these tables by the default
-- privileges of platform/migrations (0001); objections are records of filings and never change.

-- A creditor's application to take part in the distribution of a case's money: an applicant of the
-- case (party_id), or a creditor from outside it with a basis of its own (party_id null; its share
-- is then payable to the application's id, which stands for it as payee in funds.payables).
create table funds.distribution_applications (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  party_id uuid,
  creditor_name text not null,
  id_number text,
  credit_code text,
  -- The creditor's basis (执行依据), as the application describes it (art. 507).
  basis text not null,
  priority text not null check (priority in ('priority', 'secured', 'ordinary')),
  principal_fen bigint not null check (principal_fen >= 0),
  interest_fen bigint not null default 0 check (interest_fen >= 0),
  -- The creditor's seizure (查封、扣押、冻结) of the respondent's property: art. 514 orders by it.
  seized_at date,
  state text not null default 'admitted' check (state in ('admitted')),
  applied_on date not null,
  recorded_by uuid not null,
  recorded_at timestamptz not null default now(),
  check (principal_fen + interest_fen > 0)
);
create index distribution_applications_case on funds.distribution_applications (case_id, recorded_at);
create unique index distribution_applications_party on funds.distribution_applications (case_id, party_id)
  where party_id is not null;

-- A plan, drafted from the case's unallocated money and the applications' claims still unpaid.
-- drafted → served → (objected → opposed → sued | unopposed) → final → executed; a new draft
-- supersedes a drafted or unopposed one. At most one plan of a case is open at a time.
create table funds.distribution_plans (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  state text not null check (state in ('drafted', 'served', 'objected', 'opposed', 'unopposed', 'sued',
                                       'final', 'executed', 'superseded')),
  respondent_party_id uuid not null,
  respondent_kind text not null check (respondent_kind in ('person', 'organisation', 'company')),
  ordinary_rule text not null check (ordinary_rule in ('proRata', 'seizureOrder')),
  amount_fen bigint not null check (amount_fen > 0),
  costs_fen bigint not null check (costs_fen >= 0),
  refund_fen bigint not null check (refund_fen >= 0),
  -- The disputed amount kept back while the objector's suit runs (art. 510: 提存).
  lodged_fen bigint not null default 0 check (lodged_fen >= 0),
  drafted_by uuid not null,
  drafted_at timestamptz not null default now(),
  served_on date,
  -- The day the others were told of the (latest) objection: the 15 days to oppose run from it.
  objection_notified_on date,
  opposed_on date,
  -- The day the objector was told of the opposition: the 15 days to sue run from it.
  opposition_notified_on date,
  opposition_note text,
  sued_on date,
  suit_note text,
  final_on date,
  executed_at timestamptz,
  journal_id uuid references funds.journals (id),
  updated_at timestamptz not null default now(),
  check (state in ('drafted', 'superseded') or served_on is not null)
);
create unique index distribution_plans_open on funds.distribution_plans (case_id)
  where state not in ('executed', 'superseded');
create index distribution_plans_case on funds.distribution_plans (case_id, drafted_at);

-- Each application's share in a plan, with the claim it was drafted on.
create table funds.distribution_shares (
  plan_id uuid not null references funds.distribution_plans (id),
  application_id uuid not null references funds.distribution_applications (id),
  position smallint not null,
  priority text not null check (priority in ('priority', 'secured', 'ordinary')),
  claim_principal_fen bigint not null check (claim_principal_fen >= 0),
  claim_interest_fen bigint not null check (claim_interest_fen >= 0),
  seized_at date,
  amount_fen bigint not null check (amount_fen >= 0),
  principal_fen bigint not null check (principal_fen >= 0),
  interest_fen bigint not null check (interest_fen >= 0),
  lodged_fen bigint not null default 0 check (lodged_fen >= 0 and lodged_fen <= amount_fen),
  primary key (plan_id, application_id),
  check (principal_fen + interest_fen = amount_fen),
  check (amount_fen <= claim_principal_fen + claim_interest_fen)
);

-- A written objection to a plan (art. 509): by a creditor (an application) or the respondent
-- (objector null), saying that a share is too large by the disputed amount.
create table funds.distribution_objections (
  id uuid primary key,
  plan_id uuid not null references funds.distribution_plans (id),
  case_id uuid not null,
  objector_application_id uuid references funds.distribution_applications (id),
  against_application_id uuid not null references funds.distribution_applications (id),
  disputed_fen bigint not null check (disputed_fen > 0),
  reason text not null,
  filed_on date not null,
  recorded_by uuid not null,
  recorded_at timestamptz not null default now()
);
create index distribution_objections_plan on funds.distribution_objections (plan_id, recorded_at);
revoke update, delete, truncate on funds.distribution_objections from zhixing_app;
