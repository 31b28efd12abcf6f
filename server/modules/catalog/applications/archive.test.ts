import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDto } from '../../../../common/schemas/application.ts';
import type { ApplicationPageDto } from '../../../../common/schemas/application-search.ts';
import { createSheet, designerAndOthers, signedInAs } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let rhone: string;
let developer: Agent; // CPAM-69, writes the sheet
let director: Agent; // CPAM-69
let otherDeveloper: Agent; // CPAM-13
let agent: Agent; // CPAM-13
beforeAll(async () => {
  t = await createTestContext();
  ({ rhone, developer, otherDeveloper, agent } = await designerAndOthers(t));
  director = await signedInAs(t, ['officeDirector'], 'CPAM-69');
});
afterAll(() => t.close());

const fire = (who: Agent, id: string, body: unknown) => who.post(`/api/applications/${id}/transitions`, body);
const list = async (query: string) =>
  (await agent.get(`/api/applications?${query}`)).json() as ApplicationPageDto;

describe('archiving a sheet', () => {
  it('asks for a reason, in French, and keeps it in the history', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Gestion des badges du Rhône' });
    const missing = await fire(developer, sheet.id, { action: 'archive', version: sheet.version });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: 'input.reason', message: "Indiquez le motif de l'archivage." },
    ]);
    const short = await fire(developer, sheet.id, {
      action: 'archive',
      version: sheet.version,
      input: { reason: '  x ' },
    });
    expect(short.json().errors).toEqual([
      { field: 'input.reason', message: "Indiquez le motif de l'archivage (3 caractères au moins)." },
    ]);
    const archived = await fire(developer, sheet.id, {
      action: 'archive',
      version: sheet.version,
      input: { reason: 'Remplacée par la gestion nationale des badges' },
    });
    expect(archived.statusCode).toBe(200);
    const read = archived.json() as ApplicationDto;
    const record = read.lifecycles.find((view) => view.lifecycle === 'applicationRecord');
    expect(record?.reached.at(-1)).toMatchObject({
      state: 'archived',
      transition: 'archive',
      input: [
        {
          label: { fr: "Motif de l'archivage" },
          value: 'Remplacée par la gestion nationale des badges',
        },
      ],
    });
    // The audit trail carries the reason given with the transition, for its readers to see.
    const admin = await signedInAs(t, ['admin'], 'CPAM-69');
    const trail = (
      await admin.get(`/api/audit-events?targetId=${sheet.id}&action=application.archive`)
    ).json();
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0].details).toMatchObject({
      transition: 'archive',
      input: { reason: 'Remplacée par la gestion nationale des badges' },
    });
  });

  it('lists archived sheets alone, with the others, or not at all; an archived sheet is in no stage', async () => {
    const live = await createSheet(developer, rhone, { name: 'Planning des vigiles vivant' });
    const gone = await createSheet(developer, rhone, { name: 'Planning des vigiles ancien' });
    await fire(developer, gone.id, {
      action: 'archive',
      version: gone.version,
      input: { reason: 'Doublon' },
    });

    const only = await list('archived=only');
    expect(only.items.map((item) => item.code)).toContain(gone.code);
    expect(only.items.every((item) => item.archived)).toBe(true);
    expect(only.total).toBe(only.items.length);
    // Declared "in production" before: archived, it is counted in no stage.
    expect(only.facets.lifecycle).toEqual([]);

    const vigiles = (query: string) => list(`q=vigiles&${query}`);
    expect((await vigiles('')).items.map((item) => item.code)).toEqual([live.code]);
    expect((await vigiles('archived=include')).items.map((item) => item.code).sort()).toEqual(
      [live.code, gone.code].sort(),
    );
    expect((await vigiles('archived=only')).items.map((item) => item.code)).toEqual([gone.code]);
    const production = await vigiles('archived=include&lifecycle=inProduction');
    expect(production.items.map((item) => item.code)).toEqual([live.code]);

    const refused = await agent.get('/api/applications?archived=yes');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/fiches archivées vaut include ou only/);
  });

  it('is undone by the same people who may archive: the designer office, not another one', async () => {
    const sheet = await createSheet(developer, rhone, { name: 'Registre des clés' });
    const archived = (
      await fire(developer, sheet.id, {
        action: 'archive',
        version: sheet.version,
        input: { reason: 'Inutile' },
      })
    ).json() as ApplicationDto;
    const seenByOther = (await otherDeveloper.get(`/api/applications/${sheet.id}`)).json() as ApplicationDto;
    expect(seenByOther.transitions.find((x) => x.action === 'restore')).toMatchObject({ allowed: false });
    expect(
      (await fire(otherDeveloper, sheet.id, { action: 'restore', version: archived.version })).statusCode,
    ).toBe(403);
    const restored = await fire(director, sheet.id, { action: 'restore', version: archived.version });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ archived: false, lifecycleStage: 'inProduction' });
    expect((await list('q=registre')).items.map((item) => item.code)).toEqual([sheet.code]);
  });
});
