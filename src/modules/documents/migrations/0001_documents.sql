-- Documents, the electronic dossier and field work. A document keeps the exact bytes it was served
-- as (Word and PDF), so its recorded SHA-256 is the hash of what a party downloads; sealing makes a
-- new version with the seal on the page and the court's signature over its hashes.
-- The application's grants come from the default privileges of platform/0004_application_role.sql.
create schema documents;

-- One signing key per court (Ed25519); the private key is stored encrypted (PKCS#8, AES-256).
create table documents.court_keys (
  court_id uuid primary key,
  algorithm text not null default 'Ed25519' check (algorithm = 'Ed25519'),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null
);

create table documents.documents (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  template text not null,
  title text not null,
  number text not null,
  issued_on date not null,
  -- The filled document (court, title, number, body, date) as rendered into both files.
  model jsonb not null,
  docx bytea not null,
  pdf bytea not null,
  sha256 text not null check (length(sha256) = 64),
  pdf_sha256 text not null check (length(pdf_sha256) = 64),
  -- The hash of the unsealed draft, kept when the sealed version replaces it.
  draft_sha256 text not null check (length(draft_sha256) = 64),
  created_at timestamptz not null,
  created_by uuid not null,
  created_by_name text not null,
  sealed_at timestamptz,
  sealed_by uuid,
  sealed_by_name text,
  signature text,
  check ((sealed_at is null) = (signature is null))
);
create index documents_case on documents.documents (case_id, created_at);
create index documents_sha on documents.documents (sha256);
create index documents_pdf_sha on documents.documents (pdf_sha256);

-- 送达: electronic service through the party portal (received when the party opens it) or by post.
create table documents.services (
  id uuid primary key,
  document_id uuid not null references documents.documents (id),
  case_id uuid not null,
  party_id uuid not null,
  party_name text not null,
  method text not null check (method in ('electronic', 'postal')),
  served_at timestamptz not null,
  received_at timestamptz,
  tracking_number text,
  note text not null default '',
  created_by_name text not null,
  unique (document_id, party_id, method)
);
create index services_party on documents.services (party_id);

-- Files uploaded to a case in pieces (resumable): a photo or video from the field, a scanned paper.
create table documents.uploads (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  file_name text not null,
  media_type text not null,
  total_bytes bigint not null check (total_bytes > 0),
  received_bytes bigint not null default 0 check (received_bytes >= 0 and received_bytes <= total_bytes),
  sha256 text check (sha256 is null or length(sha256) = 64),
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null,
  completed_at timestamptz
);
create index uploads_case on documents.uploads (case_id);

create table documents.upload_chunks (
  upload_id uuid not null references documents.uploads (id),
  start_byte bigint not null,
  bytes bytea not null,
  primary key (upload_id, start_byte)
);

-- 移动执行: what officers recorded on site, time- and position-stamped, signed by the officers.
create table documents.field_records (
  id uuid primary key,
  case_id uuid not null,
  court_id uuid not null,
  -- The capturing device's own id for the record: a sync sent twice records it once.
  client_key text not null,
  captured_at timestamptz not null,
  latitude double precision,
  longitude double precision,
  accuracy_m double precision,
  address text not null,
  note text not null,
  officers jsonb not null,
  file_ids uuid[] not null default '{}',
  sha256 text not null check (length(sha256) = 64),
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null,
  unique (case_id, client_key)
);

-- The electronic dossier (电子卷宗): every document version, file and field record of a case, in order.
create table documents.dossier_entries (
  seq bigserial primary key,
  case_id uuid not null,
  kind text not null check (kind in ('document', 'file', 'fieldRecord')),
  ref_id uuid not null,
  title text not null,
  sha256 text not null check (length(sha256) = 64),
  added_at timestamptz not null,
  added_by_name text not null,
  unique (kind, ref_id, sha256)
);
create index dossier_case on documents.dossier_entries (case_id, seq);
