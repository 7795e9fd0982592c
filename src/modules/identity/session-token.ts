import { createHash, randomBytes } from 'node:crypto';

export function newSessionToken(): string {
  return `zx_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
