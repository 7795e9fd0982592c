import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run test:e2e`: the browser journeys. Starts Zhixing exactly as a new user does (`zhixing
 * start`: embedded PostgreSQL in a fresh data folder, demo data, worker and simulator in-process)
 * on free ports, waits for /healthz, then runs `e2e/**\/*.test.ts` in Debian's chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium) against it.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhixing-e2e-'));
chmodSync(dataDir, 0o755);
const [port, dbPort, simPort] = [await freePort(), await freePort(), await freePort()];
const baseUrl = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  ZHIXING_DATA_DIR: dataDir,
  ZHIXING_DB_PORT: String(dbPort),
  ZHIXING_SIM_PORT: String(simPort),
  ZHIXING_DEMO: '1',
  ZHIXING_LOG_LEVEL: 'warn',
  // The journeys make money arrive through the simulated bank's admin API, as the demo does.
  ZHIXING_SIM_ADMIN_TOKEN: process.env.ZHIXING_SIM_ADMIN_TOKEN ?? randomBytes(24).toString('hex'),
  ZHIXING_E2E_SIM_URL: `http://127.0.0.1:${simPort}`,
};
// The journeys run against the embedded server, as `npm start` does.
delete env.DATABASE_URL;

const server = spawn(process.execPath, [path.join(root, 'src/main.ts'), 'start'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let serverOutput = '';
server.stdout?.on('data', (chunk: Buffer) => {
  serverOutput += chunk.toString();
});
const serverExit = new Promise<number>((resolve) => server.on('exit', (code) => resolve(code ?? 1)));

async function waitForHealth(deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) return false;
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

// Journeys that move the demo clock forward run after all the others, in a run of their own.
const clockMovers = ['auction.test.ts', 'auction-failed.test.ts', 'time-zone.test.ts'];

function journeys(): string[][] {
  const all = readdirSync(path.join(root, 'e2e'))
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const inE2e = (names: string[]) => names.map((f) => path.join('e2e', f));
  return [
    inE2e(all.filter((f) => !clockMovers.includes(f))),
    inE2e(all.filter((f) => clockMovers.includes(f))),
  ];
}

async function runJourneys(files: string[]): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-timeout=180000', ...files],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, ZHIXING_E2E_URL: baseUrl },
    },
  );
  return new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
}

let code = 1;
try {
  const started = Date.now();
  if (!(await waitForHealth(240_000))) {
    console.error(serverOutput);
    throw new Error('Zhixing did not become healthy');
  }
  console.log(`Zhixing up at ${baseUrl} in ${Date.now() - started} ms`);
  const args = process.argv.slice(2);
  const runs = args.length > 0 ? [args] : journeys();
  code = 0;
  for (const files of runs) {
    if (files.length === 0) continue;
    const exit = await runJourneys(files);
    if (exit !== 0) code = exit;
  }
} finally {
  server.kill('SIGTERM');
  await Promise.race([serverExit, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
