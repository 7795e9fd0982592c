-- Disposal, first half: the reference price (财产处置参考价, 参考价规定 2018). A sealed or seized
-- asset of a case (an `inquiry.assets` row, referred to by id only) gets a valuation by one of four
-- methods: negotiated (当事人议价), directed inquiry (定向询价), online inquiry on every listed
-- platform (网络询价), or appraisal (委托评估) by three appraisers agreed in order or drawn by a
-- verifiable lottery (摇号). The auction half reads `valuations.reference_price_fen`.
create schema if not exists disposal;

-- The listed online inquiry platforms (司法网络询价平台名单库). A platform late five times within a
-- year is delisted for five years (参考价规定 2018; DOMAIN §6): `delisted_until` is the first day it
-- is eligible again. Delisted platforms get no requests.
create table disposal.valuation_platforms (
  code text primary key check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name text not null,
  is_listed boolean not null default true,
  delisted_on date,
  delisted_until date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((delisted_on is null) = (delisted_until is null))
);

insert into disposal.valuation_platforms (code, name) values
  ('alipaimai', '阿里拍卖询价 / Alibaba judicial auction inquiry'),
  ('jdpaimai', '京东询价 / JD inquiry'),
  ('rongegou', '工行融e购询价 / ICBC e-Buy inquiry');

-- The appraisal firms of the roster (评估机构名单库), by specialism. A lottery draws from the active
-- firms of one specialism in the order of `roster_position` (the published roster).
create table disposal.appraisers (
  id uuid primary key,
  name text not null,
  specialism text not null check (specialism in ('realEstate', 'vehicle', 'equity', 'ship', 'general')),
  credit_code text,
  roster_position bigint generated always as identity,
  is_active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  unique (specialism, name)
);
create index appraisers_roster on disposal.appraisers (specialism, roster_position) where is_active;

create table disposal.valuations (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  -- The asset as inquiry found it (inquiry.assets.id), with what the requests describe.
  asset_id uuid not null,
  asset_type text not null,
  asset_identifier text not null,
  asset_description text not null,
  registered_value_fen bigint,
  -- The day the seal or seizure took effect: the reference price is due to start 30 days later.
  controlled_on date,
  method text not null check (method in ('negotiated', 'directedInquiry', 'onlineInquiry', 'appraisal')),
  state text not null check (state in ('inquiring', 'extended', 'drawingLots', 'appraising', 'priced', 'failed')),
  started_by uuid not null,
  started_on date not null,
  -- Online inquiry: the day reports are due (3 days; 3 more once extended).
  inquiry_due_on date,
  is_extended boolean not null default false,
  reference_price_fen bigint check (reference_price_fen > 0),
  priced_on date,
  valid_until date,
  objection_due_on date,
  failure_reason text,
  -- Appraisal: the three appraisers in order (agreed, or as drawn) and the one working now (0-based).
  appraiser_ids uuid[],
  current_appraiser int,
  report_number text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state <> 'priced' or (reference_price_fen is not null and priced_on is not null and valid_until is not null)),
  check (method <> 'onlineInquiry' or inquiry_due_on is not null)
);
create index valuations_case on disposal.valuations (case_id, created_at);
create index valuations_asset on disposal.valuations (asset_id, created_at);
create index valuations_open on disposal.valuations (state, inquiry_due_on)
  where state in ('inquiring', 'extended', 'appraising');

-- One request per platform of an online inquiry, written before it is sent; sent with its id as the
-- idempotency key, so a resend is the same request. The platform's report lands on the same row.
create table disposal.platform_requests (
  id uuid primary key,
  valuation_id uuid not null references disposal.valuations (id),
  platform text not null references disposal.valuation_platforms (code),
  body jsonb not null,
  state text not null check (state in ('pending', 'accepted', 'reported', 'failed')),
  attempts int not null default 0,
  last_error text,
  accepted_at timestamptz,
  polled_at timestamptz,
  price_fen bigint check (price_fen > 0),
  report_number text,
  reported_at timestamptz,
  received_at timestamptz,
  received_on date,
  -- Decided when the window closes (or at receipt, after it closed); null while it is open.
  is_on_time boolean,
  -- Set aside by an upheld objection: no longer in the average.
  is_excluded boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (valuation_id, platform),
  check (state <> 'reported' or (price_fen is not null and received_on is not null))
);
create index platform_requests_open on disposal.platform_requests (state, updated_at)
  where state in ('pending', 'accepted');

