/**
 * The bad inputs of the fuzz test (fuzz.test.ts) and the valid skeleton they are planted in, built from
 * the OpenAPI document. The draw among them is seeded (the demo's generator), so that a failure reproduces.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/** Values that must never make the server fail, whatever field they land in. */
export const BAD_VALUES: readonly unknown[] = [
  'nul\u0000caché',
  'cloche\u0007',
  'a'.repeat(100_000),
  '\u202Egnp.exe',
  'moitié\ud800',
  '',
  '   ',
  "'; drop table users; --",
  '0000-01-01',
  '2101-01-01',
  '9999-12-31T23:59:59+99:99',
  'pas-un-uuid',
  -1,
  0.5,
  1e308,
  2 ** 53 + 2,
  2_147_483_648,
  -2_147_483_649,
  true,
  null,
  {},
  [],
  [[]],
  { __proto__: { admin: true } },
];

/** Values for a query-string or path parameter (raw, already URL-encoded). */
export const BAD_PARAMETERS: readonly string[] = [
  '%00',
  'nul%00cach%C3%A9',
  'a'.repeat(5_000),
  '%E2%80%AEgnp.exe',
  '%ED%A0%80',
  '-1',
  '1e308',
  '99999999999999999999',
  '0000-01-01',
  '9999-12-31T23:59:59%2B99:99',
  'pas-un-uuid',
  '%27%3B%20drop%20table%20users%3B--',
  '',
  '[object Object]',
];

/** The value a schema asks for, valid if we can tell (`hint` gives what only the test knows: ids, codes). */
export function skeleton(
  schema: JsonSchema,
  hint: (name: string, schema: JsonSchema) => unknown,
  name = '',
): unknown {
  const hinted = hint(name, schema);
  if (hinted !== undefined) return hinted;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const first = options.find((o) => o.type !== 'null') ?? options[0];
    return first ? skeleton(first, hint, name) : null;
  }
  if (schema.allOf?.[0] && !schema.type) return skeleton(schema.allOf[0], hint, name);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, skeleton(schema.properties?.[key] ?? {}, hint, key)]),
      );
    case 'array':
      return schema.items ? [skeleton(schema.items, hint, name)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date') return '2020-01-15';
      if (schema.format === 'date-time') return '2020-01-15T08:00:00Z';
      if (schema.format === 'email') return 'fuzz@test.mutualis';
      return 'Valeur de test correcte'.slice(0, Math.max(schema.maxLength ?? 23, schema.minLength ?? 1));
    default:
      return 'Valeur de test correcte';
  }
}

/** Every place a value can go in a body of this schema: its properties at any depth, array items as `0`. */
export function leafPaths(schema: JsonSchema, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 4) return [];
  const options = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (options) return options.flatMap((option) => leafPaths(option, prefix, depth + 1));
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([key, property]) => [
      [...prefix, key],
      ...leafPaths(property, [...prefix, key], depth + 1),
    ]);
  }
  if (schema.items) return leafPaths(schema.items, [...prefix, '0'], depth + 1);
  return [];
}

/** A copy of `body` with `value` at `path` (creating the objects and arrays on the way). */
export function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const root: unknown = structuredClone(body ?? {});
  let node = root as Record<string, unknown>;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = /^\d+$/.test(path[index + 1] ?? '') ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  return root;
}

/** The JSON Schema behind a `$ref` of the OpenAPI document (components.schemas). */
export function resolveRefs(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  depth = 0,
): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? resolveRefs(target, components, depth + 1) : {};
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.properties)
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, components, depth + 1)]),
    );
  if (schema.items) resolved.items = resolveRefs(schema.items, components, depth + 1);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (list) resolved[key] = list.map((item) => resolveRefs(item, components, depth + 1));
  }
  return resolved;
}
