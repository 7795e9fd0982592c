-- 执行款物管理规定 (2017) art. 15: money not paid within 30 days of its arrival needs an approved
-- delay (distribution needed, frozen in another case, the applicant does not collect, the case is
-- suspended); once its reason ends the money is paid within 10 days. One open delay per case.
create table funds.payout_delays (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  reason text not null check (reason in ('distributionNeeded', 'frozenInAnotherCase',
    'applicantNotCollecting', 'caseSuspended')),
  note text not null,
  state text not null check (state in ('pendingApproval', 'approved', 'rejected', 'ended')),
  requested_by uuid not null,
  requested_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  -- The China date of the approval, and of the end of its reason (the 10 days run from it).
  approved_on date,
  rejection_reason text,
  ended_by uuid,
  ended_on date,
  updated_at timestamptz not null default now(),
  check (state = 'pendingApproval' or decided_at is not null),
  check (state not in ('approved', 'ended') or approved_on is not null),
  check (state <> 'rejected' or rejection_reason is not null),
  check (state <> 'ended' or ended_on is not null)
);
create unique index payout_delays_open on funds.payout_delays (case_id)
  where state in ('pendingApproval', 'approved');
create index payout_delays_case on funds.payout_delays (case_id, requested_at);
create index payout_delays_court on funds.payout_delays (court_id, state, requested_at);

-- A delay is decided and ended, never removed: the application may not delete one.
revoke delete, truncate on funds.payout_delays from zhixing_app;

-- 退还被执行人: money allocated as refund is paid to a respondent through the same disbursements,
-- drawing on the case's refund balance instead of an applicant's payable. What proposals not yet
-- paid hold of the refund is reserved on the balance row, never more than the refund itself.
alter table funds.disbursements add column draws_on text not null default 'payable'
  check (draws_on in ('payable', 'refund'));
alter table funds.case_balances add column refund_reserved_fen bigint not null default 0;
alter table funds.case_balances add constraint case_balances_refund_reserved
  check (refund_reserved_fen >= 0 and refund_reserved_fen <= refund_fen);
