import type { UsageInput } from '../../../../common/schemas/usage.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../../lib/errors.ts';
import type { Actor, Authorizer } from '../../../lib/policy.ts';
import { usageDeclared } from '../../notifications/emitters.ts';
import { applicationExists } from '../applications/applications.queries.ts';
import { lockApplication } from '../applications/applications.service.ts';
import {
  deleteUsage,
  findUsageForUpdate,
  insertUsage,
  listUsagesOf,
  refreshUsageCounts,
  type UsageRow,
  type UsageValues,
  updateUsage,
} from './usages.queries.ts';

const usageSnapshot = (u: UsageRow) => ({
  organisationId: u.organisationId,
  since: u.since,
  userCount: u.userCount,
  versionNumber: u.versionNumber,
  comment: u.comment,
});

interface Office {
  id: string;
  code: string;
  name: string;
}

/**
 * Who may say that an office uses an application: the office itself (its director, developers and
 * referents), or — for another office, through an import — the DDSI and administrators.
 */
export function mayDeclareUsageFor(authorizer: Authorizer, actor: Actor, organisationId: string) {
  return authorizer.can(actor, 'application.declareUsage', { usingOrganisationId: organisationId });
}

/** The refusals of a list of declarations, one per office the actor may not declare for. */
export function usageDeclarationErrors(
  authorizer: Authorizer,
  actor: Actor,
  offices: Office[],
  field: string,
): FieldError[] {
  return offices
    .filter((office) => !mayDeclareUsageFor(authorizer, actor, office.id))
    .map((office) => ({
      field,
      message:
        office.id === actor.organisationId
          ? `Votre rôle ne permet pas de déclarer l'utilisation de l'application par votre organisme (${office.code}).`
          : `Vous ne pouvez déclarer l'utilisation que pour votre organisme : « ${office.name} » (${office.code}) doit la déclarer lui-même, ou la DDSI ou un administrateur pour lui.`,
    }));
}

/** The version an office uses is one of the sheet's versions (required when the sheet lists any). */
export function usedVersionError(versions: string[], chosen: string | null): FieldError | null {
  const field = 'versionNumber';
  if (versions.length === 0)
    return chosen === null
      ? null
      : { field, message: 'La fiche ne déclare aucune version : laissez la version utilisée vide.' };
  const list = versions.join(', ');
  if (chosen === null)
    return { field, message: `Choisissez la version utilisée parmi celles de la fiche : ${list}.` };
  return versions.includes(chosen)
    ? null
    : {
        field,
        message: `La version « ${chosen} » n'est pas une version de la fiche : choisissez parmi ${list}.`,
      };
}

/**
 * The one path of a usage declaration, in the caller's transaction: the row (created, or updated when
 * `overwrite`), the usage count of the application, and the audit event `usage.declare`, with
 * `declaredFor` when the DDSI or an administrator declares it for another office.
 */
async function putUsage(
  tx: ServiceContext,
  actor: Actor,
  applicationId: string,
  office: Office,
  values: UsageValues,
  options: { overwrite: boolean; source?: string },
) {
  const existing = await findUsageForUpdate(tx.db, applicationId, office.id);
  if (existing && !options.overwrite) return { created: false, written: false };
  const row = existing
    ? await updateUsage(tx.db, applicationId, office.id, values)
    : await insertUsage(tx.db, applicationId, office.id, values);
  await refreshUsageCounts(tx.db, [applicationId]);
  const forAnotherOffice = office.id !== actor.organisationId;
  await recordAudit(tx, {
    action: 'usage.declare',
    targetType: 'application',
    targetId: applicationId,
    before: existing ? usageSnapshot(existing) : null,
    after: {
      ...usageSnapshot(row),
      ...(forAnotherOffice ? { declaredFor: { id: office.id, code: office.code, name: office.name } } : {}),
      ...(options.source ? { source: options.source } : {}),
    },
  });
  return { created: !existing, written: true };
}

/** The caller's office declares (or updates) its use; the usage count moves in the same transaction. */
export async function declareUsage(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  input: UsageInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const application = await lockApplication(tx, authorizer, applicationId, 'application.declareUsage');
    if (application.archivedAt)
      throw new AppError(
        'unprocessable',
        "Cette application est archivée : on ne peut plus en déclarer l'utilisation.",
      );
    const versionError = usedVersionError(
      application.versions.map((v) => v.number),
      input.versionNumber,
    );
    if (versionError) throw new AppError('badRequest', versionError.message, { errors: [versionError] });
    const office = { id: actor.organisationId, code: '', name: '' };
    const { created } = await putUsage(
      tx,
      actor,
      applicationId,
      office,
      {
        since: input.since,
        userCount: input.userCount,
        versionNumber: input.versionNumber,
        comment: input.comment,
        declaredBy: actor.userId,
      },
      { overwrite: true },
    );
    if (created) await usageDeclared(tx, application, actor.organisationId);
    return { created };
  });
}

/**
 * Usages declared by an import (publiccode.yml `usedBy`), in the import's transaction: each office
 * must be one the actor may declare for; an office that already declared its use keeps its own words.
 */
export async function declareImportedUsages(
  tx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  offices: Office[],
  options: { comment: string; source: string },
) {
  const actor = requireActor(tx);
  if (usageDeclarationErrors(authorizer, actor, offices, 'usedBy').length > 0) throw forbidden();
  for (const office of offices)
    await putUsage(
      tx,
      actor,
      applicationId,
      office,
      {
        since: null,
        userCount: null,
        versionNumber: null,
        comment: options.comment,
        declaredBy: actor.userId,
      },
      { overwrite: false, source: options.source },
    );
}

export async function withdrawUsage(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    await lockApplication(tx, authorizer, applicationId, 'application.declareUsage');
    const removed = await deleteUsage(tx.db, applicationId, actor.organisationId);
    if (!removed)
      throw new AppError('notFound', "Votre organisme n'a pas déclaré utiliser cette application.");
    await refreshUsageCounts(tx.db, [applicationId]);
    await recordAudit(tx, {
      action: 'usage.withdraw',
      targetType: 'application',
      targetId: applicationId,
      before: usageSnapshot(removed),
    });
  });
}

export async function listUsages(ctx: ServiceContext, applicationId: string) {
  requireActor(ctx);
  if (!(await applicationExists(ctx.db, applicationId))) throw notFound('Application');
  return listUsagesOf(ctx.db, applicationId);
}
