-- Outside units (joint-punishment units …) call the API with keys of their own, each scoped to one
-- capability. Only the SHA-256 of a key is kept; the key is shown once. The webhook secret signs
-- the pushes to the unit (HMAC-SHA256), so it is kept as it is.
create table identity.api_clients (
  id uuid primary key,
  name text not null check (length(name) between 1 and 100),
  capability text not null check (capability in ('match', 'feed')),
  scene text not null,
  key_hash text not null unique,
  key_prefix text not null,
  rate_per_minute int not null default 6000 check (rate_per_minute between 1 and 10000000),
  daily_quota bigint not null default 100000000 check (daily_quota > 0),
  webhook_url text,
  webhook_secret text,
  created_by uuid not null references identity.users (id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references identity.users (id),
  check ((webhook_url is null) = (webhook_secret is null))
);

-- Calls, subjects and hits per unit and China day: the quota is counted here.
create table identity.api_client_usage (
  client_id uuid not null references identity.api_clients (id),
  day date not null,
  calls bigint not null default 0,
  subjects bigint not null default 0,
  hits bigint not null default 0,
  primary key (client_id, day)
);

-- Grid workers (网格员): a role, and the administrative areas a user is attached to.
alter table identity.users drop constraint users_roles_check;
alter table identity.users add constraint users_roles_check check (
  roles <@ array['judge', 'assistant', 'bailiff', 'clerk', 'commandCentre', 'courtLeader', 'admin', 'gridWorker']::text[]
  and cardinality(roles) > 0
);

create table identity.user_areas (
  user_id uuid not null references identity.users (id),
  area_code text not null check (area_code ~ '^[1-9][0-9]{5}$'),
  primary key (user_id, area_code)
);
