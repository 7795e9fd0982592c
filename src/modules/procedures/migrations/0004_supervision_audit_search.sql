-- Procuratorial supervision (检察监督) of a case and the recommendations exchanged with the
-- procuratorate; audit investigations (审计调查) with the audit institutions the lottery draws from
-- and each draw's public record; searches (搜查) from the warrant's request to the search record.
-- The application's grants come from the default privileges of platform/0004_application_role.sql.

-- CPL art. 246; 民事执行活动法律监督规定 (2016) art. 4: a court places a case under the supervision of
-- the procuratorate paired with the enforcing court or with one above it. Its procurators then see
-- the case read-only; nobody else outside the court does.
create table procedures.supervisions (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  -- The case's court path, for the court side's data scope.
  court_path text not null,
  case_number text not null,
  -- The procuratorate is named by the court it is paired with (its procurators are attached there).
  procuratorate_court_id uuid not null,
  procuratorate_name text not null,
  -- The procurator handling the supervision (承办检察官).
  procurator_id uuid not null,
  procurator_name text not null,
  reason text not null check (length(reason) between 1 and 2000),
  procuratorate_case_number text check (length(procuratorate_case_number) between 1 and 100),
  placed_at timestamptz not null,
  placed_by uuid not null,
  placed_by_name text not null,
  unique (case_id, procuratorate_court_id)
);
create index supervisions_procuratorate on procedures.supervisions (procuratorate_court_id, placed_at);
create index supervisions_court_path on procedures.supervisions (court_path text_pattern_ops, placed_at);

-- 监督规定 art. 13: a procuratorial recommendation (检察建议) is answered in writing within 3 months.
create table procedures.recommendations (
  id uuid primary key,
  supervision_id uuid not null references procedures.supervisions (id),
  case_id uuid not null,
  document_number text check (length(document_number) between 1 and 100),
  text text not null check (length(text) between 1 and 4000),
  issued_on date not null,
  received_on date not null,
  reply_due_on date not null,
  sent_at timestamptz not null,
  sent_by uuid not null,
  sent_by_name text not null,
  reply_text text check (length(reply_text) between 1 and 4000),
  replied_on date,
  replied_at timestamptz,
  replied_by uuid,
  replied_by_name text,
  check (issued_on <= received_on and received_on < reply_due_on),
  check ((reply_text is null) = (replied_at is null)),
  check ((replied_at is null) = (replied_on is null))
);
create index recommendations_supervision on procedures.recommendations (supervision_id, sent_at);
create index recommendations_awaiting on procedures.recommendations (reply_due_on) where replied_at is null;

-- 财产调查规定 art. 18: the list of qualified audit institutions the auditor is drawn from, kept by
-- the administrator of a court for that court and the courts below it.
create table procedures.audit_institutions (
  id uuid primary key,
  court_id uuid not null,
  court_path text not null,
  name text not null check (length(name) between 1 and 100),
  credit_code text check (length(credit_code) = 18),
  created_at timestamptz not null,
  created_by uuid not null,
  created_by_name text not null,
  unique (court_id, name)
);
create index audit_institutions_path on procedures.audit_institutions (court_path text_pattern_ops);

-- 财产调查规定 arts. 17–21: the applicant's written application, decided within 10 days; granted, the
-- auditor is drawn by lottery (audit_lotteries) and the applicant advances the fee.
create table procedures.audit_applications (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  applicant_party_id uuid not null,
  applicant_name text not null,
  respondent_party_id uuid not null,
  respondent_name text not null,
  ground text not null check (ground in ('refusedOrFalseReport', 'hidingOrTransferringAssets', 'capitalNotPaidOrWithdrawn')),
  reason text not null check (length(reason) between 1 and 2000),
  received_on date not null,
  due_on date not null,
  recorded_at timestamptz not null,
  recorded_by uuid not null,
  recorded_by_name text not null,
  state text not null default 'pending' check (state in ('pending', 'granted', 'rejected', 'auditorDrawn')),
  decided_on date,
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  decision_reason text,
  auditor_id uuid,
  auditor_name text,
  check (received_on < due_on),
  check ((state = 'pending') = (decided_at is null)),
  check ((decided_at is null) = (decided_on is null)),
  check (state <> 'rejected' or decision_reason is not null),
  check ((state = 'auditorDrawn') = (auditor_id is not null))
);
-- One undecided application per respondent of a case at a time.
create unique index audit_applications_pending on procedures.audit_applications (case_id, respondent_party_id)
  where state = 'pending';
create index audit_applications_case on procedures.audit_applications (case_id, recorded_at);

-- The lottery's public record (the disposal module's verifiable scheme, zhixing-lottery/1): the
-- roster and the commitment SHA-256(seed) published at the grant; the seed, the witness value and
-- the result at the draw. The seed is never shown before the draw.
create table procedures.audit_lotteries (
  id uuid primary key,
  application_id uuid not null unique references procedures.audit_applications (id),
  roster jsonb not null check (jsonb_typeof(roster) = 'array' and jsonb_array_length(roster) > 0),
  commitment text not null check (commitment ~ '^[0-9a-f]{64}$'),
  seed text not null check (seed ~ '^[0-9a-f]{64}$'),
  committed_at timestamptz not null,
  witness text,
  result jsonb,
  drawn_at timestamptz,
  drawn_by uuid,
  check ((drawn_at is null) = (result is null)),
  check ((drawn_at is null) = (witness is null))
);

-- CPL art. 259: the judge asks for a search warrant, the court president signs it, the team searches
-- and records it (CPL-I arts. 494–497); the record puts "debtorSearched" on the case's timeline.
create table procedures.searches (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  case_number text not null,
  respondent_party_id uuid not null,
  respondent_name text not null,
  places text not null check (length(places) between 1 and 500),
  reason text not null check (length(reason) between 1 and 2000),
  requested_on date not null,
  requested_at timestamptz not null,
  requested_by uuid not null,
  requested_by_name text not null,
  approval_due_on date not null,
  state text not null default 'requested' check (state in ('requested', 'approved', 'searched')),
  approved_on date,
  approved_at timestamptz,
  approved_by uuid,
  approved_by_name text,
  approval_note text,
  searched_on date,
  place text,
  officers jsonb,
  witnesses jsonb,
  findings text,
  signature_note text,
  recorded_at timestamptz,
  recorded_by uuid,
  recorded_by_name text,
  node_id uuid,
  check ((state = 'requested') = (approved_at is null)),
  check ((approved_at is null) = (approved_on is null)),
  check ((state = 'searched') = (recorded_at is not null)),
  check ((recorded_at is null) = (searched_on is null))
);
-- One warrant in progress (requested or signed, not yet executed) per respondent of a case.
create unique index searches_open on procedures.searches (case_id, respondent_party_id)
  where state in ('requested', 'approved');
create index searches_case on procedures.searches (case_id, requested_at);
