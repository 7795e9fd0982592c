-- The one clock (docs/decisions/0011-one-clock.md): in demo mode the administrator moves it
-- forward; the offset from real time is kept here so that every process, and a restart, agree.
create table platform.clock (
  is_singleton boolean primary key default true check (is_singleton),
  offset_ms bigint not null default 0 check (offset_ms >= 0),
  updated_at timestamptz not null default now()
);
insert into platform.clock (is_singleton, offset_ms) values (true, 0);
