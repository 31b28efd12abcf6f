import { and, count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { ProposalState } from '../../../common/calls/proposals.ts';
import { type ProposalTransition, proposalLifecycle } from '../../../common/lifecycles/proposal.ts';
import type { TxContext } from '../../lib/context.ts';
import type { Actor } from '../../lib/policy.ts';
import type { CallRow } from '../../modules/calls/calls.queries.ts';
import { projectFromProposal } from '../../modules/calls/proposals/proposal-project.service.ts';
import {
  confirmPartner,
  findProposal,
  insertProposal,
  officeMayAnswer,
  replacePartners,
  replaceReuses,
  setProposalDecision,
} from '../../modules/calls/proposals/proposals.queries.ts';
import type { Database, Transaction } from '../client.ts';
import {
  applications,
  auditEvents,
  callEvaluators,
  callProposals,
  callSelections,
  calls,
  organisations,
  projects,
  proposalScores,
  type SelectionChoice,
  sponsorshipRequests,
  users,
} from '../schema.ts';
import { DEMO_PROPOSALS, type DemoProposal, EVALUATORS, PROPOSED_SELECTION } from './proposals-data.ts';

const DDO = 'ddo@mutualis.demo';
const DAY = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
type Person = { id: string; email: string; organisationId: string; roles: Actor['roles'] };
type Office = { id: string; type: string; region: string };
type AuditValues = typeof auditEvents.$inferInsert;

/** Who acted, as an audit event records it: a person, or the office when the demo has nobody there. */
const byPerson = (who: Person | null | undefined, officeId: string) => ({
  actorUserId: who?.id ?? null,
  actorOrganisationId: who?.organisationId ?? officeId,
  actorKind: 'user' as const,
});
/** Each transition of a proposal has one target state. */
const targetOf = (transition: ProposalTransition) =>
  proposalLifecycle.transitions[transition].to as ProposalState;
const byIssuer = (call: CallRow) => ({
  actorUserId: call.createdBy,
  actorOrganisationId: call.issuerOrganisationId,
  actorKind: 'user' as const,
});
const byPlatform = { actorUserId: null, actorOrganisationId: null, actorKind: 'system' as const };

/**
 * The demo's proposals (proposals-data.ts) on the demo calls, once the calls are seeded: each written
 * with its history as the executor records it (who prepared it, its director submitting it, the
 * platform selecting it), the evaluators and their scores, and the selections — applied for the decided
 * calls, each selected proposal becoming a project as the selection makes it (projectFromProposal),
 * awaiting the governance board for the call under evaluation. Each proposal is checked against its
 * call's scope and each score against conflicts of interest; once.
 */
export async function seedDemoProposals(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(callProposals);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const callsByTitle = new Map((await db.select().from(calls)).map((c) => [c.title, c]));
  if (DEMO_PROPOSALS.some((p) => !callsByTitle.has(p.call))) return { created: 0 };
  const people = (
    await db
      .select({ id: users.id, email: users.email, organisationId: users.organisationId, roles: users.roles })
      .from(users)
      .where(eq(users.status, 'active'))
  ).map((u) => u as Person);
  const offices = new Map(
    (
      await db
        .select({
          id: organisations.id,
          code: organisations.code,
          type: organisations.type,
          region: organisations.region,
        })
        .from(organisations)
    ).map((o) => [o.code, o as Office]),
  );
  const sheets = new Map(
    (await db.select({ id: applications.id, code: applications.code }).from(applications)).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const person = (key: string | null) => {
    const found = people.find((p) => p.email === key || p.id === key);
    if (!found) throw new Error(`Demo proposals: no account ${key}`);
    return found;
  };
  const office = (code: string) => {
    const found = offices.get(code);
    if (!found) throw new Error(`Demo proposals: unknown office ${code}`);
    return found;
  };
  const directorOf = (officeId: string) =>
    people.find((p) => p.organisationId === officeId && p.roles.includes('officeDirector'));

  return db.transaction(async (tx) => {
    const audit = (values: AuditValues) => tx.insert(auditEvents).values(values);
    const decidedAt = async (call: CallRow) => (await decisionOf(tx, call))?.at ?? now;
    const ids = new Map<DemoProposal, string>();

    for (const [index, demo] of DEMO_PROPOSALS.entries()) {
      const call = callsByTitle.get(demo.call) as CallRow;
      const from = office(demo.office);
      if (!(await officeMayAnswer(tx, call.id, from)))
        throw new Error(`Demo proposals: ${demo.office} may not answer « ${demo.call} »`);
      const author = demo.author ? person(demo.author) : null;
      // Prepared in the days before the deadline (or before today, for an open call).
      const deadline = Math.min(now.getTime(), new Date(`${call.proposalsUntil}T08:00:00Z`).getTime());
      const createdAt = new Date(deadline - (8 + (index % 5)) * DAY);
      const start = new Date(`${call.selectionBy}T00:00:00Z`).getTime() + 45 * DAY;
      const state = demo.steps.reduce<ProposalState>((_, step) => targetOf(step), 'draft');
      const row = await insertProposal(tx, {
        callId: call.id,
        organisationId: from.id,
        title: demo.title,
        approach: demo.approach,
        team: demo.team,
        effortDays: demo.effortDays,
        plannedStart: dayOf(new Date(start)),
        plannedEnd: dayOf(new Date(start + Math.max(90, demo.effortDays) * DAY)),
        state,
        version: demo.steps.length + 1,
        createdBy: author?.id ?? null,
        createdAt,
        updatedAt: createdAt,
      });
      ids.set(demo, row.id);
      await replacePartners(
        tx,
        row.id,
        (demo.partners ?? []).map((p) => office(p.office).id),
      );
      for (const partner of demo.partners ?? [])
        if (partner.confirmedBy)
          await confirmPartner(tx, row.id, office(partner.office).id, person(partner.confirmedBy).id);
      await replaceReuses(
        tx,
        row.id,
        (demo.reuses ?? []).map((code) => sheets.get(code)).filter((id): id is string => !!id),
      );
      await audit({
        ...byPerson(author, from.id),
        action: 'proposal.create',
        targetType: 'proposal',
        targetId: row.id,
        after: { title: demo.title },
        occurredAt: createdAt,
      });
      let at = createdAt;
      let reached: ProposalState = 'draft';
      for (const transition of demo.steps) {
        const to = targetOf(transition);
        const decision = transition === 'select' || transition === 'reject';
        at = decision ? await decidedAt(call) : new Date(at.getTime() + DAY);
        await audit({
          ...(decision
            ? byPlatform
            : byPerson(transition === 'submit' ? directorOf(from.id) : author, from.id)),
          action: `proposal.${transition}`,
          targetType: 'proposal',
          targetId: row.id,
          before: { state: reached },
          after: { state: to },
          details: {
            lifecycle: 'proposal',
            transition,
            from: reached,
            to,
            input: decision
              ? { rationale: demo.reason }
              : transition === 'withdraw'
                ? { reason: demo.reason }
                : null,
            ...(decision ? { job: 'callSelection' } : {}),
          },
          occurredAt: at,
        });
        reached = to;
      }
    }

    const proposalsOf = (call: CallRow) =>
      DEMO_PROPOSALS.filter((p) => p.call === call.title).map((demo) => ({
        demo,
        id: ids.get(demo) as string,
        officeIds: [demo.office, ...(demo.partners ?? []).map((p) => p.office)].map(
          (code) => office(code).id,
        ),
      }));
    for (const [title, emails = []] of Object.entries(EVALUATORS)) {
      const call = callsByTitle.get(title) as CallRow;
      const until = call.state === 'underEvaluation' ? now : await decidedAt(call);
      await evaluate(tx, call, emails.map(person), proposalsOf(call), until);
    }
    for (const call of callsByTitle.values()) {
      const decision = await decisionOf(tx, call);
      if (!decision) continue;
      // A national call's selection is confirmed by the governance board, another's by its issuer.
      const decider = call.scope === 'national' ? person(DDO) : person(call.createdBy);
      await applySelection(tx, call, proposalsOf(call), { ...decision, decider });
    }
    const evaluated = callsByTitle.get(PROPOSED_SELECTION.call) as CallRow;
    await proposeSelection(tx, evaluated, proposalsOf(evaluated), now);
    return { created: DEMO_PROPOSALS.length };
  });
}

type SeededProposal = { demo: DemoProposal; id: string; officeIds: string[] };
const actorOf = (p: Person): Actor => ({
  userId: p.id,
  organisationId: p.organisationId,
  roles: p.roles,
  sessionId: 'demo',
  csrfToken: '',
});

/** The platform's decision of a call as seed-calls.ts recorded it: when, and the selection's rationale. */
async function decisionOf(tx: Transaction, call: CallRow) {
  const [row] = await tx
    .select({ at: auditEvents.occurredAt, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, call.id), eq(auditEvents.action, 'call.decide')));
  if (!row) return null;
  const input = (row.details as { input?: { rationale?: string } } | null)?.input;
  return { at: row.at, rationale: input?.rationale ?? '' };
}

/** The issuer names the evaluators; each scores the proposals of other offices than theirs. */
async function evaluate(
  tx: Transaction,
  call: CallRow,
  evaluators: Person[],
  proposals: SeededProposal[],
  until: Date,
) {
  const namedAt = new Date(until.getTime() - 6 * DAY);
  await tx
    .insert(callEvaluators)
    .values(
      evaluators.map((e) => ({ callId: call.id, userId: e.id, namedBy: call.createdBy, createdAt: namedAt })),
    );
  await tx.insert(auditEvents).values({
    ...byIssuer(call),
    action: 'call.nameEvaluators',
    targetType: 'call',
    targetId: call.id,
    before: { evaluators: [] },
    after: { evaluators: evaluators.map((e) => e.id) },
    occurredAt: namedAt,
  });
  for (const [rank, { demo, id, officeIds }] of proposals.entries())
    for (const [email, [scores, comment]] of Object.entries(demo.scores ?? {})) {
      const evaluator = evaluators.find((e) => e.email === email);
      if (!evaluator || officeIds.includes(evaluator.organisationId))
        throw new Error(`Demo proposals: ${email} may not score « ${demo.title} »`);
      const scoredAt = new Date(namedAt.getTime() + (1 + (rank % 4)) * DAY);
      const rows = scores.map((score, criterion) => ({
        criterion,
        score,
        comment: criterion === 0 ? comment : '',
      }));
      await tx
        .insert(proposalScores)
        .values(rows.map((r) => ({ ...r, proposalId: id, evaluatorId: evaluator.id, updatedAt: scoredAt })));
      await tx.insert(auditEvents).values({
        ...byPerson(evaluator, evaluator.organisationId),
        action: 'call.score',
        targetType: 'proposal',
        targetId: id,
        after: { scores: rows },
        occurredAt: scoredAt,
      });
    }
}

/**
 * A decided call's selection, applied: each proposal selected or not with its rationale, and each
 * selected one a project, made as the selection makes it, dated the day the call was decided.
 */
async function applySelection(
  tx: Transaction,
  call: CallRow,
  proposals: SeededProposal[],
  decision: { at: Date; rationale: string; decider: Person },
) {
  const ctx: TxContext = {
    actor: actorOf(decision.decider),
    db: tx,
    log: pino({ level: 'silent' }),
    requestId: null,
  };
  const choices: SelectionChoice[] = [];
  for (const { demo, id } of proposals) {
    const selected = demo.steps.includes('select');
    if (!selected && !demo.steps.includes('reject')) continue;
    const rationale = demo.reason as string;
    choices.push({ proposalId: id, selected, rationale });
    if (!selected) {
      await setProposalDecision(tx, id, { decisionRationale: rationale });
      continue;
    }
    const proposal = await findProposal(tx, id);
    if (!proposal) throw new Error(`Demo proposals: « ${demo.title} » vanished`);
    const projectId = await projectFromProposal(ctx, call, proposal, rationale, ctx.actor as Actor);
    await setProposalDecision(tx, id, { decisionRationale: rationale, projectId });
    await tx
      .update(projects)
      .set({
        createdAt: decision.at,
        updatedAt: decision.at,
        ...(call.scope === 'national' ? {} : { homologationDeclaredOn: dayOf(decision.at) }),
      })
      .where(eq(projects.id, projectId));
    await tx
      .update(sponsorshipRequests)
      .set({ requestedAt: decision.at, decidedAt: decision.at })
      .where(eq(sponsorshipRequests.projectId, projectId));
    await tx
      .update(auditEvents)
      .set({ occurredAt: decision.at })
      .where(and(eq(auditEvents.targetId, projectId), eq(auditEvents.action, 'project.create')));
  }
  await recordSelection(tx, call, {
    rationale: decision.rationale,
    choices,
    proposedAt: new Date(decision.at.getTime() - 3 * DAY),
    applied: { by: decision.decider, at: decision.at },
  });
}

/** The selection the issuer of the call under evaluation proposed: it waits for the governance board. */
async function proposeSelection(tx: Transaction, call: CallRow, proposals: SeededProposal[], now: Date) {
  const choices = proposals
    .filter(({ demo }) => demo.proposedChoice !== undefined)
    .map(
      ({ demo, id }): SelectionChoice => ({
        proposalId: id,
        selected: !!demo.proposedChoice,
        rationale: demo.proposedChoice
          ? 'La meilleure note pondérée des évaluateurs, et une relecture systématique par le conseiller.'
          : 'Moins bien classée que la proposition du Bas-Rhin, à laquelle la caisse est invitée à contribuer.',
      }),
    );
  await recordSelection(tx, call, { rationale: PROPOSED_SELECTION.rationale, choices, proposedAt: now });
}

/** A selection the issuer proposed, and its confirmation (by the board or the issuer) once applied. */
async function recordSelection(
  tx: Transaction,
  call: CallRow,
  selection: {
    rationale: string;
    choices: SelectionChoice[];
    proposedAt: Date;
    applied?: { by: Person; at: Date };
  },
) {
  const { rationale, choices, proposedAt, applied } = selection;
  await tx.insert(callSelections).values({
    callId: call.id,
    state: applied ? 'applied' : 'awaitingBoard',
    rationale,
    choices,
    proposedBy: call.createdBy,
    proposedAt,
    appliedBy: applied?.by.id ?? null,
    appliedAt: applied?.at ?? null,
  });
  await tx.insert(auditEvents).values({
    ...byIssuer(call),
    action: 'call.select',
    targetType: 'call',
    targetId: call.id,
    after: { rationale, choices, awaitsBoard: call.scope === 'national' },
    occurredAt: proposedAt,
  });
  if (applied)
    await tx.insert(auditEvents).values({
      ...byPerson(applied.by, applied.by.organisationId),
      action: 'call.confirmSelection',
      targetType: 'call',
      targetId: call.id,
      after: { choices },
      occurredAt: applied.at,
    });
}
