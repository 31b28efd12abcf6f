import { count, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  applications,
  clubContacts,
  clubMeetings,
  clubMembers,
  clubPosts,
  clubWishes,
  clubWishVotes,
  organisations,
  users,
} from '../schema.ts';

/**
 * The user clubs of two shared demo applications (letter §2.2.1): GesCongés (CPAM du Rhône) and the
 * production dashboard (CPAM du Bas-Rhin), with member offices and their contacts, news, a meeting held
 * and one to come, wishes open to votes, planned and declined. The club of « Gestion des réclamations »
 * (CPAM des Bouches-du-Rhône) is left empty: the browser journey fills it.
 */
interface DemoClub {
  application: string;
  /** Member offices by code, with their contacts by e-mail. */
  members: [string, string[]][];
  posts: { author: string; title: string; body: string; daysAgo: number }[];
  meetings: { author: string; title: string; inDays: number; agenda: string; minutes?: string }[];
  wishes: {
    author: string;
    office: string;
    title: string;
    description: string;
    votes: [string, 'for' | 'against'][];
    planned?: string;
    declined?: string;
  }[];
}

const CLUBS: DemoClub[] = [
  {
    application: 'GESCONGES',
    members: [
      ['CPAM-67', ['directeur.basrhin@mutualis.demo']],
      ['CPAM-13', ['dev.marseille@mutualis.demo']],
    ],
    posts: [
      {
        author: 'directeur.rhone@mutualis.demo',
        title: 'GesCongés 3.2 est en production',
        body: 'La version **3.2** apporte :\n\n- le compte épargne-temps dans les soldes\n- l’export mensuel des absences au format de la paie\n\nMerci aux caisses qui l’ont recettée.',
        daysAgo: 12,
      },
      {
        author: 'directeur.rhone@mutualis.demo',
        title: 'Prochain club le mois prochain',
        body: 'L’ordre du jour est ouvert : proposez vos sujets dans la liste des évolutions.',
        daysAgo: 3,
      },
    ],
    meetings: [
      {
        author: 'directeur.rhone@mutualis.demo',
        title: 'Club de printemps',
        inDays: -40,
        agenda: '1. Bilan de la version 3.1\n2. Feuille de route 3.2\n3. Questions des caisses',
        minutes:
          'Douze caisses présentes. La version 3.2 reprend le compte épargne-temps ; l’export vers la paie est prioritaire.',
      },
      {
        author: 'directeur.rhone@mutualis.demo',
        title: 'Club d’automne',
        inDays: 30,
        agenda: '1. Retour sur la 3.2\n2. Vote des évolutions de la 3.3',
      },
    ],
    wishes: [
      {
        author: 'dev.marseille@mutualis.demo',
        office: 'CPAM-13',
        title: 'Déléguer la validation pendant les congés du manager',
        description:
          'Quand le manager est absent, ses demandes en attente devraient aller à son suppléant sans intervention de la RH.',
        votes: [
          ['CPAM-13', 'for'],
          ['CPAM-67', 'for'],
        ],
      },
      {
        author: 'directeur.basrhin@mutualis.demo',
        office: 'CPAM-67',
        title: 'Export des absences vers la paie',
        description: 'Un export mensuel des absences au format attendu par le logiciel de paie.',
        votes: [['CPAM-67', 'for']],
        planned: '3.2',
      },
      {
        author: 'dev.marseille@mutualis.demo',
        office: 'CPAM-13',
        title: 'Application mobile hors connexion',
        description:
          'Poser ses congés depuis un téléphone sans réseau, la demande partant au retour du réseau.',
        votes: [['CPAM-13', 'for']],
        declined:
          'Le poste de travail et le navigateur du téléphone suffisent : une application hors connexion sort du cadre d’hébergement AM Cloud.',
      },
    ],
  },
  {
    application: 'TDB-PRODUCTION',
    members: [
      ['CPAM-13', ['dev.marseille@mutualis.demo']],
      ['CPAM-69', ['agent.rhone@mutualis.demo']],
    ],
    posts: [
      {
        author: 'dev.basrhin@mutualis.demo',
        title: 'Nouveaux indicateurs de stocks',
        body: 'Les stocks de plus de **30 jours** apparaissent désormais en tête du tableau.',
        daysAgo: 8,
      },
    ],
    meetings: [
      {
        author: 'directeur.basrhin@mutualis.demo',
        title: 'Atelier des utilisateurs',
        inDays: 21,
        agenda: '1. Les indicateurs attendus par les directeurs\n2. Le calendrier des extractions ERASME',
      },
    ],
    wishes: [
      {
        author: 'agent.rhone@mutualis.demo',
        office: 'CPAM-69',
        title: 'Comparer deux services côte à côte',
        description:
          'Afficher la production de deux services sur le même graphique pour les réunions de direction.',
        votes: [
          ['CPAM-69', 'for'],
          ['CPAM-13', 'against'],
        ],
      },
    ],
  },
];

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

