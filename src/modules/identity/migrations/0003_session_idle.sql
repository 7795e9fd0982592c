-- Idle timeout (ASVS 3.3): a session unused for ZHIXING_SESSION_IDLE_MINUTES is refused and revoked,
-- besides its absolute expiry. Use is recorded at most about once a minute, not on every request.
alter table identity.sessions add column last_seen_at timestamptz not null default now();
