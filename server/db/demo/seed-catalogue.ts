import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { withoutAccents } from '../../../common/text.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { domainLabels, writeApplications } from '../../modules/catalog/applications/applications.service.ts';
import { insertUsage, refreshUsageCounts } from '../../modules/catalog/usages/usages.queries.ts';
import type { Database } from '../client.ts';
import { applications, organisations } from '../schema.ts';
import { DEMO_APPLICATIONS } from './catalogue-data.ts';

/** A small deterministic generator: the demo is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Claire',
  'Julien',
  'Nadia',
  'Thomas',
  'Sophie',
  'Karim',
  'Isabelle',
  'Mathieu',
  'Élodie',
  'Patrick',
];
const LAST_NAMES = [
  'Durand',
  'Lefèvre',
  'Moreau',
  'Garnier',
  'Roux',
  'Fontaine',
  'Chevalier',
  'Bonnet',
  'Mercier',
  'Lambert',
];

/** About sixty applications with usages, on a catalogue that is still empty (demo mode only). */
export async function seedDemoCatalogue(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(applications);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const random = seededRandom(2018);
  const offices = await db
    .select({ id: organisations.id, code: organisations.code, type: organisations.type })
    .from(organisations);
  const byCode = new Map(offices.map((o) => [o.code, o]));
  const localOffices = offices.filter((o) => o.type !== 'national' && o.type !== 'nationalCentre');
  const log = {
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  } as unknown as FastifyBaseLogger;
  return db.transaction(async (tx) => {
    const ctx: ServiceContext = { actor: null, db: tx, log, requestId: null };
    const domains = await domainLabels(ctx);
    for (const app of DEMO_APPLICATIONS) {
      const designer = byCode.get(app.designer);
      if (!designer) throw new Error(`Demo application ${app.code}: unknown office ${app.designer}`);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
      const maintainer = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      const major = 1 + Math.floor(random() * 3);
      const [row] = await writeApplications(
        ctx,
        [
          {
            current: null,
            input: {
              code: app.code,
              name: app.name,
              summary: app.summary,
              description: app.description,
              domainCode: app.domain,
              designerOrganisationId: designer.id,
              contributorOrganisationIds: random() < 0.3 ? [pick(localOffices).id] : [],
              track: app.track,
              certificationStatus: app.status,
              lifecycleStage: app.lifecycle,
              maturityLevel:
                app.status === 'labelled' || app.status === 'homologated'
                  ? 3 + Math.floor(random() * 3)
                  : null,
              criticalityClass:
                app.personal?.includes('health') || app.personal?.includes('nir') ? 'high' : 'moderate',
              technologies: {
                php: app.php ?? null,
                symfony: app.symfony ?? null,
                starterKit: app.starterKit ?? null,
                psram: app.starterKit ? '2.0' : null,
                database: app.database ?? null,
                others: [],
              },
              hosting: app.hosting,
              personalData: (app.personal ?? []).length > 0,
              personalDataCategories: app.personal ?? [],
              cnilReference:
                (app.personal ?? []).length > 0 ? `RT-${app.designer}-${app.code.slice(0, 6)}` : null,
              connectors: app.connectors ?? [],
              forgeUrl: `https://forge.assurance-maladie.fr/${app.designer.toLowerCase()}/${app.code.toLowerCase()}`,
              documentationUrl: null,
              licence: app.track === 'labelling' || app.track === 'homologation' ? 'EUPL-1.2' : null,
              maintainer: {
                name: maintainer,
                email: `${withoutAccents(maintainer).toLowerCase().replace(' ', '.')}@assurance-maladie.fr`,
                phone: null,
              },
              support: { name: `Support ${app.name}`, email: null, phone: null },
              versions: [
                {
                  number: `${major}.0.0`,
                  releasedOn: `20${19 + major}-0${1 + Math.floor(random() * 9)}-15`,
                  notes: 'Première version diffusée.',
                },
                {
                  number: `${major}.1.0`,
                  releasedOn: `20${20 + major}-0${1 + Math.floor(random() * 9)}-10`,
                  notes: 'Corrections et exports.',
                },
              ],
            },
          },
        ],
        // The demo catalogue is loaded by the platform, certifications included.
        { domains, mayCertify: true },
      );
      if (!row) throw new Error(`Demo application ${app.code} was not written`);
      // The designer office of a sheet in production is one of its users without declaring it.
      const declaring = app.uses - (app.lifecycle === 'inProduction' && app.uses > 0 ? 1 : 0);
      const users = localOffices.filter((o) => o.id !== designer.id);
      const using = new Set<string>();
      while (using.size < Math.min(declaring, users.length)) using.add(pick(users).id);
      for (const organisationId of using)
        await insertUsage(tx, row.id, organisationId, {
          since: `20${21 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-01`,
          userCount: 5 + Math.floor(random() * 200),
          versionNumber: `${major}.1.0`,
          comment: '',
          declaredBy: null,
        });
      if (using.size > 0) await refreshUsageCounts(tx, [row.id]);
    }
    return { created: DEMO_APPLICATIONS.length };
  });
}
