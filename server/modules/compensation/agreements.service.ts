import { valueEffort } from '../../../common/compensation/valuation.ts';
import {
  agreementFieldErrors,
  type CreateAgreementInput,
  type UpdateAgreementInput,
} from '../../../common/schemas/agreements.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import type { AgreementBinding } from './agreements.lifecycle.ts';
import {
  type AgreementRow,
  agreementStore,
  commentsOf,
  confirmedEffortByProfile,
  familyOf,
  findAgreementSummary,
  insertAgreement,
  insertText,
  lastAmendmentNumber,
  listAgreementRows,
  rateTableInForce,
  textsOf,
  updateAgreementAtVersion,
} from './agreements.queries.ts';
import { agreementVisibility } from './compensation.policy.ts';
import { officeRef } from './effort.queries.ts';
import { targetColumns } from './effort.service.ts';

/**
 * Compensation agreements between the DDO and an office: drafted by the DDO, their terms and text
 * negotiated with the office's director (agreement-negotiation.service.ts), moved by the lifecycle
 * (agreements.lifecycle.ts); an amendment is a new agreement linked to the first.
 */

export const agreementNotFound = () => new AppError('notFound', 'Cette convention est introuvable.');
const invalid = (errors: { field: string; message: string }[]) =>
  new AppError('unprocessable', errors[0]?.message ?? 'Données invalides.', { errors });

/** The states in which terms and text are still negotiated. */
export const NEGOTIABLE: readonly AgreementRow['state'][] = ['draft', 'negotiation'];

export const accessOf = (row: AgreementRow) => ({ organisationId: row.organisationId });

/** An agreement the actor may read (its office's, or any for the national readers): 404, else 403. */
export async function visibleAgreement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  options = { lock: false },
) {
  const actor = requireActor(ctx);
  const row = await agreementStore.load(ctx.db, id, options);
  if (!row) throw agreementNotFound();
  authorizer.authorize(actor, 'agreement.read', accessOf(row));
  return row;
}

export async function createAgreement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: CreateAgreementInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'agreement.create');
  const errors = agreementFieldErrors(input);
  if (errors.length > 0) throw invalid(errors);
  return inTransaction(ctx, async (tx) => {
    const office = await officeRef(tx.db, input.organisationId);
    if (!office || office.type === 'national')
      throw invalid([
        {
          field: 'organisationId',
          message: "Une convention se passe avec un organisme de l'annuaire (pas une direction nationale).",
        },
      ]);
    const { target, text, organisationId, ...fields } = input;
    const row = await insertAgreement(tx.db, {
      ...fields,
      ...(await targetColumns(tx.db, target)),
      organisationId,
      createdBy: actor.userId,
    });
    if (text)
      await insertText(tx.db, {
        agreementId: row.id,
        body: text,
        authorId: actor.userId,
        authorOrganisationId: actor.organisationId,
      });
    await recordAudit(tx, {
      action: 'agreement.create',
      targetType: 'agreement',
      targetId: row.id,
      after: input,
    });
    return row.id;
  });
}

export async function updateAgreement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateAgreementInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await visibleAgreement(tx, authorizer, id, { lock: true });
    authorizer.authorize(actor, 'agreement.negotiateText', accessOf(row));
    if (row.version !== input.version) throw staleVersion('agreement');
    if (!NEGOTIABLE.includes(row.state))
      throw new AppError(
        'conflict',
        "Les termes d'une convention approuvée ne changent plus : ouvrez un avenant.",
      );
    const { version, target, ...changes } = input;
    const errors = agreementFieldErrors({ ...row, ...changes });
    if (errors.length > 0) throw invalid(errors);
    const after = await updateAgreementAtVersion(tx.db, id, version, {
      ...changes,
      ...(target ? await targetColumns(tx.db, target) : {}),
    });
    if (!after) throw staleVersion('agreement');
    await recordAudit(tx, {
      action: 'agreement.update',
      targetType: 'agreement',
      targetId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof AgreementRow]])),
      after: input,
    });
  });
}

/** An amendment: a new draft with the terms and the last text of the agreement in force, linked to the first. */
export async function amendAgreement(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'agreement.amend');
  return inTransaction(ctx, async (tx) => {
    const row = await visibleAgreement(tx, authorizer, id, { lock: true });
    if (row.state !== 'active')
      throw new AppError('conflict', 'Seule une convention en vigueur reçoit un avenant.');
    const rootId = row.amendsId ?? row.id;
    const number = (await lastAmendmentNumber(tx.db, rootId)) + 1;
    const { id: _id, state: _state, version: _version, createdAt: _c, updatedAt: _u, ...terms } = row;
    const amendment = await insertAgreement(tx.db, {
      ...terms,
      title: `${row.title.replace(/ — avenant n° \d+$/, '')} — avenant n° ${number}`,
      amendsId: rootId,
      amendmentNumber: number,
      createdBy: actor.userId,
    });
    const last = (await textsOf(tx.db, row.id)).at(-1);
    if (last)
      await insertText(tx.db, {
        agreementId: amendment.id,
        body: last.text.body,
        authorId: actor.userId,
        authorOrganisationId: actor.organisationId,
      });
    await recordAudit(tx, {
      action: 'agreement.amend',
      targetType: 'agreement',
      targetId: amendment.id,
      after: { amends: rootId, from: row.id, amendmentNumber: number },
    });
    return amendment.id;
  });
}

/** Today in Paris, AAAA-MM-JJ. */
const parisToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** The confirmed effort of the agreement's period on its object, valued at the rate table in force today. */
export async function agreementFigures(ctx: ServiceContext, row: AgreementRow) {
  const [effort, table] = await Promise.all([
    confirmedEffortByProfile(ctx.db, row, row.periodStart, row.periodEnd),
    rateTableInForce(ctx.db, parisToday()),
  ]);
  return {
    rateTableNumber: row.valuation === 'rateTable' ? (table?.number ?? null) : null,
    ...valueEffort({
      effort,
      rates: table?.rates ?? null,
      flatAmountCents: row.valuation === 'flat' ? row.flatAmountCents : null,
      ceilingCents: row.ceilingCents,
    }),
  };
}

export async function getAgreement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  binding: AgreementBinding,
  id: string,
) {
  const actor = requireActor(ctx);
  const row = await visibleAgreement(ctx, authorizer, id);
  const [summary, texts, comments, family, figures] = await Promise.all([
    findAgreementSummary(ctx.db, id),
    textsOf(ctx.db, id),
    commentsOf(ctx.db, id),
    familyOf(ctx.db, row.amendsId ?? row.id),
    agreementFigures(ctx, row),
  ]);
  if (!summary) throw agreementNotFound();
  const [transitions = []] = await describeTransitions(ctx, authorizer, [binding], [row]);
  const lifecycles = await describeLifecycles(ctx, [binding], row, row.createdAt);
  const negotiable = NEGOTIABLE.includes(row.state);
  const negotiator = authorizer.can(actor, 'agreement.negotiateText', accessOf(row));
  return {
    summary,
    texts,
    comments,
    family,
    figures,
    may: {
      edit: negotiator && negotiable,
      negotiate: negotiator && negotiable,
      amend: authorizer.can(actor, 'agreement.amend') && row.state === 'active',
    },
    transitions,
    lifecycles,
  };
}
export type AgreementView = Awaited<ReturnType<typeof getAgreement>>;

export async function listAgreements(
  ctx: ServiceContext,
  query: { state?: AgreementRow['state']; organisationId?: string },
) {
  return listAgreementRows(ctx.db, agreementVisibility(requireActor(ctx)), query);
}