-- Each time a platform missed its deadline (the rolling year counts toward delisting).
create table disposal.platform_lateness (
  platform text not null references disposal.valuation_platforms (code),
  valuation_id uuid not null references disposal.valuations (id),
  late_on date not null,
  primary key (platform, valuation_id)
);

-- Objections to a report (参考价规定: within 5 days), lodged for a party or by the team, decided by
-- the judge: an upheld one sets the report aside and the price is worked out again.
create table disposal.objections (
  id uuid primary key,
  valuation_id uuid not null references disposal.valuations (id),
  request_id uuid references disposal.platform_requests (id),
  party_id uuid,
  reason text not null,
  state text not null check (state in ('pending', 'upheld', 'dismissed')),
  lodged_by uuid not null,
  lodged_on date not null,
  decided_by uuid,
  decided_on date,
  decision_reason text,
  created_at timestamptz not null default now(),
  check (state = 'pending' or decided_on is not null)
);
create index objections_valuation on disposal.objections (valuation_id, created_at);

-- The verifiable lottery (摇号): the roster as published, the commitment SHA-256(seed) published
-- before the draw, the seed revealed after it, the result (roster positions in order).
create table disposal.lotteries (
  id uuid primary key,
  valuation_id uuid not null unique references disposal.valuations (id),
  specialism text not null,
  roster jsonb not null,
  commitment text not null check (commitment ~ '^[0-9a-f]{64}$'),
  seed text not null check (seed ~ '^[0-9a-f]{64}$'),
  witness text,
  result jsonb,
  committed_at timestamptz not null,
  drawn_at timestamptz,
  drawn_by uuid,
  check ((drawn_at is null) = (result is null))
);

-- Each appraiser's turn: commissioned, report due in 30 days, extended at most twice by at most 15
-- days, handed over to the next when late, or reported.
create table disposal.appraisal_assignments (
  valuation_id uuid not null references disposal.valuations (id),
  position int not null check (position between 0 and 2),
  appraiser_id uuid not null references disposal.appraisers (id),
  assigned_on date not null,
  due_on date not null,
  state text not null check (state in ('active', 'handedOver', 'reported')),
  ended_on date,
  primary key (valuation_id, position)
);

create table disposal.appraisal_extensions (
  id uuid primary key,
  valuation_id uuid not null,
  position int not null,
  days int not null check (days between 1 and 15),
  reason text not null,
  requested_on date not null,
  previous_due_on date not null,
  due_on date not null,
  requested_by uuid not null,
  foreign key (valuation_id, position) references disposal.appraisal_assignments (valuation_id, position)
);

-- A lottery's published record does not change: the roster, the commitment and the seed from the
-- start, the witness value and the result once drawn. The application cannot switch this off
-- (docs/decisions/0012).
create function disposal.lottery_record_is_fixed() returns trigger language plpgsql as $$
begin
  if new.valuation_id <> old.valuation_id or new.specialism <> old.specialism
     or new.roster is distinct from old.roster or new.commitment <> old.commitment
     or new.seed <> old.seed or new.committed_at <> old.committed_at
     or (old.result is not null and (new.result is distinct from old.result
       or new.witness is distinct from old.witness or new.drawn_at is distinct from old.drawn_at)) then
    raise exception 'a lottery''s published record does not change (lottery %)', old.id;
  end if;
  return new;
end $$;
create trigger lotteries_fixed before update on disposal.lotteries
  for each row execute function disposal.lottery_record_is_fixed();

-- The reference price's records are kept, never removed by the application.
revoke delete, truncate on disposal.valuations, disposal.platform_requests, disposal.platform_lateness,
  disposal.objections, disposal.lotteries, disposal.appraisal_assignments, disposal.appraisal_extensions
  from zhixing_app;
