-- Sanctions for obstructing enforcement (CPL 2023 arts. 114–119; CPL-I 2022 arts. 180–185): fines
-- (罚款), detention (拘留) and referrals for the crime of refusing to perform (拒执罪移送, Criminal
-- Law art. 313). Each is proposed by the case judge, approved by a court leader of the case's court
-- (art. 119), reviewed once by the higher court; detention and early release are orders to public
-- security (docs/protocols/public-security.md), kept in police_requests before they are sent.

create table procedures.sanctions (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  kind text not null check (kind in ('fine', 'detention', 'refusalReferral')),
  status text not null default 'proposed' check (status in ('proposed', 'decided', 'rejected', 'revoked')),
  -- Whom it falls on: a respondent of the case, or an outside unit or person (CPL arts. 114, 117).
  subject_kind text not null check (subject_kind in ('party', 'unit', 'person')),
  subject_type text not null check (subject_type in ('natural', 'organisation')),
  party_id uuid,
  subject_name text not null check (length(subject_name) between 1 and 200),
  id_number text,
  credit_code text,
  -- The ID number or credit code (else the party): detentions are counted per person across cases.
  subject_key text not null,
  -- The act sanctioned (CPL-I art. 184: one act, one fine and one detention at most).
  act_description text not null check (length(act_description) between 1 and 2000),
  act_on date not null,
  act_key text not null,
  -- CPL art. 118: a fine in fen, detention in days at a place.
  amount_fen bigint check (amount_fen > 0),
  days int check (days between 1 and 15),
  place text,
  proposed_at timestamptz not null,
  proposed_by uuid not null,
  proposed_by_name text not null,
  -- The court leader's approval (批准) or refusal, and the decision it issues (决定书).
  decided_at timestamptz,
  decided_on date,
  decided_by uuid,
  decided_by_name text,
  decision_note text,
  decision_number text,
  -- Detention: the person's Nth, and what public security answered.
  sequence int check (sequence >= 1),
  custody_state text check (custody_state in ('awaiting', 'admitted', 'refused', 'failed', 'released')),
  custody_place text,
  custody_start_on date,
  custody_end_on date,
  custody_refusal text,
  -- CPL-I art. 182: early release on the court president's approval, carried out by public security.
  release_decided_at timestamptz,
  release_decided_by uuid,
  release_decided_by_name text,
  release_note text,
  released_on date,
  release_refusal text,
  -- Refusal referral: public security's answer (or, after 60 days, its silence).
  referral_reply text check (referral_reply in ('accepted', 'declined')),
  referral_replied_on date,
  referral_reply_note text,
  referral_recorded_by_name text,
  check ((kind = 'fine') = (amount_fen is not null)),
  check ((kind = 'detention') = (days is not null and place is not null)),
  check (kind <> 'detention' or subject_type = 'natural'),
  check ((subject_kind = 'party') = (party_id is not null)),
  check ((status = 'proposed') = (decided_at is null)),
  check (status <> 'decided' or kind = 'refusalReferral' or decision_number is not null),
  check ((kind = 'detention' and status in ('decided', 'revoked')) = (sequence is not null)),
  check (custody_state is null or kind = 'detention'),
  check (custody_state <> 'admitted' or (custody_start_on is not null and custody_end_on is not null)),
  check (referral_reply is null or kind = 'refusalReferral')
);
create index sanctions_case on procedures.sanctions (case_id, proposed_at);
-- CPL-I art. 184: the same act is not sanctioned twice by the same measure (a rejected proposal bars nothing).
create unique index sanctions_same_act on procedures.sanctions (case_id, subject_key, act_key, kind)
  where status <> 'rejected';
-- 第N次拘留: one number per person.
create unique index sanctions_detention_sequence on procedures.sanctions (subject_key, sequence)
  where sequence is not null;

-- 司惩: decision numbers, gap-free per court code and year.
create table procedures.sanction_numbers (
  court_code text not null,
  year int not null,
  last int not null check (last >= 1),
  primary key (court_code, year)
);

-- A fine paid (into the court's non-tax revenue account for the treasury, not the case account).
create table procedures.fine_payments (
  id uuid primary key,
  sanction_id uuid not null references procedures.sanctions (id),
  case_id uuid not null,
  paid_on date not null,
  amount_fen bigint not null check (amount_fen > 0),
  note text not null default '',
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  recorded_by_name text not null
);
create index fine_payments_sanction on procedures.fine_payments (sanction_id, paid_on);

-- CPL art. 119, CPL-I art. 185: one review per sanction, applied within 3 days of receipt, decided
-- by the higher court within 5 days of the application; enforcement goes on meanwhile.
create table procedures.sanction_reviews (
  sanction_id uuid primary key references procedures.sanctions (id),
  case_id uuid not null,
  received_on date not null,
  applied_on date not null,
  decide_by date not null,
  application_note text not null default '',
  applied_at timestamptz not null,
  applied_by uuid not null,
  applied_by_name text not null,
  outcome text check (outcome in ('upheld', 'revoked')),
  decided_on date,
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  decided_by_court text,
  decision_note text,
  check ((outcome is null) = (decided_at is null))
);

-- Orders to public security (docs/protocols/public-security.md), written before they are sent and
-- sent again with the same id until public security gives an answer: a detention order and at most
-- one early-release order per sanction.
create table procedures.police_requests (
  id uuid primary key,
  sanction_id uuid not null references procedures.sanctions (id),
  kind text not null check (kind in ('detention', 'release')),
  -- The request body, sent byte for byte the same at every attempt.
  body text not null,
  state text not null default 'queued' check (state in ('queued', 'sending', 'answered', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  last_status int,
  last_error text,
  -- Public security's final answer (`admitted`, `refused`, `released`), as received.
  answer jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null default now(),
  answered_at timestamptz,
  unique (sanction_id, kind),
  check ((state = 'answered') = (answer is not null))
);
create index police_requests_open on procedures.police_requests (updated_at) where state in ('queued', 'sending');
