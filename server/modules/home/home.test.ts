import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomeDto } from '../../../common/schemas/home.ts';
import { applications, organisations } from '../../db/schema.ts';
import { certifySheet, createSheet, signedInAs } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const home = async (agent: Agent) => {
  const response = await agent.get('/api/home');
  expect(response.statusCode).toBe(200);
  return response.json() as HomeDto;
};
const names = (items: { application: { name: string } }[]) => items.map((i) => i.application.name);
/** Declares a use of the sheet's only version (2.1) unless the body names one. */
const declare = async (agent: Agent, applicationId: string, body: Record<string, unknown>) => {
  const response = await agent.post(`/api/applications/${applicationId}/usages`, {
    versionNumber: '2.1',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
};
const complete = {
  licence: 'EUPL-1.2',
  maintainer: { name: 'Équipe RH', email: 'rh@test.mutualis', phone: null },
  cnilReference: 'CNIL-2024-12',
  versions: [{ number: '2.1', releasedOn: '2025-01-10' }],
};

describe('GET /api/home, by role', () => {
  it("an agent sees the applications their office designs and uses, and the network's most used ones it lacks", async () => {
    const office = await organisationId(t.db, 'CPAM-21');
    const developer = await signedInAs(t, ['developer'], 'CPAM-21');
    const designed = await createSheet(developer, office, { name: 'Planning des accueils', ...complete });
    const elsewhere = await signedInAs(t, ['developer'], 'CPAM-33');
    const used = await createSheet(elsewhere, await organisationId(t.db, 'CPAM-33'), {
      name: 'Suivi des courriers',
      ...complete,
    });
    await declare(developer, used.id, { userCount: 35, versionNumber: '2.1' });
    const popular = await createSheet(
      await signedInAs(t, ['developer'], 'CPAM-34'),
      await organisationId(t.db, 'CPAM-34'),
      { name: 'Gestion des astreintes', ...complete },
    );
    for (const code of ['CPAM-35', 'CPAM-36', 'CPAM-37', 'CPAM-38']) {
      await declare(await signedInAs(t, ['referent'], code), popular.id, { userCount: 5 });
    }

    const page = await home(await signedInAs(t, ['agent'], 'CPAM-21'));
    expect(page.organisation.code).toBe('CPAM-21');
    expect(names(page.office?.designed.items ?? [])).toEqual(['Planning des accueils']);
    expect(page.office?.designed.items[0]).toMatchObject({
      application: { id: designed.id },
      latestVersion: '2.1',
    });
    expect(page.office?.used.items.find((u) => u.application.id === used.id)).toMatchObject({
      userCount: 35,
      versionNumber: '2.1',
      designerOrganisation: { code: 'CPAM-33' },
    });
    expect(page.office?.declaredUsers).toBe(35);
    const suggested = names(page.office?.suggestions ?? []);
    expect(suggested).toContain('Gestion des astreintes');
    expect(suggested).not.toContain('Suivi des courriers');
    expect(suggested).not.toContain('Planning des accueils');
    // The four offices that declared it, and its designer (CPAM-34): the sheet is in production.
    expect(page.office?.suggestions.find((s) => s.application.id === popular.id)?.usingOffices).toBe(5);
    // What other roles follow is not the agent's.
    expect(page).toMatchObject({ maintenance: null, decisions: null, network: null });
  });

  it('a developer sees the sheets of their office that need updating, and why', async () => {
    const office = await organisationId(t.db, 'CPAM-42');
    const developer = await signedInAs(t, ['developer'], 'CPAM-42');
    await createSheet(developer, office, { name: 'Fiche à jour', ...complete });
    const bare = await createSheet(developer, office, { name: 'Fiche incomplète', personalData: true });
    const old = await createSheet(developer, office, { name: 'Fiche ancienne', ...complete });
    await t.db
      .update(applications)
      .set({ updatedAt: sql`now() - interval '13 months'` })
      .where(eq(applications.id, old.id));
    // Another office's incomplete sheet is not this developer's to update.
    await createSheet(await signedInAs(t, ['developer'], 'CPAM-43'), await organisationId(t.db, 'CPAM-43'), {
      name: 'Fiche voisine',
    });

    const page = await home(developer);
    expect(page.maintenance).toMatchObject({ total: 3, needingUpdate: 2 });
    expect(page.maintenance?.items.map((i) => [i.application.name, [...i.issues].sort()])).toEqual([
      ['Fiche incomplète', ['missingCnilReference', 'missingLicence', 'missingMaintainer', 'noVersion']],
      ['Fiche ancienne', ['stale']],
    ]);
    expect(page.maintenance?.items[0]?.application.id).toBe(bare.id);
    expect(page.maintenance?.issueCounts).toMatchObject({ stale: 1, noVersion: 1, missingLicence: 1 });
    expect(page).toMatchObject({ office: null, network: null });
  });

  it("a director sees their office's picture and the decisions waiting on them, not another office's", async () => {
    const office = await organisationId(t.db, 'CPAM-51');
    const developer = await signedInAs(t, ['developer'], 'CPAM-51');
    const live = await createSheet(developer, office, { name: 'Tableau de bord accueil', ...complete });
    const retired = await createSheet(developer, office, {
      name: 'Ancien annuaire',
      lifecycleStage: 'retired',
    });
    await declare(await signedInAs(t, ['referent'], 'CPAM-52'), live.id, { userCount: 40 });
    const neighbour = await signedInAs(t, ['developer'], 'CPAM-52');
    const theirs = await createSheet(neighbour, await organisationId(t.db, 'CPAM-52'), {
      name: 'Annuaire voisin',
      lifecycleStage: 'retired',
      ...complete,
    });
    const director = await signedInAs(t, ['officeDirector'], 'CPAM-51');
    await declare(director, theirs.id, { userCount: 25 });

    const page = await home(director);
    expect(page.office?.designed.total).toBe(2);
    expect(page.office?.used).toMatchObject({ total: 1 });
    expect(page.office?.declaredUsers).toBe(25);
    expect(page.decisions).toEqual({
      total: 1,
      items: [
        {
          application: { id: retired.id, code: retired.code, name: 'Ancien annuaire' },
          lifecycle: 'applicationRecord',
          transition: 'archive',
          label: { fr: 'Archiver la fiche', en: 'Archive the sheet' },
          reason: 'retiredStillPublished',
        },
      ],
    });
    expect(page).toMatchObject({ maintenance: null, network: null });
  });

  it('the DDSI sees the network figures, the latest changes on sheets and the certifications to decide', async () => {
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    const before = await home(ddsi);
    const developer = await signedInAs(t, ['developer'], 'CPAM-61');
    const sheet = await createSheet(developer, await organisationId(t.db, 'CPAM-61'), {
      name: 'Homologation en cours',
      ...complete,
    });
    await declare(await signedInAs(t, ['referent'], 'CPAM-63'), sheet.id, { userCount: 12 });
    await certifySheet(t.app, sheet.id, 'inProgress');

    const after = await home(ddsi);
    const network = after.network;
    expect(network?.applications).toBe((before.network?.applications ?? 0) + 1);
    expect(network?.usages).toBe((before.network?.usages ?? 0) + 1);
    expect(network?.declaredUsers).toBe((before.network?.declaredUsers ?? 0) + 12);
    expect(network?.offices.declaring).toBe((before.network?.offices.declaring ?? 0) + 1);
    const [{ n: offices } = { n: 0 }] = await t.db.select({ n: count() }).from(organisations);
    expect(network?.offices.total).toBe(offices);
    const statuses = network?.byStatus ?? [];
    expect(statuses.reduce((sum, s) => sum + s.count, 0)).toBe(network?.applications);
    expect(statuses.find((s) => s.status === 'inProgress')?.count).toBeGreaterThanOrEqual(1);
    expect(network?.byTrack.reduce((sum, s) => sum + s.count, 0)).toBe(network?.applications);
    expect(network?.latestChanges[0]).toMatchObject({
      action: 'application.startCertification',
      application: { id: sheet.id, name: 'Homologation en cours', archived: false },
      organisation: { code: 'CNAM-DDSI' },
    });
    expect(network?.latestChanges.map((c) => c.action)).toContain('usage.declare');
    expect(after.decisions?.items).toContainEqual(
      expect.objectContaining({
        application: expect.objectContaining({ id: sheet.id }),
        transition: 'certify',
        reason: 'certificationInProgress',
      }),
    );
    expect(after).toMatchObject({ office: null, maintenance: null });
  });

  it('the DDO sees the network figures but no decision it may not take', async () => {
    const page = await home(await signedInAs(t, ['operationsDirectorate'], 'CNAM-DDO'));
    expect(page.network?.offices.total).toBeGreaterThan(100);
    expect(page).toMatchObject({ office: null, maintenance: null, decisions: null });
  });

  it('answers 401 without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/home' });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toMatch(/connect/i);
  });
});
