import path from 'node:path';
import { z } from 'zod';

/** Configuration comes from the environment only; see README "Configuration". */
const ZEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  ZHIXING_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  ZHIXING_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  ZHIXING_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  ZHIXING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ZHIXING_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  ZHIXING_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  ZHIXING_SIM_URL: z.string().url().optional(),
  ZHIXING_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  ZHIXING_SIM_SECRET: z.string().min(8).default('zhixing-sim-demo-secret'),
  ZHIXING_SIM_SEED: z.coerce.number().int().min(0).max(4294967295).optional(),
  ZHIXING_SIM_ADMIN_TOKEN: z.string().min(16).optional(),
  ZHIXING_PUBLIC_URL: z.string().url().optional(),
  ZHIXING_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86400).default(60),
  ZHIXING_INQUIRY_DAILY_QUOTA: z.coerce.number().int().min(1).max(10_000_000).default(2000),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedDbPort: number;
  /** Demo mode seeds demo data on an empty database and allows the demo password. */
  isDemo: boolean;
  logLevel: z.infer<typeof ZEnvSchema>['ZHIXING_LOG_LEVEL'];
  sessionHours: number;
  secureCookies: boolean;
  simUrl: string | undefined;
  simPort: number;
  simSecret: string;
  /** The simulator's world seed; undefined = the demo seed. */
  simSeed: number | undefined;
  /** Guards the simulator's admin API; undefined = a random token, printed at start. */
  simAdminToken: string | undefined;
  publicUrl: string | undefined;
  jobExpireSeconds: number;
  /** Respondent queries one officer may launch per China day (online inquiry). */
  inquiryDailyQuota: number;
};

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { isDemo?: boolean } = {},
): Config {
  const parsed = ZEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 / Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const demoFlag = e.ZHIXING_DEMO;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ZHIXING_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedDbPort: e.ZHIXING_DB_PORT,
    isDemo: demoFlag === undefined ? (defaults.isDemo ?? false) : demoFlag === '1' || demoFlag === 'true',
    logLevel: e.ZHIXING_LOG_LEVEL,
    sessionHours: e.ZHIXING_SESSION_HOURS,
    secureCookies: e.ZHIXING_SECURE_COOKIES === '1',
    simUrl: e.ZHIXING_SIM_URL,
    simPort: e.ZHIXING_SIM_PORT,
    simSecret: e.ZHIXING_SIM_SECRET,
    simSeed: e.ZHIXING_SIM_SEED,
    simAdminToken: e.ZHIXING_SIM_ADMIN_TOKEN,
    publicUrl: e.ZHIXING_PUBLIC_URL,
    jobExpireSeconds: e.ZHIXING_JOB_EXPIRE_SECONDS,
    inquiryDailyQuota: e.ZHIXING_INQUIRY_DAILY_QUOTA,
  };
}
