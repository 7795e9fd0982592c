import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { appendAudit } from '../src/modules/audit/index.ts';
import { connectDatabase } from '../src/platform/db.ts';
import { startEmbeddedPostgres } from '../src/platform/embedded-postgres.ts';
import { createLogger } from '../src/platform/logging.ts';

/**
 * `zhixing audit verify` on the data folder of a stopped installation, as an operator runs it
 * (docs/decisions/0012-audit-that-owners-cannot-rewrite.md): exit 0 when intact, exit 2 naming the
 * problem when the owner of the database has deleted the newest records.
 */
const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhixing-audit-cli-'));
// As root the embedded server runs as `postgres`, which must reach the folder.
chmodSync(dataDir, 0o755);
let dbPort = 0;

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

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZHIXING_DATA_DIR: dataDir,
    ZHIXING_DB_PORT: String(dbPort),
    ZHIXING_DEMO: '0',
    ZHIXING_LOG_LEVEL: 'info',
  };
  // The installation under test is the embedded one, whatever server the test suite runs on.
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  const child = spawn(process.execPath, [path.join(root, 'src/main.ts'), ...args], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return { child, output: () => output, exited };
}

async function verify(): Promise<{ code: number; output: string }> {
  const cli = run(['audit', 'verify']);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

function credentials(): { user: string; password: string; port: number; appPassword: string } {
  return JSON.parse(readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8'));
}

before(async () => {
  dbPort = await freePort();
  // A worker on a fresh installation; the application's role writes five audit records meanwhile.
  const worker = run(['worker']);
  for (let i = 0; i < 600 && !worker.output().includes('worker started'); i++) {
    assert.equal(worker.child.exitCode, null, worker.output());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(worker.output(), /worker started/);
  const c = credentials();
  const app = connectDatabase(`postgres://zhixing_app:${c.appPassword}@127.0.0.1:${c.port}/zhixing`, {
    max: 1,
  });
  try {
    for (let i = 1; i <= 5; i++) {
      await app.db.transaction((tx) =>
        appendAudit(tx, { actor: null, action: `test.${i}`, objectType: 'test' }),
      );
    }
  } finally {
    await app.close();
  }
  // Stopped as an operator stops it: the worker seals and signs what is left before it goes.
  worker.child.kill('SIGTERM');
  assert.equal(await worker.exited, 0, worker.output());
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('audit verify on a stopped installation: intact, against the checkpoint signed when it stopped', async () => {
  const { code, output } = await verify();
  assert.equal(code, 0, output);
  assert.match(output, /已校验 \/ checked: 5; 待封存 \/ unsealed: 0/);
  assert.match(output, /signed checkpoint: record 5, .*checkpoints\.jsonl/);
  assert.match(output, /审计链完整 \/ audit chain intact/);
  // The key the worker made on its first start: outside the database, readable by its owner only.
  assert.equal(statSync(path.join(dataDir, 'audit', 'signing-key.pem')).mode & 0o777, 0o600);
  assert.match(readFileSync(path.join(dataDir, 'audit', 'signing-key.pub.pem'), 'utf8'), /BEGIN PUBLIC KEY/);
});

test('audit verify exits 2 and names the deletion when the owner has deleted the newest records', async () => {
  const c = credentials();
  const server = await startEmbeddedPostgres({ dataDir, port: c.port, logger: createLogger('silent') });
  const owner = postgres(server.urlFor('zhixing'), { max: 1, onnotice: () => {} });
  try {
    await owner.begin(async (tx) => {
      await tx`alter table audit.records disable trigger records_append_only`;
      await tx`delete from audit.records where chain_seq > 2`;
      await tx`delete from audit.checkpoints`;
      await tx`alter table audit.records enable trigger records_append_only`;
    });
  } finally {
    await owner.end();
    await server.stop();
  }
  const { code, output } = await verify();
  assert.equal(code, 2, output);
  assert.match(output, /the chain was truncated: it ends at record 2, but the checkpoint signed .* covers 5/);
  assert.match(output, /records 3–5 were deleted/);
  assert.match(output, /发现 \d+ 处问题 \/ problems found/);
});
