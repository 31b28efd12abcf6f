import { count, eq, inArray } from 'drizzle-orm';
import type {
  AgreementState,
  EffortActivity,
  EffortProfile,
} from '../../../common/compensation/vocabulary.ts';
import type { Database } from '../client.ts';
import {
  agreementComments,
  agreements,
  agreementTexts,
  applications,
  auditEvents,
  effortConfirmations,
  effortEntries,
  organisations,
  users,
} from '../schema.ts';
import { seedDemoStatements } from './seed-statements.ts';

const DDO = 'ddo@mutualis.demo';
const DIRECTORS: Record<string, string> = {
  'CPAM-67': 'directeur.basrhin@mutualis.demo',
  'CPAM-69': 'directeur.rhone@mutualis.demo',
};

/** The effort each office gives, every month: [activity, profile, person-days]. */
const EFFORT: {
  office: string;
  application?: string;
  national?: string;
  lines: [EffortActivity, EffortProfile, number][];
}[] = [
  {
    office: 'CPAM-67',
    application: 'TDB-PRODUCTION',
    lines: [
      ['maintenance', 'developer', 4.5],
      ['support', 'leadDeveloper', 1.5],
    ],
  },
  {
    office: 'CPAM-13',
    application: 'RECLAMATIONS',
    lines: [
      ['maintenance', 'developer', 3],
      ['clubAnimation', 'projectManager', 0.5],
    ],
  },
  {
    office: 'CPAM-13',
    national: 'Refonte du portail des professionnels de santé',
    lines: [['nationalProject', 'leadDeveloper', 6]],
  },
  {
    office: 'CPAM-69',
    application: 'GESCONGES',
    lines: [
      ['maintenance', 'developer', 2],
      ['training', 'trainer', 1],
    ],
  },
];

/** The transitions that lead to each state. */
const PATHS: Record<AgreementState, [string, AgreementState][]> = {
  draft: [],
  negotiation: [['openNegotiation', 'negotiation']],
  approvedByOffice: [
    ['openNegotiation', 'negotiation'],
    ['approveForOffice', 'approvedByOffice'],
  ],
  approvedByDdo: [
    ['openNegotiation', 'negotiation'],
    ['approveForOffice', 'approvedByOffice'],
    ['approveForDdo', 'approvedByDdo'],
  ],
  active: [
    ['openNegotiation', 'negotiation'],
    ['approveForOffice', 'approvedByOffice'],
    ['approveForDdo', 'approvedByDdo'],
    ['activate', 'active'],
  ],
  closed: [
    ['openNegotiation', 'negotiation'],
    ['approveForOffice', 'approvedByOffice'],
    ['approveForDdo', 'approvedByDdo'],
    ['activate', 'active'],
    ['close', 'closed'],
  ],
  terminated: [
    ['openNegotiation', 'negotiation'],
    ['approveForOffice', 'approvedByOffice'],
    ['approveForDdo', 'approvedByDdo'],
    ['activate', 'active'],
    ['terminate', 'terminated'],
  ],
};

