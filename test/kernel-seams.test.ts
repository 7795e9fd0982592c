import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aCaseBody } from './factories.ts';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The seams the kernel closes: one court-code rule for creating courts and numbering their cases,
 * and one date type for every date field of every route (found in the OpenAPI document, so a
 * route added later is covered without anyone writing its test).
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => t.close());

test('a court code that cannot number cases is refused at creation, naming courtCode', async () => {
  const admin = await t.login('admin');
  const courts = await t.request('GET', '/api/v1/courts', { token: admin });
  const hz = courts.body.items.find((c: { courtCode: string }) => c.courtCode === '浙01');
  for (const courtCode of ['浙0100', '浙0006', '浙00']) {
    const res = await t.request('POST', '/api/v1/courts', {
      token: admin,
      body: { name: '试验法院', courtCode, level: 'basic', divisionCode: '330100', parentId: hz.id },
    });
    assert.equal(res.status, 400, `${courtCode}: ${JSON.stringify(res.body)}`);
    assert.ok(
      res.body.error.details.some((d: { path: string }) => d.path === 'courtCode'),
      JSON.stringify(res.body),
    );
  }
});

test('a court created with an accepted code files cases under that code', async () => {
  const admin = await t.login('admin');
  const courts = await t.request('GET', '/api/v1/courts', { token: admin });
  const hz = courts.body.items.find((c: { courtCode: string }) => c.courtCode === '浙01');
  const court = await t.request('POST', '/api/v1/courts', {
    token: admin,
    body: {
      name: '杭州市临平区人民法院',
      courtCode: '浙0113',
      level: 'basic',
      divisionCode: '330113',
      parentId: hz.id,
    },
  });
  assert.equal(court.status, 201, JSON.stringify(court.body));
  const tribunal = await t.request('POST', '/api/v1/courts', {
    token: admin,
    body: {
      name: '临平区人民法院塘栖人民法庭',
      courtCode: '浙0113',
      level: 'detachedTribunal',
      divisionCode: '330113',
      parentId: court.body.id,
    },
  });
  assert.equal(tribunal.status, 201, JSON.stringify(tribunal.body));
  for (const [username, courtId] of [
    ['linping.judge', court.body.id],
    ['tangqi.judge', tribunal.body.id],
  ]) {
    const user = await t.request('POST', '/api/v1/users', {
      token: admin,
      body: { username, displayName: '法官', password: 'a-long-password-1', courtId, roles: ['judge'] },
    });
    assert.equal(user.status, 201, JSON.stringify(user.body));
    const signIn = await t.request('POST', '/api/v1/auth/login', {
      body: { username, password: 'a-long-password-1' },
    });
    assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
    const filed = await t.request('POST', '/api/v1/cases', { token: signIn.body.token, body: aCaseBody() });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.match(filed.body.caseNumber, /^（\d{4}）浙0113执\d+号$/);
  }
});

type JsonSchema = {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** Every path (`a.b.0.c`) in a JSON schema that holds a date. */
function datePaths(schema: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!schema) return [];
  if (schema.format === 'date') return [prefix];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => datePaths(sub, [...prefix, key])),
    ...(schema.items ? datePaths(schema.items, [...prefix, '0']) : []),
    ...nested.flatMap((sub) => datePaths(sub, prefix)),
  ];
}

/** The smallest body that puts `value` at `path` (arrays get one element). */
function bodyWith(path: string[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (head === '0') return [bodyWith(rest, value)];
  return { [head]: bodyWith(rest, value) };
}

type Operation = {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

test('every date field of every route refuses impossible dates with a 400 naming the field', async () => {
  const docs = await t.request('GET', '/api/docs/json');
  assert.equal(docs.status, 200);
  const paths = docs.body.paths as Record<string, Record<string, Operation>>;
  const admin = await t.login('admin');
  const judge = await t.login('xihu.judge');
  let checked = 0;
  for (const [route, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const url = route.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const fields: { where: 'query' | 'body'; path: string[] }[] = [
        ...(operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.schema?.format === 'date')
          .map((p) => ({ where: 'query' as const, path: [p.name] })),
        ...datePaths(operation.requestBody?.content?.['application/json']?.schema).map((path) => ({
          where: 'body' as const,
          path,
        })),
      ];
      for (const field of fields) {
        for (const bad of ['0000-01-01', '2026-13-01', '2026-02-30']) {
          const target = field.where === 'query' ? `${url}?${field.path[0]}=${encodeURIComponent(bad)}` : url;
          for (const token of [judge, admin]) {
            const res = await t.request(method.toUpperCase() as 'GET', target, {
              token,
              ...(field.where === 'body' ? { body: bodyWith(field.path, bad) } : {}),
            });
            if (res.status === 403) continue;
            const name = `${method.toUpperCase()} ${route} ${field.path.join('.')}=${bad}`;
            assert.equal(res.status, 400, `${name}: ${JSON.stringify(res.body)}`);
            assert.ok(
              res.body.error.details.some((d: { path: string }) => d.path === field.path.join('.')),
              `${name}: no detail names the field: ${JSON.stringify(res.body)}`,
            );
            checked += 1;
            break;
          }
        }
      }
    }
  }
  // The routes of the core, inquiry and credit carry date fields; finding none means the walk broke.
  assert.ok(checked >= 30, `only ${checked} date checks ran`);
});
