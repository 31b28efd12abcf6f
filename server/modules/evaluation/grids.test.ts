import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationDto } from '../../../common/schemas/evaluation.ts';
import {
  type GridContent,
  type GridVersionDto,
  requirementSchema,
} from '../../../common/schemas/evaluation-grid.ts';
import { evaluationGridVersions } from '../../db/schema.ts';
import { uploadFile } from '../../test/catalog-fixtures.ts';
import {
  answer,
  type EvaluationPeople,
  evaluatedProject,
  publishedVersion,
  requirementsOf,
  startEvaluationTests,
} from '../../test/evaluation-fixtures.ts';
import type { Agent, TestContext } from '../../test/harness.ts';
import { readGridWorkbook, writeGridWorkbook } from './grid-xlsx.files.ts';
import { gridToSheets, sheetsToGrid } from './grid-xlsx.ts';

/**
 * Grid versioning through HTTP: a draft copied from the latest version, edited, published; evaluations
 * started before stay on their version. Diff, XLSX round trip, who may do what.
 */
let t: TestContext;
let p: EvaluationPeople;
beforeAll(async () => {
  ({ t, p } = await startEvaluationTests());
}, 90_000);
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const openDraft = async (agent: Agent, kind: string) => {
  const response = await agent.post(`/api/evaluation-grids/${kind}/versions`, { note: 'Révision annuelle' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as GridVersionDto;
};
const publish = (agent: Agent, version: GridVersionDto, note?: string) =>
  agent.post(`/api/evaluation-grid-versions/${version.id}/transitions`, {
    action: 'publish',
    version: version.version,
    ...(note ? { input: { note } } : {}),
  });
const importWorkbook = (agent: Agent, draft: GridVersionDto, content: Buffer) =>
  uploadFile(
    t.app,
    agent,
    `/api/evaluation-grid-versions/${draft.id}/import`,
    { name: 'grille.xlsx', type: XLSX, content },
    { version: String(draft.version) },
  );

describe('grid versions', () => {
  it('publishing a new version never changes an evaluation started on the older one', async () => {
    const { evaluation: before } = await evaluatedProject(p.developer, 'homologation');
    const answered = await answer(p.developer, before, 'TEC-04', { status: 'met', links: [] });
    const v1 = await publishedVersion(p.ddsi, 'homologation');

    const draft = await openDraft(p.ddsi, 'homologation');
    expect(draft).toMatchObject({
      number: v1.number + 1,
      state: 'draft',
      content: v1.content,
      can: { edit: true },
    });
    // The DDSI rewrites a requirement, removes one and adds one; the draft moves at the version read.
    const content: GridContent = structuredClone(draft.content);
    const tec = content.sections.find((s) => s.code === 'TEC');
    if (!tec) throw new Error('no TEC section');
    tec.requirements = tec.requirements.filter((r) => r.code !== 'TEC-04');
    const tec02 = tec.requirements.find((r) => r.code === 'TEC-02');
    if (tec02)
      tec02.text =
        "La configuration de l'environnement est lue dans des variables d'environnement ou des secrets de la plateforme.";
    tec.requirements.push({
      code: 'TEC-05',
      text: "L'application démarre en moins de trente secondes sur la plateforme de recette.",
      tracks: ['homologation'],
      level: 'recommended',
      evidence: 'Journal de démarrage.',
      verification: 'test',
    });
    const edited = await p.ddsi.patch(`/api/evaluation-grid-versions/${draft.id}`, {
      version: draft.version,
      content,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (await p.ddsi.patch(`/api/evaluation-grid-versions/${draft.id}`, { version: draft.version, note: 'x' }))
        .statusCode,
    ).toBe(409);

    // Developers see no draft; the owners do.
    const seen = (agent: Agent) =>
      agent.get('/api/evaluation-grids').then((r) =>
        r
          .json()
          .items.find((g: { kind: string }) => g.kind === 'homologation')
          .versions.map((v: { number: number }) => v.number),
      );
    expect(await seen(p.developer)).toEqual([v1.number]);
    expect(await seen(p.ddsi)).toEqual([draft.number, v1.number]);
    expect((await p.developer.get(`/api/evaluation-grid-versions/${draft.id}`)).statusCode).toBe(403);

    // Only the owners publish.
    const current = edited.json() as GridVersionDto;
    expect((await publish(p.developer, current)).statusCode).toBe(403);
    const published = await publish(p.ddsi, current, 'TEC-04 retirée, TEC-05 ajoutée.');
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      state: 'published',
      note: 'TEC-04 retirée, TEC-05 ajoutée.',
      lifecycle: { state: 'published' },
    });
    expect((await p.developer.get(`/api/evaluation-grid-versions/${v1.id}`)).json()).toMatchObject({
      state: 'superseded',
      evaluationCount: expect.any(Number),
    });

    // The evaluation started before stays on v1: same requirements, same texts, its answer kept.
    const after = (await p.developer.get(`/api/evaluations/${before.id}`)).json() as EvaluationDto;
    expect(after.grid).toMatchObject({ number: v1.number, newerPublishedNumber: draft.number });
    expect(after.sections).toEqual(answered.sections);
    expect(requirementsOf(after).map((r) => r.code)).toContain('TEC-04');
    // A new one starts on v2.
    const { evaluation: fresh } = await evaluatedProject(p.developer, 'homologation', {
      title: 'Projet évalué après la révision',
    });
    expect(fresh.grid).toMatchObject({ number: draft.number, newerPublishedNumber: null });
    expect(requirementsOf(fresh).map((r) => r.code)).toContain('TEC-05');
    expect(requirementsOf(fresh).map((r) => r.code)).not.toContain('TEC-04');

    // The diff between the two versions.
    const diff = await p.developer.get(`/api/evaluation-grid-versions/${draft.id}/diff?from=${v1.id}`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(
      diff
        .json()
        .requirements.map((r: { code: string; change: string; fields: string[] }) => [
          r.code,
          r.change,
          r.fields,
        ]),
    ).toEqual([
      ['TEC-02', 'changed', ['text']],
      ['TEC-05', 'added', []],
      ['TEC-04', 'removed', []],
    ]);
    const other = await publishedVersion(p.developer, 'labelling');
    expect(
      (await p.developer.get(`/api/evaluation-grid-versions/${draft.id}/diff?from=${other.id}`)).statusCode,
    ).toBe(422);

    // A published version is frozen: the API refuses, and so does the database.
    expect(
      (
        await p.ddsi.patch(`/api/evaluation-grid-versions/${draft.id}`, {
          version: published.json().version,
          note: 'Après coup',
        })
      ).statusCode,
    ).toBe(409);
    await expect(
      t.db
        .update(evaluationGridVersions)
        .set({ content: sql`jsonb_set(content, '{sections}', '[]')` })
        .where(eq(evaluationGridVersions.id, v1.id)),
    ).rejects.toThrow();
  });

  it('opens one draft at a time, and does not publish a grid without requirements', async () => {
    const draft = await openDraft(p.accountant, 'labelling');
    expect((await p.ddsi.post('/api/evaluation-grids/labelling/versions', {})).statusCode).toBe(409);
    expect((await p.developer.post('/api/evaluation-grids/labelling/versions', {})).statusCode).toBe(403);
    const emptied = await p.accountant.patch(`/api/evaluation-grid-versions/${draft.id}`, {
      version: draft.version,
      content: { ...draft.content, sections: [] },
    });
    expect(emptied.statusCode, emptied.body).toBe(200);
    const refused = await publish(p.accountant, emptied.json());
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ refusal: { code: 'emptyGrid' } });
    const duplicate = structuredClone(draft.content);
    duplicate.sections[1]?.requirements.push({
      ...(duplicate.sections[0]?.requirements[0] as GridContent['sections'][number]['requirements'][number]),
    });
    const twice = await p.accountant.patch(`/api/evaluation-grid-versions/${draft.id}`, {
      version: emptied.json().version,
      content: duplicate,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toMatch(/^content\.sections\.1\.requirements\.\d+\.code$/);
  });
});

describe('XLSX', () => {
  it('round-trips every seed grid through the workbook, in a worker thread', async () => {
    for (const kind of ['labelling', 'homologation', 'transitional']) {
      const version = await publishedVersion(p.developer, kind);
      const bytes = await writeGridWorkbook(gridToSheets(version.content));
      const sheets = await readGridWorkbook(bytes);
      if (typeof sheets === 'string') throw new Error(sheets);
      expect(sheetsToGrid(sheets)).toEqual({ content: version.content, errors: [] });
    }
  });

  it('exports a version and imports it into a draft, refusing a workbook with errors line by line', async () => {
    const v = await publishedVersion(p.developer, 'transitional');
    const exported = await p.developer.get(`/api/evaluation-grid-versions/${v.id}/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    expect(exported.headers['content-disposition']).toContain(`grille-transitional-v${v.number}.xlsx`);

    const draft = await openDraft(p.ddsi, 'transitional');
    const emptied = (
      await p.ddsi.patch(`/api/evaluation-grid-versions/${draft.id}`, {
        version: draft.version,
        content: { ...draft.content, sections: [] },
      })
    ).json() as GridVersionDto;
    const imported = await importWorkbook(p.ddsi, emptied, exported.rawPayload);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((imported.json() as GridVersionDto).content).toEqual(v.content);

    // A workbook with a wrong level and a wrong track: 422, each error with its sheet and line, nothing written.
    const sheets = gridToSheets(v.content);
    const rows = sheets[0]?.rows ?? [];
    if (rows[1]) rows[1][6] = 'Indispensable';
    if (rows[2]) rows[2][5] = 'Hors standard';
    const current = imported.json() as GridVersionDto;
    const refused = await importWorkbook(p.ddsi, current, await writeGridWorkbook(sheets));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'Exigences:3:Niveau',
      'Exigences:4:Filières',
    ]);
    expect(refused.json().detail).toMatch(/feuille « Exigences », ligne 3/);
    expect((await p.ddsi.get(`/api/evaluation-grid-versions/${draft.id}`)).json().version).toBe(
      current.version,
    );

    const notXlsx = await importWorkbook(p.ddsi, current, Buffer.from('pas un classeur'));
    expect(notXlsx.statusCode).toBe(422);
    expect((await importWorkbook(p.developer, current, exported.rawPayload)).statusCode).toBe(403);
  });
});

describe('links from requirements to the good-practice referential', () => {
  it('links the seed requirements to the referential pages that exist, by their address', async () => {
    await t.db.execute(
      sql`INSERT INTO referential_pages (slug, category, title)
          VALUES ('niveaux-de-conformite-psram', 'psram', 'Niveaux de conformité PSRAM')
          ON CONFLICT DO NOTHING`,
    );
    const published = await publishedVersion(p.developer, 'labelling');
    const read = (await p.developer.get(`/api/evaluation-grid-versions/${published.id}`)).json();
    const named = (read as GridVersionDto).content.sections
      .flatMap((s) => s.requirements)
      .filter((r) => r.referentialPage)
      .map((r) => [r.code, r.referentialPage]);
    expect(named).toContainEqual(['PAT-02', 'niveaux-de-conformite-psram']);
    // Only the page that exists here is linked (the others are named, and linked once written).
    expect(read.referentialPages).toEqual([
      { slug: 'niveaux-de-conformite-psram', title: 'Niveaux de conformité PSRAM' },
    ]);
  });

  it('refuses a page named otherwise than by its address, in French', () => {
    const requirement = {
      code: 'PAT-09',
      text: 'Le code respecte les normes PSRAM du réseau.',
      tracks: ['labelling'],
      level: 'mandatory',
      evidence: 'Rapport de l’usine logicielle.',
      verification: 'audit',
    };
    expect(requirementSchema.safeParse({ ...requirement, referentialPage: 'revue-de-code' }).success).toBe(
      true,
    );
    const refused = requirementSchema.safeParse({ ...requirement, referentialPage: 'Revue de code' });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['referentialPage', "La page du référentiel s'écrit comme son adresse (ex. revue-de-code-et-fusion)."],
    ]);
  });
});
