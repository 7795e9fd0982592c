import path from 'node:path';
import { z } from 'zod';
import { isCidrOrAddress } from './net/address-class.ts';
import { parseAllowEntry } from './net/allow-list.ts';

/** A comma-separated list whose every entry passes `isValid`. */
function listOf(isValid: (entry: string) => boolean, what: string) {
  return z
    .string()
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    )
    .refine((entries) => entries.every(isValid), `every entry must be ${what}`);
}

/** Configuration comes from the environment only; see README "Configuration". */
const ZEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  ZHIXING_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_APP_URL: z.string().url().optional(),
  ZHIXING_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  ZHIXING_AUDIT_KEY_FILE: z.string().min(1).optional(),
  ZHIXING_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  ZHIXING_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ZHIXING_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  ZHIXING_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  ZHIXING_TRUSTED_PROXIES: listOf(isCidrOrAddress, 'an IP address or CIDR range'),
  ZHIXING_ALLOWED_PRIVATE_HOSTS: listOf((e) => parseAllowEntry(e) !== null, 'an address, range or host name'),
  ZHIXING_METRICS_TOKEN: z.string().min(16).optional(),
  ZHIXING_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  ZHIXING_SIM_URL: z.string().url().optional(),
  ZHIXING_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  ZHIXING_SIM_SECRET: z.string().min(8).default('zhixing-sim-demo-secret'),
  ZHIXING_SIM_SEED: z.coerce.number().int().min(0).max(4294967295).optional(),
  ZHIXING_SIM_ADMIN_TOKEN: z.string().min(16).optional(),
  ZHIXING_PUBLIC_URL: z.string().url().optional(),
  ZHIXING_BANK_URL: z.string().url().optional(),
  ZHIXING_BANK_KEY: z.string().min(16).optional(),
  ZHIXING_SMS_URL: z.string().url().optional(),
  ZHIXING_SMS_KEY: z.string().min(16).optional(),
  ZHIXING_POLICE_URL: z.string().url().optional(),
  ZHIXING_POLICE_KEY: z.string().min(16).optional(),
  ZHIXING_VALUATION_URL: z.string().url().optional(),
  ZHIXING_VALUATION_KEY: z.string().min(16).optional(),
  ZHIXING_SEAL_PASSPHRASE: z.string().min(16).default('zhixing-demo-seal-passphrase'),
  ZHIXING_FUNDS_SECOND_APPROVAL_YUAN: z.coerce.number().int().min(1).max(10_000_000_000).default(1_000_000),
  ZHIXING_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).max(86400).default(60),
  ZHIXING_INQUIRY_DAILY_QUOTA: z.coerce.number().int().min(1).max(10_000_000).default(2000),
  ZHIXING_PUBLIC_POW_THRESHOLD: z.coerce.number().int().min(0).max(10_000_000).default(600),
  ZHIXING_ID_MASK: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'positions "from-to" of the ID number to hide, e.g. 11-14')
    .default('11-14'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The owner's connection: migrations (docs/decisions/0012-audit-that-owners-cannot-rewrite.md). */
  databaseUrl: string | undefined;
  /** With `databaseUrl`: the application's connection, a role that may use the data but owns nothing. */
  databaseAppUrl: string | undefined;
  embeddedDbPort: number;
  /** The audit's Ed25519 signing key (PEM), outside the database; created on the worker's first start. */
  auditKeyFile: string;
  /** The signed checkpoints of the audit chain, appended outside the database. */
  auditCheckpointFile: string;
  /** Demo mode seeds demo data on an empty database and allows the demo password. */
  isDemo: boolean;
  logLevel: z.infer<typeof ZEnvSchema>['ZHIXING_LOG_LEVEL'];
  sessionHours: number;
  /** A session unused this long is refused and revoked (machine time). */
  sessionIdleMinutes: number;
  /** Proxies whose X-Forwarded-For is believed; none = the client is the socket's peer. */
  trustedProxies: string[];
  /** Non-public hosts that administrator-set URLs may still reach (see platform/net/allow-list.ts). */
  allowedPrivateHosts: string[];
  /** Bearer token for GET /metrics; undefined = /metrics is not served. */
  metricsToken: string | undefined;
  secureCookies: boolean;
  simUrl: string | undefined;
  simPort: number;
  simSecret: string;
  /** The simulator's world seed; undefined = the demo seed. */
  simSeed: number | undefined;
  /** Guards the simulator's admin API; undefined = a random token, printed at start. */
  simAdminToken: string | undefined;
  publicUrl: string | undefined;
  /** The court's settlement bank (docs/protocols/bank.md); undefined = the simulator's, at ZHIXING_SIM_URL. */
  bankUrl: string | undefined;
  /** The bank's signing key; undefined = derived from ZHIXING_SIM_SECRET as the simulator derives it. */
  bankKey: string | undefined;
  /** The SMS gateway (docs/protocols/sms.md); undefined = the simulator's. */
  smsUrl: string | undefined;
  smsKey: string | undefined;
  /** Public security's detention centre (docs/protocols/public-security.md); undefined = the simulator's. */
  policeUrl: string | undefined;
  policeKey: string | undefined;
  /** The listed valuation platforms (docs/protocols/valuation.md), each at `{url}/{code}`; undefined = the simulator's. */
  valuationUrl: string | undefined;
  /** Their signing key; undefined = each platform's derived from ZHIXING_SIM_SECRET as the simulator derives it. */
  valuationKey: string | undefined;
  /** Disbursements of this many fen or more need a second leader's approval (执行款物管理规定: levels by amount). */
  fundsSecondApprovalFromFen: number;
  jobExpireSeconds: number;
  /** Respondent queries one officer may launch per China day (online inquiry). */
  inquiryDailyQuota: number;
  /** Public searches per minute, all processes together, above which a search must carry a proof of work; 0 = always. */
  publicPowThreshold: number;
  /** Encrypts the courts' seal keys where they are stored (documents.court_keys); set it in production. */
  sealPassphrase: string;
  /** The digits of an ID number the public portal hides, 1-based and inclusive (失信规定 art. 6; practice 11–14). */
  idMask: { from: number; to: number };
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
    databaseAppUrl: e.DATABASE_APP_URL,
    embeddedDbPort: e.ZHIXING_DB_PORT,
    auditKeyFile: path.resolve(
      e.ZHIXING_AUDIT_KEY_FILE ?? path.join(e.ZHIXING_DATA_DIR, 'audit', 'signing-key.pem'),
    ),
    auditCheckpointFile: path.resolve(e.ZHIXING_DATA_DIR, 'audit', 'checkpoints.jsonl'),
    isDemo: demoFlag === undefined ? (defaults.isDemo ?? false) : demoFlag === '1' || demoFlag === 'true',
    logLevel: e.ZHIXING_LOG_LEVEL,
    sessionHours: e.ZHIXING_SESSION_HOURS,
    sessionIdleMinutes: e.ZHIXING_SESSION_IDLE_MINUTES,
    trustedProxies: e.ZHIXING_TRUSTED_PROXIES,
    allowedPrivateHosts: e.ZHIXING_ALLOWED_PRIVATE_HOSTS,
    metricsToken: e.ZHIXING_METRICS_TOKEN,
    secureCookies: e.ZHIXING_SECURE_COOKIES === '1',
    simUrl: e.ZHIXING_SIM_URL,
    simPort: e.ZHIXING_SIM_PORT,
    simSecret: e.ZHIXING_SIM_SECRET,
    simSeed: e.ZHIXING_SIM_SEED,
    simAdminToken: e.ZHIXING_SIM_ADMIN_TOKEN,
    publicUrl: e.ZHIXING_PUBLIC_URL,
    bankUrl: e.ZHIXING_BANK_URL,
    bankKey: e.ZHIXING_BANK_KEY,
    smsUrl: e.ZHIXING_SMS_URL,
    smsKey: e.ZHIXING_SMS_KEY,
    policeUrl: e.ZHIXING_POLICE_URL,
    policeKey: e.ZHIXING_POLICE_KEY,
    valuationUrl: e.ZHIXING_VALUATION_URL,
    valuationKey: e.ZHIXING_VALUATION_KEY,
    fundsSecondApprovalFromFen: e.ZHIXING_FUNDS_SECOND_APPROVAL_YUAN * 100,
    jobExpireSeconds: e.ZHIXING_JOB_EXPIRE_SECONDS,
    inquiryDailyQuota: e.ZHIXING_INQUIRY_DAILY_QUOTA,
    publicPowThreshold: e.ZHIXING_PUBLIC_POW_THRESHOLD,
    sealPassphrase: e.ZHIXING_SEAL_PASSPHRASE,
    idMask: idMaskOf(e.ZHIXING_ID_MASK),
  };
}

function idMaskOf(spec: string): { from: number; to: number } {
  const [from, to] = spec.split('-').map(Number);
  if (from === undefined || to === undefined || from < 1 || to > 18 || from > to) {
    throw new Error(
      `配置有误 / Invalid configuration:\n  ZHIXING_ID_MASK: "${spec}" is not a range within 1-18`,
    );
  }
  return { from, to };
}
