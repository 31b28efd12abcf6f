import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents } from '../../../db/schema.ts';
import { createSheet, uploadFile } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../../../test/harness.ts';
import { parsePubliccode } from './publiccode.ts';

let t: TestContext;
let developer: Agent; // CPAM-67
let admin: Agent;
let reader: Agent;
beforeAll(async () => {
  t = await createTestContext();
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], organisationCode: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
  developer = await as(['developer'], 'CPAM-67');
  admin = await as(['admin'], 'CNAM-DDO');
  reader = await as(['agent'], 'CPAM-13');
});
afterAll(() => t.close());

const importFile = (agent: Agent, name: string, content: string, dryRun: boolean) =>
  uploadFile(t.app, agent, `/api/applications/import?dryRun=${dryRun}`, { name, content });
const countSheets = async () => (await t.db.select({ id: applications.id }).from(applications)).length;

describe('publiccode.yml', () => {
  it('exports any sheet as a valid publiccode.yml, which imports back onto the same sheet', async () => {
    const office = await organisationId(t.db, 'CPAM-67');
    const sheet = await createSheet(admin, office, {
      name: 'Entretiens annuels',
      code: 'ENTRETIENS',
      summary: 'Campagne des entretiens annuels, comptes rendus et signatures.',
      forgeUrl: 'https://forge.assurance-maladie.fr/cpam-67/entretiens',
      versions: [{ number: '2.3.0', releasedOn: '2026-03-01', notes: '' }],
      maintainer: { name: 'Claire Durand', email: 'claire.durand@assurance-maladie.fr' },
    });
    const response = await reader.get(`/api/applications/${sheet.id}/publiccode.yml`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8');
    const { data, errors } = parsePubliccode(response.body);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({
      publiccodeYmlVersion: '0.4',
      name: 'Entretiens annuels',
      url: 'https://forge.assurance-maladie.fr/cpam-67/entretiens',
      softwareVersion: '2.3.0',
      releaseDate: '2026-03-01',
      categories: ['hr'],
      developmentStatus: 'stable',
      legal: { repoOwner: 'CPAM du Bas-Rhin' },
      maintenance: {
        type: 'internal',
        contacts: [
          expect.objectContaining({ name: 'Claire Durand', email: 'claire.durand@assurance-maladie.fr' }),
        ],
      },
      dependsOn: { open: expect.arrayContaining([{ name: 'PHP', versionMin: '8.2' }]) },
    });
    expect(data?.description.fr?.longDescription.length).toBeGreaterThanOrEqual(150);

    const edited = response.body.replace('shortDescription: Campagne', 'shortDescription: Nouvelle campagne');
    const back = await importFile(developer, 'publiccode.yml', edited, false);
    expect(back.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await reader.get(`/api/applications/${sheet.id}`)).json()).toMatchObject({
      summary: 'Nouvelle campagne des entretiens annuels, comptes rendus et signatures.',
      track: 'homologation',
      version: 2,
    });
  });

  it('imports a publiccode.yml from elsewhere, mapping what has a home in the sheet', async () => {
    const yaml = `publiccodeYmlVersion: "0.4"
name: Agenda partagé
url: "https://forge.assurance-maladie.fr/cpam-67/agenda"
softwareVersion: "1.2"
releaseDate: "2025-06-30"
platforms: [web]
categories: [appointment-scheduling]
developmentStatus: beta
softwareType: standalone/web
usedBy: [CPAM-13, "CPAM du Haut-Rhin", "Mairie de Nulle-Part"]
description:
  fr:
    shortDescription: Agenda partagé des rendez-vous des conseillers.
    longDescription: >
      Agenda partagé des rendez-vous des conseillers de l'accueil, avec rappels par SMS, statistiques
      de fréquentation et gestion des absences des conseillers pour réaffecter les rendez-vous.
    features: [Rendez-vous en ligne, Rappels SMS]
  en:
    shortDescription: Shared appointment calendar.
    longDescription: Shared appointment calendar for front-desk advisers, with text-message reminders, visit statistics and absence management to reassign appointments when needed.
legal:
  license: EUPL-1.2
  repoOwner: CPAM du Bas-Rhin
maintenance:
  type: internal
  contacts:
    - name: Léa Schmitt
      email: lea.schmitt@assurance-maladie.fr
localisation:
  localisationReady: true
  availableLanguages: [fr, en]
dependsOn:
  open:
    - name: PHP
      versionMin: "8.2"
    - name: PostgreSQL
    - name: Redis
  proprietary:
    - name: SNGI
`;
    // usedBy names two other offices (and a town hall, not in the directory): an administrator's import.
    const response = await importFile(admin, 'publiccode.yml', yaml, false);
    expect(response.json()).toMatchObject({ created: 1, updated: 0, errors: [] });
    const item = (await reader.get('/api/applications?q=agenda%20partag%C3%A9')).json().items[0];
    const sheet = (await reader.get(`/api/applications/${item.id}`)).json();
    expect(sheet).toMatchObject({
      name: 'Agenda partagé',
      summary: 'Agenda partagé des rendez-vous des conseillers.',
      domain: { code: 'relation-client' },
      designerOrganisation: { code: 'CPAM-67' },
      lifecycleStage: 'inDevelopment',
      licence: 'EUPL-1.2',
      forgeUrl: 'https://forge.assurance-maladie.fr/cpam-67/agenda',
      technologies: { php: '8.2', database: 'PostgreSQL', others: ['Redis'] },
      connectors: ['SNGI'],
      maintainer: { name: 'Léa Schmitt', email: 'lea.schmitt@assurance-maladie.fr' },
      versions: [{ number: '1.2', releasedOn: '2025-06-30', notes: '' }],
      usageCount: 2,
    });
    expect(sheet.description).toContain('- Rappels SMS');
  });

  it('refuses an invalid publiccode.yml with the line and key of each fault', async () => {
    const yaml = `publiccodeYmlVersion: "0.4"
name: Incomplet
url: pas-une-url
platforms: [web]
categories: [hr, astrologie]
developmentStatus: stable
softwareType: standalone/web
description:
  fr:
    shortDescription: Trop court ailleurs.
    longDescription: Trop court.
maintenance:
  type: internal
localisation:
  localisationReady: false
  availableLanguages: [fr]
`;
    const before = await countSheets();
    const response = await importFile(developer, 'publiccode.yml', yaml, false);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'url', message: '« url » doit être une adresse (URL).' },
        { line: 5, field: 'categories.1', message: 'Catégorie inconnue du standard publiccode.yml.' },
        {
          line: 11,
          field: 'description.fr.longDescription',
          message: '« longDescription » doit compter au moins 150 caractères selon le standard.',
        },
        { line: 1, field: 'legal', message: '« legal » est obligatoire.' },
        {
          line: 13,
          field: 'maintenance.contacts',
          message: '« maintenance.contacts » est obligatoire quand la maintenance est internal ou community.',
        },
      ]),
    );
    expect(await countSheets()).toBe(before);
    const broken = await importFile(
      developer,
      'publiccode.yml',
      'publiccodeYmlVersion: "0.4"\nname: [oups\n',
      true,
    );
    expect(broken.json().errors[0]).toMatchObject({
      field: 'publiccode.yml',
      message: expect.stringContaining('YAML illisible'),
    });
  });
});

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

  it('from a developer, names their own office only: another office is refused, field by field, in French', async () => {
    const before = await countSheets();
    const refused = await importFile(
      developer,
      'publiccode.yml',
      yamlUsedBy('Astreintes', ['CPAM-13']),
      false,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ written: false, created: 0 });
    expect(refused.json().errors).toEqual([
      {
        line: 1,
        field: 'usedBy',
        message: expect.stringContaining("Vous ne pouvez déclarer l'utilisation que pour votre organisme"),
      },
    ]);
    expect(refused.json().errors[0].message).toContain('CPAM-13');
    expect(await countSheets()).toBe(before);

    const own = await importFile(developer, 'publiccode.yml', yamlUsedBy('Astreintes', ['CPAM-67']), false);
    expect(own.json()).toMatchObject({ created: 1, errors: [] });
    const written = await applicationNamed('Astreintes');
    expect(written?.usageCount).toBe(1);
    const events = await usageAudit(written?.id as string);
    expect(events.filter((e) => e.action === 'usage.declare')).toEqual([
      { action: 'usage.declare', after: expect.objectContaining({ source: 'publiccode.yml' }) },
    ]);
    expect(events.some((e) => e.action === 'application.declareUsage')).toBe(false);
  });

  it('from an administrator, declares the use of other offices, audited as declared for them; counted once', async () => {
    const yaml = yamlUsedBy('Primes et gratifications', ['CPAM-13', 'CPAM-69', 'CPAM-13']);
    const first = await importFile(admin, 'publiccode.yml', yaml, false);
    expect(first.json()).toMatchObject({ created: 1, errors: [] });
    const written = await applicationNamed('Primes et gratifications');
    // The two offices named, and the designer office (CPAM-67), the application being in production.
    expect(written?.usageCount).toBe(3);
    const declared = (await usageAudit(written?.id as string)).filter(
      (e) => e.action === 'application.declareUsage',
    );
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
    const again = await importFile(admin, 'publiccode.yml', yaml, false);
    expect(again.json()).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await applicationNamed('Primes et gratifications'))?.usageCount).toBe(3);
    expect(
      (await usageAudit(written?.id as string)).filter((e) => e.action === 'application.declareUsage'),
    ).toHaveLength(2);
  });
});
