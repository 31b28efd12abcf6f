import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { inList } from './checks.ts';
import { applications } from './schema.ts';

/** The outside systems the portal reads: the forge (GitLab), the software factory (Jenkins), the Composer repository. */
export const INTEGRATION_SYSTEMS = ['gitlab', 'jenkins', 'composer'] as const;
export type IntegrationSystemCode = (typeof INTEGRATION_SYSTEMS)[number];
/** `live`: fetched from the system; `demo`: written by the demonstration seed, said so on the pages. */
export const SNAPSHOT_SOURCES = ['live', 'demo'] as const;

/**
 * What the portal last fetched from an outside system, per subject (a GitLab project path, a Jenkins
 * job, a Composer package): pages read it and never wait for the system. The sync jobs write it; a
 * failed attempt keeps the data and records the error (`attempted_at`, `last_error`). `cursor` is where
 * the next sync starts (the date of the latest commit fetched), so that it fetches only what is new.
 */
export const integrationSnapshots = pgTable(
  'integration_snapshots',
  {
    system: text('system', { enum: INTEGRATION_SYSTEMS }).notNull(),
    subject: text('subject').notNull(),
    source: text('source', { enum: SNAPSHOT_SOURCES }).notNull().default('live'),
    data: jsonb('data').$type<unknown>(),
    cursor: text('cursor'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ columns: [t.system, t.subject] }),
    check('integration_snapshots_system_check', inList(t.system, INTEGRATION_SYSTEMS)),
    check('integration_snapshots_source_check', inList(t.source, SNAPSHOT_SOURCES)),
    check('integration_snapshots_subject_check', sql`length(${t.subject}) between 1 and 500`),
  ],
);

/**
 * What the catalogue's forge facets read of a live sheet with a forge address, derived from the snapshots
 * (forge-signals.service.ts) after each sync: the last finished build failed, the starter-kit version it
 * uses (its composer.lock, else the one declared on the sheet) and how many tagged versions are newer,
 * and whether its last activity on the forge or the factory is older than six months (the date itself is
 * not kept: it moves at every commit, and the index only needs the flag). A row that
 * changes logs a catalogue change (trigger of migration 0031): the search index reads it with the sheet.
 */
export const applicationForgeSignals = pgTable(
  'application_forge_signals',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    buildFailing: boolean('build_failing').notNull().default(false),
    starterKitUsed: text('starter_kit_used'),
    /** `lock` (composer.lock read through GitLab) or `declared` (the sheet's technologies). */
    starterKitSource: text('starter_kit_source', { enum: ['lock', 'declared'] }),
    starterKitCurrent: text('starter_kit_current'),
    /** Tagged versions newer than the one used; null when either is unknown. */
    starterKitBehind: integer('starter_kit_behind'),
    inactive: boolean('inactive').notNull().default(false),
  },
  (t) => [
    check('application_forge_signals_source_check', inList(t.starterKitSource, ['lock', 'declared'])),
    check('application_forge_signals_behind_check', sql`${t.starterKitBehind} >= 0`),
  ],
);
