-- An audit that the database's owner cannot rewrite (docs/decisions/0012-audit-that-owners-cannot-rewrite.md).

-- The application may add audit records, read them and seal each once — the chain columns only,
-- as the trigger allows; it may not change, delete or truncate them, nor (owning nothing) switch
-- the trigger off.
revoke all on audit.records from zhixing_app;
grant select, insert on audit.records to zhixing_app;
grant update (chain_seq, prev_hash, hash) on audit.records to zhixing_app;

-- A new record arrives unsealed, stamped with its own transaction and its time: only the sealer
-- links records into the chain, and the sealer's view of "finished" rests on the transaction id.
create or replace function audit.guard_records() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null then
      raise exception 'audit records are sealed only by the sealer (INSERT of a sealed row refused)'
        using errcode = '42501';
    end if;
    new.tx_id := pg_current_xact_id();
    new.occurred_at := now();
    return new;
  end if;
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
drop trigger records_append_only on audit.records;
create trigger records_append_only before insert or update or delete on audit.records
  for each row execute function audit.guard_records();

-- Signed checkpoints of the chain's head (the file beside the signing key is the one verification
-- trusts; this copy serves the transparency page). Only added to, never changed.
create table audit.checkpoints (
  id bigserial primary key,
  chain text not null,
  chain_seq bigint not null,
  head_hash text not null,
  signed_at timestamptz not null,
  china_date date not null,
  key_id text not null,
  signature text not null
);
create index checkpoints_chain on audit.checkpoints (chain, chain_seq);
create index checkpoints_day on audit.checkpoints (chain, china_date, signed_at);
revoke all on audit.checkpoints from zhixing_app;
grant select, insert on audit.checkpoints to zhixing_app;
