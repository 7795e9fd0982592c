-- Shared allowances (rate limits per window, daily quotas): how much of each (key, window) the
-- servers have granted between them, so that N servers allow what one would, not N times it.
-- Each server leases a share and counts it down in memory (platform/allowances.ts).
create table platform.allowances (
  key text not null,
  window_id text not null,
  granted bigint not null default 0 check (granted >= 0),
  updated_at timestamptz not null default now(),
  primary key (key, window_id)
);
create index allowances_updated on platform.allowances (updated_at);
