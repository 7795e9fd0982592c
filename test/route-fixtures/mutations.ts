import type { BuiltRequest } from './index.ts';
import {
  fieldsOf,
  type JsonSchema,
  missing,
  type Operation,
  objectPathsOf,
  type Parameter,
  withValueAt,
  wrongBodyValues,
  wrongTextValues,
} from './schema.ts';

/** One wrong request: which field is wrong and how, and the field the answer must name. */
export type Mutation = {
  where: 'body' | 'query' | 'path';
  /** The field's path as the error envelope names it: `applicants.0.name`. */
  field: string;
  label: string;
  /** An unknown field slipped in: the answer may name it by its parent and the key in the message. */
  unknownKey?: string;
  request: BuiltRequest;
};

export const unknownKey = 'zzUnknownField';

function bodyMutations(schema: JsonSchema, base: BuiltRequest): Mutation[] {
  const wrongFields = fieldsOf(schema).flatMap((field) =>
    wrongBodyValues(field).map(
      (wrong): Mutation => ({
        where: 'body',
        field: field.path.join('.'),
        label: wrong.label,
        request: { ...base, body: withValueAt(base.body, schema, field.path, wrong.value) },
      }),
    ),
  );
  const unknownFields = objectPathsOf(schema).map(
    (path): Mutation => ({
      where: 'body',
      field: [...path, unknownKey].join('.'),
      label: 'unknown field',
      unknownKey,
      request: { ...base, body: withValueAt(base.body, schema, [...path, unknownKey], 'x') },
    }),
  );
  return [...wrongFields, ...unknownFields];
}

function withQuery(base: BuiltRequest, name: string, value: unknown): BuiltRequest {
  const query = { ...base.query };
  if (value === missing) delete query[name];
  else query[name] = String(value);
  return { ...base, query };
}

function parameterMutations(parameters: Parameter[], base: BuiltRequest): Mutation[] {
  return parameters.flatMap((parameter) =>
    wrongTextValues(parameter).map((wrong): Mutation => {
      if (parameter.in === 'query') {
        return {
          where: 'query',
          field: parameter.name,
          label: wrong.label,
          request: withQuery(base, parameter.name, wrong.value),
        };
      }
      return {
        where: 'path',
        field: parameter.name,
        label: wrong.label,
        request: { ...base, params: { ...base.params, [parameter.name]: String(wrong.value) } },
      };
    }),
  );
}

/** Every wrong request made from a valid one: each field of body, query and path wrong in turn. */
export function mutationsOf(operation: Operation, base: BuiltRequest, bodySchema: JsonSchema | undefined) {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path');
  const hasQuery = parameters.some((p) => p.in === 'query');
  return [
    ...(bodySchema && base.rawBody === undefined ? bodyMutations(bodySchema, base) : []),
    ...parameterMutations(parameters, base),
    ...(hasQuery
      ? [
          {
            where: 'query' as const,
            field: unknownKey,
            label: 'unknown parameter',
            unknownKey,
            request: withQuery(base, unknownKey, 'x'),
          },
        ]
      : []),
  ];
}
