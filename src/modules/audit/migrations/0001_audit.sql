create schema audit;

-- Append-only audit log. Rows are written in the same transaction as the change they describe
-- (no lock, no contention); a sealer then links committed rows into one SHA-256 hash chain in
-- commit order (see docs/decisions/0005-audit-hash-chain.md). `zhixing audit verify` recomputes it.
create table audit.records (
  id bigserial primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  court_id uuid,
  action text not null,
  object_type text not null,
  object_id text,
  purpose text,
  outcome text not null default 'ok',
  detail jsonb,
  tx_id xid8 not null default pg_current_xact_id(),
  chain_seq bigint unique,
  prev_hash text,
  hash text
);
create index records_unsealed on audit.records (id) where chain_seq is null;
create index records_object on audit.records (object_type, object_id);
create index records_actor on audit.records (actor_id, occurred_at);

-- Audit records cannot be changed: no DELETE, no TRUNCATE, and UPDATE only to seal a row once.
create function audit.guard_records() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.chain_seq is null and old.hash is null
     and new.chain_seq is not null and new.hash is not null
     and (new.id, new.occurred_at, new.actor_id, new.actor_name, new.court_id, new.action, new.object_type,
          new.object_id, new.purpose, new.outcome, new.detail::text, new.tx_id)
         is not distinct from
         (old.id, old.occurred_at, old.actor_id, old.actor_name, old.court_id, old.action, old.object_type,
          old.object_id, old.purpose, old.outcome, old.detail::text, old.tx_id)
  then
    return new;
  end if;
  raise exception 'audit records are append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger records_append_only before update or delete on audit.records
  for each row execute function audit.guard_records();
create trigger records_no_truncate before truncate on audit.records
  for each statement execute function audit.guard_records();
