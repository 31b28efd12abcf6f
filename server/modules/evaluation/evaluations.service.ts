import { applicableRequirements } from '../../../common/evaluation/rules.ts';
import type { EvaluatedTrack, GridKind } from '../../../common/evaluation/vocabulary.ts';
import { EVALUATED_TRACKS } from '../../../common/evaluation/vocabulary.ts';
import type { AnswerInput } from '../../../common/schemas/evaluation.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import { accessOf } from '../projects/projects.service.ts';
import type { EvaluationSubjectAccess } from './evaluation.policy.ts';
import { computedOf } from './evaluations.mapper.ts';
import {
  answerFactsOf,
  type EvaluationDetailRow,
  type EvaluationFilters,
  findApplicationForEvaluation,
  findEvaluation,
  findEvaluationOf,
  insertEvaluation,
  listEvaluationRows,
  lockEvaluation,
  type SubjectRef,
  updateProfileAtVersion,
} from './evaluations.queries.ts';
import { publishedGridVersion, publishedNumbers } from './grids.queries.ts';

/**
 * Evaluations: a project on a certifying track (or an existing catalogue sheet under the transitional
 * procedure, §2.4) fills the grid of its track, on the version published when it started — and stays
 * on it whatever is published later. Answers and their review: answers.service.ts.
 */

export const evaluationNotFound = () => new AppError('notFound', 'Cette évaluation est introuvable.');
const isEvaluatedTrack = (track: string): track is EvaluatedTrack =>
  (EVALUATED_TRACKS as readonly string[]).includes(track);

/** What the evaluation is of, as its rules see it: who answers, the track, the grid. */
async function subjectOf(
  db: Executor,
  ref: SubjectRef,
): Promise<{ access: EvaluationSubjectAccess; track: string; grid: GridKind }> {
  if ('projectId' in ref) {
    const project = await findProjectSubject(db, ref.projectId);
    if (!project) throw new AppError('notFound', 'Ce projet est introuvable.');
    return {
      access: { kind: 'project', project: accessOf(project) },
      track: project.track,
      grid: project.transitionalProcedure ? 'transitional' : (project.track as GridKind),
    };
  }
  const application = await findApplicationForEvaluation(db, ref.applicationId);
  if (!application) throw new AppError('notFound', 'Cette application est introuvable dans le catalogue.');
  return {
    access: { kind: 'application', designerOrganisationId: application.designerOrganisationId },
    track: application.track,
    grid: 'transitional',
  };
}

const refOf = (row: { projectId: string | null; applicationId: string | null }): SubjectRef =>
  row.projectId ? { projectId: row.projectId } : { applicationId: row.applicationId as string };

/** The evaluation and the access rule of what it evaluates (for the answer and evidence checks). */
export async function evaluationWithAccess(ctx: ServiceContext, id: string) {
  const evaluation = await findEvaluation(ctx.db, id);
  if (!evaluation) throw evaluationNotFound();
  return { evaluation, access: (await subjectOf(ctx.db, refOf(evaluation))).access };
}

/** Starts the evaluation of a project or a sheet on the published version of its grid. */
export async function startEvaluation(ctx: ServiceContext, authorizer: Authorizer, ref: SubjectRef) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const subject = await subjectOf(tx.db, ref);
    authorizer.authorize(actor, 'evaluation.start', subject.access);
    const field = 'projectId' in ref ? 'projectId' : 'applicationId';
    if (!isEvaluatedTrack(subject.track))
      throw new AppError(
        'unprocessable',
        "Seules la labellisation et l'homologation ont une grille d'évaluation : cette filière n'en a pas.",
        {
          errors: [{ field, message: "La filière n'est ni la labellisation ni l'homologation." }],
        },
      );
    if (await findEvaluationOf(tx.db, ref))
      throw new AppError('conflict', "L'évaluation est déjà engagée : rechargez la page pour la retrouver.", {
        errors: [{ field, message: 'Une évaluation existe déjà.' }],
      });
    const grid = await publishedGridVersion(tx.db, subject.grid);
    if (!grid)
      throw new AppError(
        'unprocessable',
        "Aucune version de cette grille n'est publiée : la DDSI doit d'abord en publier une.",
        {
          errors: [{ field, message: 'Grille non publiée.' }],
        },
      );
    const id = await insertEvaluation(tx.db, {
      ...ref,
      gridVersionId: grid.id,
      track: subject.track,
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'evaluation.start',
      targetType: 'evaluation',
      targetId: id,
      after: { ...ref, grid: subject.grid, gridNumber: grid.number, track: subject.track },
    });
    return id;
  });
}

