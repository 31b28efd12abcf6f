import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf as codes, searchAs, signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../test/harness.ts';
import { applications } from '../schema.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';

let t: TestContext;
let reader: Agent;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemoCatalogue(t.db);
  reader = await signedInAs(t, ['agent'], 'CPAM-01');
});
afterAll(() => t.close());

const search = (query: string) => searchAs(reader, query);

/** The sentences of a Markdown text: list items and sentences, without their markers, in lower case. */
const sentencesOf = (markdown: string) =>
  markdown
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) =>
      s
        .replace(/^[-*#\s]+/, '')
        .trim()
        .toLowerCase(),
    )
    .filter((s) => s.length >= 12);

describe('the demo catalogue', () => {
  it('gives each sheet a description of its own: no sentence is shared by two sheets', async () => {
    const rows = await t.db
      .select({ code: applications.code, description: applications.description })
      .from(applications);
    expect(rows).toHaveLength(60);
    const seen = new Map<string, string>();
    const shared: string[] = [];
    for (const row of rows) {
      expect(sentencesOf(row.description).length).toBeGreaterThanOrEqual(2);
      for (const sentence of new Set(sentencesOf(row.description))) {
        const other = seen.get(sentence);
        if (other) shared.push(`${other} & ${row.code}: ${sentence}`);
        seen.set(sentence, row.code);
      }
    }
    expect(shared).toEqual([]);
  });

  it('finds by "habilitation" only the sheets that are about it', async () => {
    expect(codes(await search('q=habilitation&sort=name'))).toEqual(['ONBOARDING', 'HABILITATIONS']);
  });

  it('ranks for "congés" GesCongés (14 offices, homologated) before the end-of-life sheet used by one office', async () => {
    const page = await search('q=cong%C3%A9s');
    const order = codes(page);
    expect(page.items.find((i) => i.code === 'GESCONGES')).toMatchObject({
      usageCount: 14,
      certificationStatus: 'homologated',
    });
    expect(page.items.find((i) => i.code === 'CONGES-EXPRESS')).toMatchObject({
      usageCount: 1,
      lifecycleStage: 'deprecated',
    });
    expect(order.indexOf('GESCONGES')).toBeLessThan(order.indexOf('CONGES-EXPRESS'));
  });

  it('flags the two sheets named "Réservation des salles" in the results', async () => {
    const page = await search('q=r%C3%A9servation%20salles');
    const flags = Object.fromEntries(page.items.map((i) => [i.code, i.sameName.map((o) => o.code)]));
    expect(flags['RESERVATION-SALLES']).toEqual(['RESA-SALLES-VEHICULES']);
    expect(flags['RESA-SALLES-VEHICULES']).toEqual(['RESERVATION-SALLES']);
  });
});
