import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/harness.ts';
import {
  declareProject,
  fire,
  type ProjectPeople,
  sponsor,
  startProjectTests,
} from '../../test/project-fixtures.ts';

/** Every transition and guard of a project, per track: allowed and refused, with the status and the French reason. */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

const FORGE = 'https://forge.example.fr/cpam69/conges';
const refusal = (response: { statusCode: number; json(): unknown }) =>
  response.json() as {
    status: number;
    detail: string;
    refusal?: { code: string };
    errors?: { field: string }[];
  };

describe('labelling', () => {
  it('enters development only with an accepted sponsorship and a forge link, and delivers with a report or an audited override', async () => {
    const project = await declareProject(p.developer, { track: 'labelling' });
    expect((await fire(p.developer, project, 'frame')).statusCode).toBe(200);

    const noSponsor = await fire(p.developer, project, 'startDevelopment');
    expect(noSponsor.statusCode).toBe(422);
    expect(refusal(noSponsor).refusal?.code).toBe('sponsorshipRequired');
    expect(refusal(noSponsor).detail).toContain(
      'Un projet en labellisation ne peut pas entrer en développement sans sponsor national accepté',
    );

    await sponsor(p.developer, p.sponsor, project.id, p.ddgos);
    const noForge = await fire(p.developer, project, 'startDevelopment');
    expect(noForge.statusCode).toBe(422);
    expect(refusal(noForge).refusal?.code).toBe('forgeLinkRequired');
    expect(refusal(noForge).detail).toContain('sans lien vers la Forge');

    const read = (await p.developer.get(`/api/projects/${project.id}`)).json();
    expect(
      (await p.developer.patch(`/api/projects/${project.id}`, { version: read.version, forgeUrl: FORGE }))
        .statusCode,
    ).toBe(200);
    const started = await fire(p.developer, project, 'startDevelopment');
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ phase: 'development', sponsorshipAccepted: true });
    expect(started.json().actualDates.development.start).toMatch(/^\d{4}-\d\d-\d\d$/);

    const early = await fire(p.developer, project, 'deliver');
    expect(early.statusCode).toBe(422);
    expect(refusal(early).refusal?.code).toBe('acceptancePhaseRequired');

    expect((await fire(p.developer, project, 'submitForAcceptance')).statusCode).toBe(200);
    const noReport = await fire(p.developer, project, 'deliver');
    expect(noReport.statusCode).toBe(422);
    expect(refusal(noReport).refusal?.code).toBe('acceptanceReportRequired');
    expect(refusal(noReport).detail).toContain(
      "procès-verbal national de recette signé par l'agent comptable national",
    );

    const notAdmin = await fire(p.director, project, 'deliverWithoutReport', { reason: 'PV 2026-12 signé' });
    expect(notAdmin.statusCode).toBe(403);
    expect(refusal(notAdmin).detail).toContain('réservée à : Administrateur');
    const noReason = await fire(p.admin, project, 'deliverWithoutReport');
    expect(noReason.statusCode).toBe(400);
    expect(refusal(noReason).errors?.[0]?.field).toBe('input.reason');

    const delivered = await fire(p.admin, project, 'deliverWithoutReport', {
      reason: 'PV 2026-12 signé le 3 mars',
    });
    expect(delivered.statusCode).toBe(200);
    const body = delivered.json();
    expect(body).toMatchObject({
      phase: 'delivered',
      delivers: 'catalogueSheet',
      acceptanceOverride: { reason: 'PV 2026-12 signé le 3 mars' },
    });
    const sheet = (await p.agent.get(`/api/applications/${body.application.id}`)).json();
    // Linked both ways: the sheet finds its project.
    const ofSheet = (await p.agent.get(`/api/projects?application=${body.application.id}`)).json();
    expect(ofSheet.items.map((i: { id: string }) => i.id)).toEqual([project.id]);
    expect(sheet).toMatchObject({
      name: 'Gestion des congés des agents',
      track: 'labelling',
      lifecycleStage: 'inProduction',
    });
    const audit = (await p.admin.get(`/api/audit-events?targetType=project&targetId=${project.id}`)).json();
    expect(JSON.stringify(audit)).toContain('PV 2026-12 signé le 3 mars');
  });

  it('closes the guard again when the sponsorship is withdrawn', async () => {
    const project = await declareProject(p.developer, { track: 'labelling', forgeUrl: FORGE });
    await fire(p.developer, project, 'frame');
    const accepted = await sponsor(p.developer, p.sponsor, project.id, p.ddgos);
    const withdrawn = await p.sponsor.post(`/api/sponsorship-requests/${accepted.id}/withdrawal`, {
      version: accepted.version,
      rationale: 'Priorités revues.',
    });
    expect(withdrawn.statusCode).toBe(200);
    const refused = await fire(p.developer, project, 'startDevelopment');
    expect(refused.statusCode).toBe(422);
    expect(refusal(refused).refusal?.code).toBe('sponsorshipRequired');
  });
});

