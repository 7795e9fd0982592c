import type postgres from 'postgres';
import type { Sql } from './db.ts';

/**
 * The two roles of a Zhixing database (docs/decisions/0012-audit-that-owners-cannot-rewrite.md):
 * the owner, which owns every schema and object and runs the migrations, and the application's
 * role, which reads and writes the data and owns nothing — so that the application, or anyone who
 * gets its connection, cannot switch the audit's trigger off, truncate or drop a table.
 */
export const ownerRole = 'zhixing_owner';
export const appRole = 'zhixing_app';

/** A role that logs in as the application: `zhixing_app` itself, or a member of it. */
export type AppLogin = { user: string; password: string };

const namePattern = /^[a-z_][a-z0-9_]{0,62}$/;
// Passwords go into `ALTER ROLE … PASSWORD '…'`, which takes no parameters: only these characters.
const passwordPattern = /^[A-Za-z0-9_-]{16,200}$/;

function roleName(name: string): string {
  if (!namePattern.test(name)) throw new Error(`not a role name Zhixing creates: ${name}`);
  return name;
}

function passwordLiteral(password: string): string {
  if (!passwordPattern.test(password)) throw new Error('a generated password has 16–200 of [A-Za-z0-9_-]');
  return `'${password}'`;
}

// Roles are shared by every database of the server: two first starts at once may both create one.
const createRole = (name: string, options: string) =>
  `do $$ begin create role ${roleName(name)} ${options};
   exception when duplicate_object or unique_violation then null; end $$`;

/**
 * As a superuser: creates the owner and the application role if missing (neither logs in), and
 * with `login` lets that role log in as the application — `zhixing_app` itself, or a member of it.
 * One process at a time (advisory lock): `serve` and `worker` may start together, and PostgreSQL
 * refuses two concurrent changes of one role.
 */
export async function ensureRoles(admin: Sql, opts: { login?: AppLogin } = {}): Promise<void> {
  await admin.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(8240004)`;
    for (const role of [ownerRole, appRole]) {
      await tx.unsafe(createRole(role, 'nologin'));
      // Whatever was done to them by hand, neither may be more than a plain role.
      await tx.unsafe(`alter role ${role} nosuperuser nocreatedb nocreaterole noreplication nobypassrls`);
    }
    const login = opts.login;
    if (!login) return;
    const user = roleName(login.user);
    if (user !== appRole) {
      await tx.unsafe(createRole(user, 'login'));
      await tx.unsafe(`grant ${appRole} to ${user}`);
    }
    await tx.unsafe(
      `alter role ${user} login password ${passwordLiteral(login.password)}
       nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit`,
    );
  });
}

/**
 * As a superuser: hands the owner role every object of `schemas` that another role owns (an
 * installation migrated before the roles existed belongs to the superuser), and lets it create
 * schemas in this database. Idempotent; nothing to do on the second run.
 */
export async function adoptObjects(admin: Sql, schemas: readonly string[]): Promise<void> {
  await admin.begin(async (tx) => {
    // The migrations' lock: two processes starting at once take over one after the other.
    await tx`select pg_advisory_xact_lock(8240001)`;
    await adoptObjectsNow(tx, schemas);
  });
}

async function adoptObjectsNow(admin: postgres.TransactionSql, schemas: readonly string[]): Promise<void> {
  const [db] = await admin<{ name: string }[]>`select quote_ident(current_database()) as name`;
  await admin.unsafe(`grant create, connect on database ${db?.name} to ${ownerRole}`);
  const owned = await admin<{ statement: string }[]>`
    select format('alter schema %I owner to %I', nspname, ${ownerRole}::text) as statement
      from pg_namespace where nspname = any(${schemas}) and nspowner <> ${ownerRole}::regrole
    union all
    -- Tables first: a sequence that belongs to a column follows its table.
    select format('alter %s %s owner to %I',
                  case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                 when 'f' then 'foreign table' else 'table' end, c.oid::regclass, ${ownerRole}::text)
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any(${schemas}) and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and c.relowner <> ${ownerRole}::regrole
    union all
    select format('alter routine %s owner to %I', p.oid::regprocedure, ${ownerRole}::text)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = any(${schemas}) and p.proowner <> ${ownerRole}::regrole
    union all
    select format('alter type %s owner to %I', t.oid::regtype, ${ownerRole}::text)
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = any(${schemas}) and t.typtype in ('e', 'd') and t.typowner <> ${ownerRole}::regrole`;
  for (const o of owned) await admin.unsafe(o.statement);
  const sequences = await admin<{ statement: string }[]>`
    select format('alter sequence %s owner to %I', c.oid::regclass, ${ownerRole}::text) as statement
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any(${schemas}) and c.relkind = 'S' and c.relowner <> ${ownerRole}::regrole`;
  for (const s of sequences) await admin.unsafe(s.statement);
}

/**
 * Refuses to run the application as a role that could rewrite the audit: a superuser, a role that
 * may create roles (it could make itself a member of the owner), or a member of the role that owns
 * the database, a schema or a table. Checked at every start, whatever the configuration says.
 */
export async function assertApplicationRole(sql: Sql): Promise<void> {
  const [me] = await sql<{ user: string; reasons: string[] }[]>`
    select r.rolname as user, array_remove(array[
      case when r.rolsuper then 'superuser' end,
      case when r.rolcreaterole then 'createrole' end,
      (select 'owns the database' from pg_database d
        where d.datname = current_database() and pg_has_role(r.oid, d.datdba, 'MEMBER')),
      (select 'owns schema ' || string_agg(n.nspname, ', ') from pg_namespace n
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and pg_has_role(r.oid, n.nspowner, 'MEMBER') having count(*) > 0),
      (select 'owns table ' || string_agg(c.oid::regclass::text, ', ') from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and pg_has_role(r.oid, c.relowner, 'MEMBER') having count(*) > 0)
    ], null) as reasons
    from pg_roles r where r.rolname = current_user`;
  if (!me || me.reasons.length === 0) return;
  throw new Error(
    `应用的数据库角色 ${me.user} 权限过大 / The application's database role ${me.user} could rewrite the audit ` +
      `(${me.reasons.join('; ')}): connect it as ${appRole} or a member of it ` +
      '(docs/decisions/0012-audit-that-owners-cannot-rewrite.md)',
  );
}
