import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { hashUnitKey, type Unit, unitKeyPrefix } from './unit-store.ts';
import { findUnitByKey } from './use-cases/find-unit-by-key.ts';

// A revoked key stops working in every instance within this time.
const keyCacheMs = 5000;

export function unauthenticated(zh: string, en: string): AppError {
  return new AppError(ErrorCode.unauthenticated, bi(zh, en));
}

export type UnitKeys = {
  /** The unit whose key the request carries, if it may use an endpoint of these capabilities (401/403 otherwise). */
  unitOf(request: FastifyRequest, capabilities: readonly string[]): Promise<Unit>;
  /** Forgets every cached key (after a revocation in this instance). */
  forget(): void;
};

/** The key check of the matching API: `authorization: Bearer zxu_…`, looked up by hash, cached briefly. */
export function createUnitKeys(db: Db): UnitKeys {
  const keys = new Map<string, { unit: Unit | null; at: number }>();
  return {
    async unitOf(request, capabilities) {
      const header = request.headers.authorization;
      const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!key) throw unauthenticated('缺少接入密钥', 'An API key is required: authorization: Bearer <key>');
      if (!key.startsWith(unitKeyPrefix)) {
        // A signed-in user's token is a credential, but not one of this scope.
        if (request.actor)
          throw new AppError(
            ErrorCode.forbidden,
            bi('该凭证无权调用比对接口', 'This credential is not scoped for matching'),
          );
        throw unauthenticated('接入密钥无效', 'Unknown API key');
      }
      const hash = hashUnitKey(key);
      const cached = keys.get(hash);
      let unit = cached && Date.now() - cached.at < keyCacheMs ? cached.unit : undefined;
      if (unit === undefined) {
        unit = await findUnitByKey(db, key);
        if (keys.size > 10_000) keys.clear();
        keys.set(hash, { unit, at: Date.now() });
      }
      if (!unit || unit.revokedAt)
        throw unauthenticated('接入密钥无效或已吊销', 'Unknown or revoked API key');
      if (!capabilities.includes(unit.capability)) {
        throw new AppError(
          ErrorCode.forbidden,
          bi('该密钥无权调用此接口', 'This key is not scoped for this endpoint'),
        );
      }
      return unit;
    },
    forget: () => keys.clear(),
  };
}
