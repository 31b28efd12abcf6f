/**
 * Deterministic generator of a realistic catalogue: French names and descriptions built from the
 * vocabulary of the network, designer offices drawn from the directory (mostly CPAM), tracks and
 * certification consistent with each other, technologies, and a long-tail of usages (a few
 * applications used everywhere, most by one or two offices). Same seed, same catalogue.
 */
import { INVENTORY_COLUMNS } from '../common/catalog/inventory-columns.ts';
import {
  type CertificationStatus,
  HOSTINGS,
  type Hosting,
  type LifecycleStage,
  type PersonalDataCategory,
  type Track,
  technologyTags,
} from '../common/catalog/vocabulary.ts';
import { withoutAccents } from '../common/text.ts';
import { seededRandom } from '../server/db/demo/seed-catalogue.ts';

export const SEED = 2018;

export const SUBJECTS: [string, string][] = [
  ['des congés et absences', 'ressources-humaines'],
  ['des entretiens annuels', 'ressources-humaines'],
  ['des formations internes', 'ressources-humaines'],
  ['des astreintes', 'ressources-humaines'],
  ['du télétravail', 'ressources-humaines'],
  ['des indus de prestations', 'comptabilite-finances'],
  ['des factures fournisseurs', 'comptabilite-finances'],
  ['du rapprochement bancaire', 'comptabilite-finances'],
  ['des arrêts de travail', 'controle-medical'],
  ['des avis médicaux', 'controle-medical'],
  ['des indemnités journalières', 'prestations'],
  ['des pensions d’invalidité', 'prestations'],
  ['du capital décès', 'prestations'],
  ['des frais de transport', 'prestations'],
  ['de la complémentaire santé solidaire', 'prestations'],
  ['des réclamations', 'relation-client'],
  ['des rendez-vous en accueil', 'relation-client'],
  ['des appels sortants', 'relation-client'],
  ['des campagnes de dépistage', 'gestion-du-risque'],
  ['des visites des délégués', 'gestion-du-risque'],
  ['du retour à domicile', 'gestion-du-risque'],
  ['des signalements de fraude', 'lutte-contre-la-fraude'],
  ['des pénalités financières', 'lutte-contre-la-fraude'],
  ['des indicateurs de production', 'pilotage-statistiques'],
  ['des stocks de dossiers', 'pilotage-statistiques'],
  ['de la fréquentation des agences', 'pilotage-statistiques'],
  ['des réservations de salles', 'achats-logistique'],
  ['des commandes de fournitures', 'achats-logistique'],
  ['des marchés publics', 'achats-logistique'],
  ['des habilitations', 'informatique-outillage'],
  ['du parc informatique', 'informatique-outillage'],
  ['des demandes d’assistance', 'informatique-outillage'],
  ['des recours amiables', 'juridique-contentieux'],
  ['du contentieux', 'juridique-contentieux'],
  ['des recours contre tiers', 'juridique-contentieux'],
  ['des courriers aux assurés', 'gestion-documentaire'],
  ['des pièces justificatives', 'gestion-documentaire'],
  ['des notes de service', 'gestion-documentaire'],
];
export const ACTIONS = [
  'Gestion',
  'Suivi',
  'Planification',
  'Tableau de bord',
  'Pilotage',
  'Instruction',
  'Contrôle',
  'Édition',
  'Traitement',
  'Relance',
  'Calcul',
  'Archivage',
  'Saisie',
  'Portail',
];
export const AUDIENCES = [
  '',
  ' des assurés',
  ' des agents',
  ' des professionnels de santé',
  ' en agence',
  ' du service médical',
  ' par service',
  ' de l’accueil',
  ' des employeurs',
];
export const FEATURES = [
  'circuit de validation à deux niveaux',
  'exports pour le pilotage',
  'relances automatiques par courriel',
  'tableau de bord par service',
  'traçabilité des actions',
  'habilitations par profil',
  'historique consultable',
  'statistiques mensuelles',
  'import des données nationales',
  'éditions PDF',
];
const PHP = ['7.4', '8.1', '8.2', '8.3'];
const SYMFONY = ['4.4', '5.4', '6.4', '7.1'];
const STARTER = ['2.4', '3.1', '4.0'];
const DATABASES = ['PostgreSQL', 'PostgreSQL', 'MySQL', 'Oracle', 'MariaDB'];
const OTHERS = ['Vue.js', 'Redis', 'RabbitMQ', 'Elasticsearch', 'Twig', 'Bootstrap'];
const CONNECTORS = ['PROGRES', 'SNGI', 'ERASME', 'MEDIAM', 'HIPPOCRATE', 'SNIIRAM', 'Annuaire national'];
const PERSONAL = ['identity', 'nir', 'health', 'financial', 'professional', 'contact'] as const;

