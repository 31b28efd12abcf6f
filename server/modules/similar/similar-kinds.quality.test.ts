import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimilarResultDto } from '../../../common/schemas/similar.ts';
import { demoCatalogueContext } from '../../test/demo-catalogue-context.ts';
import type { Agent, TestContext } from '../../test/harness.ts';

/**
 * Quality of POST /api/similar on the demo catalogue (server/db/demo/catalogue.json): needs as an agent
 * of an office would write them before declaring a project — their own words (synonyms, abbreviations,
 * the office's jargon), not the sheet's — each with the sheet it should find among the first three.
 * Written against the sheets' names, summaries and descriptions; never adjusted to the measure.
 */
const NEEDS: { title: string; text: string; target: string }[] = [
  {
    title: 'Poser ses vacances et ses RTT en ligne',
    text: 'Les collaborateurs saisissent leurs jours de repos, le chef de service accepte, et le compteur de repos restant se met à jour tout de suite.',
    target: 'GESCONGES',
  },
  {
    title: 'Récupération des trop-perçus',
    text: 'Relancer les bénéficiaires qui ont été payés à tort et suivre leurs remboursements étalés jusqu’au bout.',
    target: 'RECOUVR-INDUS',
  },
  {
    title: 'Sommes versées à tort aux médecins',
    text: 'Après l’analyse des actes des praticiens libéraux, notifier les montants à reverser et suivre leurs réponses.',
    target: 'INDUS-PS',
  },
  {
    title: 'Réserver un créneau au guichet',
    text: 'Les bénéficiaires choisissent sur internet une heure de passage en agence et reçoivent un texto avant de venir.',
    target: 'RDV-ACCUEIL',
  },
  {
    title: 'Gestion de la queue en agence',
    text: 'Remettre un billet numéroté aux visiteurs, les inviter à tour de rôle au comptoir disponible et mesurer leur durée de patience.',
    target: 'FILE-ATTENTE',
  },
  {
    title: 'Production de lettres en masse',
    text: 'Rédiger des trames de lettres pour les bénéficiaires et les praticiens, puis les imprimer en grande série.',
    target: 'EDITIQUE-COURRIERS',
  },
  {
    title: 'Scanner les justificatifs',
    text: 'Dématérialiser les documents papier arrivés par la poste et les associer au compte du bénéficiaire.',
    target: 'NUMERISATION-PJ',
  },
  {
    title: 'Vérification des arrêts maladie',
    text: 'Le médecin-conseil sélectionne les salariés en arrêt à convoquer et suit chaque vérification jusqu’à sa conclusion.',
    target: 'CONTROLE-AT',
  },
  {
    title: 'Enquêtes sur les abus',
    text: 'Traiter les affaires de tricherie, proposer une amende et saisir le procureur si besoin.',
    target: 'FRAUDE-DOSSIERS',
  },
  {
    title: 'Remonter une suspicion d’abus',
    text: 'Un collaborateur alerte le correspondant dédié sur un comportement douteux d’un bénéficiaire ou d’un prestataire extérieur.',
    target: 'SIGNALEMENTS-FRAUDE',
  },
  {
    title: 'Combien de monde dans nos agences',
    text: 'Graphiques du nombre de visiteurs par site et par raison de venue, pour adapter les plages de présence des équipes.',
    target: 'DATAVIZ-ACCUEIL',
  },
  {
    title: 'Dossiers de mutuelle gratuite',
    text: 'Étudier les demandes de CSS (ex CMU-C) et vérifier les revenus de la famille.',
    target: 'CSS-INSTRUCTION',
  },
  {
    title: 'Rentes pour incapacité',
    text: 'Calculer la rente des personnes devenues inaptes au travail et la revoir quand elles retrouvent un emploi.',
    target: 'PENSIONS-INVALIDITE',
  },
  {
    title: 'Versement aux proches après la mort d’un assuré',
    text: 'Vérifier les justificatifs apportés par les proches et payer la somme due aux héritiers.',
    target: 'CAPITAL-DECES',
  },
  {
    title: 'Indemnisation du congé de naissance',
    text: 'Déterminer les sommes versées aux mères et aux pères pendant l’arrêt lié à la naissance.',
    target: 'IJ-MATERNITE',
  },
  {
    title: 'Rembourser les trajets en taxi ou ambulance',
    text: 'Payer aux patients leurs déplacements pour raison médicale après vérification de l’ordonnance.',
    target: 'FRAIS-TRANSPORT',
  },
  {
    title: 'Couverture santé des sans-papiers',
    text: 'Étudier les demandes des étrangers en situation irrégulière et réclamer les papiers non fournis.',
    target: 'AME-INSTRUCTION',
  },
  {
    title: 'Traitement des plaintes des usagers',
    text: 'Enregistrer les mécontentements arrivés par appel ou par lettre et y répondre dans les temps.',
    target: 'RECLAMATIONS',
  },
  {
    title: 'Téléphoner aux personnes vulnérables',
    text: 'Organiser des séries de coups de fil vers les bénéficiaires précaires et consigner l’issue de chaque échange.',
    target: 'RAPPELS-SORTANTS',
  },
  {
    title: 'Aider ceux qui ne se soignent plus',
    text: 'Identifier les bénéficiaires qui abandonnent leurs traitements faute de moyens et les guider jusqu’au médecin.',
    target: 'PFIDASS',
  },
  {
    title: 'Sortie de clinique accompagnée',
    text: 'Organiser des soins à la maison pour les patients qui quittent la clinique.',
    target: 'PRADO',
  },
  {
    title: 'Prévention du cancer et vaccins',
    text: 'Convoquer la population aux tests de prévention et aux vaccins, puis écrire à nouveau à ceux qui n’ont pas répondu.',
    target: 'DEPISTAGE-CAMPAGNES',
  },
  {
    title: 'Travail à domicile des salariés',
    text: 'Travailler depuis chez soi certains jours de la semaine, avec l’accord du chef de service.',
    target: 'TELETRAVAIL',
  },
  {
    title: 'Arrivée d’un nouvel embauché',
    text: 'Préparer l’ordinateur, les droits d’accès et un parrain pour chaque recrue pendant sa première période.',
    target: 'ONBOARDING',
  },
  {
    title: 'Pointage des comptes de la banque',
    text: 'Faire correspondre les mouvements du relevé de banque avec la comptabilité et expliquer les écarts.',
    target: 'RAPPROCHEMENT-BANCAIRE',
  },
  {
    title: 'Papeterie et consommables de bureau',
    text: 'Les équipes réclament ramettes, stylos et toner à l’économat, qui surveille ce qui reste en réserve.',
    target: 'STOCKS-FOURNITURES',
  },
  {
    title: 'Droits d’accès aux logiciels',
    text: 'Demander puis revoir régulièrement les accès des collaborateurs aux logiciels métier.',
    target: 'HABILITATIONS',
  },
  {
    title: 'Recensement des ordinateurs',
    text: 'Savoir quel PC est attribué à quel collaborateur et quand il faudra le remplacer.',
    target: 'INVENTAIRE-PARC',
  },
  {
    title: 'Litiges devant les tribunaux',
    text: 'Suivre les procès, les dates de plaidoirie et les jugements prononcés.',
    target: 'CONTENTIEUX',
  },
  {
    title: 'Tours de garde des techniciens',
    text: 'Organiser qui est de garde la nuit et les jours fériés chez les informaticiens, et rémunérer le temps passé.',
    target: 'ASTREINTES',
  },
  {
    title: 'Récupérer les frais auprès de l’assurance du fautif',
    text: 'Quand un automobiliste cause une collision, demander à sa compagnie d’assurance les soins payés pour le blessé.',
    target: 'RECOURS-TIERS',
  },
  {
    title: 'S’inscrire à un stage',
    text: 'Les salariés demandent à participer à un stage, reçoivent leur invitation puis un certificat d’assiduité.',
    target: 'FORMATIONS-INTERNES',
  },
];

