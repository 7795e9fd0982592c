/**
 * A file's SHA-256 computed in the browser (WebCrypto: https or localhost only), as lowercase hex —
 * the form the court records a document's hash in. The file never leaves the browser.
 */
export function canHashFiles(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
