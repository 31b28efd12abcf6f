import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageDto, ReferentApplicationDto } from '../../../common/schemas/community.ts';
import { auditEvents } from '../../db/schema.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';

let t: TestContext;
let ddsi: Agent;
beforeAll(async () => {
  t = await createTestContext();
  ddsi = (await signUp(t, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).agent;
});
afterAll(() => t.close());

const coverage = async (agent: Agent) => (await agent.get('/api/referents/coverage')).json<CoverageDto>();
const regionOf = (c: CoverageDto, region: string) => c.regions.find((r) => r.region === region);
const motivation = 'Deux développeurs formés, une salle de formation et l’envie de porter la région.';

describe('regional referents', () => {
  it('starts with the nine offices the letter names, and shows the regions without a referent', async () => {
    const reader = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-13' })).agent;
    const c = await coverage(reader);
    const codes = c.regions.flatMap((r) => r.referents.map((x) => x.office.code)).sort();
    expect(codes).toEqual(
      [
        'CPAM-31',
        'CPAM-33',
        'CPAM-35',
        'CPAM-45',
        'CPAM-62-AR',
        'CPAM-63',
        'CPAM-67',
        'CPAM-69',
        'CPAM-93',
      ].sort(),
    );
    expect(regionOf(c, 'auvergne-rhone-alpes')?.referents.map((r) => r.office.code)).toEqual([
      'CPAM-63',
      'CPAM-69',
    ]);
    expect(c.regions.filter((r) => r.referents.length === 0).map((r) => r.region)).toEqual(
      expect.arrayContaining(['normandie', 'bourgogne-franche-comte', 'provence-alpes-cote-d-azur', 'corse']),
    );
    expect(c.regions.some((r) => r.region === ('national' as string))).toBe(false);
    expect(c.covered + c.uncovered).toBe(18);
  });

  it('an office applies for an uncovered region; the DDSI accepts and the office becomes its referent', async () => {
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-14' })).agent;
    const applied = await director.post('/api/referent-applications', { region: 'normandie', motivation });
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json<ReferentApplicationDto>();
    expect(application).toMatchObject({ state: 'pending', office: { code: 'CPAM-14' }, region: 'normandie' });
    expect(application.transitions.find((x) => x.action === 'withdraw')?.allowed).toBe(true);
    expect(application.transitions.find((x) => x.action === 'accept')?.allowed).toBe(false);
    expect(regionOf(await coverage(director), 'normandie')?.pendingApplications).toBe(1);

    const again = await director.post('/api/referent-applications', { region: 'normandie', motivation });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([
      { field: 'region', message: 'Votre organisme a déjà une candidature en attente pour cette région.' },
    ]);

    // Another office's director neither lists it nor reads it; the DDSI does both.
    const other = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-13' })).agent;
    const othersList = (await other.get('/api/referent-applications')).json().items as { id: string }[];
    expect(othersList.map((a) => a.id)).not.toContain(application.id);
    expect((await other.get(`/api/referent-applications/${application.id}`)).statusCode).toBe(403);
    const ddsiList = (await ddsi.get('/api/referent-applications?state=pending')).json().items as {
      id: string;
    }[];
    expect(ddsiList.map((a) => a.id)).toContain(application.id);

    const accepted = await ddsi.post(`/api/referent-applications/${application.id}/transitions`, {
      action: 'accept',
      version: application.version,
      input: { note: 'Bienvenue dans le réseau des référents.' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      state: 'accepted',
      decisionNote: 'Bienvenue dans le réseau des référents.',
    });
    const normandie = regionOf(await coverage(director), 'normandie');
    expect(normandie?.referents.map((r) => r.office.code)).toEqual(['CPAM-14']);
    expect(normandie?.pendingApplications).toBe(0);

    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.targetType, 'referentApplication'), eq(auditEvents.targetId, application.id)),
      );
    expect(events.map((e) => e.action).sort()).toEqual([
      'referentApplication.accept',
      'referentApplication.submit',
    ]);
  });

  it('refuses an application for a covered region, by an agent, or with a bad region, in French', async () => {
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-68' })).agent;
    const covered = await director.post('/api/referent-applications', { region: 'grand-est', motivation });
    expect(covered.statusCode).toBe(422);
    expect(covered.json().errors[0]).toMatchObject({ field: 'region' });
    expect(covered.json().detail).toMatch(/Grand Est a déjà un référent/);

    const national = await director.post('/api/referent-applications', { region: 'national', motivation });
    expect(national.statusCode).toBe(400);
    expect(national.json().errors[0]).toMatchObject({ field: 'region' });
    const short = await director.post('/api/referent-applications', { region: 'corse', motivation: 'Oui' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toEqual({
      field: 'motivation',
      message: 'La motivation compte au moins 10 caractères.',
    });

    const agent = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-68' })).agent;
    expect((await agent.post('/api/referent-applications', { region: 'corse', motivation })).statusCode).toBe(
      403,
    );
  });

  it('the DDSI refuses with a reason; the applicant office alone withdraws', async () => {
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-2A' })).agent;
    const first = (await director.post('/api/referent-applications', { region: 'corse', motivation })).json();
    const noReason = await ddsi.post(`/api/referent-applications/${first.id}/transitions`, {
      action: 'refuse',
      version: first.version,
      input: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toEqual({
      field: 'input.note',
      message: 'Indiquez le motif du refus.',
    });
    const refused = await ddsi.post(`/api/referent-applications/${first.id}/transitions`, {
      action: 'refuse',
      version: first.version,
      input: { note: 'Aucun développeur formé pour le moment.' },
    });
    expect(refused.json()).toMatchObject({
      state: 'refused',
      decisionNote: 'Aucun développeur formé pour le moment.',
    });
    expect(regionOf(await coverage(director), 'corse')?.referents).toEqual([]);

    const second = (
      await director.post('/api/referent-applications', { region: 'corse', motivation })
    ).json();
    const stranger = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-2B' })).agent;
    const foreign = await stranger.post(`/api/referent-applications/${second.id}/transitions`, {
      action: 'withdraw',
      version: second.version,
    });
    expect(foreign.statusCode).toBe(403);
    const withdrawn = await director.post(`/api/referent-applications/${second.id}/transitions`, {
      action: 'withdraw',
      version: second.version,
    });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
  });

  it('the DDSI names and withdraws a referent directly; others may not', async () => {
    const bfc = await organisationId(t.db, 'CPAM-21');
    const developer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-21' })).agent;
    const refused = await developer.post('/api/referents', {
      organisationId: bfc,
      region: 'bourgogne-franche-comte',
    });
    expect(refused.statusCode).toBe(403);

    const named = await ddsi.post('/api/referents', {
      organisationId: bfc,
      region: 'bourgogne-franche-comte',
    });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json()).toMatchObject({ office: { code: 'CPAM-21' }, region: 'bourgogne-franche-comte' });
    const twice = await ddsi.post('/api/referents', {
      organisationId: bfc,
      region: 'bourgogne-franche-comte',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/Cet organisme est déjà référent de cette région\./);
    const nowhere = await ddsi.post('/api/referents', {
      organisationId: '00000000-0000-4000-8000-000000000000',
      region: 'bourgogne-franche-comte',
    });
    expect(nowhere.statusCode).toBe(422);

    expect((await developer.request('DELETE', `/api/referents/${named.json().id}`)).statusCode).toBe(403);
    expect((await ddsi.request('DELETE', `/api/referents/${named.json().id}`)).statusCode).toBe(204);
    expect((await ddsi.request('DELETE', `/api/referents/${named.json().id}`)).statusCode).toBe(404);
    expect(regionOf(await coverage(ddsi), 'bourgogne-franche-comte')?.referents).toEqual([]);
  });
});
