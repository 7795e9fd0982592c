create schema identity;

-- Courts: the four-level tree plus detached tribunals. `path` is the chain of ids from the
-- root ("/spc/high/intermediate/basic/"), the one thing data scope is computed from.
create table identity.courts (
  id uuid primary key,
  name text not null,
  court_code text not null,
  level text not null check (level in ('supreme', 'high', 'intermediate', 'basic', 'detachedTribunal')),
  division_code text not null check (division_code ~ '^[0-9]{6}$'),
  parent_id uuid references identity.courts (id),
  path text not null unique,
  created_at timestamptz not null default now(),
  check ((level = 'supreme') = (parent_id is null))
);
-- 法院代字 is unique among courts; a detached tribunal numbers its cases under its court's code.
create unique index courts_code_unique on identity.courts (court_code) where level <> 'detachedTribunal';
create index courts_parent on identity.courts (parent_id);

create table identity.users (
  id uuid primary key,
  username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text not null,
  password_hash text not null,
  court_id uuid not null references identity.courts (id),
  roles text[] not null check (
    roles <@ array['judge', 'assistant', 'bailiff', 'clerk', 'commandCentre', 'courtLeader', 'admin']::text[]
    and cardinality(roles) > 0
  ),
  is_disabled boolean not null default false,
  created_at timestamptz not null default now()
);
create index users_court on identity.users (court_id);

create table identity.teams (
  id uuid primary key,
  court_id uuid not null references identity.courts (id),
  name text not null,
  judge_id uuid not null references identity.users (id),
  assistant_id uuid references identity.users (id),
  bailiff_id uuid references identity.users (id),
  clerk_id uuid references identity.users (id),
  created_at timestamptz not null default now()
);
create index teams_court on identity.teams (court_id);

-- Sessions (UI cookie) and API tokens share one table; only the SHA-256 of the token is kept.
create table identity.sessions (
  token_hash text primary key,
  user_id uuid not null references identity.users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on identity.sessions (user_id);

-- Failed sign-ins, for throttling across every server instance.
create table identity.login_failures (
  id bigserial primary key,
  throttle_key text not null,
  failed_at timestamptz not null default now()
);
create index login_failures_key on identity.login_failures (throttle_key, failed_at);
