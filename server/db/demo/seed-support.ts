import { randomUUID } from 'node:crypto';
import { count, inArray } from 'drizzle-orm';
import { firstAnswerDueAt } from '../../../common/support/service-targets.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import type { Database } from '../client.ts';
import {
  applications,
  applicationUsages,
  developerProfiles,
  organisations,
  supportMessages,
  supportTickets,
  users,
} from '../schema.ts';

type Ticket = typeof supportTickets.$inferInsert;
const DAY = 86_400_000;
/** A moment some days ago (negative: ahead), at a working hour of the morning in Paris. */
const daysAgo = (days: number) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(8, 30, 0, 0);
  return at;
};

/** Two trained developers whose questions go to the Grand Est's referent and, in Normandy, to the national team. */
const COLLEAGUES = [
  { email: 'dev.hautrhin@mutualis.demo', displayName: 'Julie Roth', office: 'CPAM-68' },
  { email: 'dev.calvados@mutualis.demo', displayName: 'Camille Lefèvre', office: 'CPAM-14' },
];

/**
 * Support tickets of both flows in every state (open, escalated, resolved, withdrawn), some past their
 * service target, once (no ticket yet). Starter kit: Julie Roth (Grand Est, level 1 the CPAM du Bas-Rhin)
 * and Camille Lefèvre (Normandy, no referent: the national team at once). Applications: Antoine Martin
 * (CPAM du Rhône) on the Tableau de bord de production (homologated: its designer, the CPAM du Bas-Rhin, is
 * level 1), Rendez-vous accueil (labelled: the CSN, then the CPAM de Paris) and Gestion de la file d'attente.
 */
