-- Transactional outbox: use cases insert events in their own transaction; the dispatcher
-- fans each event out to the subscribers registered for its type and delivers each once.
create table platform.outbox_events (
  id bigserial primary key,
  event_type text not null,
  aggregate_id text,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  is_fanned_out boolean not null default false
);
create index outbox_events_pending on platform.outbox_events (id) where not is_fanned_out;

create table platform.outbox_deliveries (
  event_id bigint not null references platform.outbox_events (id),
  subscriber text not null,
  state text not null default 'pending' check (state in ('pending', 'delivered', 'dead')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  delivered_at timestamptz,
  primary key (event_id, subscriber)
);
create index outbox_deliveries_due on platform.outbox_deliveries (next_attempt_at) where state = 'pending';
