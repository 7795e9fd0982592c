create schema funds;

-- 一案一账号 (执行款物管理规定 2017 art. 5): each court's enforcement account at its bank, and the
-- virtual sub-account of each case under it (layout: src/kernel/case-account.ts).
create table funds.court_accounts (
  court_id uuid primary key,
  account_number text not null unique check (account_number ~ '^\d{12}$'),
  bank_name text not null,
  next_sequence int not null default 1,
  created_at timestamptz not null default now()
);
create sequence funds.court_account_no;

-- The Luhn check digit of src/kernel/case-account.ts, for accounts opened by this migration (a
-- property test holds the two to the same answers).
create function funds.luhn_digit(digits text) returns int language plpgsql immutable as $$
declare
  total int := 0;
  d int;
  i int;
begin
  for i in 0 .. length(digits) - 1 loop
    d := ascii(substr(digits, length(digits) - i, 1)) - 48;
    if i % 2 = 0 then
      d := d * 2;
      if d > 9 then d := d - 9; end if;
    end if;
    total := total + d;
  end loop;
  return (10 - total % 10) % 10;
end $$;

create function funds.court_account_number(n bigint) returns text language sql immutable as $$
  select '622188' || lpad(n::text, 6, '0')
$$;

create function funds.case_account_number(court_account text, seq int) returns text language sql immutable as $$
  select court_account || lpad(seq::text, 7, '0')
         || funds.luhn_digit(court_account || lpad(seq::text, 7, '0'))::text
$$;

-- A case's funds facts: its account number, and what the allocation rules need of it.
create table funds.case_accounts (
  case_id uuid primary key,
  court_id uuid not null,
  case_number text not null,
  account_number text not null unique check (account_number ~ '^\d{20}$'),
  -- The claim's principal; the enforcement fee (诉讼费用交纳办法 art. 14) is computed from it.
  claim_fen bigint not null check (claim_fen >= 0),
  -- The applicants when the account was opened: with exactly one, arrivals are allocated at once.
  applicant_ids uuid[] not null,
  -- The basis's effective date: delay interest runs from the day after (rules/delay-interest.ts).
  interest_from date not null,
  opened_at timestamptz not null default now()
);

-- Cached balances of a case, written in the same transaction as the entries they sum; `zhixing
-- funds verify` recomputes them from the entries.
create table funds.case_balances (
  case_id uuid primary key,
  received_fen bigint not null default 0,
  fees_fen bigint not null default 0,
  payable_fen bigint not null default 0,
  paid_fen bigint not null default 0,
  escrow_fen bigint not null default 0,
  refund_fen bigint not null default 0,
  unallocated_fen bigint not null default 0,
  -- The applicant's claim allocated so far: principal first, then delay interest (2014 art. 4).
  principal_allocated_fen bigint not null default 0,
  interest_allocated_fen bigint not null default 0,
  -- Delay interest accrued on the unpaid principal up to interest_accrued_to (rules/delay-interest.ts).
  interest_accrued_fen bigint not null default 0,
  interest_accrued_to date,
  check (fees_fen >= 0 and payable_fen >= 0 and paid_fen >= 0 and escrow_fen >= 0
         and refund_fen >= 0 and unallocated_fen >= 0),
  check (received_fen = fees_fen + payable_fen + paid_fen + escrow_fen + refund_fen + unallocated_fen)
);

-- What each applicant may be paid, and how much of it proposed disbursements hold.
create table funds.payables (
  case_id uuid not null,
  party_id uuid not null,
  payable_fen bigint not null default 0,
  reserved_fen bigint not null default 0,
  primary key (case_id, party_id),
  check (payable_fen >= 0 and reserved_fen >= 0 and reserved_fen <= payable_fen)
);

-- The applicant's account for payouts, captured at filing or later.
create table funds.payee_accounts (
  case_id uuid not null,
  party_id uuid not null,
  account_number text not null,
  account_name text not null,
  bank_name text not null,
  updated_at timestamptz not null default now(),
  primary key (case_id, party_id)
);

