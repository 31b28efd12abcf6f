import { and, eq, isNull } from 'drizzle-orm';
import { createApplicationSchema } from '../../../../common/schemas/application.ts';
import { applications, applicationUsages, organisations } from '../../../db/schema.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../../lib/context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { findApplication } from '../applications/applications.queries.ts';
import {
  domainLabels,
  requireActor,
  type SheetInput,
  sheetOf,
  writeSheet,
} from '../applications/applications.service.ts';
import type { ImportResult } from './import.service.ts';
import type { ImportError } from './inventory.ts';
import { type Publiccode, parsePubliccode } from './publiccode.ts';
import { domainForCategories, STAGE_BY_STATUS } from './publiccode.vocabulary.ts';

export const isPubliccodeFile = (content: Buffer) =>
  /^\s*(#.*\n\s*)*publiccode-?yml-?version\s*:/im.test(content.subarray(0, 4096).toString('utf8'));

const norm = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const DATABASES = ['postgresql', 'postgres', 'mysql', 'mariadb', 'oracle', 'sql server', 'sqlite', 'mongodb'];

/** The sheet fields a publiccode.yml fills; what the standard has no word for keeps the sheet's default. */
export function sheetFromPubliccode(
  pc: Publiccode,
  designerOrganisationId: string,
): {
  sheet: Omit<SheetInput, 'domainCode'> & { domainCode: string | null };
  otherLanguages: Record<string, unknown>;
} {
  const languages = Object.keys(pc.description);
  const main = languages.includes('fr') ? 'fr' : (languages[0] as string);
  const text = pc.description[main];
  const features = text?.features ?? [];
  const description = [
    text?.longDescription ?? '',
    features.length > 0 ? `\n\n## Fonctionnalités\n\n${features.map((f) => `- ${f}`).join('\n')}` : '',
  ].join('');
  const technologies: SheetInput['technologies'] = {
    php: null,
    symfony: null,
    starterKit: null,
    psram: null,
    database: null,
    others: [],
  };
  for (const dep of pc.dependsOn?.open ?? []) {
    const name = norm(dep.name);
    const version = dep.versionMin ?? dep.version ?? null;
    if (name === 'php') technologies.php = version;
    else if (name === 'symfony') technologies.symfony = version;
    else if (name.includes('starter kit') || name === 'sk php') technologies.starterKit = version;
    else if (name.startsWith('psram')) technologies.psram = version;
    else if (DATABASES.includes(name) && !technologies.database) technologies.database = dep.name;
    else technologies.others.push(dep.name);
  }
  const contacts = pc.maintenance.contacts ?? [];
  const contractor = pc.maintenance.contractors?.[0];
  const otherLanguages = Object.fromEntries(
    languages
      .filter((l) => l !== main)
      .map((l) => [
        l,
        {
          name: pc.description[l]?.localisedName,
          shortDescription: pc.description[l]?.shortDescription,
          longDescription: pc.description[l]?.longDescription,
        },
      ]),
  );
  return {
    sheet: {
      name: text?.localisedName ?? pc.name,
      summary: text?.shortDescription ?? '',
      description,
      domainCode: domainForCategories(pc.categories),
      designerOrganisationId,
      contributorOrganisationIds: [],
      track: 'notDeclared',
      certificationStatus: 'none',
      lifecycleStage: STAGE_BY_STATUS[pc.developmentStatus],
      maturityLevel: null,
      criticalityClass: null,
      technologies,
      hosting: 'other',
      personalData: false,
      personalDataCategories: [],
      cnilReference: null,
      connectors: (pc.dependsOn?.proprietary ?? []).map((d) => d.name),
      forgeUrl: pc.url,
      documentationUrl: text?.documentation ?? pc.landingURL ?? null,
      licence: pc.legal.license,
      maintainer: {
        name: contacts[0]?.name ?? contractor?.name ?? null,
        email: contacts[0]?.email ?? contractor?.email ?? null,
        phone: contacts[0]?.phone ?? null,
      },
      support: {
        name: contacts[1]?.name ?? null,
        email: contacts[1]?.email ?? null,
        phone: contacts[1]?.phone ?? null,
      },
      versions: pc.softwareVersion
        ? [{ number: pc.softwareVersion, releasedOn: pc.releaseDate ?? null, notes: '' }]
        : [],
    },
    otherLanguages,
  };
}

/**
 * One publiccode.yml → one sheet. It matches an existing sheet on its repository address (`url`, the
 * standard's identifier); the designer office is the one named as owner or affiliation, else the caller's.
 * `usedBy` entries that name an office of the directory become declared usages.
 */
export async function importPubliccode(
  ctx: ServiceContext,
  authorizer: Authorizer,
  source: string,
  options: { dryRun: boolean },
): Promise<ImportResult> {
  const actor = requireActor(ctx);
  const result: ImportResult = {
    created: 0,
    updated: 0,
    errors: [],
    rows: 1,
    dryRun: options.dryRun,
    items: [],
  };
  const { data, errors } = parsePubliccode(source);
  if (!data) return { ...result, errors };

  const offices = await ctx.db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations);
  const officeOf = (label: string | undefined) =>
    label ? offices.find((o) => norm(o.code) === norm(label) || norm(o.name) === norm(label)) : undefined;
  const designer =
    officeOf(data.legal.repoOwner) ??
    officeOf(data.legal.mainCopyrightOwner) ??
    officeOf(data.maintenance.contacts?.[0]?.affiliation) ??
    offices.find((o) => o.id === actor.organisationId);
  if (!designer) throw new AppError('badRequest', 'Organisme concepteur introuvable.');
  const { sheet, otherLanguages } = sheetFromPubliccode(data, designer.id);
  const fail = (field: string, message: string) => result.errors.push({ line: 1, field, message });
  if (!sheet.domainCode)
    fail(
      'categories',
      'Aucune catégorie ne correspond à un domaine métier du catalogue : ajoutez par exemple hr, accounting, crm, document-management ou it-management.',
    );
  const [match] = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.forgeUrl, data.url), isNull(applications.archivedAt)))
    .limit(1);
  const current = match ? await findApplication(ctx.db, match.id) : null;
  if (
    !authorizer.can(actor, 'application.update', sheet) ||
    (current && !authorizer.can(actor, 'application.update', current))
  )
    fail(
      'legal.repoOwner',
      'Vous ne pouvez importer que les applications dont votre organisme est le concepteur.',
    );
  const candidate = current
    ? {
        ...sheetOf(current),
        ...sheet,
        track: current.track,
        certificationStatus: current.certificationStatus,
        hosting: current.hosting,
        personalData: current.personalData,
        personalDataCategories: current.personalDataCategories,
        code: current.code,
      }
    : sheet;
  const validated = createApplicationSchema.safeParse(candidate);
  if (!validated.success) {
    for (const issue of validated.error.issues)
      fail(PUBLICCODE_FIELD[String(issue.path[0])] ?? String(issue.path[0]), issue.message);
  }
  if (result.errors.length > 0 || !validated.success) return result;
  if (current) result.updated = 1;
  else result.created = 1;
  result.items = [
    { line: 1, code: current?.code ?? '', name: validated.data.name, action: current ? 'update' : 'create' },
  ];
  if (options.dryRun) return result;

  const domains = await domainLabels(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await writeSheet(
      tx,
      validated.data,
      current ? { id: current.id, version: current.version } : null,
      {
        domains,
        otherLanguages,
      },
    );
    const users = (data.usedBy ?? []).map(officeOf).filter((o): o is NonNullable<typeof o> => !!o);
    if (users.length > 0) {
      await tx.db
        .insert(applicationUsages)
        .values(
          users.map((o) => ({
            applicationId: row.id,
            organisationId: o.id,
            declaredBy: actor.userId,
            comment: 'Déclaré par publiccode.yml (usedBy)',
          })),
        )
        .onConflictDoNothing();
      const n = await tx.db.$count(applicationUsages, eq(applicationUsages.applicationId, row.id));
      await tx.db.update(applications).set({ usageCount: n }).where(eq(applications.id, row.id));
    }
    await recordAudit(tx, {
      action: 'application.import',
      targetType: 'application',
      targetId: row.id,
      after: { format: 'publiccode.yml', url: data.url, created: result.created, updated: result.updated },
    });
  });
  return result;
}

const PUBLICCODE_FIELD: Record<string, string> = {
  name: 'name',
  summary: 'description.shortDescription',
  description: 'description.longDescription',
  forgeUrl: 'url',
  documentationUrl: 'description.documentation',
  licence: 'legal.license',
  maintainer: 'maintenance.contacts',
  support: 'maintenance.contacts',
  versions: 'softwareVersion',
  technologies: 'dependsOn.open',
  connectors: 'dependsOn.proprietary',
};

export type { ImportError };
