import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestApp, type TestApp } from './support.ts';

/**
 * The OpenAPI document is the contract the web app and outside units build against: every 2xx
 * answer of every route has a schema, and every object in a JSON answer declares its properties
 * and admits no others. Read from `/api/docs/json`, so a route added later is covered without
 * anyone writing its test.
 */
let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(async () => t.close());

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  const?: unknown;
  enum?: unknown[];
  not?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Response = { content?: Record<string, { schema?: JsonSchema }> };
type Operation = { responses?: Record<string, Response> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const constraining = ['$ref', 'type', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf'] as const;

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** What is open in a JSON schema: unconstrained values, objects without declared properties or open to others. */
function openParts(doc: Document, schema: JsonSchema, where: string, seen = new Set<string>()): string[] {
  if (schema.$ref !== undefined) {
    if (seen.has(schema.$ref)) return [];
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) return [`${where}: unresolved ${schema.$ref}`];
    return openParts(doc, target, where, new Set([...seen, schema.$ref]));
  }
  if (!constraining.some((key) => key in schema)) return [`${where}: any value (no type)`];
  const problems: string[] = [];
  const isObject = typesOf(schema).includes('object') || schema.properties !== undefined;
  if (isObject) {
    if (Object.keys(schema.properties ?? {}).length === 0)
      problems.push(`${where}: object without properties`);
    if (schema.additionalProperties !== false || schema.patternProperties !== undefined) {
      problems.push(`${where}: object open to undeclared properties`);
    }
  }
  if (typesOf(schema).includes('array') && schema.items === undefined && schema.prefixItems === undefined) {
    problems.push(`${where}: array of any value`);
  }
  const nested: [string, JsonSchema][] = [
    ...Object.entries(schema.properties ?? {}).map(([key, sub]): [string, JsonSchema] => [
      `${where}.${key}`,
      sub,
    ]),
    ...(schema.items ? [[`${where}[]`, schema.items] satisfies [string, JsonSchema]] : []),
    ...(schema.prefixItems ?? []).map((sub, i): [string, JsonSchema] => [`${where}[${i}]`, sub]),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].map(
      (sub, i): [string, JsonSchema] => [`${where}|${i}`, sub],
    ),
    ...(typeof schema.additionalProperties === 'object'
      ? [[`${where}{}`, schema.additionalProperties] satisfies [string, JsonSchema]]
      : []),
  ];
  return [...problems, ...nested.flatMap(([at, sub]) => openParts(doc, sub, at, seen))];
}

function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/** The problems of one 2xx answer: no schema, a JSON body that is not a closed object, a file not declared as one. */
function answerProblems(doc: Document, status: string, response: Response, name: string): string[] {
  const content = Object.entries(response.content ?? {});
  if (content.length === 0) {
    return status === '204' || status === '205' ? [] : [`${name}: a ${status} answer without a schema`];
  }
  return content.flatMap(([mediaType, { schema }]) => {
    const where = `${name} ${mediaType}`;
    if (!schema) return [`${where}: no schema`];
    if (!isJson(mediaType)) {
      const isDeclared =
        typesOf(schema).includes('string') && (mediaType.startsWith('text/') || schema.format === 'binary');
      return isDeclared ? [] : [`${where}: a file answer not declared as a binary string`];
    }
    const top =
      typesOf(schema).includes('object') || schema.$ref !== undefined ? [] : [`${where}: not an object`];
    return [...top, ...openParts(doc, schema, where)];
  });
}

test('every 2xx answer of every route has a closed schema in the OpenAPI document', async () => {
  const docs = await t.request('GET', '/api/docs/json');
  assert.equal(docs.status, 200);
  const doc: Document = docs.body;
  const problems: string[] = [];
  let checked = 0;
  for (const [route, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const name = `${method.toUpperCase()} ${route}`;
      const answers = Object.entries(operation.responses ?? {}).filter(([status]) =>
        /^2(\d\d|XX)$/.test(status),
      );
      if (answers.length === 0) problems.push(`${name}: no 2xx answer declared`);
      for (const [status, response] of answers) {
        problems.push(...answerProblems(doc, status, response, `${name} ${status}`));
        checked += 1;
      }
    }
  }
  assert.deepEqual(problems, [], `${problems.length} open answers:\n${problems.join('\n')}`);
  // Identity, cases, inquiry and credit together answer on more than sixty operations.
  assert.ok(checked >= 60, `only ${checked} answers checked`);
});

test('a route answering with no schema or an open object is caught', () => {
  const doc: Document = {
    paths: {
      '/a': { get: { responses: { '200': {} } } },
      '/b': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { x: { type: 'object', additionalProperties: {} }, y: {} },
                    additionalProperties: false,
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  const problems = Object.entries(doc.paths).flatMap(([route, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
        answerProblems(doc, status, response, `${method} ${route} ${status}`),
      ),
    ),
  );
  assert.deepEqual(problems, [
    'get /a 200: a 200 answer without a schema',
    'get /b 200 application/json.x: object without properties',
    'get /b 200 application/json.x: object open to undeclared properties',
    'get /b 200 application/json.x{}: any value (no type)',
    'get /b 200 application/json.y: any value (no type)',
  ]);
});
