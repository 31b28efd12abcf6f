import { REFERENT_REGIONS, type ReferentApplicationState } from '../../../common/community/vocabulary.ts';
import { REGION_LABELS } from '../../../common/organisations.ts';
import type { NameReferentInput, SubmitReferentApplicationInput } from '../../../common/schemas/community.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { referentApplicationSubmitted } from './community.events.ts';
import { referentApplicationScope } from './community.policy.ts';
import { referentApplicationBinding } from './referent-applications.lifecycle.ts';
import {
  deleteReferent,
  findApplication,
  insertApplication,
  insertReferent,
  listApplications,
  listReferents,
  officeExists,
  officeOf,
  pendingApplicationsByRegion,
  regionHasReferent,
} from './referents.queries.ts';

/**
 * Regional starter-kit referents (letter §3.2.1.1): one or more offices per region, named by the DDSI;
 * the coverage of the regions; the offices' applications for a region without a referent.
 */

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** Each region of the network with its referents and the applications awaiting the DDSI. */
export async function getCoverage(ctx: ServiceContext) {
  requireActor(ctx);
  const [referents, pending] = await Promise.all([
    listReferents(ctx.db),
    pendingApplicationsByRegion(ctx.db),
  ]);
  const regions = REFERENT_REGIONS.map((region) => ({
    region,
    referents: referents.filter((r) => r.region === region),
    pendingApplications: pending.get(region) ?? 0,
  }));
  return regions;
}

export async function nameReferent(ctx: ServiceContext, authorizer: Authorizer, input: NameReferentInput) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referent.name');
  return inTransaction(ctx, async (tx) => {
    if (!(await officeExists(tx.db, input.organisationId)))
      throw unprocessable('organisationId', "Cet organisme n'existe pas dans l'annuaire.");
    const row = await insertReferent(tx.db, { ...input, namedBy: actor.userId });
    await recordAudit(tx, {
      action: 'referent.name',
      targetType: 'regionalReferent',
      targetId: row.id,
      after: row,
    });
    const [named] = await listReferents(tx.db, row.id);
    return named as NonNullable<typeof named>;
  });
}

export async function withdrawReferent(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referent.name');
  await inTransaction(ctx, async (tx) => {
    const row = await deleteReferent(tx.db, id);
    if (!row) throw notFound('Référent régional');
    await recordAudit(tx, {
      action: 'referent.withdraw',
      targetType: 'regionalReferent',
      targetId: id,
      before: row,
    });
  });
}

/** The caller's office applies for a region that has no referent yet. */
export async function submitReferentApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: SubmitReferentApplicationInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'referentApplication.submit');
  return inTransaction(ctx, async (tx) => {
    if (await regionHasReferent(tx.db, input.region))
      throw unprocessable(
        'region',
        `La région ${REGION_LABELS[input.region]} a déjà un référent : la candidature est ouverte aux régions non couvertes.`,
      );
    const row = await insertApplication(tx.db, {
      ...input,
      organisationId: actor.organisationId,
      appliedBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'referentApplication.submit',
      targetType: 'referentApplication',
      targetId: row.id,
      after: row,
    });
    await referentApplicationSubmitted(tx, row);
    return row;
  });
}

export async function listReferentApplications(ctx: ServiceContext, state?: ReferentApplicationState) {
  const actor = requireActor(ctx);
  const rows = await listApplications(ctx.db, referentApplicationScope(actor), state);
  return rows.map((row) => ({ ...row.application, office: row.office }));
}

/** One application, with what the caller may do with it. */
export async function getReferentApplication(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const application = await findApplication(ctx.db, id);
  if (!application) throw notFound('Candidature de référent');
  authorizer.authorize(actor, 'referentApplication.read', application);
  const [office, [transitions = []], lifecycles] = await Promise.all([
    officeOf(ctx.db, application.organisationId),
    describeTransitions(ctx, authorizer, [referentApplicationBinding], [application]),
    describeLifecycles(ctx, [referentApplicationBinding], application, application.createdAt),
  ]);
  if (!office) throw notFound('Organisme');
  return { ...application, office, transitions, lifecycles };
}
