/**
 * The public portal's proof of work, asked for only while it is under load: find a nonce such that
 * SHA-256(`${challenge}:${nonce}`), in hex, begins with `difficulty` zero bits. A person's browser
 * spends a moment on it; a scraper making thousands of searches spends that moment each time.
 */
const encoder = new TextEncoder();
// Hashes are computed in batches: WebCrypto is asynchronous, one at a time would be slow.
const batchSize = 256;

function leadingZeroBits(bytes: Uint8Array, needed: number): boolean {
  let bits = needed;
  for (const byte of bytes) {
    if (bits <= 0) return true;
    if (bits >= 8) {
      if (byte !== 0) return false;
      bits -= 8;
    } else {
      return byte >> (8 - bits) === 0;
    }
  }
  return bits <= 0;
}

/** Whether this browser can solve a challenge (WebCrypto exists only on https or localhost). */
export function canProveWork(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

/** The `pow` parameter the server asks for: `${challenge}:${nonce}`. */
export async function solveChallenge(
  challenge: string,
  difficulty: number,
  signal?: AbortSignal,
): Promise<string> {
  for (let start = 0; ; start += batchSize) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nonces = Array.from({ length: batchSize }, (_, i) => start + i);
    const digests = await Promise.all(
      nonces.map((nonce) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`))),
    );
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest), difficulty));
    if (found >= 0) return `${challenge}:${nonces[found]}`;
  }
}