const DEMO_AGREEMENTS: {
  title: string;
  office: string;
  application?: string;
  national?: string;
  state: AgreementState;
  period: [string, string];
  flatEuros?: number;
  ceilingEuros: number;
  texts: string[];
}[] = [
  {
    title: 'Maintenance du tableau de bord de production',
    office: 'CPAM-67',
    application: 'TDB-PRODUCTION',
    state: 'active',
    period: ['PREV-01', 'NEXT-12'],
    ceilingEuros: 40_000,
    texts: [
      'Article 1 — Objet : maintenance corrective et évolutive du tableau de bord de production.\nArticle 2 — Durée : deux ans.\nArticle 3 — Valorisation au barème journalier du réseau, dans la limite du plafond.',
    ],
  },
  {
    title: 'Support et club utilisateurs de la gestion des réclamations',
    office: 'CPAM-13',
    application: 'RECLAMATIONS',
    state: 'negotiation',
    period: ['THIS-01', 'NEXT-12'],
    ceilingEuros: 25_000,
    texts: [
      'Article 1 — Objet : support de niveau 2.\nArticle 2 — Durée : un an.',
      'Article 1 — Objet : support de niveau 2 et animation du club utilisateurs.\nArticle 2 — Durée : deux ans.',
    ],
  },
  {
    title: 'Participation à la refonte du portail des professionnels de santé',
    office: 'CPAM-13',
    national: 'Refonte du portail des professionnels de santé',
    state: 'draft',
    period: ['THIS-01', 'THIS-12'],
    flatEuros: 30_000,
    ceilingEuros: 30_000,
    texts: [],
  },
  {
    title: 'Maintenance de GesCongés',
    office: 'CPAM-69',
    application: 'GESCONGES',
    state: 'approvedByOffice',
    period: ['THIS-01', 'NEXT-12'],
    ceilingEuros: 18_000,
    texts: [
      'Article 1 — Objet : maintenance de GesCongés pour le réseau.\nArticle 2 — Formation des caisses utilisatrices.',
    ],
  },
  {
    title: 'Rapprochement bancaire : maintenance évolutive',
    office: 'CPAM-69',
    application: 'RAPPROCHEMENT-BANCAIRE',
    state: 'approvedByDdo',
    period: ['THIS-01', 'NEXT-06'],
    ceilingEuros: 12_000,
    texts: ['Article 1 — Objet : maintenance évolutive du rapprochement bancaire.'],
  },
  {
    title: 'Suivi du contentieux : maintenance 2024',
    office: 'CPAM-13',
    application: 'CONTENTIEUX',
    state: 'closed',
    period: ['2024-01', '2024-12'],
    ceilingEuros: 15_000,
    texts: ['Article 1 — Objet : maintenance du suivi du contentieux pour l’année 2024.'],
  },
  {
    title: 'Entretiens annuels : support de niveau 2',
    office: 'CPAM-67',
    application: 'ENTRETIENS-ANNUELS',
    state: 'terminated',
    period: ['PREV-01', 'NEXT-12'],
    ceilingEuros: 10_000,
    texts: ['Article 1 — Objet : support de niveau 2 des entretiens annuels.'],
  },
];

