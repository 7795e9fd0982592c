/**
 * The portal's proof of work, asked only while it is under load: find a nonce such that
 * SHA-256(`${challenge}:${nonce}`) begins with `difficulty` zero bits. A person's browser pays a
 * second once; a harvester pays it for every search. Pure (the hash is given).
 */
export const powDifficulty = 14;
export const powValidSeconds = 120;

/** Leading zero bits of a hex digest. */
export function leadingZeroBits(hex: string): number {
  let bits = 0;
  for (const c of hex) {
    const v = Number.parseInt(c, 16);
    if (v === 0) {
      bits += 4;
      continue;
    }
    return bits + Math.clz32(v) - 28;
  }
  return bits;
}

/** `challenge:nonce` as the client sends it, split; null when malformed. */
export function parseSolution(pow: string): { challenge: string; nonce: string } | null {
  const at = pow.lastIndexOf(':');
  if (at <= 0 || at === pow.length - 1) return null;
  const nonce = pow.slice(at + 1);
  if (!/^[0-9A-Za-z]{1,32}$/.test(nonce)) return null;
  return { challenge: pow.slice(0, at), nonce };
}
