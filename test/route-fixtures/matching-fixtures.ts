import { makeIdNumber } from '../../src/kernel/index.ts';
import type { OperationKey, RouteFixture } from './types.ts';

let serial = 0;

/** Matching: the outside units' API (their keys) and the units' administration. */
export const matchingFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/match': {
    build: async () => ({
      body: {
        subjects: [{ name: '张伟', idNumber: makeIdNumber('330106', '1980-01-01', 123), creditCode: null }],
      },
      as: 'unit:match',
    }),
  },
  'GET /api/v1/match/changes': {
    build: async () => ({
      query: { since: '0', limit: '10' },
      as: 'unit:feed',
    }),
  },
  'POST /api/v1/admin/units': {
    build: async () => {
      serial += 1;
      return {
        body: {
          name: `测试单位${serial}`,
          scene: 'railway',
          capability: 'match',
          ratePerMinute: 60,
          dailyQuota: 1000,
        },
      };
    },
  },
  'POST /api/v1/admin/units/{id}/revoke': {
    build: async (world) => {
      serial += 1;
      const res = await world.call(
        'admin',
        'POST',
        '/api/v1/admin/units',
        { name: `待吊销单位${serial}`, scene: 'finance' },
        201,
      );
      return { params: { id: String(res.body.id) } };
    },
  },
};
