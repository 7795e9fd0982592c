import { queueInApp, queueSms } from '../../src/modules/notify/index.ts';
import { onNewCase } from './case-fixtures.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { World } from './world.ts';

let serial = 0;

/** A message in the inbox of the user the generated tests call as first (a case's judge). */
async function anInAppMessage(world: World, username = 'xihu.judge'): Promise<string> {
  serial += 1;
  const [queued] = await world.t.database.db.transaction((tx) =>
    queueInApp(tx, {
      dedupeKey: `fixture.inbox:${serial}-${Date.now()}`,
      userIds: [world.userId(username)],
      title: '执行款到账',
      body: '案件执行款已到账。',
      kind: 'funds.arrived',
    }),
  );
  if (!queued) throw new Error('no in-app message was queued');
  return queued.id;
}

/** Notify: the signed-in user's inbox, and a case's notifications with their deliveries. */
export const notifyFixtures: Record<OperationKey, RouteFixture> = {
  'GET /api/v1/notify/inbox': {
    build: async (world) => {
      await anInAppMessage(world);
      return { query: { unreadOnly: 'true', limit: '10', cursor: '999999999' } };
    },
  },
  'POST /api/v1/notify/inbox/read': {
    build: async (world) => ({ body: { ids: [await anInAppMessage(world)] } }),
  },
  'GET /api/v1/cases/{id}/notifications': {
    build: async (world, court) => {
      const onCase = await onNewCase(world, court);
      serial += 1;
      await world.t.database.db.transaction((tx) =>
        queueSms(tx, {
          dedupeKey: `fixture.sms:${serial}-${Date.now()}`,
          to: '13800001234',
          text: '【执行】您的案件执行款已到账。',
          kind: 'funds.arrived',
          caseId: onCase.caseId,
          courtId: onCase.c.courtId,
        }),
      );
      return onCase;
    },
  },
};
