/**
 * Deterministic generator of projects in progress at network scale, and their loader: French titles and
 * needs built from the catalogue generator's vocabulary (generate.ts), a holder office drawn from the
 * directory (mostly CPAM), the four tracks, every phase (most projects early in their life), developer
 * and pilot offices (a third with no developer office yet: "besoins sans développeurs"), the national
 * directorate of a national participation, and the sponsorships of the tracks that need one.
 */
import { sql } from 'drizzle-orm';
import type { ProjectPhase } from '../common/projects.ts';
import type { ProjectTrack } from '../common/tracks.ts';
import type { Database } from '../server/db/client.ts';
import { seededRandom } from '../server/db/demo/seed-catalogue.ts';
import { organisations, projectOffices, projects, sponsorshipRequests } from '../server/db/schema.ts';
import { ACTIONS, AUDIENCES, FEATURES, SUBJECTS } from './generate.ts';

export const PROJECT_SEED = 2026;

const OPENINGS = [
  'Outil de',
  'Application de',
  'Dématérialisation de la',
  'Automatisation de la',
  'Refonte du',
];
const WHO = [
  'Les agents de l’accueil',
  'Les gestionnaires de prestations',
  'Les cadres de proximité',
  'Le service médical',
  'Les délégués de l’Assurance Maladie',
  'Les équipes comptables',
  'Les correspondants informatiques',
  'Les conseillers du service client',
];
const PROBLEMS = [
  'ressaisissent les mêmes informations dans plusieurs tableurs',
  'n’ont aucune vue d’ensemble des dossiers en attente',
  'relancent à la main par courrier et par téléphone',
  'perdent du temps à rechercher les pièces dans les boîtes partagées',
  'ne peuvent pas suivre les délais de traitement',
  'échangent par courriel sans traçabilité',
];
/** Tracks by share: most projects are local (non-standard), a few national participations. */
const TRACKS: [ProjectTrack, number][] = [
  ['nonStandard', 0.45],
  ['homologation', 0.75],
  ['labelling', 0.92],
  ['nationalParticipation', 1],
];
/** Phases by share: most projects early, a tail delivered, suspended or abandoned. */
const PHASES: [ProjectPhase, number][] = [
  ['needExpressed', 0.3],
  ['framing', 0.5],
  ['development', 0.72],
  ['acceptance', 0.82],
  ['delivered', 0.9],
  ['suspended', 0.95],
  ['abandoned', 1],
];
const SPONSORED = new Set<ProjectTrack>(['labelling', 'nationalParticipation']);
const STARTED = new Set<ProjectPhase>(['development', 'acceptance', 'delivered']);

export interface GeneratedProject {
  title: string;
  need: string;
  description: string;
  domainCode: string;
  holderCode: string;
  track: ProjectTrack;
  phase: ProjectPhase;
  developerCodes: string[];
  pilotCodes: string[];
  /** The national directorate that owns a national participation, or sponsors a labelling. */
  directorateCode: string | null;
  sponsorship: 'pending' | 'accepted' | null;
  daysAgo: number;
}

export interface Office {
  code: string;
  type: string;
}

const byShare = <T>(shares: [T, number][], roll: number) =>
  (shares.find(([, upTo]) => roll < upTo) ?? shares[shares.length - 1])?.[0] as T;

