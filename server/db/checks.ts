import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * SQL of the CHECK constraints that hold a column to a code list of `common/`: the list is written into
 * the constraint as literals (a constraint takes no parameters), from the same constant the zod schemas
 * and the TypeScript types use, so there is one source.
 */
const literal = (value: string | number) =>
  typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

const literals = (values: readonly (string | number)[]) => sql.raw(values.map(literal).join(', '));

/** `column IN (…)`: NULL passes, so a nullable column stays nullable. */
export const inList = (column: AnyPgColumn, values: readonly (string | number)[]): SQL =>
  sql`${column} IN (${literals(values)})`;

/** Every element of a text[] column is one of the values (the empty array included). */
export const subsetOf = (column: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${column} <@ ARRAY[${literals(values)}]::text[]`;

interface CheckViolation {
  code: '23514';
  table: string;
  constraint: string;
}

const isCheckViolation = (error: unknown): error is CheckViolation =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  error.code === '23514' &&
  'table' in error &&
  typeof error.table === 'string' &&
  'constraint' in error &&
  typeof error.constraint === 'string';

/**
 * The field a CHECK violation is about (SQLSTATE 23514, raised by the driver, possibly wrapped by Drizzle),
 * read from the constraint's name `<table>_<column>_check`: `applications_lifecycle_stage_check` →
 * `lifecycleStage`. Null for any other error.
 */
export function checkViolationField(error: unknown): string | null {
  let current = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    if (isCheckViolation(current)) {
      const column = current.constraint.replace(`${current.table}_`, '').replace(/_check$/, '');
      return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    }
    current = 'cause' in current ? current.cause : undefined;
  }
  return null;
}

/** SQLSTATE of an error raised by the database driver, possibly wrapped by Drizzle; null otherwise. */
export function sqlState(error: unknown): string | null {
  let current = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code))
      return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return null;
}
