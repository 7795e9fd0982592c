import { parseArgs } from 'node:util';
import { supremeCourtCode } from '../kernel/index.ts';
import { ensureRootCourt, findCourtByCode, insertUser, Role } from '../modules/identity/index.ts';
import type { Database } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';

/**
 * `zhixing user add --username admin --display-name 管理员 --password … --court 最高法 --roles admin`.
 * Creates the first administrator on a fresh installation (ZHIXING_DEMO=0), or any user later.
 */
export async function addUserFromCli(database: Database, args: string[], isDemo: boolean): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      password: { type: 'string' },
      court: { type: 'string' },
      roles: { type: 'string', default: 'admin' },
    },
  });
  const missing = ['username', 'password', 'court'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length > 0) {
    console.error(`缺少参数 / missing: ${missing.map((m) => `--${m}`).join(' ')}`);
    return 64;
  }
  const roles = (values.roles ?? 'admin').split(',').map((r) => r.trim());
  const known = Object.values(Role) as string[];
  const unknown = roles.filter((r) => !known.includes(r));
  if (unknown.length > 0) {
    console.error(`未知角色 / unknown roles: ${unknown.join(', ')} (known: ${known.join(', ')})`);
    return 64;
  }
  const court =
    (await findCourtByCode(database.db, values.court ?? '')) ??
    (values.court === supremeCourtCode ? await ensureRootCourt(database.db) : null);
  if (!court) {
    console.error(
      `法院不存在 / no court with code ${values.court}. On a fresh installation use --court 最高法.`,
    );
    return 1;
  }
  const courtId = court.id;
  try {
    const user = await database.db.transaction((tx) =>
      insertUser(
        tx,
        {
          username: values.username ?? '',
          displayName: values['display-name'] ?? values.username ?? '',
          password: values.password ?? '',
          courtId,
          roles: roles as Role[],
        },
        { isDemo },
      ),
    );
    console.log(
      `已创建用户 / user created: ${user.username} (${user.roles.join(', ')}) at ${user.court.name}`,
    );
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(err.details.map((d) => `${d.path}: ${d.message}`).join('\n') || err.message);
      return 1;
    }
    throw err;
  }
}
