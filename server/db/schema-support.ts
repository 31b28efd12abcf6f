import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';
import { REFERENT_REGIONS } from '../../common/community/vocabulary.ts';
import { SUPPORT_FLOWS, TICKET_STATES } from '../../common/support/vocabulary.ts';
import { inList } from './checks.ts';
import { attachmentFileColumns, timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';
import { referentialProposals } from './schema-referential.ts';

/**
 * Support tickets (server/modules/support/): one model for the two flows. Starter-kit tickets name the
 * requester's region; application tickets name the application and its designer office (level 2). The
 * offices of level 1 are routed once, at opening (the region's referents, the CSN or the designer).
 */
export const supportTickets = pgTable(
  'support_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flow: text('flow', { enum: SUPPORT_FLOWS }).notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    state: text('state', { enum: TICKET_STATES }).notNull().default('open'),
    level: integer('level').notNull().default(1),
    region: text('region', { enum: REFERENT_REGIONS as [string, ...string[]] }),
    applicationId: uuid('application_id').references(() => applications.id),
    /** The offices that answer at level 1, routed at opening. */
    level1OrganisationIds: uuid('level1_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Level 2 of an application ticket; null for the starter kit, whose level 2 is the national team. */
    designerOrganisationId: uuid('designer_organisation_id').references(() => organisations.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openerOrganisationId: uuid('opener_organisation_id')
      .notNull()
      .references(() => organisations.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    escalationNote: text('escalation_note'),
    resolution: text('resolution'),
    /** Service measures: the first answer of someone other than the requester, escalation, resolution. */
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * Service targets (common/support/service-targets.ts): when each level's first answer is due, and when
     * it came (a message of someone answering at that level, the escalation or the resolution). Level 1
     * has none when the region has no referent; level 2 is due from the escalation.
     */
    level1DueAt: timestamp('level1_due_at', { withTimezone: true }),
    level1AnsweredAt: timestamp('level1_answered_at', { withTimezone: true }),
    level2DueAt: timestamp('level2_due_at', { withTimezone: true }),
    level2AnsweredAt: timestamp('level2_answered_at', { withTimezone: true }),
    /** The referential proposal a resolved starter-kit ticket became (its question and answer). */
    referentialProposalId: uuid('referential_proposal_id').references(() => referentialProposals.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('support_tickets_state_idx').on(t.state, t.level, t.createdAt),
    index('support_tickets_opener_idx').on(t.openerOrganisationId),
    index('support_tickets_application_idx').on(t.applicationId),
    index('support_tickets_level1_idx').using('gin', t.level1OrganisationIds),
    uniqueIndex('support_tickets_referential_proposal_key').on(t.referentialProposalId),
    check('support_tickets_flow_check', inList(t.flow, SUPPORT_FLOWS)),
    check('support_tickets_state_check', inList(t.state, TICKET_STATES)),
    check('support_tickets_region_check', inList(t.region, REFERENT_REGIONS)),
    check('support_tickets_level_check', sql`${t.level} IN (1, 2)`),
    // Each flow names what it is about: a region for the starter kit, an application and its designer otherwise.
    check(
      'support_tickets_subject_check',
      sql`(${t.flow} = 'starterKit' AND ${t.region} IS NOT NULL AND ${t.applicationId} IS NULL) OR (${t.flow} = 'application' AND ${t.applicationId} IS NOT NULL AND ${t.designerOrganisationId} IS NOT NULL)`,
    ),
  ],
);

const ticketRef = () =>
  uuid('ticket_id')
    .notNull()
    .references(() => supportTickets.id, { onDelete: 'cascade' });

export const supportMessages = pgTable(
  'support_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: ticketRef(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

/** Screenshots and documents of a ticket, stored as the catalogue's files (lib/attachments.ts). */
export const supportAttachments = pgTable(
  'support_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: ticketRef(),
    ...attachmentFileColumns(() => uuid('uploaded_by').references(() => users.id)),
  },
  (t) => [
    index('support_attachments_ticket_idx').on(t.ticketId, t.createdAt),
    check('support_attachments_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);
