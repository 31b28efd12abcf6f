import { and, eq, max } from 'drizzle-orm';
import type { GridKind } from '../../common/evaluation/vocabulary.ts';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { SEED_GRIDS } from '../db/reference/load-evaluation-grids.ts';
import {
  evaluationAnswers,
  evaluationEvidenceFiles,
  evaluationGrids,
  evaluationGridVersions,
  evaluations,
  projectOffices,
  projects,
} from '../db/schema.ts';
import type { AttachmentFiles } from '../lib/attachment-files.ts';
import { writeGridWorkbook } from '../modules/evaluation/grid-xlsx.files.ts';
import { gridToSheets } from '../modules/evaluation/grid-xlsx.ts';
import type { Cell, Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { projectBody } from './project-fixtures.ts';

/**
 * The grids' and evaluations' rows of the authorization matrix. An evaluation of the "own" office is of a
 * labelling project held and developed by the caller's office (CPAM-67); of the "other" office, CPAM-13.
 */
export interface EvaluationFixtures {
  /** A labelling project without an evaluation yet. */
  project(scope: Scope): Promise<string>;
  /** The evaluation of a fresh labelling project, with an answer to PAT-01 (a DDSI item) if asked. */
  evaluation(scope: Scope, answered?: boolean): Promise<string>;
  /** A PDF given as evidence for PAT-01 of the evaluation. */
  evidence(evaluationId: string): Promise<string>;
  /** The published version of a grid. */
  published(kind: GridKind): Promise<string>;
  /** Removes the draft of a grid, if any. */
  withoutDraft(kind: GridKind): Promise<void>;
  /** A fresh draft of a grid (any earlier draft removed), at version 1. */
  draft(kind: GridKind): Promise<string>;
  /** The workbook of the seed labelling grid. */
  workbook(): Promise<Buffer>;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export function evaluationFixtures(
  db: Database,
  files: AttachmentFiles,
  officeId: Record<Scope, string>,
): EvaluationFixtures {
  const one = async <T>(rows: Promise<T[]>) => {
    const [row] = await rows;
    if (!row) throw new Error('matrix row not inserted');
    return row;
  };
  const gridOf = async (kind: GridKind) =>
    (await one(db.select().from(evaluationGrids).where(eq(evaluationGrids.kind, kind)))).id;
  let workbook: Promise<Buffer> | undefined;
  const fixtures: EvaluationFixtures = {
    async project(scope) {
      const { id } = await one(
        db
          .insert(projects)
          .values({
            ...projectBody({ track: 'labelling' }),
            holderOrganisationId: officeId[scope],
          } as typeof projects.$inferInsert)
          .returning({ id: projects.id }),
      );
      await db
        .insert(projectOffices)
        .values({ projectId: id, organisationId: officeId[scope], role: 'developer' });
      return id;
    },
    async evaluation(scope, answered = false) {
      const projectId = await fixtures.project(scope);
      const { id } = await one(
        db
          .insert(evaluations)
          .values({ projectId, gridVersionId: await fixtures.published('labelling'), track: 'labelling' })
          .returning({ id: evaluations.id }),
      );
      if (answered)
        await db
          .insert(evaluationAnswers)
          .values({ evaluationId: id, requirementCode: 'PAT-01', status: 'met' });
      return id;
    },
    async evidence(evaluationId) {
      const answer = await one(
        db
          .select({ id: evaluationAnswers.id })
          .from(evaluationAnswers)
          .where(
            and(
              eq(evaluationAnswers.evaluationId, evaluationId),
              eq(evaluationAnswers.requirementCode, 'PAT-01'),
            ),
          ),
      );
      const { id } = await one(
        db
          .insert(evaluationEvidenceFiles)
          .values({
            answerId: answer.id,
            kind: 'document',
            fileName: 'preuve.pdf',
            mediaType: 'application/pdf',
            size: PDF.length,
            sha256: 'matrice',
          })
          .returning({ id: evaluationEvidenceFiles.id }),
      );
      await files.write(id, PDF);
      return id;
    },
    async published(kind) {
      const row = await one(
        db
          .select({ id: evaluationGridVersions.id })
          .from(evaluationGridVersions)
          .where(
            and(
              eq(evaluationGridVersions.gridId, await gridOf(kind)),
              eq(evaluationGridVersions.state, 'published'),
            ),
          ),
      );
      return row.id;
    },
    async withoutDraft(kind) {
      const gridId = await gridOf(kind);
      await db
        .delete(evaluationGridVersions)
        .where(and(eq(evaluationGridVersions.gridId, gridId), eq(evaluationGridVersions.state, 'draft')));
    },
    async draft(kind) {
      const gridId = await gridOf(kind);
      await fixtures.withoutDraft(kind);
      const last = await one(
        db
          .select({ n: max(evaluationGridVersions.number) })
          .from(evaluationGridVersions)
          .where(eq(evaluationGridVersions.gridId, gridId)),
      );
      const { id } = await one(
        db
          .insert(evaluationGridVersions)
          .values({ gridId, number: (last.n ?? 0) + 1, content: SEED_GRIDS[kind] })
          .returning({ id: evaluationGridVersions.id }),
      );
      return id;
    },
    workbook() {
      workbook ??= writeGridWorkbook(gridToSheets(SEED_GRIDS.labelling));
      return workbook;
    },
  };
  return fixtures;
}

const everyone = (status: number) => () => status;
const OWNERS: Role[] = ['admin', 'itDirectorate', 'nationalAccountant'];
const owners = (status: number) => (role: Role) => (OWNERS.includes(role) ? status : 403);
/** Those who run a labelling project of the caller's office: its developers and director, the DDSI, admins. */
const runs = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' ||
  role === 'itDirectorate' ||
  ((role === 'developer' || role === 'officeDirector') && scope === 'own')
    ? status
    : 403;
const evaluation = ({ scope }: Cell, f: Fixtures, answered = false) =>
  f.evaluations.evaluation(scope, answered);
const answered = (cell: Cell, f: Fixtures) => evaluation(cell, f, true);

export const EVALUATION_MATRIX: Record<string, RouteCase> = {
  'GET /api/evaluation-grids': {
    request: () => ({ url: '/api/evaluation-grids' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/evaluation-grids/:kind/versions': {
    // One draft at a time: the cell's is the only one.
    request: async ({ unique }, f) => {
      await f.evaluations.withoutDraft('homologation');
      return { url: '/api/evaluation-grids/homologation/versions', body: { note: `Matrice ${unique}` } };
    },
    expected: owners(201),
    anonymous: 401,
  },
  'GET /api/evaluation-grid-versions/:id': {
    request: async (_cell, f) => ({
      url: `/api/evaluation-grid-versions/${await f.evaluations.published('transitional')}`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/evaluation-grid-versions/:id': {
    request: async (_cell, f) => ({
      url: `/api/evaluation-grid-versions/${await f.evaluations.draft('transitional')}`,
      body: { version: 1, note: 'Relue.' },
    }),
    expected: owners(200),
    anonymous: 401,
  },
  'GET /api/evaluation-grid-versions/:id/diff': {
    request: async (_cell, f) => {
      const id = await f.evaluations.published('transitional');
      return { url: `/api/evaluation-grid-versions/${id}/diff?from=${id}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/evaluation-grid-versions/:id/export.xlsx': {
    request: async (_cell, f) => ({
      url: `/api/evaluation-grid-versions/${await f.evaluations.published('transitional')}/export.xlsx`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/evaluation-grid-versions/:id/import': {
    request: async (_cell, f) => ({
      url: `/api/evaluation-grid-versions/${await f.evaluations.draft('transitional')}/import`,
      upload: {
        file: {
          name: 'grille.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await f.evaluations.workbook(),
        },
        fields: { version: '1' },
      },
    }),
    expected: owners(200),
    anonymous: 401,
  },
  'POST /api/evaluation-grid-versions/:id/transitions': {
    request: async (_cell, f) => ({
      url: `/api/evaluation-grid-versions/${await f.evaluations.draft('transitional')}/transitions`,
      body: { action: 'publish', version: 1 },
    }),
    expected: owners(200),
    anonymous: 401,
  },
  'GET /api/evaluations': {
    request: () => ({ url: '/api/evaluations?track=labelling&awaitingReview=true' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/evaluations': {
    request: async ({ scope }, f) => ({
      url: '/api/evaluations',
      body: { projectId: await f.evaluations.project(scope) },
    }),
    expected: runs(201),
    anonymous: 401,
  },
  'GET /api/evaluations/:id': {
    request: async (cell, f) => ({ url: `/api/evaluations/${await evaluation(cell, f)}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/evaluations/:id': {
    request: async (cell, f) => ({
      url: `/api/evaluations/${await evaluation(cell, f)}`,
      body: { version: 1, profile: { DONNEES: 'AGENTS' } },
    }),
    expected: runs(200),
    anonymous: 401,
  },
  'PATCH /api/evaluations/:id/answers/:code': {
    request: async (cell, f) => ({
      url: `/api/evaluations/${await evaluation(cell, f)}/answers/PAT-01`,
      body: { status: 'partlyMet', reason: 'En cours.' },
    }),
    expected: runs(200),
    anonymous: 401,
  },
  'POST /api/evaluations/:id/answers/:code/review': {
    // PAT-01 is a technical item: the DDSI reviews it (and administrators).
    request: async (cell, f) => ({
      url: `/api/evaluations/${await answered(cell, f)}/answers/PAT-01/review`,
      body: { version: 1, decision: 'validate' },
    }),
    expected: (role) => (role === 'admin' || role === 'itDirectorate' ? 200 : 403),
    anonymous: 401,
  },
  'POST /api/evaluations/:id/answers/:code/evidence': {
    request: async (cell, f) => ({
      url: `/api/evaluations/${await answered(cell, f)}/answers/PAT-01/evidence`,
      upload: {
        file: { name: 'preuve.pdf', type: 'application/pdf', content: PDF },
        fields: { kind: 'document' },
      },
    }),
    expected: runs(201),
    anonymous: 401,
  },
  'GET /api/evaluations/:id/answers/:code/evidence/:fileId': {
    request: async (cell, f) => {
      const id = await answered(cell, f);
      return { url: `/api/evaluations/${id}/answers/PAT-01/evidence/${await f.evaluations.evidence(id)}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/evaluations/:id/answers/:code/evidence/:fileId': {
    request: async (cell, f) => {
      const id = await answered(cell, f);
      return { url: `/api/evaluations/${id}/answers/PAT-01/evidence/${await f.evaluations.evidence(id)}` };
    },
    expected: runs(204),
    anonymous: 401,
  },
};
