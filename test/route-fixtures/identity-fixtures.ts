import { demoPassword, insertUser } from '../../src/modules/identity/index.ts';
import type { OperationKey, RouteFixture } from './types.ts';
import type { CourtKey, World } from './world.ts';

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

/** A user of `court`, made for one request that changes it (and who never signs in: no password to hash). */
async function aFreshUser(world: World, court: CourtKey): Promise<string> {
  const user = await insertUser(
    world.t.database.db,
    {
      username: `fixture.user${next()}`,
      displayName: '测试用户',
      password: 'a-long-password-1',
      courtId: world.courtId(court),
      roles: ['clerk'],
    },
    { isDemo: true, passwordHash: 'never-signs-in' },
  );
  return user.id;
}

// The intermediate court above each basic court, and its code.
const parentOf = {
  xihu: ['hz', '浙01', '3301'],
  shangcheng: ['hz', '浙01', '3301'],
  haishu: ['nb', '浙02', '3302'],
} as const;

/** Identity: signing in and out, the demo clock, courts, users, teams, grid workers' areas. */
export const identityFixtures: Record<OperationKey, RouteFixture> = {
  'POST /api/v1/auth/login': {
    build: async () => ({ body: { username: 'xihu.clerk', password: demoPassword } }),
  },
  'POST /api/v1/auth/logout': { build: async () => ({}), isSessionEnding: true },
  'POST /api/v1/demo/clock': { build: async () => ({ body: { advanceSeconds: 1 } }) },
  'POST /api/v1/courts': {
    // A basic court under the intermediate court above `court`: 浙0120, 浙0221 … (codes that can number cases).
    build: async (world, court) => {
      const [parent, code, division] = parentOf[court];
      const n = 20 + next();
      const parentId = world.courtId(parent);
      return {
        body: {
          name: `测试${n}区人民法院`,
          courtCode: `${code}${n}`,
          level: 'basic',
          divisionCode: `${division}${n}`,
          parentId,
        },
        courtId: parentId,
        namedBy: 'parentId',
      };
    },
  },
  'POST /api/v1/users': {
    build: async (world, court) => ({
      body: {
        username: `fixture.new${next()}`,
        displayName: '新用户',
        password: 'a-long-password-1',
        courtId: world.courtId(court),
        roles: ['clerk'],
      },
      courtId: world.courtId(court),
      namedBy: 'courtId',
    }),
  },
  'PATCH /api/v1/users/{id}': {
    build: async (world, court) => ({
      params: { id: await aFreshUser(world, court) },
      body: { displayName: '改名用户', roles: ['clerk'], disabled: false },
      courtId: world.courtId(court),
    }),
  },
  'POST /api/v1/teams': {
    build: async (world, court) => {
      // Xihu's first team has its judge; its second judge leads the new one.
      const [judge, assistant] =
        court === 'xihu' ? ['xihu.judge2', 'xihu.assistant2'] : [`${court}.judge`, `${court}.assistant`];
      return {
        body: {
          name: `测试团队${next()}`,
          courtId: world.courtId(court),
          judgeId: world.userId(judge),
          assistantId: world.userId(assistant),
          bailiffId: null,
          clerkId: null,
        },
        courtId: world.courtId(court),
        namedBy: 'courtId',
      };
    },
  },
  'PUT /api/v1/admin/grid-workers/{id}/areas': {
    build: async (world, court) => ({
      params: { id: world.userId(`${court}.grid`) },
      body: { areaCodes: ['330106'] },
      courtId: world.courtId(court),
    }),
  },
  'GET /api/v1/admin/grid-workers/{id}/areas': {
    build: async (world, court) => ({
      params: { id: world.userId(`${court}.grid`) },
      courtId: world.courtId(court),
    }),
  },
};
