import { diffGridContent } from '../../../common/evaluation/diff.ts';
import type { GridKind } from '../../../common/evaluation/vocabulary.ts';
import type { GridContent } from '../../../common/schemas/evaluation-grid.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { pageTitlesBySlug } from '../referential/referential.queries.ts';
import { gridVersionScope } from './evaluation.policy.ts';
import { readGridWorkbook, writeGridWorkbook } from './grid-xlsx.files.ts';
import { gridToSheets, type ImportError, sheetsToGrid } from './grid-xlsx.ts';
import { gridVersionBinding } from './grids.lifecycle.ts';
import {
  countEvaluationsOn,
  findGridByKind,
  findGridVersion,
  insertGridDraft,
  latestGridVersion,
  listGridRows,
  updateGridDraftAtVersion,
} from './grids.queries.ts';

/**
 * Evaluation grids: reference data owned by the DDSI and the DDFC/DC2R. A new version starts as a
 * draft copied from the latest one, is edited (in the portal or as a spreadsheet), then published
 * through its lifecycle (grids.lifecycle.ts); a published version never changes again.
 */

const versionNotFound = () =>
  new AppError(
    'notFound',
    'Cette version de grille est introuvable : elle a peut-être été supprimée (brouillon).',
  );

export async function listGrids(ctx: ServiceContext) {
  return listGridRows(ctx.db, gridVersionScope(requireActor(ctx)));
}

/** One version, with its content; a draft only for the grids' owners. */
export async function getGridVersion(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const row = await findGridVersion(ctx.db, id);
  if (!row) throw versionNotFound();
  authorizer.authorize(requireActor(ctx), 'grid.read', row);
  return { row, evaluationCount: await countEvaluationsOn(ctx.db, id) };
}

/** A version as its page shows it: with its lifecycle, the transitions open to the caller and whether it is editable. */
export async function describeGridVersion(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const { row, evaluationCount } = await getGridVersion(ctx, authorizer, id);
  const [transitions = []] = await describeTransitions(ctx, authorizer, [gridVersionBinding], [row]);
  const [lifecycle] = await describeLifecycles(ctx, [gridVersionBinding], row, row.createdAt);
  if (!lifecycle) throw new Error('grid version lifecycle missing');
  const canEdit = row.state === 'draft' && authorizer.can(ctx.actor, 'grid.manage');
  const named = row.content.sections.flatMap((s) => s.requirements.flatMap((r) => r.referentialPage ?? []));
  const referentialPages = await pageTitlesBySlug(ctx.db, [...new Set(named)]);
  return { row, evaluationCount, referentialPages, transitions, lifecycle, canEdit };
}

/** A new draft of a grid, its content copied from the latest version; one draft at a time. */
export async function createGridDraft(
  ctx: ServiceContext,
  authorizer: Authorizer,
  kind: GridKind,
  input: { note?: string | undefined },
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'grid.manage');
  return inTransaction(ctx, async (tx) => {
    const grid = await findGridByKind(tx.db, kind);
    if (!grid) throw new AppError('notFound', 'Cette grille est introuvable.');
    const latest = await latestGridVersion(tx.db, grid.id);
    if (latest?.state === 'draft')
      throw new AppError(
        'conflict',
        `La version ${latest.number} de cette grille est déjà un brouillon : modifiez-la ou publiez-la avant d'en ouvrir une autre.`,
        { errors: [{ field: 'kind', message: 'Un brouillon est déjà ouvert pour cette grille.' }] },
      );
    const content: GridContent = latest?.content ?? {
      sections: [],
      profile: [],
      rules: {
        maturity: [{ level: 1, mandatoryMet: 0, recommendedMet: 0 }],
        criticality: [{ class: 'low', minPoints: 0 }],
      },
    };
    const number = (latest?.number ?? 0) + 1;
    const id = await insertGridDraft(tx.db, {
      gridId: grid.id,
      number,
      content,
      note: input.note ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'grid.createDraft',
      targetType: 'gridVersion',
      targetId: id,
      after: { kind, number, copiedFrom: latest?.number ?? null },
    });
    return id;
  });
}

