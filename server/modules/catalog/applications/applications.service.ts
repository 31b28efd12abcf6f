import { type CertificationStatus, technologyTags } from '../../../../common/catalog/vocabulary.ts';
import type {
  CreateApplicationInput,
  UpdateApplicationInput,
} from '../../../../common/schemas/application.ts';
import { withoutAccents } from '../../../../common/text.ts';
import { type AuditEntry, recordAudits } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError, type FieldError, notFound, staleVersion } from '../../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../../lib/lifecycle.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { applicationWritten } from '../../notifications/emitters.ts';
import { findOrganisationsByIds } from '../../organisations/organisations.queries.ts';
import { rememberWords } from '../search/search.queries.ts';
import { refreshUsageCounts } from '../usages/usages.queries.ts';
import { APPLICATION_BINDINGS } from './applications.lifecycle.ts';
import { type ApplicationInput, applicationInputOf, auditSnapshot } from './applications.mapper.ts';
import {
  type ApplicationRow,
  type ApplicationValues,
  codeExists,
  findApplication,
  findApplicationIdsByCodes,
  findApplications,
  insertApplications,
  listBusinessDomains,
  replaceContributorsAndVersions,
  updateApplicationsAtVersions,
} from './applications.queries.ts';
import { applicationRuleErrors, invalidApplication, referenceErrors } from './applications.rules.ts';

/** Business domain code → French label. */
export async function domainLabels(ctx: ServiceContext) {
  return new Map((await listBusinessDomains(ctx.db)).map((d) => [d.code, d.labelFr]));
}

function slugCode(name: string) {
  const base = withoutAccents(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : `APP-${base}`;
}

async function freeCode(ctx: ServiceContext, name: string, taken: Set<string>) {
  const base = slugCode(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate) && !(await codeExists(ctx.db, candidate))) return candidate;
  }
}

/**
 * The row values of an application; keywords make the domain, the offices (names and codes), the
 * technologies and the maintainer's name findable by text.
 */
function rowValues(
  application: ApplicationInput & { code: string },
  labels: { domain: string | undefined; offices: (string | undefined)[] },
  actorId: string | null,
): ApplicationValues {
  const tags = technologyTags(application.technologies);
  const keywords = [
    labels.domain,
    ...labels.offices,
    ...tags,
    ...application.connectors,
    application.maintainer.name,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    code: application.code,
    name: application.name,
    summary: application.summary,
    description: application.description,
    domainCode: application.domainCode,
    designerOrganisationId: application.designerOrganisationId,
    track: application.track,
    // Left out, the certification stays as it is (a new application starts uncertified).
    ...(application.certificationStatus ? { certificationStatus: application.certificationStatus } : {}),
    lifecycleStage: application.lifecycleStage,
    maturityLevel: application.maturityLevel,
    criticalityClass: application.criticalityClass,
    technologies: application.technologies,
    technologyTags: tags,
    hosting: application.hosting,
    personalData: application.personalData,
    personalDataCategories: application.personalDataCategories,
    cnilReference: application.cnilReference,
    connectors: application.connectors,
    forgeUrl: application.forgeUrl,
    documentationUrl: application.documentationUrl,
    licence: application.licence,
    maintainer: application.maintainer,
    support: application.support,
    keywords,
    createdBy: actorId,
    updatedBy: actorId,
  };
}

/** One application to write: new when `current` is null, else the version the writer read. */
export interface ApplicationWrite {
  input: ApplicationInput;
  current: { id: string; version: number } | null;
  otherLanguages?: Record<string, unknown>;
}

/**
 * The one writer of applications — the form, the inventory import, publiccode.yml and the demo seed —
 * inside the caller's transaction: rules and references, a free code for a new application, the
 * version check of each existing one (409 when someone wrote in between), the row (an archived
 * application written again comes back), its offices and versions, the lexicon of the search, and one
 * audit event per application with what it was before and after. Returns the rows in the given order.
 */
