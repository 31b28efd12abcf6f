import { technologyTags } from '../../../../common/catalog/vocabulary.ts';
import type {
  ApplicationFilters,
  ApplicationListQuery,
  CreateApplicationInput,
  UpdateApplicationInput,
} from '../../../../common/schemas/application.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../../lib/context.ts';
import { AppError, type FieldError, forbidden, notFound, staleVersion } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { catalogueIndexFor } from '../search/search.index.ts';
import { buildTsQuery, rememberWords, textMatches } from '../search/search.queries.ts';
import { auditSnapshot, contact, technologiesOf } from './applications.presenter.ts';
import {
  type ApplicationValues,
  codeExists,
  findApplication,
  findOrganisationsByIds,
  insertApplication,
  listBusinessDomains,
  replaceContributors,
  replaceVersions,
  updateApplicationAtVersion,
} from './applications.queries.ts';

export function requireActor(ctx: ServiceContext) {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** A complete sheet as the create form, the import and the publiccode.yml mapping produce it. */
export type SheetInput = CreateApplicationInput;

/** Rules between fields that a schema cannot say alone; each error names its field. */
export function sheetRuleErrors(sheet: SheetInput): FieldError[] {
  const errors: FieldError[] = [];
  const { track, certificationStatus } = sheet;
  if (certificationStatus === 'labelled' && track !== 'labelling')
    errors.push({
      field: 'certificationStatus',
      message: 'Seule une application de la filière labellisation peut être labellisée.',
    });
  if (certificationStatus === 'homologated' && track !== 'homologation')
    errors.push({
      field: 'certificationStatus',
      message: 'Seule une application de la filière homologation peut être homologuée.',
    });
  if (certificationStatus === 'inProgress' && track !== 'labelling' && track !== 'homologation')
    errors.push({
      field: 'certificationStatus',
      message: 'Une certification en cours suppose la filière labellisation ou homologation.',
    });
  if (sheet.hosting === 'amCloud' && track === 'nonStandard')
    errors.push({
      field: 'hosting',
      message: "Une application hors standard n'est jamais hébergée sur AM Cloud.",
    });
  if (!sheet.personalData && sheet.personalDataCategories.length > 0)
    errors.push({
      field: 'personalDataCategories',
      message:
        'Des catégories de données personnelles sont indiquées alors que la fiche dit ne pas en traiter.',
    });
  const numbers = sheet.versions.map((v) => v.number);
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) errors.push({ field: 'versions', message: `La version ${duplicate} figure deux fois.` });
  return errors;
}

/** References to other tables: the domain and the offices must exist. */
async function referenceErrors(ctx: ServiceContext, sheet: SheetInput, domains: Map<string, string>) {
  const errors: FieldError[] = [];
  if (!domains.has(sheet.domainCode))
    errors.push({ field: 'domainCode', message: `Domaine métier inconnu : ${sheet.domainCode}.` });
  const ids = [sheet.designerOrganisationId, ...sheet.contributorOrganisationIds];
  const found = new Set((await findOrganisationsByIds(ctx.db, ids)).map((o) => o.id));
  if (!found.has(sheet.designerOrganisationId))
    errors.push({ field: 'designerOrganisationId', message: "L'organisme concepteur n'existe pas." });
  if (sheet.contributorOrganisationIds.some((id) => !found.has(id)))
    errors.push({ field: 'contributorOrganisationIds', message: "Un organisme contributeur n'existe pas." });
  return errors;
}

export function invalidSheet(errors: FieldError[]) {
  return new AppError('badRequest', errors.map((e) => e.message).join(' '), { errors });
}

export async function domainLabels(ctx: ServiceContext) {
  return new Map((await listBusinessDomains(ctx.db)).map((d) => [d.code, d.labelFr]));
}

function slugCode(name: string) {
  const base = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : `APP-${base}`;
}

async function freeCode(ctx: ServiceContext, name: string) {
  const base = slugCode(name);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await codeExists(ctx.db, candidate))) return candidate;
  }
}

/**
 * The row values of a sheet (shared by the form and the inventory import); keywords make the domain,
 * the offices and the technologies findable by text.
 */