export interface GeneratedApplication {
  code: string;
  name: string;
  summary: string;
  description: string;
  domainCode: string;
  designerCode: string;
  track: Track;
  certificationStatus: CertificationStatus;
  lifecycleStage: LifecycleStage;
  technologies: {
    php: string | null;
    symfony: string | null;
    starterKit: string | null;
    psram: string | null;
    database: string | null;
    others: string[];
  };
  hosting: Hosting;
  personalDataCategories: PersonalDataCategory[];
  connectors: string[];
  usageOffices: string[];
  /** What the application does, as the generator knows it: action, subject and audience. */
  need: string;
  /** For a planted duplicate: the code of the application it copies. */
  duplicateOf?: string;
}

/**
 * `count` applications over the given office codes. The last `duplicates` of them are planted duplicates:
 * another office's sheet for the same need as an earlier one, its name retyped (accents dropped, a typo,
 * a version suffix, "Outil de …") and its summary written again.
 */
export function generateCatalogue(
  count: number,
  officeCodes: string[],
  seed = SEED,
  { duplicates = 0 }: { duplicates?: number } = {},
): GeneratedApplication[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const cpams = officeCodes.filter((c) => c.startsWith('CPAM'));
  const apps: GeneratedApplication[] = [];
  for (let i = 0; i < count - duplicates; i += 1) {
    const [subject, domainCode] = pick(SUBJECTS);
    const action = pick(ACTIONS);
    const audience = pick(AUDIENCES);
    const name = `${action} ${subject}${audience}`;
    const designerCode = random() < 0.75 ? pick(cpams) : pick(officeCodes);
    const roll = random();
    const track =
      roll < 0.1
        ? 'labelling'
        : roll < 0.35
          ? 'homologation'
          : roll < 0.8
            ? 'nonStandard'
            : roll < 0.85
              ? 'nationalParticipation'
              : 'notDeclared';
    const certified = random();
    const certificationStatus =
      track === 'labelling'
        ? certified < 0.6
          ? 'labelled'
          : 'inProgress'
        : track === 'homologation'
          ? certified < 0.6
            ? 'homologated'
            : 'inProgress'
          : 'none';
    const lifecycle = random();
    const lifecycleStage =
      lifecycle < 0.12
        ? 'inDevelopment'
        : lifecycle < 0.9
          ? 'inProduction'
          : lifecycle < 0.97
            ? 'deprecated'
            : 'retired';
    const starterKit = track === 'labelling' || track === 'homologation' || random() < 0.2;
    const technologies = {
      php: pick(PHP),
      symfony: starterKit || random() < 0.5 ? pick(SYMFONY) : null,
      starterKit: starterKit ? pick(STARTER) : null,
      psram: starterKit ? '2.0' : null,
      database: pick(DATABASES),
      others: random() < 0.3 ? [pick(OTHERS)] : [],
    };
    const hosting =
      track === 'nonStandard'
        ? random() < 0.85
          ? 'officeServer'
          : 'other'
        : certificationStatus === 'labelled' || certificationStatus === 'homologated'
          ? 'amCloud'
          : pick(HOSTINGS);
    const personalDataCategories = random() < 0.7 ? [...new Set([pick(PERSONAL), pick(PERSONAL)])] : [];
    const features = [pick(FEATURES), pick(FEATURES), pick(FEATURES)];
    const summary = `${action} ${subject}${audience} : ${features[0]} et ${features[1]}.`.slice(0, 200);
    const description = `${summary}\n\n## Fonctionnalités\n\n${features.map((f) => `- ${f}`).join('\n')}\n\nConçue par ${designerCode} pour ses services, diffusable aux autres organismes du réseau.`;
    // A long tail: most applications are used by their designer alone, a few everywhere.
    const reach = Math.floor(random() ** 4 * 60);
    const usageOffices = new Set<string>(lifecycleStage === 'retired' ? [] : [designerCode]);
    while (usageOffices.size < Math.min(reach, officeCodes.length)) usageOffices.add(pick(officeCodes));
    apps.push({
      code: `GEN-${String(i + 1).padStart(6, '0')}`,
      name,
      summary,
      description,
      domainCode,
      designerCode,
      track,
      certificationStatus,
      lifecycleStage,
      technologies,
      hosting,
      personalDataCategories,
      connectors: random() < 0.4 ? [pick(CONNECTORS)] : [],
      usageOffices: [...usageOffices],
      need: `${action}|${subject}|${audience}`,
    });
  }
  const originals = apps.length;
  for (let i = originals; i < count; i += 1) {
    const source = apps[Math.floor(random() * originals)] as GeneratedApplication;
    const name = retype(source.name, Math.floor(random() * 4), random);
    const features = [pick(FEATURES), pick(FEATURES)];
    const designerCode = pick(officeCodes);
    apps.push({
      ...source,
      code: `GEN-${String(i + 1).padStart(6, '0')}`,
      name,
      summary: `${name} : ${features[0]} et ${features[1]}.`.slice(0, 200),
      description: `${name}, développée par ${designerCode}.`,
      designerCode,
      usageOffices: [designerCode],
      duplicateOf: source.code,
    });
  }
  return apps;
}

