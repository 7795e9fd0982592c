import path from 'node:path';
import type { Config } from '../platform/config.ts';
import type { Logger } from '../platform/logging.ts';
import { startSimulator } from './simulator.ts';

/**
 * `zhixing sim`: the simulated outside world as its own process. Port `ZHIXING_SIM_PORT` (8090),
 * keys from `ZHIXING_SIM_SECRET`, world from `ZHIXING_SIM_SEED` (the demo seed by default), admin
 * token `ZHIXING_SIM_ADMIN_TOKEN` (random and printed if unset), journal in
 * `ZHIXING_DATA_DIR/sim/journal.jsonl` so that a restart picks up where it stopped.
 */
export async function runSimulatorCli(config: Config, logger: Logger): Promise<void> {
  const journalPath = path.join(config.dataDir, 'sim', 'journal.jsonl');
  const sim = await startSimulator({
    port: config.simPort,
    host: config.host,
    secret: config.simSecret,
    journalPath,
    logger,
    ...(config.simSeed !== undefined ? { seed: config.simSeed } : {}),
    ...(config.simAdminToken !== undefined ? { adminToken: config.simAdminToken } : {}),
  });
  const lines = [
    '',
    `  模拟外部机构 · simulated institutions (${sim.institutions.length}) at ${sim.url}/institutions/{code}`,
    `  Protocol: docs/protocols/inquiry.md · OpenAPI: ${sim.url}/openapi.json`,
    `  法院结算银行 · court bank (courtbank) at ${sim.bankUrl} · docs/protocols/bank.md`,
    `  短信网关 · SMS gateway (smsgw) at ${sim.smsUrl} · docs/protocols/sms.md`,
    `  Journal: ${journalPath}`,
  ];
  if (config.simAdminToken === undefined) lines.push(`  Admin token (/sim/*): ${sim.adminToken}`);
  console.log(lines.join('\n'));
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'simulator stopping');
    sim
      .close()
      .catch((err: unknown) => logger.error({ err }, 'simulator did not stop cleanly'))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
