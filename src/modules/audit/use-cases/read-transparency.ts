import type { Sql } from '../../../platform/db.ts';
import { checkpointMessageFormat, isSignedBy, readChainIdentity, signedAtText } from '../checkpoint.ts';
import type { TDailyRoot, TTransparency } from '../contracts.ts';
import type { PublicKeyInfo } from '../signing-key.ts';

// A day's last few checkpoints: rows the key did not sign (the application may add rows) are
// passed over, and the day's root is the newest it did.
const candidatesPerDay = 5;

/**
 * The daily roots of the audit chain for the public transparency page (docs/decisions/0012): the
 * last checkpoint of each China day of the last `days`, with the public key that checks them.
 * Only checkpoints that key signed are shown.
 */
export async function readTransparency(
  sql: Sql,
  opts: { key: PublicKeyInfo | null; days: number; today: string },
): Promise<TTransparency> {
  const chain = await readChainIdentity(sql);
  const key = opts.key;
  const base = { algorithm: 'Ed25519' as const, chain, messageFormat: checkpointMessageFormat };
  if (!key) return { ...base, publicKey: null, keyId: null, roots: [] };
  const rows = await sql<
    { date: string; chainSeq: string; headHash: string; signedAt: string; signature: string }[]
  >`
    select d.day::text as date, c.chain_seq::text as "chainSeq", c.head_hash as "headHash",
           ${sql.unsafe(signedAtText)} as "signedAt", c.signature
    from (select ${opts.today}::date - i as day from generate_series(0, ${opts.days - 1}) as g(i)) as d
    cross join lateral (
      select id, chain_seq, head_hash, signed_at, signature from audit.checkpoints
      where chain = ${chain} and china_date = d.day and key_id = ${key.keyId}
      order by signed_at desc, id desc limit ${candidatesPerDay}
    ) c
    order by d.day desc, c.signed_at desc, c.id desc`;
  const roots: TDailyRoot[] = [];
  for (const r of rows) {
    if (roots.at(-1)?.date === r.date) continue;
    const root = { ...r, chainSeq: Number(r.chainSeq), keyId: key.keyId };
    if (isSignedBy({ chain, ...root }, key)) roots.push(root);
  }
  return { ...base, publicKey: key.pem, keyId: key.keyId, roots };
}