export function sheetRowValues(
  sheet: SheetInput & { code: string },
  labels: { domain: string | undefined; offices: (string | undefined)[] },
  actorId: string | null,
): ApplicationValues {
  const tags = technologyTags(sheet.technologies);
  const keywords = [labels.domain, ...labels.offices, ...tags, ...sheet.connectors].filter(Boolean).join(' ');
  return {
    code: sheet.code,
    name: sheet.name,
    summary: sheet.summary,
    description: sheet.description,
    domainCode: sheet.domainCode,
    designerOrganisationId: sheet.designerOrganisationId,
    track: sheet.track,
    certificationStatus: sheet.certificationStatus,
    lifecycleStage: sheet.lifecycleStage,
    maturityLevel: sheet.maturityLevel,
    criticalityClass: sheet.criticalityClass,
    technologies: sheet.technologies,
    technologyTags: tags,
    hosting: sheet.hosting,
    personalData: sheet.personalData,
    personalDataCategories: sheet.personalDataCategories,
    cnilReference: sheet.cnilReference,
    connectors: sheet.connectors,
    forgeUrl: sheet.forgeUrl,
    documentationUrl: sheet.documentationUrl,
    licence: sheet.licence,
    maintainer: sheet.maintainer,
    support: sheet.support,
    keywords,
    createdBy: actorId,
    updatedBy: actorId,
  };
}

async function rowValues(
  ctx: ServiceContext,
  sheet: SheetInput & { code: string },
  domains: Map<string, string>,
): Promise<ApplicationValues> {
  const offices = await findOrganisationsByIds(ctx.db, [
    sheet.designerOrganisationId,
    ...sheet.contributorOrganisationIds,
  ]);
  return sheetRowValues(
    sheet,
    { domain: domains.get(sheet.domainCode), offices: offices.map((o) => o.name) },
    ctx.actor?.userId ?? null,
  );
}

/**
 * Writes a complete sheet (new when `current` is absent) inside the caller's transaction, with its
 * offices, versions, lexicon words and audit event. Used by the form, the inventory import and publiccode.yml.
 */
export async function writeSheet(
  tx: ServiceContext,
  sheet: SheetInput,
  current: { id: string; version: number } | null,
  options: { domains: Map<string, string>; audit?: boolean; otherLanguages?: Record<string, unknown> },
) {
  const errors = [...sheetRuleErrors(sheet), ...(await referenceErrors(tx, sheet, options.domains))];
  if (errors.length > 0) throw invalidSheet(errors);
  const contributors = sheet.contributorOrganisationIds.filter((id) => id !== sheet.designerOrganisationId);
  const code = sheet.code ?? (await freeCode(tx, sheet.name));
  const values = await rowValues(tx, { ...sheet, code }, options.domains);
  if (options.otherLanguages)
    values.otherLanguages = options.otherLanguages as ApplicationValues['otherLanguages'];
  let before: unknown = null;
  let row: Awaited<ReturnType<typeof insertApplication>>;
  if (current) {
    const previous = await findApplication(tx.db, current.id, { forUpdate: true });
    if (!previous) throw notFound('Application');
    if (previous.version !== current.version) throw staleVersion();
    before = auditSnapshot(previous, {
      contributors: previous.contributors.map((c) => c.code),
      versions: previous.versions,
    });
    const { createdBy: _keep, ...changes } = values;
    const updated = await updateApplicationAtVersion(tx.db, current.id, current.version, changes);
    if (!updated) throw staleVersion();
    row = updated;
  } else {
    if (sheet.code && (await codeExists(tx.db, sheet.code)))
      throw new AppError('conflict', `Une application porte déjà l'identifiant ${sheet.code}.`, {
        errors: [{ field: 'code', message: 'Cet identifiant est déjà pris.' }],
      });
    row = await insertApplication(tx.db, values);
  }
  await replaceContributors(tx.db, row.id, contributors);
  await replaceVersions(tx.db, row.id, sheet.versions);
  await rememberWords(tx.db, `${row.name} ${row.summary} ${row.description} ${row.keywords}`);
  if (options.audit !== false) {
    await recordAudit(tx, {
      action: current ? 'application.update' : 'application.create',
      targetType: 'application',
      targetId: row.id,
      before,
      after: auditSnapshot(row, { contributors, versions: sheet.versions }),
    });
  }
  return row;
}

export async function createApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: CreateApplicationInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'application.create', { designerOrganisationId: input.designerOrganisationId });
  const domains = await domainLabels(ctx);
  const row = await inTransaction(ctx, (tx) => writeSheet(tx, input, null, { domains }));
  return getApplication(ctx, authorizer, row.id);
}

