import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditEvents } from '../../../db/schema.ts';
import { createSheet, sheetBody, uploadFile } from '../../../test/catalog-fixtures.ts';
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

  it('enforces the track rules: certification matches the track, no AM Cloud off the standard', async () => {
    const response = await developer.post(
      '/api/applications',
      sheetBody(rhone, { track: 'nonStandard', certificationStatus: 'labelled', hosting: 'amCloud' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      {
        field: 'certificationStatus',
        message: 'Seule une application de la filière labellisation peut être labellisée.',
      },
      { field: 'hosting', message: "Une application hors standard n'est jamais hébergée sur AM Cloud." },
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

  it('is archived by DELETE: out of the catalogue, kept with its history', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application obsolète du Rhône' });
    expect((await otherDeveloper.request('DELETE', `/api/applications/${sheet.id}`)).statusCode).toBe(403);
    expect((await developer.request('DELETE', `/api/applications/${sheet.id}?version=9`)).statusCode).toBe(
      409,
    );
    expect((await developer.request('DELETE', `/api/applications/${sheet.id}`)).statusCode).toBe(204);
    const search = (q: string) => agent.get(`/api/applications?q=${encodeURIComponent(q)}`);
    expect((await search('obsolète rhône')).json().total).toBe(0);
    expect(
      (await agent.get(`/api/applications?q=obsolete&includeArchived=true`)).json().items[0],
    ).toMatchObject({ archived: true });
    const read = (await agent.get(`/api/applications/${sheet.id}`)).json();
    expect(read.archived).toBe(true);
    expect(
      (await developer.patch(`/api/applications/${sheet.id}`, { version: read.version, name: 'Retour' }))
        .statusCode,
    ).toBe(422);
  });
});

describe('usage by offices', () => {
  it('an office declares, updates and withdraws its use; the designer sees who uses it', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Gestion des réclamations' });
    const url = `/api/applications/${sheet.id}/usages`;
    expect((await agent.post(url, { userCount: 3 })).statusCode).toBe(403);
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
    expect((await otherDeveloper.post(url, { since: '2024-09-01', userCount: 40 })).statusCode).toBe(204);
    expect((await otherDeveloper.post(url, { userCount: 0 })).json().errors).toEqual([
      { field: 'userCount', message: "Le nombre d'utilisateurs est au moins 1." },
    ]);
    const usages = (await developer.get(url)).json();
    expect(usages).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ code: 'CPAM-13' }),
        userCount: 40,
        since: '2024-09-01',
      }),
    ]);
    expect((await otherDeveloper.get(`/api/applications/${sheet.id}`)).json()).toMatchObject({
      usageCount: 1,
      myUsage: { userCount: 40 },
    });
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(204);
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(404);
    expect((await developer.get(`/api/applications/${sheet.id}`)).json().usageCount).toBe(0);
    const actions = (
      await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, sheet.id)).orderBy(auditEvents.id)
    ).map((e) => e.action);
    expect(actions).toEqual(['application.create', 'usage.declare', 'usage.declare', 'usage.withdraw']);
  });
});

function tinyPng() {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const upload = (
  agentOf: Agent,
  applicationId: string,
  kind: string,
  file: { name: string; type: string; content: Buffer },
) => uploadFile(t.app, agentOf, `/api/applications/${applicationId}/attachments`, file, { kind });

describe('screenshots and documents', () => {
  it('stores a file typed by its content and sends it back with safe headers', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application illustrée' });
    const response = await upload(developer, sheet.id, 'screenshot', {
      name: '../../../écran d’accueil.png',
      type: 'text/html',
      content: tinyPng(),
    });
    expect(response.statusCode).toBe(201);
    const attachment = response.json();
    expect(attachment).toMatchObject({
      kind: 'screenshot',
      mediaType: 'image/png',
      fileName: 'écran d’accueil.png',
    });
    const download = await agent.get(`/api/applications/${sheet.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="ecran daccueil.png"; filename*=UTF-8''${encodeURIComponent('écran d’accueil.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.rawPayload.equals(tinyPng())).toBe(true);
    expect((await agent.get(`/api/applications/${sheet.id}`)).json().attachments).toHaveLength(1);
  });

  it('refuses a file whose content is not of an accepted type, an oversized file, another office', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Application sans pièges' });
    const html = await upload(developer, sheet.id, 'screenshot', {
      name: 'capture.png',
      type: 'image/png',
      content: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(422);
    expect(html.json().errors[0]).toEqual({
      field: 'file',
      message: "Une capture d'écran doit être une image PNG, JPEG, WebP ou GIF.",
    });
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(developer, sheet.id, 'document', {
      name: 'gros.png',
      type: 'image/png',
      content: big,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().detail).toBe('Le contenu envoyé est trop volumineux.');
    expect(
      (
        await upload(otherDeveloper, sheet.id, 'document', {
          name: 'a.png',
          type: 'image/png',
          content: tinyPng(),
        })
      ).statusCode,
    ).toBe(403);
    expect((await agent.get(`/api/applications/${sheet.id}`)).json().attachments).toEqual([]);
  });
});
