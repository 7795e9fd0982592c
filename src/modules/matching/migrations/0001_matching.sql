-- The joint-punishment matching service becomes a module of its own. It takes over, rows and all:
-- the units (identity's API clients) and their daily usage, the pepper of the match-audit digests
-- and the webhook cursors (both kept by credit until now). Credit keeps the punishments and their
-- change feed, which this module reads only through credit's index.ts.
create schema matching;

-- 联合惩戒单位: one key per unit, scoped to one capability; only the key's SHA-256 is kept.
alter table identity.api_clients set schema matching;
alter table matching.api_clients rename to units;
-- The administrators who registered and revoked a unit stay as identity user ids, without a
-- foreign key: one module does not constrain another's tables.
alter table matching.units drop constraint api_clients_created_by_fkey;
alter table matching.units drop constraint api_clients_revoked_by_fkey;
alter index matching.api_clients_pkey rename to units_pkey;
alter index matching.api_clients_key_hash_key rename to units_key_hash_key;
alter table matching.units rename constraint api_clients_name_check to units_name_check;
alter table matching.units rename constraint api_clients_capability_check to units_capability_check;
alter table matching.units rename constraint api_clients_rate_per_minute_check to units_rate_per_minute_check;
alter table matching.units rename constraint api_clients_daily_quota_check to units_daily_quota_check;
alter table matching.units rename constraint api_clients_check to units_webhook_check;

-- Calls, subjects and hits per unit and China day: the daily quota is counted here.
alter table identity.api_client_usage set schema matching;
alter table matching.api_client_usage rename to unit_usage;
alter table matching.unit_usage rename column client_id to unit_id;
alter index matching.api_client_usage_pkey rename to unit_usage_pkey;
alter table matching.unit_usage rename constraint api_client_usage_client_id_fkey to unit_usage_unit_id_fkey;

-- The pepper of the non-hit digests in match audits (the same pepper: old digests stay comparable).
alter table credit.secrets set schema matching;

-- How far each unit's webhook has been pushed along credit's change feed.
alter table credit.webhook_cursors set schema matching;
alter table matching.webhook_cursors rename column client_id to unit_id;