/**
 * Written after the synonym table was settled, and not used to change it since: how the measure does on
 * needs it was not adjusted to. Its figure is in docs/architecture.md; the bar (two in three among the
 * first three) was set before the first run.
 */
const HELD_OUT: { title: string; text: string; target: string }[] = [
  {
    title: 'Pilotage de l’activité des services de remboursement',
    text: 'Le volume traité par les équipes de liquidation, d’une période à l’autre, comparé aux cibles.',
    target: 'TDB-PRODUCTION',
  },
  {
    title: 'Questions posées au médecin-conseil',
    text: 'Les techniciens sollicitent l’échelon médical sur un dossier et reçoivent sa réponse dans le même outil.',
    target: 'AVIS-MEDICAUX',
  },
  {
    title: 'Lettres pré-remplies pour les gestionnaires',
    text: 'Une petite collection de trames à personnaliser avant envoi aux bénéficiaires.',
    target: 'COURRIERS-TYPES',
  },
  {
    title: 'Rencontres des DAM avec les médecins',
    text: 'Préparer les rendez-vous des DAM au cabinet des praticiens et saisir le bilan de chaque rencontre.',
    target: 'DELEGUES-ASSURANCE',
  },
  {
    title: 'Bilan de fin d’année avec son N+1',
    text: 'Préparer l’EAE, fixer les cibles et faire valider la synthèse par le collaborateur.',
    target: 'ENTRETIENS-ANNUELS',
  },
  {
    title: 'Paiement des prestataires',
    text: 'Enregistrer les notes des prestataires, les faire approuver par le service qui a commandé puis les régler.',
    target: 'FACTURES-FOURNISSEURS',
  },
  {
    title: 'Suivi des appels d’offres',
    text: 'Anticiper la fin des accords avec les titulaires et préparer les nouvelles mises en concurrence.',
    target: 'MARCHES-PUBLICS',
  },
  {
    title: 'Signaler une panne de PC',
    text: 'Les collaborateurs ouvrent un ticket au support pour un dépannage ou un nouveau clavier.',
    target: 'DEMANDES-INFORMATIQUES',
  },
  {
    title: 'Secrétariat de la CRA',
    text: 'Organiser les réunions de la CRA et informer chaque bénéficiaire de la suite donnée à sa contestation.',
    target: 'CRA-RECOURS',
  },
  {
    title: 'Emprunter une voiture de la caisse',
    text: 'Retenir une voiture ou un espace de réunion, avec l’accord des moyens généraux.',
    target: 'RESERVATION-SALLES',
  },
  {
    title: 'Repérer les longs arrêts indemnisés',
    text: 'Sortir chaque semaine la liste des arrêts de longue durée à examiner par l’échelon médical.',
    target: 'CIBLAGE-IJ',
  },
  {
    title: 'Relevé des sommes perçues pendant un arrêt maladie',
    text: 'Produire pour le bénéficiaire un document prouvant les versements reçus sur plusieurs mois.',
    target: 'ATTESTATIONS-IJ',
  },
];

