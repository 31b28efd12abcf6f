import type { GridContent } from '../../../../common/schemas/evaluation-grid.ts';
import { AM_CLOUD_SECTION_TITLE, multiTenant, SEED_PROFILE, SEED_RULES } from './common-rules.ts';

const tracks: GridContent['sections'][number]['requirements'][number]['tracks'] = ['homologation'];

/**
 * The homologation grid (letter §2.2.2): declaration and use of the software factory, maturity and
 * criticality, the DDSI's technical requirements for AM Cloud hosting, and the national acceptance run
 * by a group of offices or the acceptance centre of the Pyrénées-Atlantiques.
 */
export const HOMOLOGATION_GRID: GridContent = {
  sections: [
    {
      code: 'DEC',
      title: 'Déclaration et Usine logicielle',
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'DEC-01',
          text: 'Le projet a été déclaré sur le portail au moment d’engager les travaux de développement.',
          tracks,
          level: 'mandatory',
          evidence: 'Date de déclaration du projet sur le portail et date de début du développement.',
          verification: 'document',
        },
        {
          code: 'DEC-02',
          text: "Le développement est réalisé sur l'Usine logicielle : sources sur la Forge, fabrication par Jenkins, livrables dans Artifactory.",
          tracks,
          level: 'mandatory',
          evidence: 'Liens vers le projet GitLab, le job Jenkins et le dépôt Artifactory.',
          verification: 'audit',
          referentialPage: 'demarrer-un-projet-avec-le-starter-kit',
        },
        {
          code: 'DEC-03',
          text: 'Le code respecte les normes PSRAM, vérifiées par l’analyse de code de l’Usine logicielle.',
          tracks,
          level: 'mandatory',
          evidence: "Rapport d'analyse de la dernière fabrication.",
          verification: 'audit',
          referentialPage: 'niveaux-de-conformite-psram',
        },
      ],
    },
    {
      code: 'MAT',
      title: 'Maturité',
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'MAT-01',
          text: "L'application est en production depuis au moins trois mois dans l'organisme concepteur sans anomalie bloquante ouverte.",
          tracks,
          level: 'mandatory',
          evidence: 'Date de mise en production et liste des anomalies ouvertes sur la Forge.',
          verification: 'document',
        },
        {
          code: 'MAT-02',
          text: 'Les versions sont numérotées et chaque version publiée est accompagnée de ses notes de version.',
          tracks,
          level: 'mandatory',
          evidence: 'Lien vers les notes de version des trois dernières versions.',
          verification: 'document',
        },
        {
          code: 'MAT-03',
          text: 'Un guide utilisateur permet à un autre organisme de prendre l’application en main sans assistance.',
          tracks,
          level: 'recommended',
          evidence: 'Guide utilisateur (PDF ou wiki).',
          verification: 'document',
        },
        {
          code: 'MAT-04',
          text: "L'organisme concepteur organise le support utilisateur et l'accompagnement des organismes qui adoptent l'application.",
          tracks,
          level: 'mandatory',
          evidence: 'Modalités de support (contacts, horaires, outil de suivi des demandes).',
          verification: 'interview',
        },
      ],
    },
    {
      code: 'TEC',
      title: AM_CLOUD_SECTION_TITLE,
      reviewer: 'itDirectorate',
      requirements: [
        multiTenant(tracks),
        {
          code: 'TEC-02',
          text: "La configuration propre à l'environnement est lue dans des variables d'environnement, jamais dans le code.",
          tracks,
          level: 'mandatory',
          evidence: 'Liste des variables attendues et extrait du fichier de déploiement.',
          verification: 'audit',
          referentialPage: 'mots-de-passe-et-secrets',
        },
        {
          code: 'TEC-03',
          text: "L'authentification passe par l'annuaire national ; les droits sont vérifiés côté serveur et cloisonnés par organisme.",
          tracks,
          level: 'mandatory',
          evidence: 'Démonstration de connexion et résultats des tests de cloisonnement.',
          verification: 'test',
          referentialPage: 'authentification-des-agents',
        },
        {
          code: 'TEC-04',
          text: 'Les sauvegardes et la restauration de la base ont été testées sur la plateforme de recette.',
          tracks,
          level: 'recommended',
          evidence: 'Procès-verbal du test de restauration.',
          verification: 'test',
          referentialPage: 'sauvegardes-et-restauration',
        },
      ],
    },
    {
      code: 'REC',
      title: 'Recette selon la Démarche Nationale de Recette',
      reviewer: 'nationalAccountant',
      requirements: [
        {
          code: 'REC-01',
          text: "Le plan de tests vérifie le respect des exigences techniques formalisées par la DDSI pour l'hébergement sur l'AM Cloud.",
          tracks,
          level: 'mandatory',
          evidence: 'Plan de tests (XLSX) rattachant chaque cas aux exigences.',
          verification: 'document',
          referentialPage: 'methode-de-recette',
        },
        {
          code: 'REC-02',
          text: "Les organismes recetteurs (groupe d'organismes ou centre de recette des Pyrénées-Atlantiques) et leurs testeurs sont désignés.",
          tracks,
          level: 'mandatory',
          evidence: 'Liste des organismes et des testeurs, avec leur accord.',
          verification: 'document',
        },
      ],
    },
  ],
  profile: SEED_PROFILE,
  rules: SEED_RULES,
};
