import { type Allowance, fixedWindow } from '../allowances.ts';

/**
 * A store for `@fastify/rate-limit` that counts in PostgreSQL through shared allowances, so a
 * limit of 30 a minute is 30 a minute however many servers answer (the plugin's own store counts
 * in each process's memory). Each route counts apart (`child` is made per route, keyed by its
 * method and URL, as the plugin's Redis store does). Fixed windows: a request over the limit is
 * refused until the window ends.
 */
type IncrResult = { current: number; ttl: number };
type Callback = (err: Error | null, result: IncrResult) => void;

/** The route a child store is made for: the plugin passes its merged options with `routeInfo`. */
function routeOf(params: unknown): string | null {
  const info = typeof params === 'object' && params !== null ? Reflect.get(params, 'routeInfo') : undefined;
  if (typeof info !== 'object' || info === null) return null;
  const method = Reflect.get(info, 'method');
  const url = Reflect.get(info, 'url');
  if (typeof url !== 'string') return null;
  return `${Array.isArray(method) ? method.join(',') : String(method ?? '')} ${url}`;
}

export function sharedRateLimitStore(allowance: Allowance) {
  return class SharedRateLimitStore {
    readonly prefix: string;

    constructor(params?: unknown, prefix = 'rate') {
      const route = routeOf(params);
      this.prefix = route ? `${prefix}:${route}` : prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const window = fixedWindow(timeWindow);
      allowance.take({ key: `${this.prefix}|${key}`, window: window.id, amount: 1, limit: max }).then(
        (isAllowed) => callback(null, { current: isAllowed ? 1 : max + 1, ttl: window.leftMs }),
        (err: unknown) =>
          callback(err instanceof Error ? err : new Error(String(err)), { current: 0, ttl: 0 }),
      );
    }

    child(params: unknown): SharedRateLimitStore {
      return new SharedRateLimitStore(params, this.prefix);
    }
  };
}
