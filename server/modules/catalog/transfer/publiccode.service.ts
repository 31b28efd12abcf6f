import { createApplicationSchema } from '../../../../common/schemas/application.ts';
import { comparableText } from '../../../../common/text.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Actor, Authorizer } from '../../../lib/policy.ts';
import {
  listOrganisationSummaries,
  type OrganisationSummaryRow as OrganisationSummary,
} from '../../organisations/organisations.queries.ts';
import { type ApplicationInput, applicationInputOf } from '../applications/applications.mapper.ts';
import { findApplicationIdByForgeUrl, findApplications } from '../applications/applications.queries.ts';
import { domainLabels, writeApplications } from '../applications/applications.service.ts';
import { declareImportedUsages, mayDeclareUsageFor } from '../usages/usages.service.ts';
import type { ImportResult } from './import.service.ts';
import type { ImportError } from './inventory.ts';
import { keyPath, type Publiccode, parsePubliccode } from './publiccode.ts';
import { domainForCategories, STAGE_BY_STATUS } from './publiccode.vocabulary.ts';

export const isPubliccodeFile = (content: Buffer) =>
  /^\s*(#.*\n\s*)*publiccode-?yml-?version\s*:/im.test(content.subarray(0, 4096).toString('utf8'));

const DATABASES = ['postgresql', 'postgres', 'mysql', 'mariadb', 'oracle', 'sql server', 'sqlite', 'mongodb'];

/**
 * The application fields a publiccode.yml fills; what the standard has no word for keeps the
 * application's default.
 */
export function applicationFromPubliccode(
  pc: Publiccode,
  designerOrganisationId: string,
): {
  application: Omit<ApplicationInput, 'domainCode'> & { domainCode: string | null };
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
  const technologies: ApplicationInput['technologies'] = {
    php: null,
    symfony: null,
    starterKit: null,
    psram: null,
    database: null,
    others: [],
  };
  for (const dep of pc.dependsOn?.open ?? []) {
    const name = comparableText(dep.name);
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
    application: {
      name: text?.localisedName ?? pc.name,
      summary: text?.shortDescription ?? '',
      description,
      domainCode: domainForCategories(pc.categories ?? []),
      designerOrganisationId,
      contributorOrganisationIds: [],
      track: 'notDeclared',
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
 * `usedBy` names offices of the directory (by code or name). The caller's office declares its own use;
 * the DDSI and administrators declare the use of any office named (each audited as `usage.declare`).
 * Any other office named is only cited — "organismes cités par le fichier" — for the designer to invite.
 */
function usersOf(
  authorizer: Authorizer,
  actor: Actor,
  labels: readonly string[],
  officeOf: (label: string) => OrganisationSummary | undefined,
) {
  const declared = new Map<string, OrganisationSummary>();
  const cited = new Map<string, OrganisationSummary>();
  const unknown: number[] = [];
  labels.forEach((label, index) => {
    const office = officeOf(label);
    if (!office) unknown.push(index);
    else if (mayDeclareUsageFor(authorizer, actor, office.id)) declared.set(office.id, office);
    else cited.set(office.id, office);
  });
  return { declared: [...declared.values()], cited: [...cited.values()], unknown };
}

/**
 * One publiccode.yml → one application, written by the application writer. It matches an existing
 * application on its repository address (`url`, the standard's identifier); the designer office is the
 * one named as organisation, owner or affiliation, else the caller's. Warnings (unknown categories,
 * deprecated keys, offices not found) are returned and kept in the audit record with the country
 * sections.
 */
export async function importPubliccode(
  ctx: ServiceContext,
  authorizer: Authorizer,
  source: string,
  options: { dryRun: boolean },
): Promise<ImportResult> {
  const actor = requireActor(ctx);
  const { data, errors, warnings, countrySections, lineOf } = parsePubliccode(source);
  const result: ImportResult = {
    created: 0,
    updated: 0,
    errors: [],
    warnings,
    citedOffices: [],
    rows: 1,
    dryRun: options.dryRun,
    items: [],
  };
  if (!data) return { ...result, errors };

  const offices = await listOrganisationSummaries(ctx.db);
  const officeOf = (label: string | undefined) =>
    label
      ? offices.find(
          (o) =>
            comparableText(o.code) === comparableText(label) ||
            comparableText(o.name) === comparableText(label),
        )
      : undefined;
  const designer =
    officeOf(data.organisation?.name) ??
    officeOf(data.legal.repoOwner) ??
    officeOf(data.legal.mainCopyrightOwner) ??
    officeOf(data.maintenance.contacts?.[0]?.affiliation) ??
    offices.find((o) => o.id === actor.organisationId);
  if (!designer) throw new AppError('badRequest', 'Organisme concepteur introuvable.');
  const { application, otherLanguages } = applicationFromPubliccode(data, designer.id);
  const fail = (field: string, message: string) => result.errors.push({ line: 1, field, message });
  const warn = (path: PropertyKey[], message: string) =>
    warnings.push({ line: lineOf(path), field: keyPath(path), message: `« ${keyPath(path)} » ${message}` });
  const matchId = await findApplicationIdByForgeUrl(ctx.db, data.url);
  const [current] = matchId ? await findApplications(ctx.db, [matchId]) : [];
  if (!application.domainCode && current) {
    application.domainCode = current.domainCode;
    warn(['categories'], 'ne correspond à aucun domaine métier : la fiche garde le sien.');
  } else if (!application.domainCode)
    fail(
      'categories',
      '« categories » ne correspond à aucun domaine métier du catalogue, qui en demande un pour créer la fiche : ajoutez par exemple hr, accounting, crm, document-management ou it-management.',
    );
  if (
    !authorizer.can(actor, 'application.update', application) ||
    (current && !authorizer.can(actor, 'application.update', current))
  )
    fail(
      'legal.repoOwner',
      'Vous ne pouvez importer que les applications dont votre organisme est le concepteur.',
    );
  const users = usersOf(authorizer, actor, data.usedBy ?? [], officeOf);
  for (const index of users.unknown)
    warn(
      ['usedBy', index],
      `(« ${data.usedBy?.[index]} ») ne correspond à aucun organisme de l’annuaire : il est ignoré.`,
    );
  result.citedOffices = users.cited.map(({ id, code, name }) => ({ id, code, name }));
  const candidate = current
    ? {
        ...applicationInputOf(current),
        ...application,
        track: current.track,
        hosting: current.hosting,
        personalData: current.personalData,
        personalDataCategories: current.personalDataCategories,
        code: current.code,
      }
    : application;
  const validated = createApplicationSchema.safeParse(candidate);
  if (!validated.success) {
    for (const issue of validated.error.issues)
      if (issue.path[0] !== 'domainCode' || application.domainCode)
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
    const [row] = await writeApplications(
      tx,
      [
        {
          input: validated.data,
          current: current ? { id: current.id, version: current.version } : null,
          otherLanguages,
        },
      ],
      { domains, source: 'publiccode.yml' },
    );
    if (!row) throw new Error('publiccode.yml import wrote nothing');
    await declareImportedUsages(tx, authorizer, row.id, users.declared, {
      comment: 'Déclaré par publiccode.yml (usedBy)',
      source: 'publiccode.yml',
    });
    await recordAudit(tx, {
      action: 'application.import',
      targetType: 'application',
      targetId: row.id,
      after: {
        format: 'publiccode.yml',
        url: data.url,
        created: result.created,
        updated: result.updated,
        warnings: warnings.map(({ field, message }) => ({ field, message })),
        citedOffices: result.citedOffices?.map((office) => office.code) ?? [],
        countrySections,
      },
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
