import { sql } from 'drizzle-orm';
import { addMonths } from '../../../kernel/index.ts';
import type { DbOrTx } from '../../../platform/db.ts';
import { appendAudit } from '../../audit/index.ts';
import {
  delistedUntilOf,
  isPlatformAvailable,
  latenessWithinYear,
  shouldDelist,
} from '../rules/valuation-online.ts';

/**
 * The listed online inquiry platforms (司法网络询价平台名单库): who gets requests today, each late
 * report counted, and the delisting for 5 years of a platform late 5 times within a year.
 */
export type PlatformRow = {
  code: string;
  name: string;
  isListed: boolean;
  delistedOn: string | null;
  delistedUntil: string | null;
};

const columns = sql`code, name, is_listed as "isListed", delisted_on::text as "delistedOn",
  delisted_until::text as "delistedUntil"`;

export async function listPlatformRows(db: DbOrTx): Promise<PlatformRow[]> {
  return db.execute<PlatformRow>(sql`select ${columns} from disposal.valuation_platforms order by code`);
}

/** The platforms an online inquiry started today goes to: listed, and not delisted. */
export async function availablePlatforms(db: DbOrTx, today: string): Promise<PlatformRow[]> {
  return (await listPlatformRows(db)).filter((p) => isPlatformAvailable(p, today));
}

/** The platforms as the API shows them, with the late reports that count against each today. */
export async function listPlatforms(db: DbOrTx, today: string) {
  const platforms = await listPlatformRows(db);
  const late = await db.execute<{ platform: string; lateOn: string }>(sql`select platform,
      late_on::text as "lateOn" from disposal.platform_lateness
    where late_on > ${addMonths(today, -12)}::date and late_on <= ${today}::date`);
  return {
    items: platforms.map((p) => ({
      code: p.code,
      name: p.name,
      isListed: p.isListed,
      isAvailable: isPlatformAvailable(p, today),
      lateInYear: latenessWithinYear(
        late.filter((l) => l.platform === p.code).map((l) => l.lateOn),
        today,
      ),
      delistedOn: p.delistedOn,
      delistedUntil: p.delistedUntil,
    })),
  };
}

/**
 * Counts a missed deadline against each of `platforms` (once per valuation), and delists any that
 * reached 5 late reports within the year ending `today`. Inside the caller's transaction.
 */
export async function recordLateness(
  tx: DbOrTx,
  input: { valuationId: string; platforms: readonly string[]; lateOn: string; today: string },
): Promise<string[]> {
  const delisted: string[] = [];
  for (const platform of input.platforms) {
    const inserted = await tx.execute<{ platform: string }>(sql`insert into disposal.platform_lateness
        (platform, valuation_id, late_on)
      values (${platform}, ${input.valuationId}::uuid, ${input.lateOn}::date)
      on conflict do nothing returning platform`);
    if (inserted.length === 0) continue;
    const [row] = await tx.execute<PlatformRow>(sql`select ${columns} from disposal.valuation_platforms
      where code = ${platform} for update`);
    if (!row || !isPlatformAvailable(row, input.today)) continue;
    const days = await tx.execute<{ lateOn: string }>(sql`select late_on::text as "lateOn"
      from disposal.platform_lateness where platform = ${platform}`);
    if (
      !shouldDelist(
        days.map((d) => d.lateOn),
        input.today,
      )
    )
      continue;
    const until = delistedUntilOf(input.today);
    await tx.execute(sql`update disposal.valuation_platforms set delisted_on = ${input.today}::date,
        delisted_until = ${until}::date, updated_at = now()
      where code = ${platform}`);
    await appendAudit(tx, {
      actor: null,
      action: 'disposal.platform.delist',
      objectType: 'valuationPlatform',
      objectId: platform,
      detail: { delistedOn: input.today, delistedUntil: until, valuationId: input.valuationId },
    });
    delisted.push(platform);
  }
  return delisted;
}