let t: TestContext;
let agent: Agent;
beforeAll(async () => {
  ({ t, developer: agent } = await demoCatalogueContext());
});
afterAll(() => t.close());

/** The needs whose target is not among the first three, with what came instead. */
async function misses(needs: typeof NEEDS) {
  const missed: string[] = [];
  for (const need of needs) {
    const response = await agent.post('/api/similar', { title: need.title, text: need.text, limit: 3 });
    expect(response.statusCode).toBe(200);
    const codes = (response.json() as SimilarResultDto).items.map((item) => item.code);
    if (!codes.includes(need.target)) missed.push(`${need.target} ← « ${need.title} » : ${codes.join(', ')}`);
  }
  return missed;
}

describe('similar items on the demo catalogue, for needs written in an agent’s own words', () => {
  it(`finds the sheet of each of the ${NEEDS.length} needs among the first three`, async () => {
    expect(NEEDS.length).toBeGreaterThanOrEqual(20);
    expect(await misses(NEEDS)).toEqual([]);
  });

  it(`finds the sheet of two in three at least of the ${HELD_OUT.length} needs held out among the first three`, async () => {
    const missed = await misses(HELD_OUT);
    expect(HELD_OUT.length - missed.length).toBeGreaterThanOrEqual(Math.ceil((HELD_OUT.length * 2) / 3));
  });
});
