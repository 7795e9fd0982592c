import type { FastifyRequest } from 'fastify';
import { clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import { appendAudit } from '../audit/index.ts';
import { type ApiClient, apiUsageOn, findApiClientByKey, hashApiKey } from '../identity/index.ts';
import {
  ZChangesQuerySchema,
  ZChangesSchema,
  ZMatchRequestSchema,
  ZMatchResponseSchema,
} from './contracts.ts';
import type { MatchAuditor } from './matching/match-audit.ts';
import type { MatchingService } from './matching/match-service.ts';
import { contextFor, type MatchResult, type MatchSubject, matchOne } from './matching/matcher.ts';
import { isScene, scenes } from './rules/scenes.ts';
import { registerUnitRoutes } from './unit-routes.ts';
import { listChanges } from './use-cases/list-changes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The outside unit calling the matching API with its key. */
    matchUnit: ApiClient | null;
  }
}

const tags = ['matching'];
const errors = { ...errorResponses, 429: ZErrorSchema };
export const maxSubjects = 10_000;
// A revoked key stops working in every instance within this time.
const keyCacheMs = 5000;

function unauthenticated(zh: string, en: string): AppError {
  return new AppError(ErrorCode.unauthenticated, bi(zh, en));
}

/** The request body checked by hand: this path answers 10,000 subjects per call and skips schema compilation. */
export function checkMatchBody(body: unknown): MatchSubject[] {
  const fail = (path: string, zh: string, en: string): never => {
    throw new AppError(ErrorCode.invalidInput, bi(zh, en), [{ path, message: bi(zh, en) }]);
  };
  if (typeof body !== 'object' || body === null || !('subjects' in body) || !Array.isArray(body.subjects)) {
    return fail('subjects', '请求体应为 {"subjects": [...]}', 'The body must be {"subjects": [...]}');
  }
  const subjects: unknown[] = body.subjects;
  if (subjects.length === 0) fail('subjects', '至少提交一个比对对象', 'Send at least one subject');
  if (subjects.length > maxSubjects)
    fail('subjects', `每次最多比对${maxSubjects}个对象`, `At most ${maxSubjects} subjects per request`);
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i];
    if (typeof s !== 'object' || s === null || Array.isArray(s))
      fail(`subjects.${i}`, '比对对象应为 JSON 对象', 'A subject must be an object');
    for (const field of ['idNumber', 'creditCode', 'name'] as const) {
      const value: unknown =
        s !== null && typeof s === 'object' && field in s ? Reflect.get(s, field) : undefined;
      if (value !== undefined && value !== null && typeof value !== 'string')
        fail(`subjects.${i}.${field}`, '应为文本', 'Must be a string');
    }
  }
  return subjects.filter((s): s is MatchSubject => typeof s === 'object' && s !== null);
}

function canonicalOf(s: MatchSubject): string {
  if (s.idNumber) return `i:${s.idNumber.trim().toUpperCase()}`;
  if (s.creditCode) return `c:${s.creditCode.trim().toUpperCase()}`;
  return `n:${(s.name ?? '').trim()}`;
}

