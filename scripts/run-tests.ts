import { spawn } from 'node:child_process';
import { prepareTestServer, templateName } from './test-database.ts';

/**
 * `npm test`: unit tests of pure rules and integration tests against a real PostgreSQL — the
 * embedded server by default, or the one in DATABASE_URL. Each integration test file gets a fresh
 * database copied from a migrated template. Extra arguments are passed to `node --test`.
 */
const started = Date.now();
const server = await prepareTestServer();
console.log(
  `test database ready in ${Date.now() - started} ms (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'})`,
);
const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const child = spawn(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=300000', ...files], {
  stdio: 'inherit',
  env: { ...process.env, ZHIXING_TEST_ADMIN_URL: server.adminUrl, ZHIXING_TEST_TEMPLATE: templateName },
});
const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await server.stop();
process.exit(code);
