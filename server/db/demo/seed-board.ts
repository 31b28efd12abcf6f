import { asc, count, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { boardMeetingLifecycle } from '../../../common/lifecycles/board-meeting.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { fireTransition } from '../../lib/lifecycle.ts';
import { createAuthorizer } from '../../lib/policy.ts';
import { meetingBinding } from '../../modules/board/board.lifecycle.ts';
import { boardPolicy } from '../../modules/board/board.policy.ts';
import { addItem, escalateSponsorship, submitRequest } from '../../modules/board/board.service.ts';
import { recordDecision } from '../../modules/board/decisions.service.ts';
import { createMeeting, scheduleItem, updateMeeting } from '../../modules/board/meetings.service.ts';
import type { Database } from '../client.ts';
import { boardMeetings, calls, organisations, projects, sponsorshipRequests, users } from '../schema.ts';

const DDO = 'ddo@mutualis.demo';
const AGENT = 'agent.rhone@mutualis.demo';
const DEVELOPER = 'dev.marseille@mutualis.demo';

const day = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's governance board: three meetings — two whose minutes are published, with numbered decisions
 * linked to demo projects (an evolution, an arbitration, an escalated sponsorship accepted, a postponed
 * compensation question), and one planned with a call's selection on its agenda — plus a request still
 * waiting. Written through the board's own services and executor, as the DDO would; once.
 */
export async function seedDemoBoard(db: Database, now = new Date()): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(boardMeetings);
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
        .where(inArray(users.email, [DDO, AGENT, DEVELOPER]))
    ).map((u) => [u.email, u]),
  );
  const demoProjects = await db
    .select({ id: projects.id })
    .from(projects)
    .orderBy(asc(projects.createdAt))
    .limit(6);
  if (people.size < 3 || demoProjects.length < 3) return { created: 0 };
  const as = (email: string): ServiceContext => {
    const user = people.get(email) as NonNullable<ReturnType<typeof people.get>>;
    const actor = {
      userId: user.id,
      organisationId: user.organisationId,
      roles: user.roles,
      sessionId: 'demo',
      csrfToken: '',
    };
    return { actor, db, log: pino({ level: 'silent' }), requestId: null };
  };
  const authorizer = createAuthorizer([boardPolicy], [boardMeetingLifecycle]);
  const binding = meetingBinding();
  const ddo = as(DDO);
  const projectIds = demoProjects.map((p) => p.id);
  const office = async (code: string) =>
    (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code)))[0]
      ?.id as string;

  const evolution = await submitRequest(as(AGENT), authorizer, {
    kind: 'evolution',
    title: 'Signaler une application en doublon depuis sa fiche',
    reason:
      'Les agents repèrent des doublons dans le catalogue mais n’ont aucun moyen simple de les signaler aux concepteurs.',
    evolutionTarget: 'portal',
    officeIds: [],
  });
  const arbitration = await submitRequest(as(DEVELOPER), authorizer, {
    kind: 'arbitration',
    title: 'Portage de l’outil de suivi des indus entre Marseille et le Rhône',
    reason:
      'Deux caisses développent le même outil de suivi des indus : qui porte la version commune, et qui contribue ?',
    evolutionTarget: null,
    officeIds: [await office('CPAM-13'), await office('CPAM-69')],
  });
  const compensation = await addItem(ddo, authorizer, {
    kind: 'compensation',
    title: 'Compensation des jours de développement mis à disposition du réseau',
    reason:
      'Les caisses qui développent pour le réseau demandent que ces jours soient reconnus dans leurs objectifs.',
    callId: null,
    projectId: null,
  });
  const [pending] = await db
    .select({ id: sponsorshipRequests.id })
    .from(sponsorshipRequests)
    .where(eq(sponsorshipRequests.state, 'pending'))
    .orderBy(asc(sponsorshipRequests.requestedAt))
    .limit(1);
  const sponsorship = pending
    ? await escalateSponsorship(ddo, authorizer, {
        sponsorshipId: pending.id,
        reason:
          'La direction sollicitée demande l’avis de l’instance : le projet engage plusieurs directions.',
      })
    : null;
  const [call] = await db
    .select({ id: calls.id, title: calls.title })
    .from(calls)
    .where(eq(calls.state, 'underEvaluation'))
    .limit(1);
  const selection = call
    ? await addItem(ddo, authorizer, {
        kind: 'callSelection',
        title: `Sélection de l’appel « ${call.title} »`,
        reason: 'L’émetteur propose sa sélection ; l’appel étant national, l’instance la confirme.',
        callId: call.id,
        projectId: null,
      })
    : null;
  await submitRequest(as(AGENT), authorizer, {
    kind: 'evolution',
    title: 'Tenants AM Cloud de formation',
    reason: 'Les caisses veulent un environnement de formation sur AM Cloud, séparé de la production.',
    evolutionTarget: 'amCloud',
    officeIds: [],
  });

  const hold = async (
    title: string,
    offset: number,
    decisions: { itemId: string; body: Record<string, unknown> }[],
  ) => {
    const id = await createMeeting(ddo, authorizer, {
      title,
      meetingOn: day(now, offset),
      location: 'Paris — siège de la Cnam',
    });
    for (const d of decisions) await scheduleItem(ddo, authorizer, id, d.itemId);
    await db.transaction((tx) =>
      fireTransition({ ...ddo, db: tx }, authorizer, binding, id, { action: 'hold', version: 1 }),
    );
    await updateMeeting(ddo, authorizer, id, {
      version: 2,
      attendance: [
        'Claire Martin — DDO (présidente)',
        'Paul Durand — DDSI',
        'Nadia Benali — DDGOS',
        'Inès Robert — CPAM du Rhône',
      ],
      minutes: `## ${title}\n\nLe quorum est atteint. Les points inscrits sont examinés dans l’ordre de l’ordre du jour.\n\n- Les décisions sont publiées au registre.`,
    });
    for (const d of decisions)
      await recordDecision(ddo, authorizer, id, {
        itemId: d.itemId,
        options: [],
        projectIds: [],
        votesFor: null,
        votesAgainst: null,
        votesAbstain: null,
        ...d.body,
      } as never);
    await db.transaction((tx) =>
      fireTransition({ ...ddo, db: tx }, authorizer, binding, id, { action: 'publishMinutes', version: 3 }),
    );
  };

  await hold('Instance de gouvernance — premier trimestre', -75, [
    {
      itemId: evolution,
      body: {
        question: 'Faut-il permettre de signaler un doublon depuis la fiche d’une application ?',
        options: ['Un bouton « Signaler un doublon »', 'Un simple lien vers la messagerie des concepteurs'],
        outcome: 'approved',
        statement:
          'L’instance approuve un bouton « Signaler un doublon » qui notifie les concepteurs des deux fiches.',
        rationale:
          'Les doublons coûtent des jours de développement au réseau ; le signalement doit être à portée de main.',
        voteMode: 'consensus',
        projectIds: [projectIds[0]],
      },
    },
    {
      itemId: arbitration,
      body: {
        question: 'Quelle caisse porte la version commune de l’outil de suivi des indus ?',
        options: ['La CPAM des Bouches-du-Rhône', 'La CPAM du Rhône', 'Un portage conjoint'],
        outcome: 'approved',
        statement: 'La CPAM du Rhône porte la version commune ; la CPAM des Bouches-du-Rhône y contribue.',
        rationale: 'La version du Rhône est en production et couvre déjà la plupart des besoins exprimés.',
        voteMode: 'vote',
        votesFor: 6,
        votesAgainst: 1,
        votesAbstain: 1,
        projectIds: [projectIds[1]],
      },
    },
  ]);
  await hold('Instance de gouvernance — deuxième trimestre', -20, [
    ...(sponsorship
      ? [
          {
            itemId: sponsorship,
            body: {
              question: 'L’instance accorde-t-elle le sponsor national demandé ?',
              options: ['Accorder', 'Refuser'],
              outcome: 'approved',
              statement: 'L’instance accorde le sponsor : le projet suit la filière de labellisation.',
              rationale: 'Le besoin est national et plusieurs directions y trouvent leur compte.',
              voteMode: 'vote',
              votesFor: 7,
              votesAgainst: 0,
              votesAbstain: 1,
            },
          },
        ]
      : []),
    {
      itemId: compensation,
      body: {
        question: 'Comment reconnaître les jours de développement mis à disposition du réseau ?',
        outcome: 'postponed',
        statement:
          'L’instance ajourne la question à la prochaine séance, dans l’attente du chiffrage de la DDFC.',
        rationale: 'Le chiffrage des jours mis à disposition n’est pas encore disponible.',
        voteMode: 'consensus',
        projectIds: [projectIds[2]],
      },
    },
  ]);
  const next = await createMeeting(ddo, authorizer, {
    title: 'Instance de gouvernance — troisième trimestre',
    meetingOn: day(now, 14),
    location: 'Visioconférence',
  });
  for (const itemId of [selection, compensation].filter((i): i is string => !!i))
    await scheduleItem(ddo, authorizer, next, itemId);
  return { created: 3 };
}
