import type { FastifyRequest } from 'fastify';
import { clock } from '../../platform/clock.ts';
import { AppError, bi, ErrorCode } from '../../platform/errors.ts';
import { type App, errorResponses, ZErrorSchema } from '../../platform/http/server.ts';
import {
  subjectFieldMaxLength,
  type TMatchResultWire,
  ZMatchRequestSchema,
  ZMatchResponseSchema,
} from './contracts.ts';
import type { MatchingService } from './engine/match-service.ts';
import { contextFor, type MatchSubject, matchOne } from './engine/matcher.ts';
import type { MatchAuditor } from './match-audit.ts';
import type { Quota } from './quota.ts';
import { isScene, scenes } from './rules/scenes.ts';
import { type UnitKeys, unauthenticated } from './unit-keys.ts';
import { toWireResult } from './wire.ts';

const tags = ['matching'];
const errors = { ...errorResponses, 429: ZErrorSchema };
export const maxSubjects = 10_000;

const controlCharacter = /\p{Cc}/u;

function isSubjectField(key: string): key is keyof typeof subjectFieldMaxLength {
  return Object.hasOwn(subjectFieldMaxLength, key);
}

/** The request body checked by hand: this path answers 10,000 subjects per call and skips schema compilation. */
export function checkMatchBody(body: unknown): MatchSubject[] {
  const fail = (path: string, zh: string, en: string): never => {
    throw new AppError(ErrorCode.invalidInput, bi(zh, en), [{ path, message: bi(zh, en) }]);
  };
  if (typeof body !== 'object' || body === null || !('subjects' in body) || !Array.isArray(body.subjects)) {
    return fail('subjects', '请求体应为 {"subjects": [...]}', 'The body must be {"subjects": [...]}');
  }
  for (const key of Object.keys(body)) {
    if (key !== 'subjects') fail(key, `不支持的字段：${key}`, `Unknown field: ${key}`);
  }
  const subjects: unknown[] = body.subjects;
  if (subjects.length === 0) fail('subjects', '至少提交一个比对对象', 'Send at least one subject');
  if (subjects.length > maxSubjects)
    fail('subjects', `每次最多比对${maxSubjects}个对象`, `At most ${maxSubjects} subjects per request`);
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i];
    if (typeof s !== 'object' || s === null || Array.isArray(s))
      fail(`subjects.${i}`, '比对对象应为 JSON 对象', 'A subject must be an object');
    for (const key of Object.keys(s ?? {})) {
      const at = `subjects.${i}.${key}`;
      if (!isSubjectField(key)) return fail(at, `不支持的字段：${key}`, `Unknown field: ${key}`);
      const value: unknown = Reflect.get(s ?? {}, key);
      if (value === undefined || value === null) continue;
      const max = subjectFieldMaxLength[key];
      if (typeof value !== 'string') fail(at, '应为文本', 'Must be a string');
      else if (value.length > max) fail(at, `长度不能超过 ${max}`, `At most ${max} characters`);
      else if (controlCharacter.test(value))
        fail(at, '不能包含控制字符', 'Must not contain control characters');
    }
  }
  return subjects.filter((s): s is MatchSubject => typeof s === 'object' && s !== null);
}

function canonicalOf(s: MatchSubject): string {
  if (s.idNumber) return `i:${s.idNumber.trim().toUpperCase()}`;
  if (s.creditCode) return `c:${s.creditCode.trim().toUpperCase()}`;
  return `n:${(s.name ?? '').trim()}`;
}

/** `POST /api/v1/match`: a unit's subjects against the punishments of its scene, from the index. */
export function registerMatchRoute(
  app: App,
  opts: {
    service: MatchingService;
    auditor: MatchAuditor;
    keys: UnitKeys;
    quota: Quota;
    currentDay: () => string;
  },
): void {
  const { service, auditor, keys, quota, currentDay } = opts;
  app.post(
    '/api/v1/match',
    {
      config: {
        access: { kind: 'unitKey', capabilities: ['match'] },
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
        request.matchUnit = await keys.unitOf(request, ['match']);
      },
    },
    async (request) => {
      const unit = request.matchUnit;
      if (!unit) throw unauthenticated('接入密钥无效', 'Unknown API key');
      const subjects = checkMatchBody(request.body);
      if (!isScene(unit.scene))
        throw new AppError(ErrorCode.forbidden, bi('该单位的应用场景未配置', 'The unit has no known scene'));
      auditor.admit();
      await quota.take(unit, subjects.length);
      const state = await service.ready();
      await auditor.ready();
      const day = currentDay();
      const ctx = contextFor(state, scenes[unit.scene], day);
      const results: TMatchResultWire[] = new Array(subjects.length);
      const hitPunishments: number[] = [];
      const nonHitDigests: string[] = [];
      let errorCount = 0;
      for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[i] ?? {};
        const r = matchOne(ctx, subject);
        if (r.restricted) for (const p of r.punishments) hitPunishments.push(Number(p.reference.slice(2)));
        else if (r.error) errorCount++;
        else nonHitDigests.push(auditor.digest(canonicalOf(subject)));
        // The published names (`measures`, `measure`) are put on at the edge: see wire.ts.
        results[i] = toWireResult(r);
      }
      auditor.record({
        unitId: unit.id,
        at: clock.now().toISOString(),
        unitName: unit.name,
        day,
        subjects: subjects.length,
        hits: subjects.length - nonHitDigests.length - errorCount,
        hitPunishments,
        nonHitDigests,
      });
      return { results };
    },
  );
}
