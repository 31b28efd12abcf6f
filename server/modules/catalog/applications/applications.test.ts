import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents } from '../../../db/schema.ts';
import { createSheet, sheetBody } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../../../test/harness.ts';

let t: TestContext;
let rhone: string;
let marseille: string;
let developer: Agent; // CPAM-69
let director: Agent; // CPAM-69
let otherDeveloper: Agent; // CPAM-13
let ddsi: Agent;
let agent: Agent;
beforeAll(async () => {
  t = await createTestContext();
  rhone = await organisationId(t.db, 'CPAM-69');
  marseille = await organisationId(t.db, 'CPAM-13');
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], organisationCode: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
  developer = await as(['developer'], 'CPAM-69');
  director = await as(['officeDirector'], 'CPAM-69');
  otherDeveloper = await as(['developer'], 'CPAM-13');
  ddsi = await as(['itDirectorate'], 'CNAM-DDSI');
  agent = await as(['agent'], 'CPAM-13');
});
afterAll(() => t.close());

const countApplications = async () => (await t.db.select().from(applications)).length;

describe('an application sheet', () => {
  it('is declared by a developer of the designer office, with a generated code, audited', async () => {
    const response = await developer.post('/api/applications', sheetBody(rhone, { name: 'Suivi des indus' }));
    expect(response.statusCode).toBe(201);
    const sheet = response.json();
    expect(sheet).toMatchObject({
      code: 'SUIVI-DES-INDUS',
      version: 1,
      designerOrganisation: { code: 'CPAM-69' },
      domain: { code: 'ressources-humaines', label: 'Ressources humaines' },
      technologyTags: ['PHP 8.2', 'Symfony 6.4', 'Starter Kit 3.1', 'PSRAM 2.0', 'PostgreSQL'],
      can: { update: true, declareUsage: true },
      createdBy: { displayName: expect.any(String) },
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sheet.id), eq(auditEvents.action, 'application.create')));
    expect(event?.after).toMatchObject({ name: 'Suivi des indus', code: 'SUIVI-DES-INDUS' });
    // The same name again gets another code, never a clash.
    expect((await createSheet(developer, rhone, { name: 'Suivi des indus' })).code).toBe('SUIVI-DES-INDUS-2');
  });

  it('renders its Markdown description without raw HTML or script links', async () => {
    const sheet = await createSheet(developer, rhone, {
      name: 'Application piégée',
      description:
        '# Titre\n\n<script>alert(1)</script> [clic](javascript:alert(1)) [doc](https://doc.example.fr)',
    });
    const html = (await agent.get(`/api/applications/${sheet.id}`)).json().descriptionHtml as string;
    expect(html).toContain('<h1>Titre</h1>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain(
      'href="https://doc.example.fr" rel="noopener noreferrer nofollow" target="_blank"',
    );
  });

  it('cannot be declared for another office, nor by an agent', async () => {
    const before = await countApplications();
    expect((await otherDeveloper.post('/api/applications', sheetBody(rhone))).statusCode).toBe(403);
    expect((await agent.post('/api/applications', sheetBody(marseille))).statusCode).toBe(403);
    expect(await countApplications()).toBe(before);
    expect(
      (await ddsi.post('/api/applications', sheetBody(marseille, { name: 'Outil DDSI' }))).statusCode,
    ).toBe(201);
  });

  it('refuses bad input field by field, in French, and writes nothing', async () => {
    const before = await countApplications();
    const response = await developer.post(
      '/api/applications',
      sheetBody(rhone, {
        summary: 'x'.repeat(201),
        forgeUrl: 'forge interne',
        lifecycleStage: 'enProd',
        code: 'minuscules',
      }),
    );
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'summary', message: 'La description courte est limitée à 200 caractères.' },
        {
          field: 'forgeUrl',
          message: "L'adresse de la forge doit être une adresse web commençant par http:// ou https://.",
        },
        { field: 'lifecycleStage', message: 'Étape du cycle de vie inconnue.' },
      ]),
    );
    expect(problem.errors.map((e: { field: string }) => e.field)).not.toContain('name');
    expect(await countApplications()).toBe(before);
  });

  it('enforces the track rules: no AM Cloud off the standard, a certified sheet keeps its track', async () => {
    const response = await developer.post(
      '/api/applications',
      sheetBody(rhone, { track: 'nonStandard', hosting: 'amCloud' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'hosting', message: "Une application hors standard n'est jamais hébergée sur AM Cloud." },
    ]);
    const labelled = await createSheet(developer, rhone, {
      track: 'labelling',
      certificationStatus: 'labelled',
    });
    const moved = await developer.patch(`/api/applications/${labelled.id}`, {
      version: labelled.version,
      track: 'nonStandard',
    });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toEqual([
      {
        field: 'track',
        message:
          "L'application est labellisée : elle reste dans la filière labellisation tant que sa certification n'est pas retirée.",
      },
    ]);
    const unknownDomain = await developer.post(
      '/api/applications',
      sheetBody(rhone, { domainCode: 'astrologie' }),
    );
    expect(unknownDomain.json().errors).toEqual([
      { field: 'domainCode', message: 'Domaine métier inconnu : astrologie.' },
    ]);
  });
});

