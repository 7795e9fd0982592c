import { flushMatchAudit } from '../../src/modules/matching/index.ts';
import { moduleNames } from '../../src/modules.ts';
import type { TestApp, TestDatabase } from '../support.ts';

/**
 * What a refused request must not change: every row of every table the modules and the platform
 * own, by count and by a digest of the rows (so an update is seen as well as an insert). Tables of
 * bookkeeping that every request may touch by design are left out, each with its reason.
 */
/** Every module's schema (the list of src/modules.ts, so a new module is covered the day it is added) and the platform's. */
const schemas = [...moduleNames, 'platform'];
const bookkeeping = new Set([
  // Sessions and the sign-in throttle count attempts, refused or not (that is their purpose).
  'identity.sessions',
  'identity.sign_in_throttle',
  'identity.sign_in_addresses',
  'identity.login_failures',
  // Rate limits count every request, refused ones included.
  'platform.allowances',
]);

export type Snapshot = Map<string, string>;

async function tablesOf(database: TestDatabase): Promise<string[]> {
  const rows = await database.sql<{ name: string }[]>`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ${database.sql(schemas)}
    order by 1`;
  return rows.map((r) => r.name).filter((name) => !bookkeeping.has(name));
}

const tablesByDatabase = new WeakMap<TestDatabase, Promise<string[]>>();

/** The rows as they are once the app has written what it writes after answering (the match audit, in batches). */
export async function takeSnapshot(t: TestApp): Promise<Snapshot> {
  await flushMatchAudit(t.app);
  const database = t.database;
  const tables = tablesByDatabase.get(database) ?? tablesOf(database);
  tablesByDatabase.set(database, tables);
  const names = await tables;
  const quoted = (name: string) =>
    name
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
  const query = names
    .map(
      (name) =>
        `select '${name}' as name, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as digest from ${quoted(name)} x`,
    )
    .join(' union all ');
  const rows = await database.sql.unsafe<{ name: string; digest: string }[]>(query);
  return new Map(rows.map((r) => [r.name, r.digest]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter(
    (name) => before.get(name) !== after.get(name),
  );
}
