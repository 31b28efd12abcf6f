import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignedApplicationDto, UsedApplicationDto } from '../../../common/schemas/office.ts';
import { createSheet, signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let reader: Agent;
beforeAll(async () => {
  t = await createTestContext();
  reader = await signedInAs(t, ['agent'], 'CPAM-13');
});
afterAll(() => t.close());

const versions = [{ number: '3.0', releasedOn: '2025-06-01' }];
const declare = async (code: string, applicationId: string, body: Record<string, unknown>) => {
  const agent = await signedInAs(t, ['referent'], code);
  const response = await agent.post(`/api/applications/${applicationId}/usages`, {
    versionNumber: '3.0',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
};

describe("an office's page: what it designs and what it uses", () => {
  it('lists the designed applications with their users, where they are used, and leaves archived sheets out', async () => {
    const office = await organisationId(t.db, 'CPAM-71');
    const developer = await signedInAs(t, ['developer'], 'CPAM-71');
    const wide = await createSheet(developer, office, { name: 'Agenda partagé', versions });
    const narrow = await createSheet(developer, office, { name: 'Bons de commande', versions });
    const archived = await createSheet(developer, office, { name: 'Ancienne messagerie', versions });
    await declare('CPAM-69', wide.id, { userCount: 30, versionNumber: '3.0' }); // Auvergne-Rhône-Alpes
    await declare('CPAM-38', wide.id, { userCount: 12 }); // Auvergne-Rhône-Alpes
    await declare('CPAM-13', wide.id, { userCount: 8 }); // Provence-Alpes-Côte d'Azur
    await declare('CPAM-33', narrow.id, { userCount: 3 }); // Nouvelle-Aquitaine
    await declare('CPAM-33', archived.id, { userCount: 50 });
    const archive = await developer.post(`/api/applications/${archived.id}/transitions`, {
      action: 'archive',
      version: archived.version,
      input: { reason: 'Remplacée par la messagerie nationale.' },
    });
    expect(archive.statusCode, archive.body).toBe(200);

    const page = (await reader.get(`/api/organisations/${office}/designed-applications`)).json();
    expect(page.total).toBe(2);
    expect(
      page.items.map((i: DesignedApplicationDto) => [i.application.name, i.usingOffices, i.declaredUsers]),
    ).toEqual([
      // The offices that declared it, and the designer itself: the sheets are in production.
      ['Agenda partagé', 4, 50],
      ['Bons de commande', 2, 3],
    ]);
    expect(page.items[0].latestVersion).toBe('3.0');

    const portfolio = (await reader.get(`/api/organisations/${office}/portfolio`)).json();
    expect(portfolio).toMatchObject({ designed: 2, used: 0, declaredUsers: 0, officesUsingDesigned: 4 });
    expect(portfolio.designedUsageByRegion).toEqual([
      { region: 'auvergne-rhone-alpes', usages: 2 },
      { region: 'nouvelle-aquitaine', usages: 1 },
      { region: 'provence-alpes-cote-d-azur', usages: 1 },
    ]);
  });

  it('lists the used applications as the office declared them, page by page', async () => {
    const office = await organisationId(t.db, 'CPAM-72');
    const designer = await signedInAs(t, ['developer'], 'CPAM-73');
    const designerOffice = await organisationId(t.db, 'CPAM-73');
    for (const name of ['Courrier entrant', 'Astreintes', 'Badges visiteurs']) {
      const sheet = await createSheet(designer, designerOffice, { name, versions });
      await declare('CPAM-72', sheet.id, {
        userCount: name.length,
        versionNumber: '3.0',
        since: '2024-02-01',
      });
    }

    const first = (await reader.get(`/api/organisations/${office}/used-applications?pageSize=2`)).json();
    expect(first.total).toBe(3);
    expect(first.items.map((i: UsedApplicationDto) => i.application.name)).toEqual([
      'Astreintes',
      'Badges visiteurs',
    ]);
    expect(first.items[0]).toMatchObject({
      userCount: 10,
      versionNumber: '3.0',
      since: '2024-02-01',
      // CPAM-72's declaration, and the designer office: the sheet is in production.
      usingOffices: 2,
      designerOrganisation: { code: 'CPAM-73' },
    });
    const second = (
      await reader.get(`/api/organisations/${office}/used-applications?pageSize=2&page=2`)
    ).json();
    expect(second.items.map((i: UsedApplicationDto) => i.application.name)).toEqual(['Courrier entrant']);
    const portfolio = (await reader.get(`/api/organisations/${office}/portfolio`)).json();
    expect(portfolio).toMatchObject({ designed: 0, used: 3, declaredUsers: 10 + 16 + 16 });
  });

  it('answers 404 for an unknown office and 400 in French for a bad page size', async () => {
    const missing = await reader.get('/api/organisations/00000000-0000-4000-8000-000000000000/portfolio');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Organisme introuvable.');
    const office = await organisationId(t.db, 'CPAM-71');
    const bad = await reader.get(`/api/organisations/${office}/used-applications?pageSize=500`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'pageSize', message: 'La taille de page va de 1 à 100.' }]);
  });
});