/** A name as another office would have typed it. */
function retype(name: string, variant: number, random: () => number) {
  switch (variant) {
    case 0:
      return withoutAccents(name).toLowerCase();
    case 1: {
      // Two letters swapped in the longest word.
      const words = name.split(' ');
      const longest = words.reduce(
        (best, word, k) => (word.length > (words[best] as string).length ? k : best),
        0,
      );
      const word = words[longest] as string;
      const at = 1 + Math.floor(random() * (word.length - 3));
      words[longest] = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
      return words.join(' ');
    }
    case 2:
      return `${name} V2`;
    default:
      return `Outil de ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  }
}

export { technologyTags };

/** The same applications in the inventory layout (CSV, French headers, ";"), for the import bench. */
export function toInventoryCsv(apps: GeneratedApplication[], domainLabels: Map<string, string>) {
  const header = INVENTORY_COLUMNS.map((c) => c.header);
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const TRACK_FR: Record<string, string> = {
    labelling: 'Labellisation',
    homologation: 'Homologation',
    nonStandard: 'Hors standard',
    nationalParticipation: 'Participation nationale',
    notDeclared: 'Non déclarée',
  };
  const rows = apps.map((a) => {
    const values: Record<string, string> = {
      code: a.code,
      name: a.name,
      summary: a.summary,
      description: a.description,
      domainCode: domainLabels.get(a.domainCode) ?? a.domainCode,
      designer: a.designerCode,
      track: TRACK_FR[a.track] ?? a.track,
      // Certification is reached through its lifecycle (the national accountant, the DDSI), never declared
      // by an inventory: the import refuses it from anyone else.
      certificationStatus: '',
      lifecycleStage: a.lifecycleStage,
      php: a.technologies.php ?? '',
      symfony: a.technologies.symfony ?? '',
      starterKit: a.technologies.starterKit ?? '',
      psram: a.technologies.psram ?? '',
      database: a.technologies.database ?? '',
      otherTechnologies: a.technologies.others.join(';'),
      hosting: a.hosting,
      personalData: a.personalDataCategories.length > 0 ? 'oui' : 'non',
      personalDataCategories: a.personalDataCategories.join(';'),
      connectors: a.connectors.join(';'),
    };
    return INVENTORY_COLUMNS.map((c) => quote(values[c.key] ?? '')).join(';');
  });
  return [header.join(';'), ...rows].join('\n');
}
