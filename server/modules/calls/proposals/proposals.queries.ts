import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { SUBMITTED_STATES } from '../../../../common/calls/proposals.ts';
import type { Executor, Transaction } from '../../../db/client.ts';
import {
  applications,
  callEvaluators,
  callProposals,
  calls,
  organisations,
  proposalPartners,
  proposalReuses,
} from '../../../db/schema.ts';
import { versionedRowStore } from '../../../lib/versioned-row.queries.ts';
import { openToOffice } from '../calls.queries.ts';

export type ProposalRow = typeof callProposals.$inferSelect;
export type ProposalValues = Omit<typeof callProposals.$inferInsert, 'id'>;

/** A proposal with what its rules read: the partner offices and the call's issuer. */
export interface ProposalSubject extends ProposalRow {
  partnerIds: string[];
  unconfirmedPartnerIds: string[];
  callIssuerId: string;
}

async function withRelations(db: Executor, row: ProposalRow | null): Promise<ProposalSubject | null> {
  if (!row) return null;
  const [partners, [call]] = await Promise.all([
    db.select().from(proposalPartners).where(eq(proposalPartners.proposalId, row.id)),
    db.select({ issuer: calls.issuerOrganisationId }).from(calls).where(eq(calls.id, row.callId)),
  ]);
  return {
    ...row,
    partnerIds: partners.map((p) => p.organisationId),
    unconfirmedPartnerIds: partners.filter((p) => !p.confirmedAt).map((p) => p.organisationId),
    callIssuerId: call?.issuer ?? '',
  };
}

const rowStore = versionedRowStore<typeof callProposals, ProposalRow['state']>(callProposals, {
  column: 'state',
});

/** The proposal lifecycle's subject: its row and relations, moved by the shared adapter. */
export const proposalStore = {
  ...rowStore,
  load: async (db: Executor, id: string, options: { lock: boolean }) =>
    withRelations(db, await rowStore.load(db, id, options)),
  apply: async (db: Transaction, row: ProposalSubject, to: ProposalRow['state']) =>
    withRelations(db, await rowStore.apply(db, row, to)),
};

export const findProposal = (db: Executor, id: string, options: { lock?: boolean } = {}) =>
  proposalStore.load(db, id, { lock: options.lock ?? false });

export async function insertProposal(db: Executor, values: ProposalValues) {
  const [row] = await db.insert(callProposals).values(values).returning();
  return row as ProposalRow;
}

