import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPageDto } from '../../../../common/schemas/application-search.ts';
import { todayInFrance, type UsageDto, type UsageMapDto } from '../../../../common/schemas/usage.ts';
import { auditEvents } from '../../../db/schema.ts';
import { createSheet, designerAndOthers } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let rhone: string;
let developer: Agent; // CPAM-69
let otherDeveloper: Agent; // CPAM-13
let agent: Agent; // CPAM-13
beforeAll(async () => {
  t = await createTestContext();
  ({ rhone, developer, otherDeveloper, agent } = await designerAndOthers(t));
});
afterAll(() => t.close());

const VERSIONS = [
  { number: '2.0', releasedOn: '2023-03-01', notes: '' },
  { number: '2.1', releasedOn: '2024-06-01', notes: '' },
];

describe('usage by offices', () => {
  it('an office declares, updates and withdraws its use; the designer sees who uses it', async () => {
    const application = await createSheet(developer, rhone, {
      name: 'Gestion des réclamations',
      versions: VERSIONS,
    });
    const url = `/api/applications/${application.id}/usages`;
    expect((await agent.post(url, { userCount: 3, versionNumber: '2.1' })).statusCode).toBe(403);
    expect(
      (
        await otherDeveloper.post(url, {
          since: '2024-09-01',
          userCount: 35,
          versionNumber: '2.1',
          comment: 'Service relations clients',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await otherDeveloper.post(url, { since: '2024-09-01', userCount: 40, versionNumber: '2.0' }))
        .statusCode,
    ).toBe(204);
    const usages = (await developer.get(url)).json() as UsageDto[];
    expect(usages.find((u) => u.organisation.code === 'CPAM-13')).toMatchObject({
      userCount: 40,
      since: '2024-09-01',
      versionNumber: '2.0',
      designer: false,
    });
    // The designer office, in production, is one of the two users.
    expect((await otherDeveloper.get(`/api/applications/${application.id}`)).json()).toMatchObject({
      usageCount: 2,
      myUsage: { userCount: 40 },
    });
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(204);
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(404);
    expect((await developer.get(`/api/applications/${application.id}`)).json().usageCount).toBe(1);
    const actions = (
      await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, application.id))
        .orderBy(auditEvents.id)
    ).map((e) => e.action);
    expect(actions).toEqual(['application.create', 'usage.declare', 'usage.declare', 'usage.withdraw']);
  });
});

describe('a declaration the network can trust', () => {
  let url: string;
  beforeAll(async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Registre des courriers', versions: VERSIONS });
    url = `/api/applications/${sheet.id}/usages`;
  });
  const refusal = async (body: unknown) => {
    const response = await otherDeveloper.post(url, body);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json().errors as { field: string; message: string }[];
  };

  it('requires the number of users: an empty declaration is a 400', async () => {
    expect(await refusal({})).toContainEqual({
      field: 'userCount',
      message: "Indiquez le nombre d'utilisateurs de votre organisme (au moins 1).",
    });
  });

  it('refuses 0 users rather than counting 1', async () => {
    expect(await refusal({ userCount: 0, versionNumber: '2.1' })).toEqual([
      {
        field: 'userCount',
        message:
          "Le nombre d'utilisateurs est au moins 1. Si votre organisme n'utilise pas l'application, retirez sa déclaration.",
      },
    ]);
  });

  it('refuses a start date in the future', async () => {
    const tomorrow = new Date(`${todayInFrance()}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    expect(
      await refusal({ userCount: 3, versionNumber: '2.1', since: tomorrow.toISOString().slice(0, 10) }),
    ).toEqual([
      { field: 'since', message: "La date de début d'utilisation ne peut pas être dans le futur." },
    ]);
    expect(
      (await otherDeveloper.post(url, { userCount: 3, versionNumber: '2.1', since: todayInFrance() }))
        .statusCode,
    ).toBe(201);
  });

  it("takes the version among the sheet's versions, naming the field otherwise", async () => {
    expect(await refusal({ userCount: 3, versionNumber: '9.9' })).toEqual([
      {
        field: 'versionNumber',
        message: "La version « 9.9 » n'est pas une version de la fiche : choisissez parmi 2.1, 2.0.",
      },
    ]);
    expect(await refusal({ userCount: 3 })).toEqual([
      {
        field: 'versionNumber',
        message: 'Choisissez la version utilisée parmi celles de la fiche : 2.1, 2.0.',
      },
    ]);
  });
});

describe('the designer office uses its own application in production', () => {
  it('counts in the usage count, the list of users, the usage map and the "used by" facet, and stops when the sheet leaves production', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Pointage des astreintes' });
    const read = async () => (await agent.get(`/api/applications/${sheet.id}`)).json();
    expect((await read()).usageCount).toBe(1);
    expect((await agent.get(`/api/applications/${sheet.id}/usages`)).json()).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ code: 'CPAM-69' }),
        designer: true,
        userCount: null,
        updatedAt: null,
      }),
    ]);
    const map = (await agent.get('/api/usage-map')).json() as UsageMapDto;
    expect(map.ranking.find((r) => r.code === sheet.code)?.usageCount).toBe(1);
    const page = (
      await agent.get('/api/applications?usedBy=CPAM-69&pageSize=100')
    ).json() as ApplicationPageDto;
    expect(page.items.map((i) => i.code)).toContain(sheet.code);

    const { version } = await read();
    const moved = await developer.patch(`/api/applications/${sheet.id}`, {
      version,
      lifecycleStage: 'deprecated',
    });
    expect(moved.statusCode).toBe(200);
    expect((await read()).usageCount).toBe(0);
    expect((await agent.get(`/api/applications/${sheet.id}/usages`)).json()).toEqual([]);
    const after = (
      await agent.get('/api/applications?usedBy=CPAM-69&pageSize=100')
    ).json() as ApplicationPageDto;
    expect(after.items.map((i) => i.code)).not.toContain(sheet.code);
  });
});
