import type { z } from 'zod';
import {
  BODY_SCHEMAS,
  type TDeduct,
  type TFreeze,
  type TQuery,
  type TRelease,
  type TRenew,
  type TSeal,
  type TUnfreeze,
} from './contracts.ts';
import { findInstitution } from './institutions.ts';
import { applyDeduct, applyFreeze, applyRenew, applyUnfreeze } from './ledger.ts';
import {
  computeAvailableFen,
  computeFrozenFen,
  computeQueuePosition,
  type LedgerContext,
  type Outcome,
  settleAsset,
} from './measures.ts';
import { applyRelease, applySeal } from './seal-queue.ts';
import type { Asset, Encumbrance, Operation } from './types.ts';
import { listRelations } from './world/relations.ts';
import { lookupSubject } from './world/world.ts';

export type ParsedBody =
  | { operation: 'query'; body: TQuery }
  | { operation: 'freeze'; body: TFreeze }
  | { operation: 'renew'; body: TRenew }
  | { operation: 'unfreeze'; body: TUnfreeze }
  | { operation: 'seal' | 'seize'; body: TSeal }
  | { operation: 'release'; body: TRelease }
  | { operation: 'deduct'; body: TDeduct };

export type FieldIssue = { path: string; message: string };
export type ParseFailure = { issues: FieldIssue[] };

/** Validates a request body for an operation (one pass of the operation's schema). */
export function parseBody(operation: Operation, value: unknown): ParsedBody | ParseFailure {
  switch (operation) {
    case 'query':
      return wrap(BODY_SCHEMAS.query.safeParse(value), (body) => ({ operation, body }));
    case 'freeze':
      return wrap(BODY_SCHEMAS.freeze.safeParse(value), (body) => ({ operation, body }));
    case 'renew':
      return wrap(BODY_SCHEMAS.renew.safeParse(value), (body) => ({ operation, body }));
    case 'unfreeze':
      return wrap(BODY_SCHEMAS.unfreeze.safeParse(value), (body) => ({ operation, body }));
    case 'seal':
    case 'seize':
      return wrap(BODY_SCHEMAS.seal.safeParse(value), (body) => ({ operation, body }));
    case 'release':
      return wrap(BODY_SCHEMAS.release.safeParse(value), (body) => ({ operation, body }));
    case 'deduct':
      return wrap(BODY_SCHEMAS.deduct.safeParse(value), (body) => ({ operation, body }));
  }
}

function wrap<T>(result: z.ZodSafeParseResult<T>, build: (body: T) => ParsedBody): ParsedBody | ParseFailure {
  if (result.success) return build(result.data);
  return {
    issues: result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  };
}

export function isParseFailure(x: ParsedBody | ParseFailure): x is ParseFailure {
  return 'issues' in x;
}

/** The callback URL a request carries, if any. */
export function findCallbackUrl(parsed: ParsedBody): string | undefined {
  return parsed.body.callbackUrl;
}

/** Carries out one accepted request against the world; ids of created records derive from the request id. */
export function executeOperation(ctx: LedgerContext, parsed: ParsedBody, requestId: string): Outcome {
  switch (parsed.operation) {
    case 'query':
      return answerQuery(ctx, parsed.body);
    case 'freeze':
      return applyFreeze(ctx, parsed.body, `fz-${requestId}`);
    case 'renew':
      return applyRenew(ctx, parsed.body);
    case 'unfreeze':
      return applyUnfreeze(ctx, parsed.body);
    case 'seal':
    case 'seize':
      return applySeal(ctx, parsed.operation, parsed.body, `sl-${requestId}`, requestId);
    case 'release':
      return applyRelease(ctx, parsed.body);
    case 'deduct':
      return applyDeduct(ctx, parsed.body, `tr-${requestId}`);
  }
}

function answerQuery(ctx: LedgerContext, body: TQuery): Outcome {
  const s = body.subject;
  const key = s.kind === 'person' ? s.idNumber : s.creditCode;
  const lookup = lookupSubject(ctx.world, { kind: s.kind, key, name: s.name });
  if (lookup.isNameMismatch) {
    return {
      status: 'answered',
      assets: [],
      note: '名称与证件号码不符 / The name does not match the identifier',
    };
  }
  const held = lookup.assets.filter((a) => a.holders.includes(ctx.institution));
  const assets = held.map((a) => describeAsset(ctx, a));
  const kind = findInstitution(ctx.institution)?.kind;
  const relations = kind ? listRelations(ctx.world, key, kind, held) : [];
  return relations.length > 0 ? { status: 'answered', assets, relations } : { status: 'answered', assets };
}

/** An asset as an institution reports it, with every measure in force on it. */
export function describeAsset(ctx: LedgerContext, asset: Asset): Record<string, unknown> {
  settleAsset(asset, ctx.now, ctx.onPromoted);
  const encumbrances: Encumbrance[] = [];
  for (const f of asset.freezes) {
    if (f.status === 'active') {
      encumbrances.push({
        court: f.court,
        caseNumber: f.caseNumber,
        kind: 'freeze',
        amountFen: f.amountFen,
        until: f.until,
      });
    }
  }
  for (const s of asset.seals) {
    if (s.status === 'active') {
      encumbrances.push({
        court: s.court,
        caseNumber: s.caseNumber,
        kind: s.kind,
        until: s.until,
        queuePosition: computeQueuePosition(asset, s),
      });
    }
  }
  const balance =
    asset.balanceFen === undefined
      ? {}
      : {
          balanceFen: asset.balanceFen,
          frozenFen: computeFrozenFen(asset),
          availableFen: computeAvailableFen(asset),
        };
  return {
    assetType: asset.assetType,
    identifier: asset.identifier,
    description: asset.description,
    valueFen: asset.valueFen,
    ...balance,
    encumbrances,
    extra: { ownerName: asset.ownerName, ...asset.extra },
  };
}
