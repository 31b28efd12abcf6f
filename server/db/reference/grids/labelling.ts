import type { GridContent } from '../../../../common/schemas/evaluation-grid.ts';
import { AM_CLOUD_SECTION_TITLE, multiTenant, SEED_PROFILE, SEED_RULES } from './common-rules.ts';

const tracks: GridContent['sections'][number]['requirements'][number]['tracks'] = ['labelling'];

/**
 * The labelling grid (letter §2.2.1): requirements of the national application heritage, the DDSI's
 * technical requirements for AM Cloud hosting, security, CNIL, and the national acceptance method.
 */
export const LABELLING_GRID: GridContent = {
  sections: [
    {
      code: 'PAT',
      title: 'Patrimoine des applications nationales',
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'PAT-01',
          text: "Les sources sont versionnées sur la Forge (GitLab) dans un projet du groupe de l'application, avec l'historique complet depuis le début du développement.",
          tracks,
          level: 'mandatory',
          evidence: 'Lien vers le projet GitLab et son historique de commits.',
          verification: 'audit',
        },
        {
          code: 'PAT-02',
          text: "L'application est construite sur le cadre technique Starter Kit PHP dans sa version la plus récente et respecte les normes de développement PSRAM.",
          tracks,
          level: 'mandatory',
          evidence: "Fichier composer.lock et rapport d'analyse PSRAM de l'Usine logicielle.",
          verification: 'audit',
          referentialPage: 'niveaux-de-conformite-psram',
        },
        {
          code: 'PAT-03',
          text: "Les livrables sont fabriqués par l'Usine logicielle (Jenkins) et publiés dans Artifactory ; aucun livrable n'est construit sur un poste de développement.",
          tracks,
          level: 'mandatory',
          evidence: 'Lien vers le job Jenkins et la dernière version publiée dans Artifactory.',
          verification: 'demonstration',
        },
        {
          code: 'PAT-04',
          text: "La documentation d'exploitation et d'installation est tenue à jour dans le wiki du projet.",
          tracks,
          level: 'mandatory',
          evidence: 'Lien vers les pages du wiki (installation, paramétrage, exploitation).',
          verification: 'document',
        },
        {
          code: 'PAT-05',
          text: 'Une couverture de tests automatisés d’au moins 60 % du code métier est mesurée à chaque fabrication.',
          tracks,
          level: 'recommended',
          evidence: 'Rapport de couverture de la dernière fabrication.',
          verification: 'test',
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
          text: "La configuration propre à l'environnement (adresses, comptes techniques, secrets) est lue dans des variables d'environnement, jamais dans le code.",
          tracks,
          level: 'mandatory',
          evidence: 'Liste des variables attendues et extrait du fichier de déploiement.',
          verification: 'audit',
          referentialPage: 'mots-de-passe-et-secrets',
        },
        {
          code: 'TEC-03',
          text: "L'application expose une adresse de santé que la plateforme interroge pour savoir si elle est prête à servir.",
          tracks,
          level: 'mandatory',
          evidence: "Adresse de l'URL de santé et réponse attendue.",
          verification: 'test',
        },
        {
          code: 'TEC-04',
          text: 'Les journaux applicatifs sont écrits sur la sortie standard au format structuré, sans donnée personnelle en clair.',
          tracks,
          level: 'recommended',
          evidence: 'Extrait de journal d’une journée de recette.',
          verification: 'audit',
        },
      ],
    },
    {
      code: 'SEC',
      title: 'Sécurité',
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'SEC-01',
          text: "L'authentification des agents passe par l'annuaire national (fédération d'identité) ; l'application ne stocke aucun mot de passe.",
          tracks,
          level: 'mandatory',
          evidence: 'Configuration de la fédération et démonstration de connexion.',
          verification: 'demonstration',
          referentialPage: 'authentification-des-agents',
        },
        {
          code: 'SEC-02',
          text: "Les droits sont attribués par profil et vérifiés côté serveur pour chaque action ; un agent d'un organisme ne voit pas les données d'un autre.",
          tracks,
          level: 'mandatory',
          evidence: 'Matrice des profils et des droits ; résultats des tests de cloisonnement.',
          verification: 'test',
        },
        {
          code: 'SEC-03',
          text: "Les dépendances sont analysées à chaque fabrication et aucune vulnérabilité critique connue n'est livrée.",
          tracks,
          level: 'mandatory',
          evidence: "Rapport d'analyse des dépendances de la version livrée.",
          verification: 'audit',
          referentialPage: 'dependances-et-vulnerabilites',
        },
      ],
    },
    {
      code: 'CNIL',
      title: 'Conformité CNIL et protection des données',
      reviewer: 'operationsDirectorate',
      requirements: [
        {
          code: 'CNIL-01',
          text: "Le traitement est inscrit au registre des traitements de l'organisme concepteur, avec sa finalité, ses catégories de données et ses durées de conservation.",
          tracks,
          level: 'mandatory',
          evidence: 'Fiche du registre des traitements.',
          verification: 'document',
        },
        {
          code: 'CNIL-02',
          text: 'Les durées de conservation sont appliquées par une purge automatique des données échues.',
          tracks,
          level: 'mandatory',
          evidence: 'Description de la purge et trace de sa dernière exécution.',
          verification: 'demonstration',
        },
        {
          code: 'CNIL-03',
          text: "Une analyse d'impact relative à la protection des données est menée lorsque des données de santé sont traitées.",
          tracks,
          level: 'recommended',
          evidence: "Analyse d'impact validée par le délégué à la protection des données.",
          verification: 'document',
          referentialPage: 'analyse-d-impact-aipd',
        },
      ],
    },
    {
      code: 'REC',
      title: 'Préparation de la recette nationale',
      reviewer: 'nationalAccountant',
      requirements: [
        {
          code: 'REC-01',
          text: 'Un plan de tests couvre les exigences techniques, de sécurité et CNIL de la filière, selon la Démarche Nationale de Recette.',
          tracks,
          level: 'mandatory',
          evidence: 'Plan de tests (XLSX) rattachant chaque cas aux exigences.',
          verification: 'document',
          referentialPage: 'methode-de-recette',
        },
        {
          code: 'REC-02',
          text: 'Un jeu de données de recette anonymisé permet de dérouler le plan de tests.',
          tracks,
          level: 'recommended',
          evidence: 'Description du jeu de données et de son anonymisation.',
          verification: 'document',
        },
      ],
    },
  ],
  profile: SEED_PROFILE,
  rules: SEED_RULES,
};
