-- Parties after filing: a correction of a party's details (name, phone, address, legal
-- representative, agents) by the case team keeps what it replaced, with who, when and why.
create table cases.party_changes (
  id uuid primary key,
  case_id uuid not null,
  party_id uuid not null references cases.parties (id),
  -- The fields as they were and as they are now; only the fields that changed.
  before jsonb not null,
  after jsonb not null,
  reason text not null check (length(reason) between 1 and 500),
  changed_by uuid not null,
  changed_by_name text not null,
  changed_at timestamptz not null default now()
);
create index party_changes_party on cases.party_changes (party_id, changed_at);
