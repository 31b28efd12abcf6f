import { count, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { developerProfiles, organisations, referentApplications, users } from '../schema.ts';

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
  return { created: rows.length + (marseille ? 1 : 0) };
}
