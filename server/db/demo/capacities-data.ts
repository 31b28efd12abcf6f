import { quartersFrom } from '../../../common/quarters.ts';
import type { Executor } from '../client.ts';
import { capacityDeclarations } from '../schema.ts';

/**
 * What demo offices can give to others' projects ("forces disponibles"), by quarter from the current one
 * (0; -1 is past, and no longer shown). Written so that the needs without developers of projects-data.ts
 * find their matches: the IJ dashboard and the call routing of Marseille (CPAM-67: dashboards, its own
 * projects in the domains), the online appointments of Strasbourg (CPAM-69: online agenda, SMS), the
 * equipment requests (CPAM-35: forms, logistics), the fall prevention of Rennes (CTI-NE: targeting).
 */
const DEMO_CAPACITIES: {
  office: string;
  quarter: -1 | 0 | 1 | 2;
  personDays: number;
  skills: string[];
  comment: string;
}[] = [
  {
    office: 'CPAM-67',
    quarter: 0,
    personDays: 40,
    skills: ['Tableaux de bord', 'Indicateurs', 'PostgreSQL', 'Java'],
    comment: 'Deux développeurs libérés après la livraison de TDB-PRODUCTION.',
  },
  {
    office: 'CPAM-67',
    quarter: 1,
    personDays: 30,
    skills: ['Tableaux de bord', 'Java'],
    comment: '',
  },
  {
    office: 'CPAM-69',
    quarter: 0,
    personDays: 60,
    skills: ['Agenda en ligne', 'SMS', 'React'],
    comment: 'Notre équipe web a construit la prise de rendez-vous de la CAF du Rhône.',
  },
  {
    office: 'CPAM-35',
    quarter: 1,
    personDays: 15,
    skills: ['Formulaires', 'Logistique'],
    comment: 'Une développeuse à mi-temps au printemps.',
  },
  {
    office: 'CTI-NE',
    quarter: 0,
    personDays: 80,
    skills: ['Ciblage', 'Statistiques', 'Python'],
    comment: 'Équipe data du CTI : ciblage et modèles de risque.',
  },
  {
    office: 'CPAM-13',
    quarter: -1,
    personDays: 20,
    skills: ['Téléphonie'],
    comment: 'Trimestre passé.',
  },
];

/** The demo capacities, with the demo projects (once). */
export async function seedDemoCapacities(db: Executor, office: (code: string) => string, now: Date) {
  const quarters = quartersFrom(now, 4, -1);
  await db
    .insert(capacityDeclarations)
    .values(
      DEMO_CAPACITIES.map((c) => ({
        organisationId: office(c.office),
        quarter: quarters[c.quarter + 1] as string,
        personDays: c.personDays,
        skills: c.skills,
        comment: c.comment,
      })),
    )
    .onConflictDoNothing();
}