/** The demo clubs, once (while no club has any member). */
export async function seedDemoClubs(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(clubMembers);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const ids = async <K extends string>(rows: Promise<{ key: K; id: string }[]>) =>
    new Map((await rows).map((r) => [r.key, r.id]));
  const apps = await ids(
    db
      .select({ key: applications.code, id: applications.id })
      .from(applications)
      .where(
        inArray(
          applications.code,
          CLUBS.map((c) => c.application),
        ),
      ),
  );
  const offices = await ids(db.select({ key: organisations.code, id: organisations.id }).from(organisations));
  const people = await ids(
    db
      .select({ key: users.email, id: users.id })
      .from(users)
      .where(inArray(users.email, [...new Set(CLUBS.flatMap(peopleOf))])),
  );
  const id = (map: Map<string, string>, key: string) => {
    const found = map.get(key);
    if (!found) throw new Error(`Demo clubs: ${key} is unknown`);
    return found;
  };
  let created = 0;
  await db.transaction(async (tx) => {
    for (const club of CLUBS) {
      const applicationId = apps.get(club.application);
      if (!applicationId) continue;
      created += 1;
      for (const [office, contacts] of club.members) {
        const organisationId = id(offices, office);
        await tx
          .insert(clubMembers)
          .values({ applicationId, organisationId, joinedBy: id(people, contacts[0] ?? '') });
        for (const email of contacts)
          await tx.insert(clubContacts).values({ applicationId, organisationId, userId: id(people, email) });
      }
      for (const post of club.posts)
        await tx.insert(clubPosts).values({
          applicationId,
          authorId: id(people, post.author),
          title: post.title,
          body: post.body,
          createdAt: day(-post.daysAgo),
        });
      for (const meeting of club.meetings)
        await tx.insert(clubMeetings).values({
          applicationId,
          createdBy: id(people, meeting.author),
          title: meeting.title,
          heldOn: day(meeting.inDays).toISOString().slice(0, 10),
          agenda: meeting.agenda,
          minutes: meeting.minutes ?? null,
        });
      for (const wish of club.wishes) {
        const [row] = await tx
          .insert(clubWishes)
          .values({
            applicationId,
            authorId: id(people, wish.author),
            authorOrganisationId: id(offices, wish.office),
            title: wish.title,
            description: wish.description,
            state: wish.planned ? 'planned' : wish.declined ? 'declined' : 'open',
            plannedVersion: wish.planned ?? null,
            declineReason: wish.declined ?? null,
          })
          .returning({ id: clubWishes.id });
        for (const [office, value] of wish.votes) {
          const voter = club.members.find(([code]) => code === office)?.[1][0] ?? wish.author;
          await tx.insert(clubWishVotes).values({
            wishId: row?.id as string,
            organisationId: id(offices, office),
            userId: id(people, voter),
            value,
          });
        }
      }
    }
  });
  return { created };
}

function peopleOf(club: DemoClub) {
  return [
    ...club.members.flatMap(([, contacts]) => contacts),
    ...club.posts.map((p) => p.author),
    ...club.meetings.map((m) => m.author),
    ...club.wishes.map((w) => w.author),
  ];
}
