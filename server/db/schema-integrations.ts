import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { inList } from './checks.ts';

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
