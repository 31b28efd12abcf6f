import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents } from '../../../db/schema.ts';
import { uploadFile } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../../../test/harness.ts';

let t: TestContext;
let developer: Agent; // CPAM-67
let admin: Agent;
let reader: Agent;
let ddsi: Agent;
beforeAll(async () => {
  t = await createTestContext();
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], organisationCode: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
  developer = await as(['developer'], 'CPAM-67');
  admin = await as(['admin'], 'CNAM-DDO');
  reader = await as(['agent'], 'CPAM-13');
  ddsi = await as(['itDirectorate'], 'CNAM-DDSI');
});
afterAll(() => t.close());

const importFile = (agent: Agent, name: string, content: string, dryRun: boolean) =>
  uploadFile(t.app, agent, `/api/applications/import?dryRun=${dryRun}`, { name, content });
const countSheets = async () => (await t.db.select({ id: applications.id }).from(applications)).length;

describe('usedBy in a publiccode.yml', () => {
  const yamlUsedBy = (name: string, usedBy: string[]) => `publiccodeYmlVersion: "0.4"
name: ${name}
url: "https://forge.assurance-maladie.fr/cpam-67/${name.toLowerCase().replace(/\W+/g, '-')}"
platforms: [web]
categories: [hr]
developmentStatus: stable
softwareType: standalone/web
usedBy: [${usedBy.join(', ')}]
description:
  fr:
    shortDescription: ${name}, pour les équipes des ressources humaines.
    longDescription: >
      ${name} : une application des ressources humaines de la CPAM du Bas-Rhin, avec le suivi des demandes,
      les validations par les managers et les exports pour le pilotage des effectifs de l'organisme.
    features: [Suivi des demandes]
legal:
  license: EUPL-1.2
  repoOwner: CPAM-67
maintenance:
  type: internal
  contacts:
    - name: Léa Schmitt
localisation:
  localisationReady: false
  availableLanguages: [fr]
`;
  const usageAudit = (applicationId: string) =>
    t.db
      .select({ action: auditEvents.action, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, applicationId), eq(auditEvents.targetType, 'application')));
  const applicationNamed = async (name: string) =>
    (await t.db.select().from(applications).where(eq(applications.name, name)))[0];

  it('from a developer, declares their own office only and lists the other offices named, without refusing', async () => {
    const refusedBefore = await countSheets();
    const response = await importFile(
      developer,
      'publiccode.yml',
      yamlUsedBy('Astreintes', ['CPAM-67', 'CPAM-13', '"CPAM du Rhône"']),
      false,
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, errors: [], written: true });
    expect(response.json().citedOffices).toEqual([
      { id: await organisationId(t.db, 'CPAM-13'), code: 'CPAM-13', name: 'CPAM des Bouches-du-Rhône' },
      { id: await organisationId(t.db, 'CPAM-69'), code: 'CPAM-69', name: 'CPAM du Rhône' },
    ]);
    expect(await countSheets()).toBe(refusedBefore + 1);
    const written = await applicationNamed('Astreintes');
    expect(written?.usageCount).toBe(1);
    const usages = (await reader.get(`/api/applications/${written?.id}/usages`)).json();
    expect(usages.map((u: { organisation: { code: string } }) => u.organisation.code)).toEqual(['CPAM-67']);
    const events = await usageAudit(written?.id as string);
    expect(events.filter((e) => e.action === 'usage.declare')).toEqual([
      { action: 'usage.declare', after: expect.objectContaining({ source: 'publiccode.yml' }) },
    ]);
    expect(events.find((e) => e.action === 'application.import')?.after).toMatchObject({
      citedOffices: ['CPAM-13', 'CPAM-69'],
    });
  });

  it.each([
    ['an administrator', () => admin, 'Primes et gratifications'],
    ['the DDSI', () => ddsi, 'Frais de mission'],
  ])(
    'from %s, declares the use of every office named, each audited as usage.declare; counted once',
    async (_who, agent, name) => {
      const yaml = yamlUsedBy(name, ['CPAM-13', 'CPAM-69', 'CPAM-13']);
      const first = await importFile(agent(), 'publiccode.yml', yaml, false);
      expect(first.json()).toMatchObject({ created: 1, errors: [], citedOffices: [] });
      const written = await applicationNamed(name);
      // The two offices named, and the designer office (CPAM-67), the application being in production.
      expect(written?.usageCount).toBe(3);
      const declared = (await usageAudit(written?.id as string)).filter((e) => e.action === 'usage.declare');
      expect(
        declared.map((e) => (e.after as { declaredFor: { code: string } }).declaredFor.code).sort(),
      ).toEqual(['CPAM-13', 'CPAM-69']);
      const usages = (await reader.get(`/api/applications/${written?.id}/usages`)).json();
      expect(usages.map((u: { organisation: { code: string } }) => u.organisation.code).sort()).toEqual([
        'CPAM-13',
        'CPAM-67',
        'CPAM-69',
      ]);

      // The same file again: an update of the application, no second usage, the count unchanged.
      const again = await importFile(agent(), 'publiccode.yml', yaml, false);
      expect(again.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
      expect((await applicationNamed(name))?.usageCount).toBe(3);
      expect(
        (await usageAudit(written?.id as string)).filter((e) => e.action === 'usage.declare'),
      ).toHaveLength(2);
    },
  );
});
