-- What happened today, per court, for the big screen's live counters: kept from the events of
-- cases, inquiry, funds and credit as they are delivered (one row per court and day).
create table command.daily_activity (
  court_id uuid not null,
  court_path text not null,
  day date not null,
  filed int not null default 0,
  closed int not null default 0,
  inquiries int not null default 0,
  listed int not null default 0,
  received_fen bigint not null default 0,
  primary key (court_id, day)
);
create index daily_activity_scope on command.daily_activity (day, court_path text_pattern_ops);
