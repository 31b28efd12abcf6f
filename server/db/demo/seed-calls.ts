import { and, count, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import type { CallScope, CallState } from '../../../common/calls/vocabulary.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { TxContext } from '../../lib/context.ts';
import { systemActor } from '../../lib/policy.ts';
import type { Database } from '../client.ts';
import { auditEvents, callOffices, callQuestions, calls, organisations, users } from '../schema.ts';

const SPONSOR = 'sponsor@mutualis.demo';
const DIRECTOR = 'directeur.basrhin@mutualis.demo';
const DEVELOPER = 'dev.basrhin@mutualis.demo';
const MARSEILLE = 'dev.marseille@mutualis.demo';

/** The transitions that lead to each state, with their input, in order. */
const PATHS: Record<CallState, [string, Record<string, string> | null][]> = {
  draft: [],
  published: [['publish', null]],
  closed: [
    ['publish', null],
    ['close', null],
  ],
  underEvaluation: [
    ['publish', null],
    ['close', null],
    ['startEvaluation', null],
  ],
  decided: [
    ['publish', null],
    ['close', null],
    ['startEvaluation', null],
    ['decide', { rationale: 'Deux propositions retenues, portées par des caisses pilotes volontaires.' }],
  ],
  archived: [
    ['publish', null],
    ['close', null],
    ['startEvaluation', null],
    ['decide', { rationale: 'Une proposition retenue : la CPAM du Bas-Rhin porte le projet.' }],
    ['archive', null],
  ],
  cancelled: [
    ['publish', null],
    ['cancel', { reason: 'Le besoin est couvert par une application nationale annoncée entre-temps.' }],
  ],
};
const TARGET: Record<string, CallState> = {
  publish: 'published',
  close: 'closed',
  startEvaluation: 'underEvaluation',
  decide: 'decided',
  archive: 'archived',
  cancel: 'cancelled',
};

interface DemoCall {
  title: string;
  issuer: typeof SPONSOR | typeof DIRECTOR;
  state: CallState;
  scope: CallScope;
  region?: 'grand-est';
  offices?: string[];
  domainCode: string;
  effortDays: number | null;
  budgetEuros?: number;
  /** Days from today: questions, proposals, selection (negative: past). */
  days: [number, number, number];
  context: string;
  expectedOutcome: string;
  questions?: { from: string; question: string; answer?: string }[];
}

const CRITERIA = [
  { label: 'Valeur pour les assurés et les agents', weight: 40 },
  { label: 'Capacité à mutualiser (réutilisation, reprise par d’autres caisses)', weight: 30 },
  { label: 'Solidité de l’équipe et du calendrier', weight: 20 },
  { label: 'Coût et sobriété de l’hébergement', weight: 10 },
];

const DEMO_CALLS: DemoCall[] = [
  {
    title: 'Prise de rendez-vous en ligne pour l’accueil des assurés',
    issuer: SPONSOR,
    state: 'published',
    scope: 'national',
    domainCode: 'relation-client',
    effortDays: 600,
    budgetEuros: 250_000,
    days: [10, 24, 60],
    context:
      '## Contexte\n\nLes accueils physiques saturent aux heures de pointe. Plusieurs caisses ont bâti leur propre outil de rendez-vous ; la DDGOS veut **une** application mutualisée.',
    expectedOutcome: 'Une application labellisée, reprise par au moins dix caisses dans l’année.',
    questions: [
      {
        from: DEVELOPER,
        question: 'Une application existante du catalogue peut-elle être proposée et étendue ?',
        answer: 'Oui : citez-la dans la proposition, la réutilisation est un critère.',
      },
      { from: MARSEILLE, question: 'Les CGSS peuvent-elles répondre avec une caisse de métropole ?' },
    ],
  },
  {
    title: 'Outils de lutte contre la fraude aux indemnités journalières en Grand Est',
    issuer: DIRECTOR,
    state: 'published',
    scope: 'regional',
    region: 'grand-est',
    domainCode: 'lutte-contre-la-fraude',
    effortDays: 120,
    days: [3, 9, 30],
    context: 'Les caisses du Grand Est partagent leurs requêtes de détection ; il faut un outil commun.',
    expectedOutcome: 'Un outil homologué utilisé par les caisses de la région.',
  },
  {
    title: 'Tableau de bord des délais de paiement des prestations',
    issuer: DIRECTOR,
    state: 'draft',
    scope: 'local',
    offices: ['CPAM-67', 'CPAM-68', 'CPAM-57'],
    domainCode: 'prestations',
    effortDays: 40,
    days: [20, 30, 45],
    context: 'Un tableau de bord partagé entre les caisses d’Alsace et de Moselle.',
    expectedOutcome: '',
  },
  {
    title: 'Dématérialisation des échanges avec les établissements de santé',
    issuer: SPONSOR,
    state: 'closed',
    scope: 'national',
    domainCode: 'gestion-du-risque',
    effortDays: 400,
    days: [-12, -2, 20],
    context: 'Les échanges avec les établissements passent encore par le courrier.',
    expectedOutcome: 'Un portail d’échange sécurisé.',
  },
  {
    title: 'Assistant de réponse aux courriels des assurés',
    issuer: SPONSOR,
    state: 'underEvaluation',
    scope: 'national',
    domainCode: 'relation-client',
    effortDays: 300,
    days: [-30, -20, 5],
    context: 'Les plateformes téléphoniques reçoivent de plus en plus de courriels.',
    expectedOutcome: 'Un assistant de rédaction relu par les conseillers.',
  },
  {
    title: 'Suivi des contrôles médicaux des arrêts de travail',
    issuer: SPONSOR,
    state: 'decided',
    scope: 'national',
    domainCode: 'controle-medical',
    effortDays: 250,
    days: [-60, -45, -15],
    context: 'Le suivi des contrôles se fait dans des tableurs locaux.',
    expectedOutcome: 'Une application commune aux DRSM et aux caisses.',
  },
  {
    title: 'Gestion des stocks de fournitures des accueils',
    issuer: DIRECTOR,
    state: 'archived',
    scope: 'regional',
    region: 'grand-est',
    domainCode: 'prestations',
    effortDays: 30,
    days: [-120, -110, -90],
    context: 'Chaque accueil suit ses fournitures à sa façon.',
    expectedOutcome: 'Un outil simple partagé par la région.',
  },
  {
    title: 'Application de covoiturage des agents',
    issuer: SPONSOR,
    state: 'cancelled',
    scope: 'national',
    domainCode: 'ressources-humaines',
    effortDays: 80,
    days: [-5, 10, 30],
    context: 'Favoriser le covoiturage entre agents d’un même site.',
    expectedOutcome: 'Une application simple, sans donnée de santé.',
  },
];

const day = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's calls for projects: eight calls in every state (national, regional and local), with their
 * history as the executor records it (the closing by the platform) and a few public questions; once.
 */
export async function seedDemoCalls(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(calls);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = new Map(
    (
      await db
        .select({
          id: users.id,
          email: users.email,
          organisationId: users.organisationId,
          roles: users.roles,
        })
        .from(users)
        .where(inArray(users.email, [SPONSOR, DIRECTOR, DEVELOPER, MARSEILLE]))
    ).map((u) => [u.email, u]),
  );
  if (people.size < 4) return { created: 0 };
  const officeIds = new Map(
    (await db.select({ id: organisations.id, code: organisations.code }).from(organisations)).map((o) => [
      o.code,
      o.id,
    ]),
  );
  return db.transaction(async (tx) => {
    for (const [index, demo] of DEMO_CALLS.entries()) {
      const issuer = people.get(demo.issuer) as NonNullable<ReturnType<typeof people.get>>;
      const [questionsUntil, proposalsUntil, selectionBy] = demo.days.map((d) => day(now, d)) as [
        string,
        string,
        string,
      ];
      const createdAt = new Date(now.getTime() - (Math.abs(demo.days[1]) + 20 + index) * 86_400_000);
      const [row] = await tx
        .insert(calls)
        .values({
          title: demo.title,
          context: demo.context,
          expectedOutcome: demo.expectedOutcome,
          issuerOrganisationId: issuer.organisationId,
          scope: demo.scope,
          region: demo.region ?? null,
          domainCode: demo.domainCode,
          effortDays: demo.effortDays,
          budgetEuros: demo.budgetEuros ?? null,
          criteria: CRITERIA,
          questionsUntil,
          proposalsUntil,
          selectionBy,
          state: demo.state,
          version: PATHS[demo.state].length + 1,
          createdBy: issuer.id,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: calls.id });
      const id = row?.id as string;
      if (demo.offices)
        await tx
          .insert(callOffices)
          .values(
            demo.offices.map((code) => ({ callId: id, organisationId: officeIds.get(code) as string })),
          );
      const asIssuer: TxContext = {
        actor: {
          userId: issuer.id,
          organisationId: issuer.organisationId,
          roles: issuer.roles,
          sessionId: 'demo',
          csrfToken: '',
        },
        db: tx,
        log: pino({ level: 'silent' }),
        requestId: null,
      };
      await recordAudit(asIssuer, {
        action: 'call.create',
        targetType: 'call',
        targetId: id,
        after: { title: demo.title },
      });
      let from: CallState = 'draft';
      let at: Date | undefined;
      for (const [step, [transition, input]] of PATHS[demo.state].entries()) {
        const to = TARGET[transition] as CallState;
        // The platform closes at the deadline and decides when the selection is applied.
        const ctx =
          transition === 'close'
            ? { ...asIssuer, actor: null, system: systemActor('lifecycle-deadlines') }
            : transition === 'decide'
              ? { ...asIssuer, system: systemActor('callSelection') }
              : asIssuer;
        await recordAudit(ctx, {
          action: `call.${transition}`,
          targetType: 'call',
          targetId: id,
          details: { lifecycle: 'call', transition, from, to, input },
        });
        // Dated as the call ran: published a week after drafting, closed at its deadline, then two days a step.
        at =
          transition === 'close'
            ? new Date(`${proposalsUntil}T23:00:00Z`)
            : new Date((at ?? createdAt).getTime() + (step === 0 ? 7 : 2) * 86_400_000);
        await tx
          .update(auditEvents)
          .set({ occurredAt: at })
          .where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, `call.${transition}`)));
        from = to;
      }
      for (const [rank, question] of (demo.questions ?? []).entries()) {
        const asker = people.get(question.from) as NonNullable<ReturnType<typeof people.get>>;
        await tx.insert(callQuestions).values({
          callId: id,
          question: question.question,
          askedBy: asker.id,
          askedByOrganisationId: asker.organisationId,
          answer: question.answer ?? null,
          answeredBy: question.answer ? issuer.id : null,
          answeredAt: question.answer ? now : null,
          version: question.answer ? 2 : 1,
          // An hour apart, in the order written: the page lists them by date.
          createdAt: new Date(now.getTime() - (48 - rank) * 3_600_000),
        });
      }
    }
    return { created: DEMO_CALLS.length };
  });
}
