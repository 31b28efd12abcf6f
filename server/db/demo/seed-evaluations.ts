import { and, count, eq, inArray } from 'drizzle-orm';
import type {
  AnswerStatus,
  EvaluatedTrack,
  GridKind,
  ReviewState,
} from '../../../common/evaluation/vocabulary.ts';
import type { Database } from '../client.ts';
import {
  applications,
  auditEvents,
  evaluationAnswers,
  evaluationGrids,
  evaluationGridVersions,
  evaluations,
  projects,
  users,
} from '../schema.ts';

const DEV67 = 'dev.basrhin@mutualis.demo';
const DEV13 = 'dev.marseille@mutualis.demo';
const DDSI = 'ddsi@mutualis.demo';
const DDO = 'ddo@mutualis.demo';

type DemoAnswer = [code: string, status: AnswerStatus, review: ReviewState, note?: string];
interface DemoEvaluation {
  subject: { project: string } | { application: string };
  grid: GridKind;
  track: EvaluatedTrack;
  answeredBy: string;
  profile: Record<string, string>;
  answers: DemoAnswer[];
}

/** Three evaluations in progress: two projects on their track's grid, one existing sheet under §2.4. */
const DEMO_EVALUATIONS: DemoEvaluation[] = [
  {
    subject: { project: 'Éditique des notifications de pension d’invalidité' },
    grid: 'labelling',
    track: 'labelling',
    answeredBy: DEV67,
    profile: { DONNEES: 'SANTE', UTILISATEURS: '50-500', 'SI-NATIONAL': 'LECTURE', INTERRUPTION: 'JOUR' },
    answers: [
      ['PAT-01', 'met', 'validated'],
      ['PAT-02', 'met', 'validated'],
      [
        'PAT-03',
        'partlyMet',
        'returned',
        'Le job Jenkins existe mais les livrables ne sont pas encore publiés dans Artifactory.',
      ],
      ['PAT-04', 'met', 'pending'],
      ['TEC-01', 'met', 'validated'],
      ['TEC-02', 'met', 'pending'],
      ['SEC-01', 'met', 'pending'],
      ['CNIL-01', 'met', 'validated'],
      [
        'CNIL-03',
        'notApplicable',
        'pending',
        'Aucune donnée de santé détaillée : seul le taux d’invalidité figure sur la notification.',
      ],
    ],
  },
  {
    subject: { project: 'Accueil des nouveaux arrivants' },
    grid: 'homologation',
    track: 'homologation',
    answeredBy: DEV13,
    profile: { DONNEES: 'AGENTS', UTILISATEURS: '50-500', 'SI-NATIONAL': 'NON', INTERRUPTION: 'SEMAINE' },
    answers: [
      ['DEC-01', 'met', 'validated'],
      ['DEC-02', 'met', 'pending'],
      ['MAT-02', 'partlyMet', 'pending', 'Notes de version tenues depuis la version 1.2 seulement.'],
      ['MAT-04', 'met', 'pending'],
    ],
  },
  {
    subject: { application: 'TDB-PRODUCTION' },
    grid: 'transitional',
    track: 'homologation',
    answeredBy: DEV67,
    profile: { DONNEES: 'AUCUNE', UTILISATEURS: 'PLUS-500', 'SI-NATIONAL': 'LECTURE', INTERRUPTION: 'JOUR' },
    answers: [
      ['EXI-01', 'met', 'validated'],
      ['EXI-02', 'met', 'validated'],
      [
        'EXI-03',
        'notMet',
        'pending',
        'Le plan de mise en conformité est en cours de chiffrage avec la DDSI.',
      ],
      ['SEC-01', 'met', 'pending'],
    ],
  },
];

/** The reviewer of a demo answer: the DDO for the sections it reviews, the DDSI otherwise. */
const reviewerOf = (code: string, grid: GridKind) =>
  code.startsWith('CNIL') || (grid === 'transitional' && code.startsWith('SEC')) ? DDO : DDSI;

/** The demo evaluations, on a database without any, after the demo projects and the reference grids. */
export async function seedDemoEvaluations(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(evaluations);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, [DEV67, DEV13, DDSI, DDO]))
    ).map((u) => [u.email, u.id]),
  );
  const person = (email: string) => people.get(email) ?? null;
  return db.transaction(async (tx) => {
    let created = 0;
    for (const demo of DEMO_EVALUATIONS) {
      const [version] = await tx
        .select({ id: evaluationGridVersions.id, number: evaluationGridVersions.number })
        .from(evaluationGridVersions)
        .innerJoin(evaluationGrids, eq(evaluationGrids.id, evaluationGridVersions.gridId))
        .where(and(eq(evaluationGrids.kind, demo.grid), eq(evaluationGridVersions.state, 'published')));
      const [subject] =
        'project' in demo.subject
          ? await tx
              .select({ id: projects.id })
              .from(projects)
              .where(eq(projects.title, demo.subject.project))
          : await tx
              .select({ id: applications.id })
              .from(applications)
              .where(eq(applications.code, demo.subject.application));
      if (!version || !subject) continue; // a demo catalogue or projects left out: nothing to evaluate
      const ref = 'project' in demo.subject ? { projectId: subject.id } : { applicationId: subject.id };
      const [row] = await tx
        .insert(evaluations)
        .values({
          ...ref,
          gridVersionId: version.id,
          track: demo.track,
          profile: demo.profile,
          createdBy: person(demo.answeredBy),
        })
        .returning({ id: evaluations.id });
      if (!row) throw new Error('demo evaluation not inserted');
      await tx.insert(evaluationAnswers).values(
        demo.answers.map(([code, status, review, note]) => ({
          evaluationId: row.id,
          requirementCode: code,
          status,
          reason: review === 'returned' ? null : (note ?? null),
          links: status === 'met' ? ['https://forge.mutualis.demo/projets/documentation'] : [],
          answeredBy: person(demo.answeredBy),
          review,
          reviewComment: review === 'returned' ? (note ?? null) : null,
          reviewedBy: review === 'pending' ? null : person(reviewerOf(code, demo.grid)),
          reviewedAt: review === 'pending' ? null : new Date(),
        })),
      );
      await tx.insert(auditEvents).values({
        action: 'evaluation.start',
        targetType: 'evaluation',
        targetId: row.id,
        after: { ...ref, grid: demo.grid, gridNumber: version.number, track: demo.track, source: 'demo' },
      });
      created += 1;
    }
    return { created };
  });
}
