import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { FieldError } from './errors.ts';

/** Told for a field the schema does not know (a misspelt name used to be dropped without a word). */
export const UNKNOWN_FIELD_MESSAGE = "Ce champ n'existe pas : vérifiez son nom (il n'est pas enregistré).";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The paths of the keys of `value` that `schema` does not declare (objects of any depth, arrays, wrappers). */
export function unknownFields(schema: z.ZodType, value: unknown, path: string[] = []): string[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value) || !def.shape) return [];
      // An object that declares what it does with other keys (passthrough, catchall) keeps them.
      const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      return Object.entries(value).flatMap(([key, item]) => {
        const field = Object.hasOwn(def.shape as object, key) ? def.shape?.[key] : undefined;
        if (field) return unknownFields(field, item, [...path, key]);
        return open ? [] : [[...path, key]];
      });
    }
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((item, index) =>
            unknownFields(def.element as z.ZodType, item, [...path, String(index)]),
          )
        : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? unknownFields(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? unknownFields(def.in, value, path) : [];
    case 'lazy':
      return def.getter ? unknownFields(def.getter(), value, path) : [];
    case 'intersection': {
      // A key is unknown to an intersection when neither side knows it.
      const left = def.left ? unknownFields(def.left, value, path).map((p) => p.join('.')) : [];
      const right = new Set(def.right ? unknownFields(def.right, value, path).map((p) => p.join('.')) : []);
      return left.filter((p) => right.has(p)).map((p) => p.split('.'));
    }
    case 'union': {
      // Unknown only if no option knows it.
      const perOption = (def.options ?? []).map(
        (option) => new Set(unknownFields(option, value, path).map((p) => p.join('\u0000'))),
      );
      const [first, ...others] = perOption;
      return [...(first ?? [])]
        .filter((p) => others.every((set) => set.has(p)))
        .map((p) => p.split('\u0000'));
    }
    default:
      return [];
  }
}

/** The unknown fields of `value` as field errors (`prefix` for a part of a body, e.g. `input`). */
export function unknownFieldErrors(schema: z.ZodType, value: unknown, prefix: string[] = []): FieldError[] {
  return unknownFields(schema, value, prefix).map((path) => ({
    field: path.join('.'),
    message: UNKNOWN_FIELD_MESSAGE,
  }));
}

/**
 * The zod validator of fastify-type-provider-zod, made strict for request bodies: a body key that its
 * schema does not declare is a 400 naming it, on every route, without a `z.strictObject` in each schema
 * (the schemas are shared with the importers, which build their objects themselves). Query strings and
 * parameters are left as they are.
 */
export const strictBodyValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart !== 'body') return validate;
  return (data) => {
    const unknown = unknownFields(route.schema, data);
    const result = validate(data) as { value?: unknown; error?: FastifySchemaValidationError[] };
    if (unknown.length === 0) return result;
    const issues = unknown.map(
      (path): FastifySchemaValidationError => ({
        // The same shape as the provider's validation items, which the error handler reads.
        [Symbol.for('ZodFastifySchemaValidationError')]: true,
        keyword: 'unrecognized_keys',
        instancePath: `/${path.join('/')}`,
        schemaPath: `#/${path.join('/')}/unrecognized_keys`,
        message: UNKNOWN_FIELD_MESSAGE,
        params: {},
      }),
    );
    return { error: [...issues, ...(result.error ?? [])] };
  };
};