describe('homologation', () => {
  it('keeps its declaration date and refuses a development that started before it', async () => {
    const project = await declareProject(p.developer, { track: 'homologation', forgeUrl: FORGE });
    expect(project.homologationDeclaredOn).toBe(new Date().toISOString().slice(0, 10));
    await fire(p.developer, project, 'frame');
    const late = await fire(p.developer, project, 'startDevelopment', { startedOn: '2025-01-06' });
    expect(late.statusCode).toBe(422);
    expect(refusal(late).refusal?.code).toBe('homologationDeclaredLate');
    expect(refusal(late).detail).toContain('application existante — procédure transitoire');
    const noForge = await declareProject(p.developer, { track: 'homologation' });
    await fire(p.developer, noForge, 'frame');
    expect(refusal(await fire(p.developer, noForge, 'startDevelopment')).refusal?.code).toBe(
      'forgeLinkRequired',
    );
    expect((await fire(p.developer, project, 'startDevelopment')).statusCode).toBe(200);
  });

  it('lets an existing application through the transitional procedure, naming its sheet, and updates that sheet on delivery', async () => {
    const sheet = await p.developer.post('/api/applications', {
      name: 'Suivi des indus',
      summary: 'Suivi des indus et de leur recouvrement par les agents.',
      domainCode: 'ressources-humaines',
      designerOrganisationId: p.rhone,
      track: 'nonStandard',
      lifecycleStage: 'inDevelopment',
      hosting: 'officeServer',
    });
    expect(sheet.statusCode).toBe(201);
    const project = await declareProject(p.developer, {
      track: 'homologation',
      forgeUrl: FORGE,
      transitionalProcedure: true,
    });
    await fire(p.developer, project, 'frame');
    const missing = await fire(p.developer, project, 'startDevelopment', { startedOn: '2024-03-01' });
    expect(refusal(missing).refusal?.code).toBe('transitionalApplicationMissing');
    const read = (await p.developer.get(`/api/projects/${project.id}`)).json();
    await p.developer.patch(`/api/projects/${project.id}`, {
      version: read.version,
      transitionalApplicationId: sheet.json().id,
    });
    expect(
      (await fire(p.developer, project, 'startDevelopment', { startedOn: '2024-03-01' })).statusCode,
    ).toBe(200);
    await fire(p.developer, project, 'submitForAcceptance');
    const delivered = await fire(p.admin, project, 'deliverWithoutReport', {
      reason: 'PV transitoire 2018-4',
    });
    expect(delivered.json().application.id).toBe(sheet.json().id);
    const updated = (await p.agent.get(`/api/applications/${sheet.json().id}`)).json();
    expect(updated).toMatchObject({ track: 'homologation', lifecycleStage: 'inProduction' });
  });

  it('cannot be declared once development has started: a change of track to homologation is refused', async () => {
    const project = await declareProject(p.developer, { track: 'nonStandard' });
    await fire(p.developer, project, 'frame');
    await fire(p.developer, project, 'startDevelopment');
    const read = (await p.developer.get(`/api/projects/${project.id}`)).json();
    const response = await p.developer.patch(`/api/projects/${project.id}`, {
      version: read.version,
      track: 'homologation',
    });
    expect(response.statusCode).toBe(422);
    expect(refusal(response).refusal?.code).toBe('homologationDeclaredLate');
    expect(refusal(response).errors?.[0]?.field).toBe('track');
  });
});

describe('non-standard', () => {
  it('can never be marked for AM Cloud or the Store', async () => {
    const declared = await p.developer.post('/api/projects', {
      ...(await import('../../test/project-fixtures.ts')).projectBody(),
      amStore: true,
    });
    expect(declared.statusCode).toBe(422);
    expect(refusal(declared).errors?.[0]?.field).toBe('amStore');
    expect(refusal(declared).detail).toContain(
      "Un projet hors standard ne peut jamais être destiné à l'AM Cloud ni au Store",
    );
    const project = await declareProject(p.developer);
    const patched = await p.developer.patch(`/api/projects/${project.id}`, {
      version: project.version,
      amStore: true,
    });
    expect(patched.statusCode).toBe(422);
  });

  it('goes to development without sponsor or forge and delivers a catalogue sheet from development', async () => {
    const project = await declareProject(p.developer, { title: 'Planning des salles' });
    await fire(p.developer, project, 'frame');
    expect((await fire(p.developer, project, 'startDevelopment')).statusCode).toBe(200);
    const delivered = await fire(p.developer, project, 'deliver');
    expect(delivered.statusCode).toBe(200);
    const sheet = (await p.agent.get(`/api/applications/${delivered.json().application.id}`)).json();
    expect(sheet).toMatchObject({
      name: 'Planning des salles',
      track: 'nonStandard',
      hosting: 'officeServer',
    });
  });
});

