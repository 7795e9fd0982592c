-- Daily reconciliation of each court account against the bank's statement (执行款物管理规定:
-- monthly at least; Zhixing does it every day): every difference listed, none resolved silently.
create table funds.reconciliations (
  court_id uuid not null,
  account_number text not null,
  statement_date date not null,
  state text not null check (state in ('balanced', 'differences')),
  bank_in_fen bigint not null,
  bank_out_fen bigint not null,
  ledger_in_fen bigint not null,
  ledger_out_fen bigint not null,
  differences jsonb not null,
  checked_at timestamptz not null default now(),
  primary key (court_id, statement_date)
);

create index receipts_court_day on funds.receipts (court_id, received_at);
create index disbursements_settled on funds.disbursements (court_id, settled_at) where state = 'paid';
