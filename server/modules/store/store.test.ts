import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreApplicationDto, StorePageDto } from '../../../common/schemas/store.ts';
import { certifySheet, createSheet, signedInAs } from '../../test/catalog-fixtures.ts';
import { createTestContext, organisationId, type TestContext } from '../../test/harness.ts';
import { storeSheet } from '../../test/store-fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const search = async (word: string, extra = '') => {
  const agent = await signedInAs(t, ['agent'], 'CPAM-13');
  const response = await agent.get(`/api/store?q=${encodeURIComponent(word)}&pageSize=50${extra}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as StorePageDto;
};

describe('the Store', () => {
  it('lists exactly the certified applications hosted on AM Cloud, with the catalogue’s facets', async () => {
    const word = 'Vitrinette';
    const labelled = await storeSheet(t, word);
    const homologated = await storeSheet(t, word, { certificationStatus: 'homologated' });
    // Not in the Store: on an office server, certification only in progress, withdrawn, non-standard, archived.
    await storeSheet(t, word, { hosting: 'officeServer' });
    await storeSheet(t, word, { certificationStatus: 'inProgress' });
    await storeSheet(t, word, { certificationStatus: 'withdrawn' });
    const developer = await signedInAs(t, ['developer'], 'CPAM-67');
    await createSheet(developer, await organisationId(t.db, 'CPAM-67'), {
      name: `${word} hors standard`,
      track: 'nonStandard',
      hosting: 'officeServer',
    });

    const page = await search(word);
    expect(page.items.map((i) => i.id).sort()).toEqual([labelled.id, homologated.id].sort());
    expect(page.total).toBe(2);
    expect(page.items.every((i) => i.hosting === 'amCloud')).toBe(true);
    // The facets are the catalogue's, less what the Store decides for itself.
    expect(page.facets.status.map((v) => [v.value, v.count]).sort()).toEqual([
      ['homologated', 1],
      ['labelled', 1],
    ]);
    expect(page.facets.hosting).toEqual([]);
    const narrowed = await search(word, '&status=homologated');
    expect(narrowed.items.map((i) => i.id)).toEqual([homologated.id]);
  });

  it('refuses a filter the Store decides, in French', async () => {
    const agent = await signedInAs(t, ['agent'], 'CPAM-13');
    const response = await agent.get('/api/store?status=none');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/labelled ou homologated/);
  });

  it('says why an application whose certification was withdrawn left the Store', async () => {
    const word = 'Retirable';
    const sheet = await storeSheet(t, word);
    expect((await search(word)).items.map((i) => i.id)).toEqual([sheet.id]);
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    const current = (await ddsi.get(`/api/applications/${sheet.id}`)).json();
    const withdrawn = await ddsi.post(`/api/applications/${sheet.id}/transitions`, {
      action: 'withdrawCertification',
      version: current.version,
      input: { reason: 'Faille de sécurité non corrigée dans la version 2' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    expect((await search(word)).items).toEqual([]);
    const agent = await signedInAs(t, ['agent'], 'CPAM-13');
    const view = (await agent.get(`/api/store/applications/${sheet.id}`)).json() as StoreApplicationDto;
    expect(view.inStore).toBe(false);
    expect(view.notInStore).toMatchObject({
      reason: 'certificationWithdrawn',
      detail: 'Faille de sécurité non corrigée dans la version 2',
    });
    expect(view.notInStore?.at).toBeTruthy();
    expect(view.can.request).toBe(false);
  });

  it('shows an application’s version, offices, support and requirements', async () => {
    const sheet = await storeSheet(t, 'Fichable', {
      versions: [{ number: '2.1.0', releasedOn: '2026-03-01', notes: 'Export' }],
      connectors: ['SNGI'],
    });
    const director = await signedInAs(t, ['officeDirector'], 'CPAM-13');
    const declared = await director.post(`/api/applications/${sheet.id}/usages`, {
      userCount: 12,
      versionNumber: '2.1.0',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const agent = await signedInAs(t, ['agent'], 'CPAM-33');
    const view = (await agent.get(`/api/store/applications/${sheet.id}`)).json() as StoreApplicationDto;
    expect(view).toMatchObject({
      inStore: true,
      notInStore: null,
      currentVersion: { number: '2.1.0', releasedOn: '2026-03-01' },
      can: { request: true, review: false },
    });
    expect(view.offices.map((o) => o.code)).toContain('CPAM-13');
    expect(view.support.map((s) => s.level)).toEqual([1, 2]);
    expect(view.support[0]?.organisation).toMatch(/CSN/);
    expect(view.requirements.personalData).toBe(true);
    expect(view.requirements.formalities.some((f) => f.includes('CNIL'))).toBe(true);
    expect(view.requirements.formalities.some((f) => f.includes('SNGI'))).toBe(true);
  });
});

describe('reviews', () => {
  it('one per office using it, edited by its author only, with the version read', async () => {
    const sheet = await storeSheet(t, 'Notable');
    const url = `/api/store/applications/${sheet.id}/review`;
    const author = await signedInAs(t, ['agent'], 'CPAM-13');
    // The office does not use it yet.
    const early = await author.request('PUT', url, { rating: 4 });
    expect(early.statusCode).toBe(403);
    expect(early.json().detail).toMatch(/utilise/);
    const director = await signedInAs(t, ['officeDirector'], 'CPAM-13');
    expect((await director.post(`/api/applications/${sheet.id}/usages`, { userCount: 5 })).statusCode).toBe(
      201,
    );

    const written = await author.request('PUT', url, { rating: 4, comment: 'Simple à prendre en main.' });
    expect(written.statusCode, written.body).toBe(201);
    const view = written.json() as StoreApplicationDto;
    expect(view.rating).toEqual({ average: 4, count: 1 });
    expect(view.reviews[0]).toMatchObject({ rating: 4, mine: true, organisation: { code: 'CPAM-13' } });

    // Someone else of the same office may not write a second one, nor edit the author's.
    const colleague = await signedInAs(t, ['developer'], 'CPAM-13');
    const second = await colleague.request('PUT', url, { rating: 1, version: 1 });
    expect(second.statusCode).toBe(403);
    expect(second.json().detail).toMatch(/déjà donné son avis/);

    const edited = await author.request('PUT', url, { rating: 5, comment: 'Encore mieux.', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as StoreApplicationDto).reviews[0]).toMatchObject({ rating: 5, version: 2 });
    const stale = await author.request('PUT', url, { rating: 3, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/Cet avis a été modifié/);
  });

  it('refuses a rating outside 1 to 5 and an unknown field, naming them in French', async () => {
    const sheet = await storeSheet(t, 'Malnotee');
    const author = await signedInAs(t, ['agent'], 'CPAM-13');
    const url = `/api/store/applications/${sheet.id}/review`;
    const bad = await author.request('PUT', url, { rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'rating', message: 'La note va de 1 à 5.' }]);
    const unknown = await author.request('PUT', url, { rating: 3, stars: 3 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('stars');
  });
});

it('keeps a certified sheet in the Store once certified again', async () => {
  const sheet = await storeSheet(t, 'Recertifiee', { certificationStatus: 'withdrawn' });
  expect((await search('Recertifiee')).items).toEqual([]);
  await certifySheet(t.app, sheet.id, 'labelled');
  expect((await search('Recertifiee')).items.map((i) => i.id)).toEqual([sheet.id]);
});
