import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SimClock } from './clock.ts';
import { bi, isBearer, parseJson, readHeader, SimErrorCode, sendError } from './http-support.ts';
import { findInstitution, INSTITUTIONS } from './institutions.ts';
import { type KnobBoard, ZKnobsPatchSchema } from './knobs.ts';
import { computeAvailableFen, computeFrozenFen, computeQueuePosition } from './measures.ts';
import type { Asset } from './types.ts';
import type { World } from './world/world.ts';

/**
 * The simulator's own admin API (not part of the institution protocol): for the demo, tests and
 * benchmarks. Every route needs `authorization: Bearer <admin token>`.
 */
export type AdminRouteDeps = {
  adminToken: string;
  knobs: KnobBoard;
  clock: SimClock;
  world: World;
  baseUrlOf: (code: string) => string;
  setClockOffset: (offsetMs: number) => Promise<void>;
  snapshotStats: () => unknown;
};

const ZClockSchema = z
  .object({
    offsetMs: z
      .number()
      .int()
      .min(-(10 * 365 * 86_400_000))
      .max(10 * 365 * 86_400_000),
  })
  .strict();

export function registerAdminRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request, reply) => {
      if (!isBearer(readHeader(request.headers.authorization), deps.adminToken)) {
        return sendError(reply, SimErrorCode.unauthenticated, bi('需要管理令牌', 'Admin token required'));
      }
    });

    admin.get('/sim/institutions', async () =>
      INSTITUTIONS.map((i) => ({ ...i, baseUrl: deps.baseUrlOf(i.code) })),
    );

    admin.get('/sim/knobs', async () => deps.knobs.all());

    admin.put<{ Params: { target: string } }>('/sim/knobs/:target', async (request, reply) => {
      const { target } = request.params;
      if (target !== '*' && !findInstitution(target)) {
        return sendError(
          reply,
          SimErrorCode.notFound,
          bi(`无此机构：${target}`, `No such institution: ${target}`),
        );
      }
      const json = parseJson(typeof request.body === 'string' ? request.body : '');
      if (!json.isJson)
        return sendError(reply, SimErrorCode.invalidInput, json.detail.message, { details: [json.detail] });
      const patch = ZKnobsPatchSchema.safeParse(json.value);
      if (!patch.success) {
        const details = patch.error.issues.map((i) => ({
          path: i.path.join('.') || '(body)',
          message: i.message,
        }));
        return sendError(reply, SimErrorCode.invalidInput, bi('参数有误', 'Invalid knobs'), { details });
      }
      deps.knobs.patch(target, patch.data);
      return target === '*' ? deps.knobs.all() : { [target]: deps.knobs.get(target) };
    });

    admin.get('/sim/stats', async () => deps.snapshotStats());

    admin.post('/sim/clock', async (request, reply) => {
      const json = parseJson(typeof request.body === 'string' ? request.body : '');
      const parsed = json.isJson ? ZClockSchema.safeParse(json.value) : undefined;
      if (!parsed?.success) {
        const details = parsed
          ? parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
          : [{ path: '(body)', message: bi('请求体不是有效的 JSON', 'The body is not valid JSON') }];
        return sendError(reply, SimErrorCode.invalidInput, bi('时钟偏移有误', 'Invalid clock offset'), {
          details,
        });
      }
      await deps.setClockOffset(parsed.data.offsetMs);
      return { offsetMs: deps.clock.offsetMs(), now: new Date(deps.clock.now()).toISOString() };
    });

    admin.get<{ Querystring: { identifier?: string } }>('/sim/assets', async (request, reply) => {
      const asset = deps.world.assetsByIdentifier.get(request.query.identifier ?? '');
      if (!asset) return sendError(reply, SimErrorCode.notFound, bi('无此财产', 'No such asset'));
      return describeForAdmin(deps.world, asset);
    });

    admin.get<{ Querystring: { key?: string } }>('/sim/subjects', async (request, reply) => {
      const key = request.query.key ?? '';
      const person = deps.world.personsByIdNumber.get(key);
      const company = deps.world.companiesByCreditCode.get(key);
      const name = person?.name ?? company?.name ?? deps.world.strangerNames.get(key);
      if (name === undefined)
        return sendError(reply, SimErrorCode.notFound, bi('无此主体', 'No such subject'));
      const assets = deps.world.assetsBySubject.get(key) ?? [];
      return { key, name, assets: assets.map((a) => describeForAdmin(deps.world, a)) };
    });
  });
}

/** The whole state of one asset, measures included, for checking the simulator from outside. */
function describeForAdmin(world: World, asset: Asset): Record<string, unknown> {
  const transfers = [...world.transfers.values()].filter((t) => t.identifier === asset.identifier);
  return {
    assetType: asset.assetType,
    identifier: asset.identifier,
    holders: asset.holders,
    ownerKey: asset.ownerKey,
    ownerName: asset.ownerName,
    description: asset.description,
    valueFen: asset.valueFen,
    ...(asset.balanceFen === undefined
      ? {}
      : {
          balanceFen: asset.balanceFen,
          frozenFen: computeFrozenFen(asset),
          availableFen: computeAvailableFen(asset),
        }),
    freezes: asset.freezes,
    seals: asset.seals.map((s) => ({ ...s, queuePosition: computeQueuePosition(asset, s) })),
    transfers,
  };
}
