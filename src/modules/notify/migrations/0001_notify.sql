-- Notifications for every module: SMS to parties through the SMS gateway (docs/protocols/sms.md)
-- and in-app messages to court staff, with the log of every delivery attempt. The application's
-- grants come from the default privileges of platform/0004_application_role.sql.
create schema notify;

-- One row per message to one recipient. The caller's idempotency key (`funds.arrival:<receiptId>`;
-- for in-app messages, suffixed with the user id) makes a replayed caller queue nothing twice.
create table notify.messages (
  id uuid primary key,
  -- The order of an inbox (newest first) and its paging cursor.
  seq bigint generated always as identity unique,
  channel text not null check (channel in ('sms', 'inApp')),
  dedupe_key text not null unique check (length(dedupe_key) between 1 and 300),
  -- A phone number for SMS (personal data: masked outside the case team), a user id in-app.
  recipient text not null,
  case_id uuid,
  court_id uuid,
  kind text not null check (kind ~ '^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)*$' and length(kind) <= 64),
  title text,
  body text not null,
  state text not null,
  attempts int not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  -- When a send job last looked at the message: an SMS left unsent and untouched has lost its job.
  updated_at timestamptz not null default now(),
  sent_at timestamptz,
  read_at timestamptz,
  check (
    (channel = 'sms' and state in ('queued', 'sending', 'sent', 'failed'))
    or (channel = 'inApp' and state in ('unread', 'read') and title is not null)
  ),
  check (state <> 'sent' or sent_at is not null),
  check (state <> 'read' or read_at is not null)
);
create index messages_inbox on notify.messages (recipient, seq desc) where channel = 'inApp';
create index messages_unread on notify.messages (recipient) where channel = 'inApp' and state = 'unread';
create index messages_case on notify.messages (case_id, seq) where case_id is not null;
create index messages_unsent on notify.messages (updated_at) where state in ('queued', 'sending');

-- The delivery log: one row per attempt to hand an SMS to the gateway, written before the call
-- (`inFlight`) and given its outcome after; one left in flight by a dead process is `interrupted`.
create table notify.deliveries (
  id bigint generated always as identity primary key,
  message_id uuid not null references notify.messages (id),
  attempt int not null check (attempt >= 1),
  attempted_at timestamptz not null default now(),
  outcome text not null check (outcome in ('inFlight', 'accepted', 'rejected', 'unavailable', 'interrupted')),
  http_status int,
  detail text
);
create index deliveries_message on notify.deliveries (message_id, id);

-- The log is kept: the application records attempts and their outcomes, and removes none.
revoke delete on notify.deliveries from zhixing_app;