describe('national participation', () => {
  it('needs a sponsor and its owning directorate, and delivers into the national information system, not the catalogue', async () => {
    const project = await declareProject(p.director, {
      track: 'nationalParticipation',
      title: 'Refonte du portail national',
    });
    await fire(p.director, project, 'frame');
    expect(refusal(await fire(p.director, project, 'startDevelopment')).refusal?.code).toBe(
      'sponsorshipRequired',
    );
    await sponsor(p.director, p.sponsor, project.id, p.ddgos);
    const noOwner = await fire(p.director, project, 'startDevelopment');
    expect(refusal(noOwner).refusal?.code).toBe('owningDirectorateRequired');
    const read = (await p.director.get(`/api/projects/${project.id}`)).json();
    expect(
      (
        await p.director.patch(`/api/projects/${project.id}`, {
          version: read.version,
          owningDirectorateId: p.ddgos,
        })
      ).statusCode,
    ).toBe(200);
    // The sponsoring directorate is a party.
    expect((await fire(p.sponsor, project, 'startDevelopment')).statusCode).toBe(200);
    const delivered = await fire(p.sponsor, project, 'deliver');
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({
      phase: 'delivered',
      delivers: 'nationalInformationSystem',
      application: null,
    });
  });
});

describe('suspension, abandonment and parties', () => {
  it('suspends with a reason and resumes to the phase it left; abandons with a reason', async () => {
    const project = await declareProject(p.developer);
    await fire(p.developer, project, 'frame');
    await fire(p.developer, project, 'startDevelopment', { startedOn: '2026-01-05' });
    const noReason = await fire(p.developer, project, 'suspend');
    expect(noReason.statusCode).toBe(400);
    expect(refusal(noReason).detail).toContain('Indiquez le motif de la suspension');
    const suspended = await fire(p.developer, project, 'suspend', {
      reason: 'Développeur absent trois mois',
    });
    expect(suspended.json()).toMatchObject({ phase: 'suspended', suspendedFrom: 'development' });
    const resumed = await fire(p.director, project, 'resume');
    expect(resumed.json()).toMatchObject({ phase: 'development', suspendedFrom: null });
    // The development goes on as it started; the suspension has its own dates.
    expect(resumed.json().actualDates.development).toEqual({ start: '2026-01-05', end: null });
    expect(resumed.json().actualDates.suspended.end).toMatch(/^\d{4}-\d\d-\d\d$/);
    const abandoned = await fire(p.director, project, 'abandon', {
      reason: 'Besoin couvert par une application nationale',
    });
    expect(abandoned.json().phase).toBe('abandoned');
    const again = await fire(p.director, project, 'resume');
    expect(again.statusCode).toBe(409);
    expect(refusal(again).refusal?.code).toBe('wrongState');
  });

  it('refuses a director of another office (403, naming who may act), a stale version (409) and a wrong state (409)', async () => {
    const project = await declareProject(p.developer);
    const other = await fire(p.otherDirector, project, 'frame');
    expect(other.statusCode).toBe(403);
    expect(refusal(other).detail).toContain('« Passer au cadrage » est réservée à');
    expect(refusal(other).detail).toContain("Directeur d'organisme de l'organisme porteur");
    const stale = await p.developer.post(`/api/projects/${project.id}/transitions`, {
      action: 'frame',
      version: project.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("Ce projet a été modifié par quelqu'un d'autre");
    const wrong = await fire(p.developer, project, 'deliver');
    expect(wrong.statusCode).toBe(409);
    expect(refusal(wrong).detail).toContain("n'est pas possible dans l'état « Besoin exprimé »");
    expect((await fire(p.director, project, 'frame')).statusCode).toBe(200);
    expect((await fire(p.ddsi, project, 'suspend', { reason: 'Revue DDSI' })).statusCode).toBe(200);
  });

  it('tells each caller on GET which transitions are open, and why the others are not', async () => {
    const project = await declareProject(p.developer, { track: 'labelling' });
    await fire(p.developer, project, 'frame');
    const own = (await p.developer.get(`/api/projects/${project.id}`)).json();
    const start = own.transitions.find((x: { action: string }) => x.action === 'startDevelopment');
    expect(start).toMatchObject({ allowed: false, reason: { kind: 'guard', code: 'sponsorshipRequired' } });
    expect(own.lifecycles[0].state).toBe('framing');
    const other = (await p.otherDirector.get(`/api/projects/${project.id}`)).json();
    const suspend = other.transitions.find((x: { action: string }) => x.action === 'suspend');
    expect(suspend).toMatchObject({ allowed: false, reason: { kind: 'notParty' } });
  });
});