/** PATCH: the given fields over the current sheet; the version guards against lost updates. */
export async function updateApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: UpdateApplicationInput,
) {
  const actor = requireActor(ctx);
  const domains = await domainLabels(ctx);
  await inTransaction(ctx, async (tx) => {
    const current = await findApplication(tx.db, id, { forUpdate: true });
    if (!current) throw notFound('Application');
    authorizer.authorize(actor, 'application.update', current);
    if (current.version !== input.version) throw staleVersion();
    if (current.archivedAt)
      throw new AppError('unprocessable', 'Cette application est archivée : elle ne se modifie plus.');
    const { version, ...changes } = input;
    const merged: SheetInput = { ...sheetOf(current), ...stripUndefined(changes) };
    // Moving a sheet to another office is a write for that office too.
    if (merged.designerOrganisationId !== current.designerOrganisationId)
      authorizer.authorize(actor, 'application.update', {
        designerOrganisationId: merged.designerOrganisationId,
      });
    // Nothing changed: no new version, no audit event.
    if (JSON.stringify(merged) === JSON.stringify(sheetOf(current))) return;
    await writeSheet(tx, merged, { id, version }, { domains });
  });
  return getApplication(ctx, authorizer, id);
}

const stripUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The stored sheet as an input, so that a PATCH is the current sheet with some fields replaced. */
export function sheetOf(current: NonNullable<Awaited<ReturnType<typeof findApplication>>>): SheetInput {
  return {
    code: current.code,
    name: current.name,
    summary: current.summary,
    description: current.description,
    domainCode: current.domainCode,
    designerOrganisationId: current.designerOrganisationId,
    contributorOrganisationIds: current.contributors.map((c) => c.id),
    track: current.track as SheetInput['track'],
    certificationStatus: current.certificationStatus as SheetInput['certificationStatus'],
    lifecycleStage: current.lifecycleStage as SheetInput['lifecycleStage'],
    maturityLevel: current.maturityLevel,
    criticalityClass: current.criticalityClass as SheetInput['criticalityClass'],
    technologies: technologiesOf(current.technologies),
    hosting: current.hosting as SheetInput['hosting'],
    personalData: current.personalData,
    personalDataCategories: current.personalDataCategories as SheetInput['personalDataCategories'],
    cnilReference: current.cnilReference,
    connectors: current.connectors,
    forgeUrl: current.forgeUrl,
    documentationUrl: current.documentationUrl,
    licence: current.licence,
    maintainer: contact(current.maintainer),
    support: contact(current.support),
    versions: current.versions.map((v) => ({ number: v.number, releasedOn: v.releasedOn, notes: v.notes })),
  };
}

/** DELETE archives: the sheet leaves the catalogue but keeps its history, usages and audit trail. */
export async function archiveApplication(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  expectedVersion: number | undefined,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const current = await findApplication(tx.db, id, { forUpdate: true });
    if (!current) throw notFound('Application');
    authorizer.authorize(actor, 'application.update', current);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw staleVersion();
    if (current.archivedAt) return;
    const row = await updateApplicationAtVersion(tx.db, id, current.version, {
      archivedAt: new Date(),
      updatedBy: actor.userId,
    });
    if (!row) throw staleVersion();
    await recordAudit(tx, {
      action: 'application.archive',
      targetType: 'application',
      targetId: id,
      before: { archivedAt: null, version: current.version },
      after: { archivedAt: row.archivedAt?.toISOString(), version: row.version },
    });
  });
}

/** The write check of a sheet, before reading an upload that would be refused anyway. */
export async function assertMayEdit(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const sheet = await findApplication(ctx.db, id);
  if (!sheet) throw notFound('Application');
  authorizer.authorize(actor, 'application.update', sheet);
}

export async function getApplication(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const sheet = await findApplication(ctx.db, id, { usageOf: actor.organisationId });
  if (!sheet) throw notFound('Application');
  authorizer.authorize(actor, 'application.read', sheet);
  return sheet;
}

/**
 * One page of the catalogue: the text query goes to PostgreSQL (matching ids and ranks); the facets, the
 * order and the cards of the page come from the in-memory index.
 */
export async function searchCatalogue(
  ctx: ServiceContext,
  query: ApplicationFilters,
  page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
) {
  requireActor(ctx);
  const index = catalogueIndexFor(ctx.db);
  await index.ensureFresh(ctx.db);
  const tsQuery = await buildTsQuery(ctx.db, query.q, index.version);
  const matches = tsQuery ? await index.textCandidates(tsQuery, () => textMatches(ctx.db, tsQuery)) : null;
  const sort = query.sort ?? (tsQuery ? 'relevance' : 'name');
  return { index, result: index.search(query, matches, sort, page) };
}

export async function listApplications(ctx: ServiceContext, query: ApplicationListQuery) {
  const { index, result } = await searchCatalogue(ctx, query, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { ...result, items: result.order.map((i) => index.cardAt(i)) };
}