export async function updateProposalAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<ProposalValues>,
) {
  const [row] = await db
    .update(callProposals)
    .set({ ...values, version: sql`${callProposals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(callProposals.id, id), eq(callProposals.version, version)))
    .returning();
  return row ?? null;
}

/** Sets columns the selection writes (the rationale, the project), without moving the version. */
export async function setProposalDecision(
  db: Transaction,
  id: string,
  values: { decisionRationale: string; projectId?: string | null },
) {
  await db.update(callProposals).set(values).where(eq(callProposals.id, id));
}

/** Replaces the partners, keeping the confirmations of those who stay. */
export async function replacePartners(db: Transaction, proposalId: string, ids: readonly string[]) {
  const keep = [...new Set(ids)];
  await db
    .delete(proposalPartners)
    .where(
      and(
        eq(proposalPartners.proposalId, proposalId),
        keep.length > 0 ? sql`${proposalPartners.organisationId} NOT IN ${keep}` : undefined,
      ),
    );
  if (keep.length > 0)
    await db
      .insert(proposalPartners)
      .values(keep.map((organisationId) => ({ proposalId, organisationId })))
      .onConflictDoNothing();
}

export async function confirmPartner(
  db: Transaction,
  proposalId: string,
  organisationId: string,
  userId: string,
) {
  const [row] = await db
    .update(proposalPartners)
    .set({ confirmedBy: userId, confirmedAt: sql`now()` })
    .where(
      and(eq(proposalPartners.proposalId, proposalId), eq(proposalPartners.organisationId, organisationId)),
    )
    .returning();
  return row ?? null;
}

export async function replaceReuses(db: Transaction, proposalId: string, ids: readonly string[]) {
  await db.delete(proposalReuses).where(eq(proposalReuses.proposalId, proposalId));
  if (ids.length > 0)
    await db
      .insert(proposalReuses)
      .values([...new Set(ids)].map((applicationId) => ({ proposalId, applicationId })));
}

export async function existingApplications(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .where(inArray(applications.id, [...ids]));
  return rows.map((r) => r.id);
}

/** Whether an office may answer a call (its scope), as the lists of calls say it. */
export async function officeMayAnswer(
  db: Executor,
  callId: string,
  office: Parameters<typeof openToOffice>[0],
) {
  const [row] = await db
    .select({ open: openToOffice(office) })
    .from(calls)
    .where(eq(calls.id, callId));
  return !!row?.open;
}

export async function proposalDetails(db: Executor, proposal: ProposalRow) {
  const [partners, reuses, [office]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        code: organisations.code,
        name: organisations.name,
        confirmedAt: proposalPartners.confirmedAt,
      })
      .from(proposalPartners)
      .innerJoin(organisations, eq(organisations.id, proposalPartners.organisationId))
      .where(eq(proposalPartners.proposalId, proposal.id))
      .orderBy(asc(organisations.name)),
    db
      .select({ id: applications.id, code: applications.code, name: applications.name })
      .from(proposalReuses)
      .innerJoin(applications, eq(applications.id, proposalReuses.applicationId))
      .where(eq(proposalReuses.proposalId, proposal.id))
      .orderBy(asc(applications.name)),
    db
      .select({ id: organisations.id, code: organisations.code, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, proposal.organisationId)),
  ]);
  return { partners, reuses, office: office ?? { id: proposal.organisationId, code: '', name: '' } };
}

/** What a list of a call's proposals shows to whom (proposals.policy.ts). */
export type ProposalVisibility =
  | { kind: 'all' }
  | { kind: 'submittedAndOwn'; organisationId: string }
  | { kind: 'own'; organisationId: string };

function visibilityCondition(scope: ProposalVisibility): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const own = or(
    eq(callProposals.organisationId, scope.organisationId),
    sql`EXISTS (SELECT 1 FROM ${proposalPartners} pp WHERE pp.proposal_id = ${callProposals.id}
      AND pp.organisation_id = ${scope.organisationId})`,
  );
  return scope.kind === 'own' ? own : or(own, inArray(callProposals.state, [...SUBMITTED_STATES]));
}

/** A call's proposals the actor may see, by office name. */
export async function listProposalRows(
  db: Executor,
  callId: string,
  scope: ProposalVisibility,
  options: { submittedOnly?: boolean } = {},
) {
  return db
    .select({
      proposal: callProposals,
      officeCode: organisations.code,
      officeName: organisations.name,
    })
    .from(callProposals)
    .innerJoin(organisations, eq(organisations.id, callProposals.organisationId))
    .where(
      and(
        eq(callProposals.callId, callId),
        visibilityCondition(scope),
        options.submittedOnly ? inArray(callProposals.state, [...SUBMITTED_STATES]) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(callProposals.createdAt), asc(callProposals.id));
}
export type ProposalListRow = Awaited<ReturnType<typeof listProposalRows>>[number];

/** The submitted (or decided) proposals of a call: those the evaluation and the selection are about. */
export const submittedProposalsOf = (db: Executor, callId: string) =>
  listProposalRows(db, callId, { kind: 'all' }, { submittedOnly: true });

export async function evaluatorIdsOf(db: Executor, callId: string) {
  const rows = await db
    .select({ userId: callEvaluators.userId })
    .from(callEvaluators)
    .where(eq(callEvaluators.callId, callId));
  return rows.map((r) => r.userId);
}

/** What the search for similar items compares: calls open or decided, and proposals once submitted. */
export async function similarRows(db: Executor) {
  const [fingerprint] = await db
    .select({
      value: sql<string>`(SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM ${calls}) || '|' ||
        (SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM ${callProposals})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return {
    fingerprint: fingerprint?.value ?? '',
    read: async () => {
      const [callRows, proposalRows] = await Promise.all([
        db
          .select({
            id: calls.id,
            title: calls.title,
            text: sql<string>`${calls.context} || E'\n' || ${calls.expectedOutcome}`,
            officeCode: organisations.code,
            officeName: organisations.name,
          })
          .from(calls)
          .innerJoin(organisations, eq(organisations.id, calls.issuerOrganisationId))
          .where(inArray(calls.state, ['published', 'closed', 'underEvaluation', 'decided'])),
        db
          .select({
            id: callProposals.id,
            title: callProposals.title,
            text: callProposals.approach,
            officeCode: organisations.code,
            officeName: organisations.name,
          })
          .from(callProposals)
          .innerJoin(organisations, eq(organisations.id, callProposals.organisationId))
          .where(inArray(callProposals.state, [...SUBMITTED_STATES])),
      ]);
      return { calls: callRows, proposals: proposalRows };
    },
  };
}
export type SimilarCallRow = Awaited<
  ReturnType<Awaited<ReturnType<typeof similarRows>>['read']>
>['calls'][number];