describe('editing a sheet', () => {
  it('changes only the given fields and moves the version; a stale version gets 409 and changes nothing', async () => {
    const sheet = await createSheet(developer, rhone, {
      name: 'Planning des astreintes',
      versions: [{ number: '1.0', releasedOn: '2025-01-10', notes: 'Première' }],
      contributorOrganisationIds: [marseille],
    });
    const edited = await director.patch(`/api/applications/${sheet.id}`, {
      version: 1,
      summary: 'Planning des astreintes techniques et des permanences.',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      summary: 'Planning des astreintes techniques et des permanences.',
      description: sheet.description,
      versions: [{ number: '1.0', releasedOn: '2025-01-10', notes: 'Première' }],
      contributors: [{ code: 'CPAM-13' }],
    });
    const stale = await developer.patch(`/api/applications/${sheet.id}`, { version: 1, name: 'Écrasement' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("modifiée par quelqu'un d'autre");
    expect((await agent.get(`/api/applications/${sheet.id}`)).json()).toMatchObject({
      name: 'Planning des astreintes',
      version: 2,
    });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sheet.id), eq(auditEvents.action, 'application.update')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ summary: sheet.summary });
  });

  it('belongs to the designer office, the DDSI and admins', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Outil du Rhône' });
    expect(
      (await otherDeveloper.patch(`/api/applications/${sheet.id}`, { version: 1, name: 'Pris' })).statusCode,
    ).toBe(403);
    expect(
      (await agent.patch(`/api/applications/${sheet.id}`, { version: 1, name: 'Pris' })).statusCode,
    ).toBe(403);
    expect(
      (await ddsi.patch(`/api/applications/${sheet.id}`, { version: 1, maturityLevel: 4 })).json(),
    ).toMatchObject({ maturityLevel: 4, version: 2 });
    // Moving a sheet to an office one does not belong to is refused.
    expect(
      (
        await developer.patch(`/api/applications/${sheet.id}`, {
          version: 2,
          designerOrganisationId: marseille,
        })
      ).statusCode,
    ).toBe(403);
    const readByOther = (await otherDeveloper.get(`/api/applications/${sheet.id}`)).json();
    expect(readByOther.can).toEqual({ update: false, declareUsage: true });
  });

  it('is archived and restored through its lifecycle: out of the catalogue, kept with its history', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application obsolète du Rhône' });
    const fire = (who: Agent, body: unknown) => who.post(`/api/applications/${sheet.id}/transitions`, body);
    const offered = (await otherDeveloper.get(`/api/applications/${sheet.id}`)).json();
    expect(offered.transitions.find((x: { action: string }) => x.action === 'archive')).toMatchObject({
      allowed: false,
      reason: { kind: 'notParty' },
      parties: expect.arrayContaining([
        {
          kind: 'developerOf',
          label: expect.objectContaining({ fr: "Développeur de l'organisme concepteur (CPAM du Rhône)" }),
        },
      ]),
    });
    expect((await fire(otherDeveloper, { action: 'archive', version: sheet.version })).statusCode).toBe(403);
    expect((await fire(developer, { action: 'archive', version: 9 })).statusCode).toBe(409);
    const archived = await fire(developer, {
      action: 'archive',
      version: sheet.version,
      input: { reason: 'Remplacée par la version nationale' },
    });
    expect(archived.statusCode).toBe(200);
    expect(archived.json()).toMatchObject({ archived: true, version: sheet.version + 1 });
    expect(
      archived.json().lifecycles.find((l: { lifecycle: string }) => l.lifecycle === 'applicationRecord'),
    ).toMatchObject({
      state: 'archived',
      reached: [{ state: 'published' }, { state: 'archived' }],
    });
    const search = (q: string) => agent.get(`/api/applications?q=${encodeURIComponent(q)}`);
    expect((await search('obsolète rhône')).json().total).toBe(0);
    expect((await agent.get(`/api/applications?q=obsolete&archived=include`)).json().items[0]).toMatchObject({
      archived: true,
    });
    const read = (await agent.get(`/api/applications/${sheet.id}`)).json();
    expect(read.archived).toBe(true);
    expect(
      (await developer.patch(`/api/applications/${sheet.id}`, { version: read.version, name: 'Retour' }))
        .statusCode,
    ).toBe(422);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sheet.id), eq(auditEvents.action, 'application.archive')));
    expect(event?.details).toMatchObject({ input: { reason: 'Remplacée par la version nationale' } });
    expect((await fire(director, { action: 'restore', version: read.version })).statusCode).toBe(200);
    expect((await search('obsolète rhône')).json().total).toBe(1);
    expect(
      (await developer.request('DELETE', `/api/applications/${sheet.id}`)).statusCode,
      'archiving is a transition, not a DELETE',
    ).toBe(404);
  });
});
