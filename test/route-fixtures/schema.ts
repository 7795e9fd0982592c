/**
 * The request schemas of the OpenAPI document, walked: a valid example of any schema, every field
 * of a body (nested objects and array items too), and the wrong values each field must refuse.
 */
export type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

export type Parameter = { in: string; name: string; required?: boolean; schema?: JsonSchema };

export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  'x-zhixing-access'?: unknown;
  security?: unknown[];
};

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The schema without its `null` alternative, and whether null is allowed. */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; isNullable: boolean } {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const others = branches.filter((b) => !typesOf(b).every((t) => t === 'null') || b.type === undefined);
    const isNullable = others.length < branches.length;
    const [only] = others;
    if (others.length === 1 && only) return { schema: only, isNullable };
    return { schema, isNullable };
  }
  const types = typesOf(schema);
  if (types.includes('null') && types.length > 1) {
    const rest = types.filter((t) => t !== 'null');
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, isNullable: true };
  }
  return { schema, isNullable: false };
}

export function kindOf(schema: JsonSchema): string {
  const s = unwrapNullable(schema).schema;
  if (s.enum || s.const !== undefined) return 'enum';
  const [type] = typesOf(s).filter((t) => t !== 'null');
  if (type) return type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return 'unknown';
}

// Values that read like real input, by field name: the use cases check names, phones, codes.
const byName: Record<string, string> = {
  name: '张伟',
  displayName: '测试用户',
  username: 'test.user',
  phone: '13800001234',
  address: '浙江省杭州市西湖区文三路100号',
  legalRepresentative: '张伟',
  lawFirm: '浙江测试律师事务所',
  licenseNumber: '13301200010000001',
  divisionCode: '330106',
  areaCodes: '330106',
  documentNumber: '（2026）浙0106民初123号',
  issuedBy: '杭州市西湖区人民法院',
  authority: '杭州市公安局出入境管理局',
  password: 'a-long-password-1',
  signingKey: 'a-signing-key-of-length',
  code: 'fixture-bank',
  kind: 'bank',
  q: '张',
};
const genericStrings = ['经核实的事实与理由', 'test-value', '330106', 'abc', '1'];

function exampleString(s: JsonSchema, name: string): string {
  const example = s.examples?.find((e): e is string => typeof e === 'string');
  if (example !== undefined) return example;
  if (s.format === 'date') return '2026-03-01';
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'uri') return 'https://example.org/hook';
  const candidates = [byName[name], ...genericStrings].filter((c): c is string => c !== undefined);
  const pattern = s.pattern ? new RegExp(s.pattern, 'u') : null;
  const fits = (c: string) =>
    (pattern?.test(c) ?? true) && c.length >= (s.minLength ?? 0) && c.length <= (s.maxLength ?? Infinity);
  return candidates.find(fits) ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A valid value of `schema` (objects with their required properties only). */
export function exampleOf(schema: JsonSchema, name = ''): unknown {
  const s = unwrapNullable(schema).schema;
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (kindOf(s)) {
    case 'string':
      return exampleString(s, name);
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'array': {
      const count = Math.max(s.minItems ?? 0, 1);
      return Array.from({ length: count }, () => exampleOf(s.items ?? {}, name));
    }
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((key) => [key, exampleOf(s.properties?.[key] ?? {}, key)]),
      );
    default:
      return 'x';
  }
}

/** A field of a body: where it is (`applicants.0.name`), its schema, whether its object requires it. */
export type Field = { path: string[]; schema: JsonSchema; isRequired: boolean };

/** Every field of an object schema, nested objects and the first item of arrays included. */
export function fieldsOf(schema: JsonSchema, prefix: string[] = []): Field[] {
  const s = unwrapNullable(schema).schema;
  return Object.entries(s.properties ?? {}).flatMap(([key, sub]) => {
    const path = [...prefix, key];
    const field: Field = { path, schema: sub, isRequired: (s.required ?? []).includes(key) };
    const inner = unwrapNullable(sub).schema;
    const nested =
      kindOf(inner) === 'object'
        ? fieldsOf(inner, path)
        : kindOf(inner) === 'array' && inner.items && kindOf(inner.items) === 'object'
          ? fieldsOf(inner.items, [...path, '0'])
          : [];
    return [field, ...nested];
  });
}

