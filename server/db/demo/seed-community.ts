import { count, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  developerProfiles,
  organisations,
  referentApplications,
  trainingRegistrations,
  trainingSessions,
  users,
} from '../schema.ts';

/** The demo developers' profiles (one trained referent, one developer not trained yet). */
const DEMO_PROFILES: {
  email: string;
  headline: string;
  skills: string[];
  technologies: string[];
  available: boolean;
  note?: string;
  trainedAt?: string;
}[] = [
  {
    email: 'dev.basrhin@mutualis.demo',
    headline: 'Référente SK PHP pour le Grand Est, formatrice et contributrice du starter kit',
    skills: ['Formation', 'Support niveau 1', 'Accessibilité', 'Revue de code'],
    technologies: ['PHP', 'Symfony', 'Twig', 'GitLab CI', 'PostgreSQL'],
    available: true,
    note: 'Deux jours par mois pour accompagner un projet d’une autre région.',
    trainedAt: '2018-06-14',
  },
  {
    email: 'dev.marseille@mutualis.demo',
    headline: 'Développeur d’applications métier de la CPAM des Bouches-du-Rhône',
    skills: ['Recette', 'Reprise de données'],
    technologies: ['PHP', 'Symfony', 'JavaScript', 'Oracle'],
    available: false,
  },
];

/** Profiles and a pending application of an office for Provence-Alpes-Côte d'Azur, once (no profile yet). */
export async function seedDemoCommunity(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(developerProfiles);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = new Map(
    (
      await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            DEMO_PROFILES.map((p) => p.email),
          ),
        )
    ).map((u) => [u.email, u.id]),
  );
  const rows = DEMO_PROFILES.flatMap((p) => {
    const userId = people.get(p.email);
    return userId
      ? [
          {
            userId,
            headline: p.headline,
            skills: p.skills,
            technologies: p.technologies,
            availableForCollaboration: p.available,
            availabilityNote: p.note ?? null,
            trainedAt: p.trainedAt ?? null,
          },
        ]
      : [];
  });
  if (rows.length > 0) await db.insert(developerProfiles).values(rows);
  const [marseille] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.code, ['CPAM-13']));
  if (marseille)
    await db.insert(referentApplications).values({
      organisationId: marseille.id,
      region: 'provence-alpes-cote-d-azur',
      motivation:
        'La CPAM des Bouches-du-Rhône a deux développeurs formés au starter kit et accueille déjà les développeurs de la région pour des ateliers : elle se propose comme référente de Provence-Alpes-Côte d’Azur.',
    });
  const training = await seedTraining(db, people);
  return { created: rows.length + (marseille ? 1 : 0) + training };
}

/** A session of the Grand Est in three weeks, by the CPAM du Bas-Rhin; Karim's request is demand in PACA. */
async function seedTraining(db: Database, people: Map<string, string>) {
  const [strasbourg] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.code, ['CPAM-67']));
  const karim = people.get('dev.marseille@mutualis.demo');
  if (!strasbourg || !karim) return 0;
  const startsOn = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const endsOn = new Date(Date.now() + 23 * 86_400_000).toISOString().slice(0, 10);
  await db.insert(trainingSessions).values({
    region: 'grand-est',
    title: 'Starter kit PHP — promotion Grand Est',
    mode: 'onSite',
    place: 'CPAM du Bas-Rhin, Strasbourg',
    startsOn,
    endsOn,
    capacity: 8,
    trainerOrganisationId: strasbourg.id,
  });
  await db.insert(trainingRegistrations).values({
    region: 'provence-alpes-cote-d-azur',
    developerUserId: karim,
    requestedBy: karim,
    status: 'demand',
    prerequisites: { php: true, symfony: true, versioning: true, symfonyUsed: true },
    note: 'Pas encore de session en Provence-Alpes-Côte d’Azur.',
  });
  return 2;
}