/** A draft's content (replaced whole) and note, at the version it was read at (409 otherwise). */
export async function updateGridDraft(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: { version: number; content?: GridContent | undefined; note?: string | null | undefined },
  action: 'grid.updateDraft' | 'grid.import' = 'grid.updateDraft',
) {
  authorizer.authorize(requireActor(ctx), 'grid.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await findGridVersion(tx.db, id, { lock: true });
    if (!before) throw versionNotFound();
    if (before.state !== 'draft')
      throw new AppError(
        'conflict',
        'Cette version est publiée : elle ne change plus. Ouvrez un nouveau brouillon.',
        {
          errors: [{ field: 'version', message: 'Seul un brouillon se modifie.' }],
        },
      );
    if (before.version !== input.version) throw staleVersion('grid');
    const values = {
      ...(input.content ? { content: input.content } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    };
    if (!(await updateGridDraftAtVersion(tx.db, id, input.version, values))) throw staleVersion('grid');
    const after = { ...before, ...values };
    await recordAudit(tx, {
      action,
      targetType: 'gridVersion',
      targetId: id,
      before: { number: before.number, note: before.note, ...diffSummary(before.content, after.content) },
      after: { number: after.number, note: after.note, requirementCount: countRequirements(after.content) },
    });
  });
}

const countRequirements = (content: GridContent) =>
  content.sections.reduce((n, s) => n + s.requirements.length, 0);
/** What the audit trail keeps of an edit: the requirements added, removed and changed, by code. */
function diffSummary(before: GridContent, after: GridContent) {
  const diff = diffGridContent(before, after);
  const codes = (change: string) => diff.requirements.filter((r) => r.change === change).map((r) => r.code);
  return { added: codes('added'), removed: codes('removed'), changed: codes('changed') };
}

/** The spreadsheet of a version (a draft only for its owners). */
export async function exportGridVersion(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const { row } = await getGridVersion(ctx, authorizer, id);
  return { kind: row.kind, number: row.number, body: await writeGridWorkbook(gridToSheets(row.content)) };
}

/** A draft's content replaced by a spreadsheet's; any error and nothing is written (422 with each line). */
export async function importGridDraft(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  version: number,
  file: Buffer,
) {
  authorizer.authorize(requireActor(ctx), 'grid.manage');
  const sheets = await readGridWorkbook(file);
  if (typeof sheets === 'string')
    throw new AppError('unprocessable', sheets, { errors: [{ field: 'file', message: sheets }] });
  const { content, errors } = sheetsToGrid(sheets);
  if (!content) throw importRefused(errors);
  await updateGridDraft(ctx, authorizer, id, { version, content }, 'grid.import');
}

function importRefused(errors: ImportError[]) {
  const first = errors[0];
  return new AppError(
    'unprocessable',
    `Le classeur n'a pas été importé (${errors.length} erreur${errors.length > 1 ? 's' : ''})${first ? ` : feuille « ${first.sheet} », ligne ${first.line} — ${first.message}` : '.'}`,
    {
      errors: errors
        .slice(0, 200)
        .map((e) => ({ field: `${e.sheet}:${e.line}:${e.field}`, message: e.message })),
    },
  );
}

/** What changed from one version of a grid to another (both of the same grid, both readable). */
export async function diffGridVersions(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  fromId: string,
) {
  const to = (await getGridVersion(ctx, authorizer, id)).row;
  const from = (await getGridVersion(ctx, authorizer, fromId)).row;
  if (from.gridId !== to.gridId)
    throw new AppError('unprocessable', 'Les deux versions comparées doivent être de la même grille.', {
      errors: [{ field: 'from', message: 'Choisissez une version de la même grille.' }],
    });
  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    ...diffGridContent(from.content, to.content),
  };
}
