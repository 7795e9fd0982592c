-- The bank's arrival notices as received, before they are booked (docs/decisions/0015). The notice
-- route only records them here and answers; one booker per court at a time moves them into the
-- ledger in large batches (use-cases/booker.ts), so bookings never wait on each other's balance
-- rows. A notice leaves this table in the transaction that books it (a receipt with its serial).
create table funds.arrival_inbox (
  serial text primary key,
  -- The court whose account the notice names (null: no court of ours; booked to no queue).
  court_id uuid,
  source text not null check (source in ('bank', 'deduction')),
  to_account text not null,
  amount_fen bigint not null check (amount_fen > 0),
  payer_name text not null,
  payer_account text not null default '',
  received_at timestamptz not null,
  recorded_at timestamptz not null default now()
);
create index arrival_inbox_court on funds.arrival_inbox (court_id, recorded_at);
