-- Per court: after how many days without a node an open case is flagged as possibly passive
-- (消极执行); the default is the system's (rules/warnings.ts).
create table command.court_settings (
  court_id uuid primary key,
  passive_days int not null check (passive_days between 5 and 365),
  updated_by uuid not null,
  updated_at timestamptz not null default now()
);
alter table command.warnings add column team_ids uuid[] not null default '{}';
alter table command.warnings add column days int not null default 0;
