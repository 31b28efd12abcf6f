import { sql } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { applications, applicationUsages, businessDomains, organisations } from '../server/db/schema.ts';
import { rememberWords } from '../server/modules/catalog/search/search.queries.ts';
import { type GeneratedApplication, generateCatalogue, technologyTags } from './generate.ts';

const CHUNK = 1000;

/** Generates `count` applications (`duplicates` of them planted) and writes them with their usages, in chunks, as the import would. */
export async function loadCatalogue(db: Database, count: number, options: { duplicates?: number } = {}) {
  const offices = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations);
  const byCode = new Map(offices.map((o) => [o.code, o]));
  const domains = new Map((await db.select().from(businessDomains)).map((d) => [d.code, d.labelFr]));
  const apps = generateCatalogue(
    count,
    offices.map((o) => o.code),
    undefined,
    options,
  );
  let usages = 0;
  for (let start = 0; start < apps.length; start += CHUNK) {
    const chunk = apps.slice(start, start + CHUNK);
    const rows = await db
      .insert(applications)
      .values(chunk.map((a) => values(a, byCode, domains)))
      .returning({ id: applications.id, code: applications.code });
    const idByCode = new Map(rows.map((r) => [r.code, r.id]));
    const usageRows = chunk.flatMap((a) =>
      a.usageOffices.map((code) => ({
        applicationId: idByCode.get(a.code) as string,
        organisationId: byCode.get(code)?.id as string,
        userCount: 10,
      })),
    );
    for (let u = 0; u < usageRows.length; u += 5000)
      await db.insert(applicationUsages).values(usageRows.slice(u, u + 5000));
    usages += usageRows.length;
    await rememberWords(db, chunk.map((a) => `${a.name} ${a.summary}`).join(' '));
  }
  // The steady state of a catalogue: statistics up to date, as autovacuum leaves them.
  await db.execute(sql`VACUUM ANALYZE`);
  return { applications: apps.length, usages };
}

function values(
  a: GeneratedApplication,
  byCode: Map<string, { id: string; name: string }>,
  domains: Map<string, string>,
) {
  const designer = byCode.get(a.designerCode);
  if (!designer) throw new Error(`unknown office ${a.designerCode}`);
  const tags = technologyTags(a.technologies);
  return {
    code: a.code,
    name: a.name,
    summary: a.summary,
    description: a.description,
    domainCode: a.domainCode,
    designerOrganisationId: designer.id,
    track: a.track,
    certificationStatus: a.certificationStatus,
    lifecycleStage: a.lifecycleStage,
    technologies: a.technologies,
    technologyTags: tags,
    hosting: a.hosting,
    personalData: a.personalDataCategories.length > 0,
    personalDataCategories: a.personalDataCategories,
    connectors: a.connectors,
    keywords: [domains.get(a.domainCode), designer.name, ...tags, ...a.connectors].join(' '),
    usageCount: a.usageOffices.length,
  };
}
