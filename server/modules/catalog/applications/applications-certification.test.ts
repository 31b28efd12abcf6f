import { and, eq } from 'drizzle-orm';
import Papa from 'papaparse';
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
let developer: Agent; // CPAM-69
let ddsi: Agent;
let agent: Agent;
beforeAll(async () => {
  t = await createTestContext();
  rhone = await organisationId(t.db, 'CPAM-69');
  const as = async (roles: Parameters<typeof createUser>[1]['roles'], organisationCode: string) =>
    login(t.app, (await createUser(t.db, { roles, organisationCode })).email);
  developer = await as(['developer'], 'CPAM-69');
  ddsi = await as(['itDirectorate'], 'CNAM-DDSI');
  agent = await as(['agent'], 'CPAM-13');
});
afterAll(() => t.close());

describe('certification, a lifecycle of its own', () => {
  it('is no longer a field: the form and PATCH are told to use the certification action', async () => {
    const created = await developer.post(
      '/api/applications',
      sheetBody(rhone, { certificationStatus: 'labelled' }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json().errors[0]).toMatchObject({ field: 'certificationStatus' });
    expect(created.json().detail).toContain('Certifier');
    const sheet = await createSheet(developer, rhone);
    expect(sheet.certificationStatus).toBe('none');
    const patched = await ddsi.patch(`/api/applications/${sheet.id}`, {
      version: sheet.version,
      certificationStatus: 'homologated',
    });
    expect(patched.statusCode).toBe(400);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, sheet.id));
    expect(row).toMatchObject({ certificationStatus: 'none', version: sheet.version });
  });

  it('is granted by the national accountant or the DDSI, labelled or homologated by the track, with its grounds audited', async () => {
    const accountant = await login(
      t.app,
      (await createUser(t.db, { roles: ['nationalAccountant'], organisationCode: 'CNAM-DC2R' })).email,
    );
    const sheet = await createSheet(developer, rhone, { track: 'homologation' });
    const seenByDeveloper = (await developer.get(`/api/applications/${sheet.id}`)).json();
    expect(seenByDeveloper.transitions.find((x: { action: string }) => x.action === 'certify')).toMatchObject(
      {
        allowed: false,
        reason: { kind: 'notParty' },
        parties: [{ kind: 'role', label: { fr: 'Agent comptable national (DDFC/DC2R) ou DDSI' } }],
      },
    );
    const fire = (who: Agent, body: unknown) => who.post(`/api/applications/${sheet.id}/transitions`, body);
    expect(
      (await fire(developer, { action: 'certify', version: sheet.version, input: { rationale: 'PV' } }))
        .statusCode,
    ).toBe(403);
    const missing = await fire(accountant, { action: 'certify', version: sheet.version, input: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: 'input.rationale', message: 'Indiquez le fondement de la décision.' },
    ]);
    const future = await fire(accountant, {
      action: 'certify',
      version: sheet.version,
      input: { rationale: 'PV 2099', decidedOn: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([
      { field: 'input.decidedOn', message: 'La date de décision ne peut pas être dans le futur.' },
    ]);
    const certified = await fire(accountant, {
      action: 'certify',
      version: sheet.version,
      input: { rationale: 'Procès-verbal national n° 2026-017', decidedOn: '2026-11-20' },
    });
    expect(certified.statusCode).toBe(200);
    expect(certified.json()).toMatchObject({
      certificationStatus: 'homologated',
      version: sheet.version + 1,
    });
    const again = await fire(ddsi, {
      action: 'certify',
      version: sheet.version + 1,
      input: { rationale: 'Encore' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().refusal.code).toBe('wrongState');
    const facet = (await agent.get('/api/applications?status=homologated&q=conges')).json();
    expect(facet.items.map((i: { id: string }) => i.id)).toContain(sheet.id);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, sheet.id), eq(auditEvents.action, 'application.certify')));
    expect(event).toMatchObject({
      before: { certificationStatus: 'none' },
      after: { certificationStatus: 'homologated' },
      details: {
        from: 'none',
        to: 'homologated',
        input: { rationale: 'Procès-verbal national n° 2026-017', decidedOn: '2026-11-20' },
      },
    });
    const withdrawn = await fire(ddsi, {
      action: 'withdrawCertification',
      version: sheet.version + 1,
      input: { reason: 'Non-conformité constatée' },
    });
    expect(withdrawn.json().certificationStatus).toBe('withdrawn');
  });

  it('refuses to certify an application off the certifying tracks (422 with its code)', async () => {
    const sheet = await createSheet(developer, rhone, { track: 'nonStandard' });
    const offered = (await ddsi.get(`/api/applications/${sheet.id}`)).json();
    expect(offered.transitions.find((x: { action: string }) => x.action === 'certify')).toMatchObject({
      allowed: false,
      reason: { kind: 'guard', code: 'notCertifyingTrack' },
    });
    const refused = await ddsi.post(`/api/applications/${sheet.id}/transitions`, {
      action: 'certify',
      version: sheet.version,
      input: { rationale: 'PV n° 12' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ refusal: { code: 'notCertifyingTrack' } });
    expect(refused.json().detail).toContain('labellisation ou homologation');
  });
});

describe('the one writer of applications', () => {
  it('writes an inventory import as the form does: next version, audited with before and after', async () => {
    const application = await createSheet(developer, rhone, {
      name: 'Planning des astreintes',
      code: 'ASTREINTES-69',
      contributorOrganisationIds: [await organisationId(t.db, 'CPAM-13')],
    });
    // The export of that one application, renamed, imported back.
    const exported = Papa.parse<string[]>(
      (await developer.get('/api/applications/export?format=csv&q=astreintes')).body.replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const [header, ...rows] = exported;
    const row = rows.find((cells) => cells[0] === 'ASTREINTES-69') as string[];
    row[1] = 'Planning des astreintes et permanences';
    const csv = Papa.unparse([header as string[], row], { delimiter: ';' });
    const imported = await uploadFile(t.app, developer, '/api/applications/import', {
      name: 'inventaire.csv',
      type: 'text/csv',
      content: csv,
    });
    expect(imported.json()).toMatchObject({ created: 0, updated: 1, errors: [], written: true });
    expect((await developer.get(`/api/applications/${application.id}`)).json()).toMatchObject({
      name: 'Planning des astreintes et permanences',
      version: 2,
      contributors: [expect.objectContaining({ code: 'CPAM-13' })],
    });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, application.id), eq(auditEvents.action, 'application.update')));
    expect(event?.before).toMatchObject({
      name: 'Planning des astreintes',
      version: 1,
      contributors: ['CPAM-13'],
    });
    expect(event?.after).toMatchObject({
      name: 'Planning des astreintes et permanences',
      version: 2,
      contributors: ['CPAM-13'],
      source: 'import',
    });
  });
});