/** The objects of a body schema (the body itself, nested objects, array items), where an unknown field may be slipped in. */
export function objectPathsOf(schema: JsonSchema, prefix: string[] = []): string[][] {
  const s = unwrapNullable(schema).schema;
  if (kindOf(s) !== 'object') return [];
  return [
    prefix,
    ...Object.entries(s.properties ?? {}).flatMap(([key, sub]) => {
      const inner = unwrapNullable(sub).schema;
      if (kindOf(inner) === 'object') return objectPathsOf(inner, [...prefix, key]);
      if (kindOf(inner) === 'array' && inner.items) return objectPathsOf(inner.items, [...prefix, key, '0']);
      return [];
    }),
  ];
}

export const missing = Symbol('missing');
export type WrongValue = { label: string; value: unknown };

const tenThousand = '长'.repeat(10_000);
const controlCharacters = '正常\u0000文本\u001b[31m';

/** The wrong values a body field must refuse (JSON values: types matter). */
export function wrongBodyValues(field: Field): WrongValue[] {
  const { schema, isNullable } = unwrapNullable(field.schema);
  const kind = kindOf(schema);
  const values: WrongValue[] = [];
  if (field.isRequired) values.push({ label: 'missing', value: missing });
  if (!isNullable) values.push({ label: 'null', value: null });
  values.push(...wrongValuesOfKind(kind, schema, 'json'));
  return values;
}

/** The wrong values a query or path parameter must refuse (text: every value arrives as a string). */
export function wrongTextValues(parameter: Parameter): WrongValue[] {
  const schema = unwrapNullable(parameter.schema ?? {}).schema;
  const values: WrongValue[] = [];
  if (parameter.required && parameter.in === 'query') values.push({ label: 'missing', value: missing });
  values.push(...wrongValuesOfKind(kindOf(schema), schema, 'text'));
  return values;
}

function wrongValuesOfKind(kind: string, schema: JsonSchema, as: 'json' | 'text'): WrongValue[] {
  const asText = (v: number) => (as === 'text' ? String(v) : v);
  switch (kind) {
    case 'integer':
    case 'number':
      return [
        { label: 'wrong type', value: as === 'text' ? 'abc' : '12' },
        { label: 'negative', value: asText(-1) },
        // A `number` (a latitude, an accuracy) may be fractional; an `integer` (fen, counts) never.
        ...(kind === 'integer' ? [{ label: 'fractional', value: asText(1.5) }] : []),
        { label: 'huge', value: asText(2 ** 53) },
        { label: 'huger', value: as === 'text' ? '1e308' : 1e308 },
      ];
    case 'boolean':
      return as === 'text' ? [] : [{ label: 'wrong type', value: 'true' }];
    case 'array':
      return [{ label: 'wrong type', value: 'x' }];
    case 'object':
      return [{ label: 'wrong type', value: 'x' }];
    case 'enum':
      return [
        ...(as === 'json' ? [{ label: 'wrong type', value: 7 }] : []),
        { label: 'unknown enum value', value: 'notAValue' },
      ];
    case 'string': {
      const values: WrongValue[] = [
        { label: '10,000 characters', value: tenThousand },
        { label: 'control characters', value: controlCharacters },
      ];
      if (as === 'json') values.unshift({ label: 'wrong type', value: 12345 });
      if (schema.format === 'date') {
        values.push({ label: 'impossible date', value: '2026-02-30' });
        values.push({ label: 'year 0', value: '0000-01-01' });
      }
      return values;
    }
    default:
      return as === 'json' ? [{ label: 'wrong type', value: { unexpected: true } }] : [];
  }
}

/** A deep copy of `body` with `value` at `path` (or the field removed), creating what lies on the way. */
export function withValueAt(body: unknown, schema: JsonSchema, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const s = unwrapNullable(schema).schema;
  if (head === '0' && kindOf(s) === 'array') {
    const items = Array.isArray(body) && body.length > 0 ? body : [exampleOf(s.items ?? {})];
    const [first, ...others] = items;
    const inner =
      rest.length === 0 && value === missing ? [] : [withValueAt(first, s.items ?? {}, rest, value)];
    return [...inner, ...others];
  }
  const current: Record<string, unknown> =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {};
  const sub = s.properties?.[head] ?? {};
  if (rest.length === 0) {
    if (value === missing) delete current[head];
    else current[head] = value;
    return current;
  }
  const existing = current[head] ?? exampleOf(sub, head);
  current[head] = withValueAt(existing, sub, rest, value);
  return current;
}