export async function writeApplications(
  tx: ServiceContext,
  writes: ApplicationWrite[],
  options: {
    domains: Map<string, string>;
    source?: 'import' | 'publiccode.yml';
    /** The writer is a party of certification (an inventory imported by the DDSI, the demo seed). */
    mayCertify?: boolean;
  },
): Promise<ApplicationRow[]> {
  if (writes.length === 0) return [];
  const officeIds = new Set(
    writes.flatMap(({ input }) => [input.designerOrganisationId, ...input.contributorOrganisationIds]),
  );
  const offices = new Map((await findOrganisationsByIds(tx.db, [...officeIds])).map((o) => [o.id, o]));
  const errors = writes.flatMap(({ input }) => [
    ...applicationRuleErrors(input),
    ...referenceErrors(input, options.domains, offices),
  ]);
  if (errors.length > 0) throw invalidApplication(errors);

  const newCodes = writes.flatMap(({ input, current }) => (!current && input.code ? [input.code] : []));
  const [takenCode] = (await findApplicationIdsByCodes(tx.db, newCodes)).keys();
  if (takenCode)
    throw new AppError('conflict', `Une application porte déjà l'identifiant ${takenCode}.`, {
      errors: [{ field: 'code', message: 'Cet identifiant est déjà pris.' }],
    });
  const taken = new Set(newCodes);
  const prepared = [];
  for (const write of writes) {
    const code = write.input.code ?? (await freeCode(tx, write.input.name, taken));
    taken.add(code);
    const input = { ...write.input, code };
    const values = rowValues(
      input,
      {
        domain: options.domains.get(input.domainCode),
        // Codes with spaces: the French parser would read "CPAM-44" as "cpam" and the number "-44".
        offices: [input.designerOrganisationId, ...input.contributorOrganisationIds].flatMap((id) => [
          offices.get(id)?.name,
          offices.get(id)?.code.replaceAll('-', ' '),
        ]),
      },
      tx.actor?.userId ?? null,
    );
    if (write.otherLanguages)
      values.otherLanguages = write.otherLanguages as ApplicationValues['otherLanguages'];
    prepared.push({ ...write, input, values });
  }

  for (const creation of prepared.filter((p) => !p.current)) {
    const certificationErrors = certificationChangeErrors(creation.input, 'none', options);
    if (certificationErrors.length > 0) throw invalidApplication(certificationErrors);
  }
  // Existing applications: locked, checked against the version their writer read, then updated.
  type Current = NonNullable<ApplicationWrite['current']>;
  const updates = prepared.filter((p) => p.current !== null);
  const locked = await findApplications(
    tx.db,
    updates.map((u) => (u.current as Current).id),
    { forUpdate: true },
  );
  const previous = new Map(locked.map((a) => [a.id, a]));
  const befores = new Map<string, unknown>();
  for (const update of updates) {
    const current = update.current as Current;
    const before = previous.get(current.id);
    if (!before) throw notFound('Application');
    if (before.version !== current.version) throw staleVersion('application');
    const certificationErrors = [
      ...certificationChangeErrors(update.input, before.certificationStatus, options),
      ...applicationRuleErrors(update.input, update.input.certificationStatus ?? before.certificationStatus),
    ];
    if (certificationErrors.length > 0) throw invalidApplication(certificationErrors);
    befores.set(
      before.id,
      auditSnapshot(before, {
        contributors: before.contributors.map((c) => c.code),
        versions: before.versions,
      }),
    );
  }
  const updated = await updateApplicationsAtVersions(
    tx.db,
    updates.map((u) => ({
      id: (u.current as Current).id,
      expectedVersion: (u.current as Current).version,
      values: u.values,
    })),
  );
  if (updated.length !== updates.length) throw staleVersion('application');
  const updatedById = new Map(updated.map((row) => [row.id, row]));
  const rowOf = new Map<(typeof prepared)[number], ApplicationRow>(
    updates.map((u) => [u, updatedById.get((u.current as Current).id) as ApplicationRow]),
  );
  const creations = prepared.filter((p) => !p.current);
  const inserted = await insertApplications(
    tx.db,
    creations.map((c) => c.values),
  );
  const insertedByCode = new Map(inserted.map((row) => [row.code, row]));
  for (const creation of creations)
    rowOf.set(creation, insertedByCode.get(creation.input.code) as ApplicationRow);
  const written = prepared.map((p) => ({ ...p, row: rowOf.get(p) as ApplicationRow }));

  const contributorsOf = (input: ApplicationInput) =>
    input.contributorOrganisationIds.filter((id) => id !== input.designerOrganisationId);
  await replaceContributorsAndVersions(
    tx.db,
    written.map((w) => w.row.id),
    written.flatMap((w) =>
      contributorsOf(w.input).map((organisationId) => ({ applicationId: w.row.id, organisationId })),
    ),
    written.flatMap((w) => w.input.versions.map((v) => ({ ...v, applicationId: w.row.id }))),
  );
  // A sheet that enters or leaves production gains or loses its designer office as a user.
  await refreshUsageCounts(
    tx.db,
    written.map((w) => w.row.id),
  );
  await rememberWords(
    tx.db,
    written.map(({ row }) => `${row.name} ${row.summary} ${row.description} ${row.keywords}`).join(' '),
  );
  await recordAudits(
    tx,
    written.map(
      (w): AuditEntry => ({
        action: w.current ? 'application.update' : 'application.create',
        targetType: 'application',
        targetId: w.row.id,
        before: befores.get(w.row.id) ?? null,
        after: auditSnapshot(w.row, {
          contributors: contributorsOf(w.input).map((id) => offices.get(id)?.code ?? id),
          versions: w.input.versions,
          ...(options.source ? { source: options.source } : {}),
        }),
      }),
    ),
  );
  // Imports stay silent: a file of a thousand sheets is not a thousand notifications.
  if (!options.source)
    for (const w of written) {
      const old = w.current ? previous.get(w.row.id) : undefined;
      await applicationWritten(
        tx,
        w.row,
        old ? { versions: old.versions.map((v) => v.number), description: old.description } : null,
        w.input.versions.map((v) => v.number),
      );
    }
  return written.map((w) => w.row);
}

