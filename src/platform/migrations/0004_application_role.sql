-- The application's role (docs/decisions/0012-audit-that-owners-cannot-rewrite.md): it reads and
-- writes the data and owns nothing. Migrations run as the owner; whatever the owner creates from
-- now on is granted to the application by default, and a module takes back what its tables must
-- not allow (audit: no update, no delete).
alter default privileges grant usage on schemas to zhixing_app;
alter default privileges grant select, insert, update, delete on tables to zhixing_app;
alter default privileges grant usage, select on sequences to zhixing_app;

-- What exists already: an installation migrated before the roles.
do $$
declare
  s text;
begin
  for s in
    select nspname from pg_namespace
     where nspowner = (select oid from pg_roles where rolname = current_user)
       and nspname not like 'pg\_%' and nspname not in ('information_schema', 'public')
  loop
    execute format('grant usage on schema %I to zhixing_app', s);
    execute format('grant select, insert, update, delete on all tables in schema %I to zhixing_app', s);
    execute format('grant usage, select on all sequences in schema %I to zhixing_app', s);
  end loop;
end $$;

-- Which migrations ran is the owner's record: the application only reads it.
revoke insert, update, delete on platform.schema_migrations from zhixing_app;