export function generateProjects(count: number, offices: Office[], seed = PROJECT_SEED): GeneratedProject[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const local = offices
    .filter((o) => o.type !== 'national' && o.type !== 'nationalCentre')
    .map((o) => o.code);
  const cpams = local.filter((code) => code.startsWith('CPAM'));
  const directorates = offices.filter((o) => o.type === 'national').map((o) => o.code);
  const list: GeneratedProject[] = [];
  for (let i = 0; i < count; i += 1) {
    const [subject, domainCode] = pick(SUBJECTS);
    const opening = pick(OPENINGS);
    const title =
      random() < 0.5
        ? `${pick(ACTIONS)} ${subject}${pick(AUDIENCES)}`
        : `${opening} ${pick(ACTIONS).toLowerCase()} ${subject}`;
    const need = `${pick(WHO)} ${pick(PROBLEMS)} pour la gestion ${subject}. Le besoin : ${pick(FEATURES)} et ${pick(FEATURES)}.`;
    const description = [
      `## Contexte\n\n${need}`,
      `## Fonctionnalités attendues\n\n- ${pick(FEATURES)}\n- ${pick(FEATURES)}\n- ${pick(FEATURES)}`,
    ].join('\n\n');
    const track = byShare(TRACKS, random());
    const phase = byShare(PHASES, random());
    const holderCode = random() < 0.75 ? pick(cpams) : pick(local);
    const developers = random() < 0.35 ? 0 : 1 + Math.floor(random() * 2);
    const developerCodes = [...new Set(Array.from({ length: developers }, () => pick(local)))];
    const pilotCodes = random() < 0.4 ? [pick(local)] : [];
    const directorateCode =
      track === 'nationalParticipation' || track === 'labelling' ? pick(directorates) : null;
    const sponsorship = SPONSORED.has(track)
      ? STARTED.has(phase) || random() < 0.5
        ? 'accepted'
        : 'pending'
      : null;
    list.push({
      title,
      need,
      description,
      domainCode,
      holderCode,
      track,
      phase,
      developerCodes: developerCodes.filter((code) => code !== holderCode),
      pilotCodes: pilotCodes.filter((code) => code !== holderCode && !developerCodes.includes(code)),
      directorateCode,
      sponsorship,
      daysAgo: Math.floor(random() * 720),
    });
  }
  return list;
}

const CHUNK = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Generates `count` projects and writes them with their offices and sponsorships, in chunks. */
export async function loadProjects(db: Database, count: number) {
  const rows = await db
    .select({ id: organisations.id, code: organisations.code, type: organisations.type })
    .from(organisations);
  const idOf = new Map(rows.map((o) => [o.code, o.id]));
  const office = (code: string) => idOf.get(code) as string;
  const generated = generateProjects(count, rows);
  const now = Date.now();
  for (let start = 0; start < generated.length; start += CHUNK) {
    const chunk = generated.slice(start, start + CHUNK);
    const inserted = await db
      .insert(projects)
      .values(
        chunk.map((p) => {
          const at = new Date(now - p.daysAgo * DAY_MS);
          return {
            title: p.title,
            need: p.need,
            description: p.description,
            domainCode: p.domainCode,
            holderOrganisationId: office(p.holderCode),
            track: p.track,
            phase: p.phase,
            suspendedFrom: p.phase === 'suspended' ? ('framing' as const) : null,
            forgeUrl: STARTED.has(p.phase) ? `https://forge.assurance-maladie.fr/projet-${start}` : null,
            homologationDeclaredOn: p.track === 'homologation' ? at.toISOString().slice(0, 10) : null,
            owningDirectorateId:
              p.track === 'nationalParticipation' && p.directorateCode ? office(p.directorateCode) : null,
            createdAt: at,
            updatedAt: new Date(at.getTime() + (p.daysAgo % 30) * DAY_MS),
          };
        }),
      )
      .returning({ id: projects.id });
    const offices = chunk.flatMap((p, k) => [
      ...p.developerCodes.map((code) => ({
        projectId: inserted[k]?.id as string,
        organisationId: office(code),
        role: 'developer' as const,
      })),
      ...p.pilotCodes.map((code) => ({
        projectId: inserted[k]?.id as string,
        organisationId: office(code),
        role: 'pilot' as const,
      })),
    ]);
    if (offices.length > 0) await db.insert(projectOffices).values(offices);
    const sponsorships = chunk.flatMap((p, k) =>
      p.sponsorship && p.directorateCode
        ? [
            {
              projectId: inserted[k]?.id as string,
              directorateId: office(p.directorateCode),
              pitch: `${p.need} Le projet servirait à tout le réseau.`,
              state: p.sponsorship,
              decidedAt: p.sponsorship === 'accepted' ? new Date(now) : null,
            },
          ]
        : [],
    );
    if (sponsorships.length > 0) await db.insert(sponsorshipRequests).values(sponsorships);
  }
  await db.execute(sql`VACUUM ANALYZE`);
  return { projects: generated.length };
}
