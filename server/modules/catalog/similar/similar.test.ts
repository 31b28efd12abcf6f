import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimilarApplicationsDto } from '../../../../common/schemas/usage.ts';
import { seedDemoCatalogue } from '../../../db/demo/seed-catalogue.ts';
import { createSheet } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../../../test/harness.ts';
import { CHANGE_RETENTION_MS } from '../search/search.changes.ts';
import { applicationTexts } from './similar.service.ts';

let t: TestContext;
let developer: Agent;
let rhone: string;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemoCatalogue(t.db);
  rhone = await organisationId(t.db, 'CPAM-69');
  developer = await login(
    t.app,
    (await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-69' })).email,
  );
});
afterAll(() => t.close());

const similar = async (name: string, summary = '') =>
  (
    await developer.get(
      `/api/applications/similar?name=${encodeURIComponent(name)}&summary=${encodeURIComponent(summary)}`,
    )
  ).json() as SimilarApplicationsDto;
const codes = (result: SimilarApplicationsDto) => result.items.map((item) => item.code);

describe('the sheets like the one being declared', () => {
  it('ranks the sheets of the same need first, with their likeness, as the name and summary are typed', async () => {
    const typed = await similar('Recouvrement des indu', '');
    expect(codes(typed)[0]).toBe('RECOUVR-INDUS');
    const withSummary = await similar(
      'Gestion des indus',
      'Suivi des indus de prestations et relances des assurés débiteurs.',
    );
    expect(codes(withSummary).slice(0, 2).sort()).toEqual(['RECOUVR-INDUS', 'SUIVINDUS']);
    expect(withSummary.items.length).toBeLessThanOrEqual(5);
    const scores = withSummary.items.map((item) => item.similarity);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(withSummary.items[0]).toMatchObject({
      designerOrganisation: { code: expect.any(String) },
      domain: { code: 'comptabilite-finances' },
      summary: expect.stringContaining('indus'),
    });
    expect(scores[0]).toBeGreaterThan(0.3);
    expect(scores[0]).toBeLessThanOrEqual(1);
  });

  it('reads a name written in one piece with capitals as its words: « Gestion des congés » finds GesCongés', async () => {
    const typed = await similar(
      'Gestion des conges',
      'Demandes de congés des agents et validation par les managers.',
    );
    expect(codes(typed)).toContain('GESCONGES');
  });

  it('proposes nothing for a name too short or unlike any sheet, and refuses a name too long in French', async () => {
    expect((await similar('Ges')).items).toEqual([]);
    expect((await similar('Xylophone quantique')).items).toEqual([]);
    const refused = await developer.get(`/api/applications/similar?name=${'a'.repeat(201)}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/nom est limité à 200 caractères/);
  });

  it('sees a sheet declared a moment ago, and no longer an archived one', async () => {
    const sheet = await createSheet(developer, rhone, {
      name: 'Cartographie des défibrillateurs',
      summary: 'Localisation des défibrillateurs des agences et contrôles annuels.',
    });
    expect(codes(await similar('Carto des défibrillateurs'))).toEqual([sheet.code]);
    const archived = await developer.post(`/api/applications/${sheet.id}/transitions`, {
      action: 'archive',
      version: sheet.version,
      input: { reason: 'Doublon de la fiche nationale' },
    });
    expect(archived.statusCode).toBe(200);
    expect(codes(await similar('Carto des défibrillateurs'))).toEqual([]);
  });

  it('reads the texts again after a committed write or past the change log retention, not otherwise', async () => {
    const first = await applicationTexts(t.db);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(await applicationTexts(t.db)).toBe(first);
    const sheet = await createSheet(developer, rhone, {
      name: 'Registre des clés des agences',
      summary: 'Prêt et retour des clés des locaux.',
    });
    const after = await applicationTexts(t.db);
    expect(after).not.toBe(first);
    expect(after.rows.map((row) => row.code)).toContain(sheet.code);
    expect(await applicationTexts(t.db)).toBe(after);
    const later = await applicationTexts(t.db, Date.now() + CHANGE_RETENTION_MS);
    expect(later).not.toBe(after);
    expect(later.rows.map((row) => row.code)).toEqual(after.rows.map((row) => row.code));
  });
});