-- Money that arrived: from the bank's notices (its serial is the idempotency key) and deductions.
create table funds.receipts (
  id uuid primary key,
  serial text not null unique,
  source text not null check (source in ('bank', 'deduction')),
  -- Null only for an account of no court of ours (the bank notifies only subscribed accounts).
  court_id uuid,
  case_id uuid,
  to_account text not null,
  amount_fen bigint not null check (amount_fen > 0),
  payer_name text not null,
  payer_account text not null default '',
  received_at timestamptz not null,
  -- booked: to a case; unmatched: in the court's claim queue (待认领); claimed: from it, to a case.
  state text not null check (state in ('booked', 'unmatched', 'claimed')),
  claimed_by uuid,
  claimed_at timestamptz,
  created_at timestamptz not null default now()
);
create index receipts_case on funds.receipts (case_id, received_at) where case_id is not null;
create index receipts_unmatched on funds.receipts (court_id, received_at) where state = 'unmatched';

-- The journal: every movement of money, balanced, never changed (a mistake is a reversing journal).
create table funds.journals (
  id uuid primary key,
  seq bigserial unique,
  court_id uuid not null,
  case_id uuid,
  kind text not null,
  reference text not null,
  reverses_id uuid references funds.journals (id),
  created_by uuid,
  created_at timestamptz not null default now()
);
create index journals_case on funds.journals (case_id, seq) where case_id is not null;

-- Ledger accounts: court.bank (the money in the court's bank account), court.unmatched (claim
-- queue), court.paidOut (left the bank for a payee); case.unallocated, case.fees, case.payable,
-- case.paid, case.escrow, case.refund (a case's money by where it stands). Amounts are signed:
-- debits positive, credits negative; each journal's lines sum to zero.
create table funds.entries (
  journal_id uuid not null references funds.journals (id),
  line smallint not null,
  account text not null check (account in ('court.bank', 'court.unmatched', 'court.paidOut',
    'case.unallocated', 'case.fees', 'case.payable', 'case.paid', 'case.escrow', 'case.refund')),
  court_id uuid not null,
  case_id uuid,
  party_id uuid,
  amount_fen bigint not null check (amount_fen <> 0),
  primary key (journal_id, line)
);
create index entries_case on funds.entries (case_id) where case_id is not null;

create table funds.disbursements (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  payee_party_id uuid not null,
  payee_name text not null,
  payee_account text not null,
  payee_account_name text not null,
  payee_bank text not null,
  amount_fen bigint not null check (amount_fen > 0),
  purpose text not null,
  state text not null check (state in ('pendingApproval', 'approved', 'instructed', 'paid', 'failed', 'rejected')),
  required_approvals smallint not null,
  proposed_by uuid not null,
  proposed_at timestamptz not null default now(),
  approved_at timestamptz,
  instruction_id text not null unique,
  instructed_at timestamptz,
  bank_serial text,
  settled_at timestamptz,
  failure_reason text,
  journal_id uuid references funds.journals (id),
  updated_at timestamptz not null default now()
);
create index disbursements_case on funds.disbursements (case_id, proposed_at);
create index disbursements_open on funds.disbursements (court_id, state) where state in ('pendingApproval', 'approved', 'instructed');

create table funds.approvals (
  disbursement_id uuid not null references funds.disbursements (id),
  approver_id uuid not null,
  approved_at timestamptz not null default now(),
  primary key (disbursement_id, approver_id)
);

-- The ledger is append-only for the application: no update, no delete of journals and entries.
revoke update, delete, truncate on funds.journals, funds.entries from zhixing_app;

-- Existing courts and cases get their accounts now; new ones when they are created or filed.
insert into funds.court_accounts (court_id, account_number, bank_name)
select c.id, funds.court_account_number(nextval('funds.court_account_no')), '中国工商银行 / ICBC'
  from identity.courts c order by c.path;

with numbered as (
  select c.id, c.court_id, c.case_number, c.claim_amount_fen, c.basis_effective_date,
         row_number() over (partition by c.court_id order by c.filed_on, c.case_number) as seq
    from cases.cases c
)
insert into funds.case_accounts (case_id, court_id, case_number, account_number, claim_fen, applicant_ids, interest_from)
select n.id, n.court_id, n.case_number, funds.case_account_number(ca.account_number, n.seq::int),
       n.claim_amount_fen,
       array(select p.id from cases.parties p where p.case_id = n.id and p.role = 'applicant' order by p.position),
       n.basis_effective_date
  from numbered n join funds.court_accounts ca on ca.court_id = n.court_id;

update funds.court_accounts ca set next_sequence = coalesce(
  (select count(*) + 1 from funds.case_accounts a where a.court_id = ca.court_id), 1);

insert into funds.case_balances (case_id, interest_accrued_to) select case_id, interest_from from funds.case_accounts;
