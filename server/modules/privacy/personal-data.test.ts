import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import {
  CONTACT_PHONES,
  NAME_BEARING_COLUMNS,
  NOT_PERSONAL_COLUMNS,
  PERSONAL_COLUMN_NAME,
  SIGN_IN_ATTEMPTS,
  USER_REFERENCES,
} from './personal-data.ts';

/** Every table of the schema, by SQL name, with its columns and the columns that refer to `users`. */
const tables = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => {
    const config = getTableConfig(table);
    return {
      name: config.name,
      columns: config.columns.map((c) => c.name),
      userColumns: config.foreignKeys
        .filter((fk) => getTableConfig(fk.reference().foreignTable).name === 'users')
        .flatMap((fk) => fk.reference().columns.map((c) => c.name)),
    };
  });
const columnExists = (table: string, column: string) =>
  tables.some((t) => t.name === table && t.columns.includes(column));

describe('the register of personal data covers the schema', () => {
  it('declares every column that refers to a user, for the export and the erasure', () => {
    const inSchema = tables.flatMap((t) => t.userColumns.map((c) => `${t.name}.${c}`)).sort();
    const declared = Object.entries(USER_REFERENCES)
      .flatMap(([table, entry]) => Object.keys(entry.references).map((c) => `${table}.${c}`))
      .sort();
    // A new column referring to users must be added to USER_REFERENCES (server/modules/privacy/personal-data.ts).
    expect(inSchema.filter((c) => !declared.includes(c))).toEqual([]);
    // And the register names no column the schema does not have.
    expect(declared.filter((c) => !inSchema.includes(c))).toEqual([]);
    expect(inSchema.length).toBeGreaterThan(60);
  });

  it('classifies every column whose name says it may hold a name, an e-mail or a phone number', () => {
    const deletedTables = new Set(
      Object.entries(USER_REFERENCES)
        .filter(([, entry]) => Object.values(entry.references).some((r) => r.erase === 'delete'))
        .map(([table]) => table),
    );
    const covered = new Set([
      ...Object.entries(NAME_BEARING_COLUMNS).flatMap(([table, columns]) =>
        columns.map((c) => `${table}.${c}`),
      ),
      ...CONTACT_PHONES.columns.map((c) => `${c.table}.${c.phone}`),
      ...Object.keys(NOT_PERSONAL_COLUMNS),
      'users.email',
      'users.display_name',
    ]);
    const personalSounding = tables.flatMap((t) =>
      t.columns.filter((c) => PERSONAL_COLUMN_NAME.test(c)).map((c) => ({ table: t.name, column: c })),
    );
    expect(personalSounding.length).toBeGreaterThan(20);
    const unclassified = personalSounding
      .filter(
        ({ table, column }) =>
          !covered.has(`${table}.${column}`) && !deletedTables.has(table) && table !== SIGN_IN_ATTEMPTS.table,
      )
      .map(({ table, column }) => `${table}.${column}`);
    // Declare it in NAME_BEARING_COLUMNS (the erasure rewrites it) or NOT_PERSONAL_COLUMNS (and say why).
    expect(unclassified).toEqual([]);
  });

  it('names only columns that exist', () => {
    const named = [
      ...Object.entries(NAME_BEARING_COLUMNS).flatMap(([table, columns]) => columns.map((c) => [table, c])),
      ...Object.keys(NOT_PERSONAL_COLUMNS).map((key) => key.split('.')),
      ...CONTACT_PHONES.columns.flatMap((c) => [
        [c.table, c.email],
        [c.table, c.phone],
      ]),
      ...CONTACT_PHONES.documents.map((d) => [d.table, d.column]),
      [SIGN_IN_ATTEMPTS.table, SIGN_IN_ATTEMPTS.emailKey],
      ...Object.entries(USER_REFERENCES).flatMap(([table, entry]) => [
        ...(entry.title ? [[table, entry.title]] : []),
        ...(entry.secret ?? []).map((c) => [table, c]),
      ]),
    ];
    expect(named.filter(([t, c]) => !columnExists(t as string, c as string))).toEqual([]);
  });
});
