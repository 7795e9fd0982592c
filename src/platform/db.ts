import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Sql = postgres.Sql;
export type Db = PostgresJsDatabase<Record<string, never>>;
/** A transaction handle; use cases take `Db | Tx` where they may run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { sql: Sql; db: Db; close(): Promise<void> };

/**
 * A pool on `url`. `role` makes every session act as that role from its start (a superuser
 * migrating as the schema owner, docs/decisions/0012); the application never uses it, since a
 * session may switch back to the role it logged in as.
 */
export function connectDatabase(url: string, opts: { max?: number; role?: string } = {}): Database {
  const sql = postgres(url, {
    max: opts.max ?? 20,
    onnotice: () => {},
    connection: {
      application_name: 'zhixing',
      TimeZone: 'UTC',
      ...(opts.role !== undefined && { role: opts.role }),
    },
    transform: { undefined: null },
  });
  const db = drizzle(sql);
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}