export function registerMatchRoutes(
  app: App,
  opts: { db: Db; service: MatchingService; auditor: MatchAuditor },
): void {
  const { db, service, auditor } = opts;
  const keys = new Map<string, { client: ApiClient | null; at: number }>();
  const usage = new Map<string, { day: string; used: number }>();
  let todayAt = 0;
  let today = clock.today();
  const currentDay = () => {
    if (Date.now() - todayAt > 1000) {
      today = clock.today();
      todayAt = Date.now();
    }
    return today;
  };

  async function unitOf(request: FastifyRequest, capabilities: readonly string[]): Promise<ApiClient> {
    const header = request.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!key) throw unauthenticated('缺少接入密钥', 'An API key is required: authorization: Bearer <key>');
    if (!key.startsWith('zxu_')) {
      // A signed-in user's token is a credential, but not one of this scope.
      if (request.actor)
        throw new AppError(
          ErrorCode.forbidden,
          bi('该凭证无权调用比对接口', 'This credential is not scoped for matching'),
        );
      throw unauthenticated('接入密钥无效', 'Unknown API key');
    }
    const hash = hashApiKey(key);
    const cached = keys.get(hash);
    let client = cached && Date.now() - cached.at < keyCacheMs ? cached.client : undefined;
    if (client === undefined) {
      client = await findApiClientByKey(db, key);
      if (keys.size > 10_000) keys.clear();
      keys.set(hash, { client, at: Date.now() });
    }
    if (!client || client.revokedAt)
      throw unauthenticated('接入密钥无效或已吊销', 'Unknown or revoked API key');
    if (!capabilities.includes(client.capability)) {
      throw new AppError(
        ErrorCode.forbidden,
        bi('该密钥无权调用此接口', 'This key is not scoped for this endpoint'),
      );
    }
    return client;
  }

  async function takeQuota(client: ApiClient, subjects: number): Promise<void> {
    const day = currentDay();
    let u = usage.get(client.id);
    if (!u || u.day !== day) {
      u = { day, used: (await apiUsageOn(db, client.id, day)).subjects };
      usage.set(client.id, u);
    }
    if (u.used + subjects > client.dailyQuota) {
      throw new AppError(
        ErrorCode.tooManyRequests,
        bi(
          `已超过每日比对配额（${client.dailyQuota}）`,
          `Daily quota of ${client.dailyQuota} subjects exceeded`,
        ),
      );
    }
    u.used += subjects;
  }

  app.decorateRequest('matchUnit', null);

  app.post(
    '/api/v1/match',
    {
      config: {
        isPublic: true,
        rateLimit: {
          hook: 'preHandler',
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `unit:${request.matchUnit?.id ?? request.ip}`,
          max: async (request: FastifyRequest) => request.matchUnit?.ratePerMinute ?? 60,
        },
      },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: '联合惩戒自动比对 / Match subjects against the restrictions of the unit’s scene',
        security: [{ bearer: [] }],
        body: ZMatchRequestSchema,
        response: { 200: ZMatchResponseSchema, ...errors },
      },
      validatorCompiler: () => (data: unknown) => ({ value: data }),
      serializerCompiler: () => (data: unknown) => JSON.stringify(data),
      onRequest: async (request) => {
        request.matchUnit = await unitOf(request, ['match']);
      },
    },
    async (request) => {
      const unit = request.matchUnit;
      if (!unit) throw unauthenticated('接入密钥无效', 'Unknown API key');
      const subjects = checkMatchBody(request.body);
      if (!isScene(unit.scene))
        throw new AppError(ErrorCode.forbidden, bi('该单位的应用场景未配置', 'The unit has no known scene'));
      auditor.admit();
      await takeQuota(unit, subjects.length);
      const state = await service.ready();
      await auditor.ready();
      const day = currentDay();
      const ctx = contextFor(state, scenes[unit.scene], day);
      const results: MatchResult[] = new Array(subjects.length);
      const hitMeasures: number[] = [];
      const nonHitDigests: string[] = [];
      for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[i] ?? {};
        const r = matchOne(ctx, subject);
        results[i] = r;
        if (r.restricted) for (const m of r.measures) hitMeasures.push(Number(m.reference.slice(2)));
        else if (!r.error) nonHitDigests.push(auditor.digest(canonicalOf(subject)));
      }
      auditor.record({
        clientId: unit.id,
        at: new Date().toISOString(),
        clientName: unit.name,
        day,
        subjects: subjects.length,
        hits: subjects.length - nonHitDigests.length - results.filter((r) => r.error).length,
        hitMeasures,
        nonHitDigests,
      });
      return { results };
    },
  );

  app.get(
    '/api/v1/match/changes',
    {
      config: { isPublic: true },
      schema: {
        tags,
        summary: '变更订阅 / Ordered change feed for the unit’s scene',
        security: [{ bearer: [] }],
        querystring: ZChangesQuerySchema,
        response: { 200: ZChangesSchema, ...errors },
      },
      onRequest: async (request) => {
        request.matchUnit = await unitOf(request, ['match', 'feed']);
      },
    },
    async (request) => {
      const unit = request.matchUnit;
      if (!unit || !isScene(unit.scene)) throw unauthenticated('接入密钥无效', 'Unknown API key');
      const scene = scenes[unit.scene];
      const since = Number(request.query.since ?? '0');
      return db.transaction(async (tx) => {
        const page = await listChanges(tx, { scene, since, limit: request.query.limit, today: currentDay() });
        await appendAudit(tx, {
          actor: null,
          action: 'credit.match.changes',
          objectType: 'apiClient',
          objectId: unit.id,
          detail: { unit: unit.name, since, returned: page.changes.length },
        });
        return page;
      });
    },
  );

  registerUnitRoutes(app, { db, onRevoke: () => keys.clear() });
}