/**
 * Certification moves through its lifecycle; a writer that carries a status (an inventory file) may
 * only repeat the current one, unless it is a party of certification.
 */
function certificationChangeErrors(
  input: ApplicationInput,
  current: CertificationStatus,
  options: { mayCertify?: boolean },
): FieldError[] {
  if (!input.certificationStatus || input.certificationStatus === current || options.mayCertify) return [];
  return [
    {
      field: 'certificationStatus',
      message:
        "La certification ne se déclare pas dans la fiche : elle est décidée par l'agent comptable national ou la DDSI.",
    },
  ];
}

export async function createApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: CreateApplicationInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'application.create', { designerOrganisationId: input.designerOrganisationId });
  const domains = await domainLabels(ctx);
  const [row] = await inTransaction(ctx, (tx) =>
    writeApplications(tx, [{ input, current: null }], { domains }),
  );
  return getApplication(ctx, authorizer, (row as ApplicationRow).id);
}

/** PATCH: the given fields over the current application; the version guards against lost updates. */
export async function updateApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateApplicationInput,
) {
  const actor = requireActor(ctx);
  const domains = await domainLabels(ctx);
  await inTransaction(ctx, async (tx) => {
    const current = await lockApplication(tx, authorizer, id, 'application.update');
    if (current.version !== input.version) throw staleVersion('application');
    if (current.archivedAt)
      throw new AppError('unprocessable', 'Cette application est archivée : elle ne se modifie plus.');
    const { version, ...changes } = input;
    const stored = applicationInputOf(current);
    const merged: ApplicationInput = { ...stored, ...stripUndefined(changes) };
    // Moving an application to another office is a write for that office too.
    if (merged.designerOrganisationId !== current.designerOrganisationId)
      authorizer.authorize(actor, 'application.update', {
        designerOrganisationId: merged.designerOrganisationId,
      });
    // Nothing changed: no new version, no audit event.
    if (JSON.stringify(merged) === JSON.stringify(stored)) return;
    await writeApplications(tx, [{ input: merged, current: { id, version } }], { domains });
  });
  return getApplication(ctx, authorizer, id);
}

const stripUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The application, locked until the end of the transaction, once the actor may do `action` to it. */
export async function lockApplication(
  tx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  action: 'application.update' | 'application.declareUsage',
) {
  const actor = requireActor(tx);
  const application = await findApplication(tx.db, id, { forUpdate: true });
  if (!application) throw notFound('Application');
  authorizer.authorize(actor, action, application);
  return application;
}

/** The write check of an application, before reading an upload that would be refused anyway. */
export async function assertMayEdit(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const application = await findApplication(ctx.db, id);
  if (!application) throw notFound('Application');
  authorizer.authorize(actor, 'application.update', application);
}

/** One application with what the caller may do on its lifecycles, and when each state was reached. */
export async function getApplication(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const application = await findApplication(ctx.db, id, { usageOf: actor.organisationId });
  if (!application) throw notFound('Application');
  authorizer.authorize(actor, 'application.read', application);
  const [transitions = []] = await describeTransitions(ctx, authorizer, APPLICATION_BINDINGS, [application]);
  const lifecycles = await describeLifecycles(ctx, APPLICATION_BINDINGS, application, application.createdAt);
  return { application, transitions, lifecycles };
}

/** The business domains (reference data), in their order. */
export async function listDomains(ctx: ServiceContext) {
  requireActor(ctx);
  return listBusinessDomains(ctx.db);
}
