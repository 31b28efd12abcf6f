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
let _ddsi: Agent;
beforeAll(async () => {
  t = await createTestContext();
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], organisationCode: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
  developer = await as(['developer'], 'CPAM-67');
  admin = await as(['admin'], 'CNAM-DDO');
  reader = await as(['agent'], 'CPAM-13');
  _ddsi = await as(['itDirectorate'], 'CNAM-DDSI');
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
    const { data, errors, warnings } = parsePubliccode(response.body);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(data).toMatchObject({
      publiccodeYmlVersion: '0.4',
      name: 'Entretiens annuels',
      url: 'https://forge.assurance-maladie.fr/cpam-67/entretiens',
      softwareVersion: '2.3.0',
      releaseDate: '2026-03-01',
      categories: ['hr'],
      developmentStatus: 'stable',
      organisation: {
        name: 'CPAM du Bas-Rhin',
        uri: expect.stringMatching(new RegExp(`^https?://.+/organismes/${office}$`)),
      },
      legal: { mainCopyrightOwner: 'CPAM du Bas-Rhin' },
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
    features: [Online appointments]
legal:
  license: EUPL-1.2
organisation:
  name: CPAM du Bas-Rhin
  uri: "https://www.ameli.fr/bas-rhin"
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
    expect(response.json()).toMatchObject({ created: 1, updated: 0, errors: [], citedOffices: [] });
    expect(response.json().warnings).toEqual([
      {
        line: 10,
        field: 'usedBy[2]',
        message:
          '« usedBy[2] » (« Mairie de Nulle-Part ») ne correspond à aucun organisme de l’annuaire : il est ignoré.',
      },
    ]);
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

  it('refuses an invalid publiccode.yml with the line and key of each fault, in French; an unknown category only warns', async () => {
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
    features: [Une]
maintenance:
  type: internal
localisation:
  localisationReady: false
  availableLanguages: [fr]
`;
    const before = await countSheets();
    const response = await importFile(developer, 'publiccode.yml', yaml, false);
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        line: 3,
        field: 'url',
        message: '« url » doit être l’adresse d’un dépôt de code (https://, git://, ssh:// ou svn://).',
      },
      {
        line: 11,
        field: 'description.fr.longDescription',
        message: '« description.fr.longDescription » doit compter au moins 150 caractères (il en compte 11).',
      },
      { line: 1, field: 'legal', message: '« legal » est obligatoire.' },
      {
        line: 14,
        field: 'maintenance.contacts',
        message:
          '« maintenance.contacts » est obligatoire quand « maintenance.type » vaut internal ou community.',
      },
    ]);
    expect(response.json().warnings).toEqual([
      {
        line: 5,
        field: 'categories[1]',
        message:
          '« categories[1] » vaut « astrologie », qui n’est pas une catégorie du standard : elle est ignorée.',
      },
    ]);
    expect(await countSheets()).toBe(before);
  });

  it('answers an unreadable YAML, a duplicated key or an alias bomb with a 422 problem in French, at once', async () => {
    const bomb = [
      'publiccodeYmlVersion: "0.4"',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i < 9; i += 1)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const cases = [
      ['publiccodeYmlVersion: "0.4"\nname: [oups\n', 'publiccode.yml', 'ligne 3 : '],
      ['publiccodeYmlVersion: "0.4"\nname: Un\nname: Deux\n', 'name', '« name » est une clé en double'],
      [bomb.join('\n'), 'publiccode.yml', 'alias'],
    ];
    for (const [content, field, message] of cases) {
      const started = performance.now();
      const response = await importFile(developer, 'publiccode.yml', content as string, true);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.json()).toMatchObject({
        status: 422,
        detail: expect.stringMatching(/^Ce publiccode\.yml n’est pas un YAML lisible : /),
        errors: [{ field, message: expect.stringContaining(message as string) }],
      });
    }
    expect((await reader.get('/api/applications?q=x')).statusCode).toBe(200);
  });

  it('keeps the warnings and the country sections of an import in its audit record', async () => {
    const yaml = `publiccodeYmlVersion: "0.2"
name: Registre des astreintes
url: "https://forge.assurance-maladie.fr/cpam-67/registre-astreintes"
platforms: [web]
categories: [hr, astreintes]
developmentStatus: stable
softwareType: standalone/web
description:
  fr:
    genericName: Registre
    shortDescription: Registre des astreintes des équipes techniques.
    longDescription: >
      Le registre des astreintes planifie les semaines d'astreinte des équipes techniques, calcule les
      indemnités, garde la trace des interventions de nuit et prévient les agents par courriel avant leur tour.
    features: [Planning des astreintes]
legal:
  license: EUPL-1.2
  repoOwner: CPAM-67
maintenance:
  type: internal
  contacts: [{ name: Léa Schmitt }]
localisation:
  localisationReady: false
  availableLanguages: [fr]
it:
  piattaforme: { spid: false }
`;
    const response = await importFile(developer, 'publiccode.yml', yaml, false);
    expect(response.json()).toMatchObject({ created: 1, errors: [], written: true });
    const fields = response.json().warnings.map((w: { field: string }) => w.field);
    expect(fields).toEqual(['categories[1]', 'legal.repoOwner', 'description.fr.genericName', 'it']);
    const written = (
      await t.db.select().from(applications).where(eq(applications.name, 'Registre des astreintes'))
    )[0];
    const [audit] = await t.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetId, written?.id as string), eq(auditEvents.action, 'application.import')),
      );
    expect(audit?.after).toMatchObject({
      format: 'publiccode.yml',
      warnings: fields.map((field: string) => expect.objectContaining({ field })),
      countrySections: { it: { piattaforme: { spid: false } } },
    });
  });

  it('imports a "0" file without categories onto an existing sheet, and names the catalogue’s need of a domain for a new one', async () => {
    const office = await organisationId(t.db, 'CPAM-67');
    const sheet = await createSheet(admin, office, {
      name: 'Suivi des formations',
      code: 'FORMATIONS',
      forgeUrl: 'https://forge.assurance-maladie.fr/cpam-67/formations',
    });
    const yaml = (url: string) => `publiccodeYmlVersion: "0"
name: Suivi des formations
url: "${url}"
platforms: web
developmentStatus: stable
softwareType: standalone/web
description:
  fr:
    shortDescription: Inscriptions et suivi des formations des agents.
    longDescription: >
      Le suivi des formations recueille les inscriptions des agents, gère les listes d'attente et les
      convocations, enregistre les présences et produit le bilan annuel de la formation professionnelle.
    features: [Inscriptions]
legal: { license: MIT }
organisation: { name: CPAM du Bas-Rhin, uri: "urn:x-assurance-maladie:cpam-67" }
maintenance: { type: community, contacts: [{ name: Léa Schmitt }] }
localisation:
  localisationReady: false
  availableLanguages: [fr]
`;
    const update = await importFile(
      developer,
      'publiccode.yml',
      yaml('https://forge.assurance-maladie.fr/cpam-67/formations'),
      false,
    );
    expect(update.json()).toMatchObject({ updated: 1, errors: [] });
    expect(update.json().warnings).toEqual([
      expect.objectContaining({ field: 'categories', message: expect.stringContaining('garde le sien') }),
    ]);
    expect((await reader.get(`/api/applications/${sheet.id}`)).json()).toMatchObject({
      domain: { code: 'ressources-humaines' },
      summary: 'Inscriptions et suivi des formations des agents.',
    });
    const create = await importFile(
      developer,
      'publiccode.yml',
      yaml('https://forge.assurance-maladie.fr/cpam-67/formations-bis'),
      true,
    );
    expect(create.json().errors).toEqual([
      expect.objectContaining({ field: 'categories', message: expect.stringContaining('domaine métier') }),
    ]);
  });
});
