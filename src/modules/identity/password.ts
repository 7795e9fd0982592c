import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt parameters (OWASP: N=2^17, r=8, p=1); stored with the hash so they can be raised later.
const params = { N: 1 << 17, r: 8, p: 1 };
const keyLength = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, keyLength, { ...params, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The demo password works only in demo mode (README "Demo accounts"). */
export const demoPassword = 'zhixing-demo';

/** Minimum password policy outside demo mode: 10+ characters, not the demo password. */
export function checkPasswordPolicy(password: string, isDemo: boolean): { zh: string; en: string } | null {
  if (!isDemo && password === demoPassword) {
    return { zh: '演示密码只能在演示模式下使用', en: 'The demo password is refused outside demo mode' };
  }
  if (password.length < 10 && password !== demoPassword) {
    return { zh: '密码至少 10 个字符', en: 'Password must have at least 10 characters' };
  }
  if (password.length > 200) return { zh: '密码过长', en: 'Password is too long' };
  return null;
}
