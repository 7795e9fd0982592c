/** A random UUID (v4) made on the device: the record's clientKey, made offline. */
export function newClientKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Files up to this size are hashed on the device (held in memory once), to check the server's hash. */
const maxHashedBytes = 64 * 1024 * 1024;

/** The file's SHA-256 (lowercase hex), or null: too large, or no Web Crypto (not a secure context). */
export async function sha256Hex(blob: Blob): Promise<string | null> {
  if (blob.size > maxHashedBytes || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
