import { readFileSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema.ts';

/**
 * The processing register (docs/rgpd/register.md) names every personal column of the schema: a column
 * renamed or dropped breaks it, and so does a new column that refers to an account or holds a direct
 * identifier without being listed. No database: the schema's own description is enough.
 */
const REGISTER = new URL('../../docs/rgpd/register.md', import.meta.url);
/** Column names that identify a person by themselves. */
const IDENTIFIER =
  /(^|_)email(_key)?$|(^|_)phone$|(^|_)ip$|^user_agent$|^display_name$|^person_name$|^signer_name$|_signatory$|^attendance$/;

function listedColumns() {
  const text = readFileSync(REGISTER, 'utf8');
  const start = text.indexOf('## Personal columns');
  const end = text.indexOf('\n## ', start + 1);
  expect(start, 'the register has a "Personal columns" section').toBeGreaterThan(0);
  const section = text.slice(start, end);
  return [...section.matchAll(/`([a-z_]+)\.([a-z_]+)`/g)].map(([, table, column]) => `${table}.${column}`);
}

function schemaColumns() {
  const columns = new Set<string>();
  const personal = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const table = getTableConfig(value);
    for (const column of table.columns) {
      columns.add(`${table.name}.${column.name}`);
      if (IDENTIFIER.test(column.name)) personal.add(`${table.name}.${column.name}`);
    }
    for (const key of table.foreignKeys) {
      const reference = key.reference();
      if (getTableConfig(reference.foreignTable).name !== 'users') continue;
      for (const column of reference.columns) personal.add(`${table.name}.${column.name}`);
    }
  }
  return { columns, personal };
}

describe('the processing register', () => {
  const listed = listedColumns();
  const { columns, personal } = schemaColumns();

  it('names only columns that exist', () => {
    expect(listed.length).toBeGreaterThan(50);
    expect(listed.filter((column) => !columns.has(column))).toEqual([]);
  });

  it('names every column that refers to an account or identifies a person', () => {
    expect(personal.size).toBeGreaterThan(50);
    expect([...personal].filter((column) => !listed.includes(column)).sort()).toEqual([]);
  });
});