/** The profile answers that give the criticality class; each must name a question and one of its options. */
export async function updateEvaluationProfile(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: { version: number; profile: Record<string, string> },
) {
  const { evaluation, access } = await evaluationWithAccess(ctx, id);
  authorizer.authorize(requireActor(ctx), 'evaluation.answer', access);
  const errors = Object.entries(input.profile).flatMap(([code, value]) => {
    const question = evaluation.content.profile.find((q) => q.code === code);
    if (!question)
      return [{ field: `profile.${code}`, message: `La grille ne pose pas de question ${code}.` }];
    return question.options.some((o) => o.value === value)
      ? []
      : [
          {
            field: `profile.${code}`,
            message: `« ${value} » n'est pas une réponse possible à la question ${code}.`,
          },
        ];
  });
  if (errors.length > 0)
    throw new AppError('badRequest', `Le profil de criticité n'est pas valide : ${errors[0]?.message}`, {
      errors,
    });
  await inTransaction(ctx, async (tx) => {
    if (!(await lockEvaluation(tx.db, id))) throw evaluationNotFound();
    if (!(await updateProfileAtVersion(tx.db, id, input.version, input.profile)))
      throw staleVersion('evaluation');
    await recordAudit(tx, {
      action: 'evaluation.updateProfile',
      targetType: 'evaluation',
      targetId: id,
      before: { profile: evaluation.profile },
      after: { profile: input.profile },
    });
  });
}

/** The requirement an answer is for, in the evaluation's version and track (404 otherwise). */
export function requirementOf(evaluation: EvaluationDetailRow, code: string) {
  const requirement = applicableRequirements(evaluation.content, evaluation.track).find(
    (r) => r.code === code,
  );
  if (!requirement)
    throw new AppError(
      'notFound',
      `L'exigence ${code} n'est pas dans la version de grille de cette évaluation.`,
    );
  return requirement;
}

/** The answer's inputs as stored: the reason is required when the requirement does not apply. */
export function answerValues(input: AnswerInput, answeredBy: string) {
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (input.status === 'notApplicable' && !reason)
    throw new AppError(
      'badRequest',
      'Une exigence non applicable se justifie : indiquez pourquoi dans le commentaire.',
      {
        errors: [{ field: 'reason', message: 'Indiquez pourquoi cette exigence ne s’applique pas.' }],
      },
    );
  return { status: input.status, reason, links: input.links, answeredBy };
}

export async function lockedEvaluation(tx: TxContext, id: string) {
  if (!(await lockEvaluation(tx.db, id))) throw evaluationNotFound();
}

export async function listEvaluations(
  ctx: ServiceContext,
  query: EvaluationFilters & { projectId?: string | undefined; applicationId?: string | undefined },
) {
  requireActor(ctx);
  if (query.projectId || query.applicationId) {
    const one = await findEvaluationOf(
      ctx.db,
      query.projectId ? { projectId: query.projectId } : { applicationId: query.applicationId as string },
    );
    return withFacts(ctx.db, { items: one ? [one] : [], total: one ? 1 : 0 });
  }
  return withFacts(ctx.db, await listEvaluationRows(ctx.db, query));
}

/** Rows with their answers' facts and the number of the version published now (for "a newer version exists"). */
async function withFacts(db: Executor, page: { items: EvaluationDetailRow[]; total: number }) {
  const facts = await answerFactsOf(
    db,
    page.items.map((e) => e.id),
  );
  const published = await publishedNumbers(db, [...new Set(page.items.map((e) => e.gridId))]);
  return {
    total: page.total,
    items: page.items.map((evaluation) => ({
      evaluation,
      answers: facts.filter((f) => f.evaluationId === evaluation.id),
      publishedNumber: published.get(evaluation.gridId) ?? null,
    })),
  };
}

/**
 * How many blocking items the evaluation of a project or a catalogue sheet still has: mandatory
 * requirements of its track not yet met (or not applicable) with the reviewer's validation. Null when
 * no evaluation has started — which a caller guarding an acceptance campaign treats as blocking too.
 * Reads through `db`, so a caller passes its transaction to count what that transaction sees.
 */
export async function blockingItemCount(db: Executor, subject: SubjectRef): Promise<number | null> {
  const evaluation = await findEvaluationOf(db, subject);
  if (!evaluation) return null;
  const answers = await answerFactsOf(db, [evaluation.id]);
  return computedOf(evaluation, answers).blockingItems.length;
}
