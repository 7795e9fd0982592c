-- Disposal, third part: the good-faith measures of 善意文明执行意见 (法发〔2019〕35号; DOMAIN §13).
-- A respondent may sell a sealed or seized asset itself (自行处置) within a period the court sets
-- (at most 60 days) at no less than the lowest price it sets; the buyer pays into the case account,
-- and only then is the seal released. A period passed unpaid returns the asset to auction.
-- Replacing a seal by adequate security, and financing with sealed property, are recorded beside it.
create schema if not exists disposal;

-- The respondent's application (on the party portal): what the court decides on.
create table disposal.self_disposal_applications (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  asset_id uuid not null,
  respondent_party_id uuid not null,
  submitter_kind text not null check (submitter_kind in ('respondent', 'lawyer')),
  submitter_name text not null,
  submitter_id text not null,
  proposed_price_fen bigint not null check (proposed_price_fen > 0),
  buyer text,
  note text not null,
  state text not null default 'pending' check (state in ('pending', 'granted')),
  submitted_at timestamptz not null,
  granted_at timestamptz
);
create index self_disposal_applications_case on disposal.self_disposal_applications (case_id, submitted_at);

-- The court's decision: the period (days, due on `due_on`), the lowest price, and what followed.
create table disposal.self_disposals (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  asset_id uuid not null,
  asset_type text not null,
  asset_description text not null,
  application_id uuid unique references disposal.self_disposal_applications (id),
  -- 善意文明执行意见: the period is at most 60 days.
  days int not null check (days between 1 and 60),
  decided_on date not null,
  due_on date not null,
  lowest_price_fen bigint not null check (lowest_price_fen > 0),
  state text not null default 'open' check (state in ('open', 'paid', 'completed', 'lapsed')),
  buyer_name text,
  sale_price_fen bigint,
  sale_recorded_at timestamptz,
  sale_recorded_on date,
  sale_recorded_by uuid,
  paid_fen bigint not null default 0 check (paid_fen >= 0),
  paid_on date,
  release_measure_id uuid,
  release_problem text,
  completed_on date,
  lapsed_on date,
  decided_by uuid not null,
  decided_by_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (due_on > decided_on),
  check ((buyer_name is null) = (sale_price_fen is null)),
  check ((sale_price_fen is null) = (sale_recorded_on is null)),
  check (sale_price_fen is null or sale_price_fen >= lowest_price_fen),
  check ((state in ('paid', 'completed')) = (paid_on is not null)),
  check ((state = 'completed') = (completed_on is not null)),
  check ((state = 'lapsed') = (lapsed_on is not null))
);
create index self_disposals_case on disposal.self_disposals (case_id, created_at);
-- One self-disposal of an asset at a time: open, or paid and awaiting the release of the seal.
create unique index self_disposals_one_open on disposal.self_disposals (asset_id) where state in ('open', 'paid');
create index self_disposals_due on disposal.self_disposals (due_on) where state = 'open';

-- Each receipt of the case account counted once towards a sale (funds' `funds.money-received`).
create table disposal.self_disposal_receipts (
  receipt_id uuid not null,
  self_disposal_id uuid not null references disposal.self_disposals (id),
  amount_fen bigint not null check (amount_fen > 0),
  received_on date not null,
  primary key (receipt_id, self_disposal_id)
);
create index self_disposal_receipts_receipt on disposal.self_disposal_receipts (receipt_id);

-- Replacing a seal by security (查封置换), financing with sealed property (查封财产融资): allowed
-- with the applicant's consent or, without it, on the court's review (its note kept).
create table disposal.good_faith_measures (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  asset_id uuid not null,
  kind text not null check (kind in ('sealSubstitution', 'sealedFinancing')),
  security_kind text check (security_kind in ('cash', 'guarantee', 'property')),
  security_description text,
  lender text,
  amount_fen bigint not null check (amount_fen > 0),
  applicant_consent boolean not null,
  review_note text,
  recorded_on date not null,
  recorded_by uuid not null,
  recorded_by_name text not null,
  created_at timestamptz not null default now(),
  check (applicant_consent or review_note is not null),
  check ((kind = 'sealSubstitution') = (security_kind is not null and security_description is not null)),
  check ((kind = 'sealedFinancing') = (lender is not null))
);
create index good_faith_measures_case on disposal.good_faith_measures (case_id, created_at);