export async function seedDemoSupport(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(supportTickets);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const offices = new Map(
    (
      await db
        .select({ id: organisations.id, code: organisations.code })
        .from(organisations)
        .where(inArray(organisations.code, ['CPAM-67', 'CPAM-68', 'CPAM-14', 'CPAM-69', 'CSN']))
    ).map((o) => [o.code, o.id]),
  );
  const apps = new Map(
    (
      await db
        .select({
          id: applications.id,
          code: applications.code,
          designer: applications.designerOrganisationId,
        })
        .from(applications)
        .where(inArray(applications.code, ['TDB-PRODUCTION', 'RDV-ACCUEIL', 'FILE-ATTENTE']))
    ).map((a) => [a.code, a]),
  );
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(users.email, [
            'agent.rhone@mutualis.demo',
            'dev.basrhin@mutualis.demo',
            'ddsi@mutualis.demo',
          ]),
        )
    ).map((u) => [u.email, u.id]),
  );
  const agent = people.get('agent.rhone@mutualis.demo');
  const lea = people.get('dev.basrhin@mutualis.demo');
  const ddsi = people.get('ddsi@mutualis.demo');
  const [strasbourg, rhone, csn] = [offices.get('CPAM-67'), offices.get('CPAM-69'), offices.get('CSN')];
  const [board, appointments, queue] = ['TDB-PRODUCTION', 'RDV-ACCUEIL', 'FILE-ATTENTE'].map((c) =>
    apps.get(c),
  );
  if (!agent || !lea || !ddsi || !strasbourg || !rhone || !csn || !board || !appointments || !queue)
    return { created: 0 };

  // Colleagues who sign in through the network's directory only: their password is never told.
  const passwordHash = await hashPassword(randomUUID());
  const colleagues = await db
    .insert(users)
    .values(
      COLLEAGUES.flatMap((c) => {
        const organisationId = offices.get(c.office);
        return organisationId
          ? [
              {
                email: c.email,
                displayName: c.displayName,
                organisationId,
                roles: ['developer' as const],
                passwordHash,
              },
            ]
          : [];
      }),
    )
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, organisationId: users.organisationId });
  const julie = colleagues.find((c) => c.email === COLLEAGUES[0]?.email);
  const camille = colleagues.find((c) => c.email === COLLEAGUES[1]?.email);
  if (!julie || !camille) return { created: 0 };
  await db
    .insert(developerProfiles)
    .values(
      [julie, camille].map((c) => ({
        userId: c.id,
        trainedAt: '2025-10-09',
        technologies: ['PHP', 'Symfony'],
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(applicationUsages)
    .values([board, appointments, queue].map((a) => ({ applicationId: a.id, organisationId: rhone })))
    .onConflictDoNothing();

  const starterKit = (opener: typeof julie, region: string, level1: string[]) => (t: Partial<Ticket>) =>
    ({
      flow: 'starterKit' as const,
      region,
      level1OrganisationIds: level1,
      openedBy: opener.id,
      openerOrganisationId: opener.organisationId,
      ...t,
    }) as Ticket;
  const grandEst = starterKit(julie, 'grand-est', [strasbourg]);
  const normandy = starterKit(camille, 'normandie', []);
  const reported = (app: typeof board, level1: string) => (t: Partial<Ticket>) =>
    ({
      flow: 'application' as const,
      applicationId: app.id,
      designerOrganisationId: app.designer,
      level1OrganisationIds: [level1],
      openedBy: agent,
      openerOrganisationId: rhone,
      ...t,
    }) as Ticket;
  const onBoard = reported(board, strasbourg);
  const onAppointments = reported(appointments, csn);
  // Opened `days` ago at level 1; `answered`, `escalated`, `resolved`: days ago too.
  const timed = (days: number, at: { answered?: number; escalated?: number; resolved?: number } = {}) => {
    const opened = daysAgo(days);
    const escalated = at.escalated === undefined ? null : daysAgo(at.escalated);
    const resolved = at.resolved === undefined ? null : daysAgo(at.resolved);
    const answered = at.answered === undefined ? null : daysAgo(at.answered);
    return {
      createdAt: opened,
      updatedAt: resolved ?? escalated ?? opened,
      level1DueAt: firstAnswerDueAt(opened),
      level1AnsweredAt: answered ?? escalated ?? (escalated ? null : resolved),
      firstAnsweredAt: answered ?? resolved,
      ...(escalated
        ? {
            state: 'escalated' as const,
            level: 2,
            escalatedAt: escalated,
            level2DueAt: firstAnswerDueAt(escalated),
            level2AnsweredAt: resolved,
          }
        : {}),
      ...(resolved ? { state: 'resolved' as const, resolvedAt: resolved } : {}),
    };
  };

  const rows: Ticket[] = [
    grandEst({
      subject: 'Migration Doctrine après la mise à jour 3.2 du starter kit',
      description:
        'La commande doctrine:migrations:diff propose de supprimer les index créés par le starter kit. Faut-il les déclarer dans nos entités ?',
      ...timed(0),
    }),
    grandEst({
      subject: 'Le générateur de formulaires ignore les contraintes de validation',
      description:
        'Les contraintes Assert posées sur l’entité ne sont pas reprises par le formulaire généré par le starter kit : le champ accepte une date vide.',
      ...timed(9),
    }),
    grandEst({
      subject: 'Jeton CSRF refusé derrière le reverse proxy régional',
      description:
        'Depuis la mise en production derrière le reverse proxy de la région, tous les formulaires échouent avec « Invalid CSRF token ».',
      escalationNote:
        'Reproduit chez nous : la configuration trusted_proxies du starter kit semble en cause.',
      ...timed(12, { escalated: 8 }),
    }),
    grandEst({
      subject: 'Configurer l’authentification unique du starter kit',
      description:
        'Comment brancher l’authentification unique du réseau sur une application créée avec le starter kit ? La documentation parle d’un bundle, mais sans exemple.',
      resolution:
        'Activez le bundle d’authentification fourni (config/packages/security.yaml, firewall « main » avec l’authenticator du réseau) et déclarez l’URL de retour auprès de l’équipe nationale.',
      ...timed(20, { answered: 19, resolved: 18 }),
    }),
    grandEst({
      subject: 'Tests fonctionnels lents avec la base de démonstration',
      description:
        'La suite de tests du starter kit recharge toute la base à chaque test : quinze minutes pour quarante tests.',
      escalationNote: 'Question d’architecture des tests : pour l’équipe nationale.',
      resolution:
        'Utilisez les transactions par test (DAMADoctrineTestBundle), ajoutées au starter kit 3.2.1.',
      ...timed(30, { escalated: 29, resolved: 22 }),
    }),
    grandEst({
      subject: 'Question en double sur la traduction des messages',
      description: 'Finalement trouvée dans la documentation, je retire ma question.',
      state: 'withdrawn',
      ...timed(5),
    }),
    normandy({
      subject: 'Première installation du starter kit sur un poste Windows',
      description:
        'L’installation échoue sur l’extension intl de PHP sous Windows. Pas de référent en Normandie : qui peut nous aider ?',
      escalationNote: 'Aucun référent dans la région : ticket adressé directement à l’équipe nationale.',
      createdAt: daysAgo(0),
      state: 'escalated',
      level: 2,
      escalatedAt: daysAgo(0),
      level2DueAt: firstAnswerDueAt(daysAgo(0)),
    }),
    onBoard({
      subject: 'Le tableau de bord n’affiche plus les stocks du lundi',
      description:
        'Depuis la semaine dernière, la colonne « stock au lundi » reste vide pour notre organisme.',
      ...timed(1),
    }),
    onBoard({
      subject: 'Export Excel tronqué à 1 000 lignes',
      description:
        'L’export des indicateurs s’arrête à 1 000 lignes alors que notre production en compte 4 200.',
      resolution: 'Limite levée dans la version 2.4 déployée ce jour : l’export est désormais complet.',
      ...timed(15, { answered: 14, resolved: 10 }),
    }),
    onAppointments({
      subject: 'Les créneaux du samedi ne sont plus proposés',
      description: 'Les assurés ne voient plus les créneaux du samedi matin depuis la mise à jour.',
      escalationNote: 'Reproduit au CSN : anomalie du paramétrage national, pour l’organisme concepteur.',
      ...timed(11, { escalated: 9 }),
    }),
    onAppointments({
      subject: 'SMS de rappel envoyés deux fois',
      description: 'Certains assurés reçoivent deux SMS de rappel la veille de leur rendez-vous.',
      ...timed(7),
    }),
    reported(
      queue,
      queue.designer,
    )({
      subject: 'Écran d’appel figé',
      description: 'L’écran d’appel des tickets se fige après une heure ; réglé par un redémarrage du poste.',
      state: 'withdrawn',
      ...timed(4),
    }),
  ];
  const inserted = await db
    .insert(supportTickets)
    .values(rows)
    .returning({ id: supportTickets.id, subject: supportTickets.subject });
  const idOf = (prefix: string) => inserted.find((t) => t.subject.startsWith(prefix))?.id as string;
  await db.insert(supportMessages).values([
    {
      ticketId: idOf('Configurer l’authentification'),
      authorId: lea,
      body: 'Je regarde avec notre configuration et je reviens vers vous demain.',
      createdAt: daysAgo(19),
    },
    {
      ticketId: idOf('Export Excel'),
      authorId: lea,
      body: 'Merci, c’est reproduit : la limite vient de la bibliothèque d’export, correctif en cours.',
      createdAt: daysAgo(14),
    },
  ]);
  return { created: inserted.length };
}