/** The last twelve months before this one, oldest first (AAAA-MM). */
export function lastTwelveMonths(now: Date) {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/**
 * The demo's compensation: a year of effort of three offices (confirmed but for the last month), and
 * seven agreements, one in each state, with their history as the lifecycle records it, and the statements
 * of the one in force (seed-statements.ts); once.
 */
export async function seedDemoCompensation(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(agreements);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email, organisationId: users.organisationId })
        .from(users)
        .where(inArray(users.email, [DDO, ...Object.values(DIRECTORS)]))
    ).map((u) => [u.email, u]),
  );
  const ddo = people.get(DDO);
  if (!ddo) return { created: 0 };
  const offices = new Map(
    (await db.select({ id: organisations.id, code: organisations.code }).from(organisations)).map((o) => [
      o.code,
      o.id,
    ]),
  );
  const apps = new Map(
    (await db.select({ id: applications.id, code: applications.code }).from(applications)).map((a) => [
      a.code,
      a.id,
    ]),
  );
  const year = now.getUTCFullYear();
  const month = (spec: string) =>
    spec
      .replace('PREV', String(year - 1))
      .replace('THIS', String(year))
      .replace('NEXT', String(year + 1));
  const months = lastTwelveMonths(now);
  return db.transaction(async (tx) => {
    for (const source of EFFORT) {
      const organisationId = offices.get(source.office);
      const applicationId = source.application ? apps.get(source.application) : undefined;
      if (!organisationId || (source.application && !applicationId)) continue;
      await tx.insert(effortEntries).values(
        months.flatMap((m, index) =>
          source.lines.map(([activity, profile, days]) => ({
            organisationId,
            month: m,
            activity,
            profile,
            targetKind: applicationId ? ('application' as const) : ('nationalDevelopment' as const),
            applicationId: applicationId ?? null,
            nationalLabel: applicationId ? null : (source.national ?? null),
            // A little variation from month to month, in half days.
            personDays: (days + ((index * 7) % 4) * 0.5).toFixed(2),
            source: 'demo' as const,
          })),
        ),
      );
    }
    for (const [code] of offices) {
      if (!EFFORT.some((e) => e.office === code)) continue;
      const director = people.get(DIRECTORS[code] ?? '');
      await tx.insert(effortConfirmations).values(
        months.slice(0, -1).map((m) => ({
          organisationId: offices.get(code) as string,
          month: m,
          confirmedBy: director?.id ?? null,
          confirmedAt: new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 3, 9)),
        })),
      );
    }
    let created = 0;
    for (const [index, demo] of DEMO_AGREEMENTS.entries()) {
      const organisationId = offices.get(demo.office);
      const applicationId = demo.application ? apps.get(demo.application) : undefined;
      if (!organisationId || (demo.application && !applicationId)) continue;
      const path = PATHS[demo.state];
      const createdAt = new Date(now.getTime() - (60 + index * 5) * 86_400_000);
      const [row] = await tx
        .insert(agreements)
        .values({
          title: demo.title,
          organisationId,
          targetKind: applicationId ? 'application' : 'nationalDevelopment',
          applicationId: applicationId ?? null,
          nationalLabel: applicationId ? null : (demo.national ?? null),
          officeSignatory: `Directeur de la ${demo.office}`,
          ddoSignatory: 'Directeur délégué aux opérations',
          periodStart: month(demo.period[0]),
          periodEnd: month(demo.period[1]),
          valuation: demo.flatEuros ? 'flat' : 'rateTable',
          flatAmountCents: demo.flatEuros ? demo.flatEuros * 100 : null,
          ceilingCents: demo.ceilingEuros * 100,
          commitments: demo.flatEuros ? [] : ['maintenance', 'support'],
          statementFrequency: 'quarterly',
          state: demo.state,
          version: path.length + 1,
          createdBy: ddo.id,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: agreements.id });
      const id = row?.id as string;
      const director = people.get(DIRECTORS[demo.office] ?? '');
      for (const [number, body] of demo.texts.entries()) {
        const author = number % 2 === 1 && director ? director : ddo;
        await tx.insert(agreementTexts).values({
          agreementId: id,
          number: number + 1,
          body,
          authorId: author.id,
          authorOrganisationId: author.organisationId,
          createdAt: new Date(createdAt.getTime() + (number + 1) * 3_600_000),
        });
      }
      if (demo.texts.length > 1)
        await tx.insert(agreementComments).values({
          agreementId: id,
          textNumber: 1,
          body: 'Nous proposons d’ajouter l’animation du club et de porter la durée à deux ans.',
          authorId: director?.id ?? ddo.id,
          authorOrganisationId: director?.organisationId ?? ddo.organisationId,
        });
      await tx.insert(auditEvents).values([
        {
          action: 'agreement.create',
          targetType: 'agreement',
          targetId: id,
          actorUserId: ddo.id,
          actorOrganisationId: ddo.organisationId,
          occurredAt: createdAt,
          after: { title: demo.title, source: 'demo' },
        },
        ...path.map(([transition, to], step) => {
          const byOffice = transition === 'approveForOffice' && director;
          const actor = byOffice ? director : ddo;
          const from = step === 0 ? 'draft' : (path[step - 1]?.[1] as string);
          return {
            action: `agreement.${transition}`,
            targetType: 'agreement',
            targetId: id,
            actorUserId: actor.id,
            actorOrganisationId: actor.organisationId,
            occurredAt: new Date(createdAt.getTime() + (step + 1) * 5 * 86_400_000),
            details: {
              lifecycle: 'agreement',
              transition,
              from,
              to,
              input:
                transition === 'terminate'
                  ? { reason: 'L’application est remplacée par une application nationale.' }
                  : null,
            },
          };
        }),
      ]);
      created += 1;
    }
    await tx
      .update(agreements)
      .set({ commitmentNote: 'Support aux heures ouvrées.' })
      .where(eq(agreements.state, 'active'));
    await seedDemoStatements(tx, ddo, now);
    return { created };
  });
}
