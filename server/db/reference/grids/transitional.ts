import type { GridContent } from '../../../../common/schemas/evaluation-grid.ts';
import { SEED_PROFILE, SEED_RULES } from './common-rules.ts';

type Tracks = GridContent['sections'][number]['requirements'][number]['tracks'];
const both: Tracks = ['labelling', 'homologation'];
const labelling: Tracks = ['labelling'];
const homologation: Tracks = ['homologation'];

/**
 * The transitional procedure for applications that already exist (letter §2.4): bringing an existing
 * application into line costs too much to ask for everything at once, so the grid checks what the
 * application already is and what must be in place before the national acceptance, by track.
 */
export const TRANSITIONAL_GRID: GridContent = {
  sections: [
    {
      code: 'EXI',
      title: "État de l'application existante",
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'EXI-01',
          text: "La fiche de l'application au catalogue est complète : organisme concepteur, versions, hébergement actuel, utilisateurs.",
          tracks: both,
          level: 'mandatory',
          evidence: 'Lien vers la fiche du catalogue.',
          verification: 'document',
        },
        {
          code: 'EXI-02',
          text: "Les sources de la version en production sont reprises sur la Forge, avec l'historique disponible.",
          tracks: both,
          level: 'mandatory',
          evidence: 'Lien vers le projet GitLab et étiquette de la version en production.',
          verification: 'audit',
        },
        {
          code: 'EXI-03',
          text: 'Un plan de mise en conformité chiffré liste les écarts aux standards de la filière et leur échéance.',
          tracks: both,
          level: 'mandatory',
          evidence: 'Plan de mise en conformité (écarts, charges, échéances).',
          verification: 'document',
        },
        {
          code: 'EXI-04',
          text: 'La labellisation de l’application était engagée selon le processus antérieur, avec sa grille d’audit.',
          tracks: labelling,
          level: 'recommended',
          evidence: "Grille d'audit du processus antérieur et son état d'avancement.",
          verification: 'document',
        },
      ],
    },
    {
      code: 'TEC',
      title: "Prérequis techniques avant l'AM Cloud",
      reviewer: 'itDirectorate',
      requirements: [
        {
          code: 'TEC-01',
          text: "L'application peut servir plusieurs organismes depuis une seule instance, ou le plan de mise en conformité prévoit ce passage.",
          tracks: both,
          level: 'mandatory',
          evidence: 'Schéma de données ou étape correspondante du plan de mise en conformité.',
          verification: 'audit',
        },
        {
          code: 'TEC-02',
          text: "La fabrication est reprise par l'Usine logicielle (Jenkins) pour les versions à venir.",
          tracks: both,
          level: 'mandatory',
          evidence: 'Lien vers le job Jenkins.',
          verification: 'demonstration',
        },
        {
          code: 'TEC-03',
          text: 'Les composants en fin de support (version de PHP, cadre technique) sont identifiés et leur remplacement planifié.',
          tracks: both,
          level: 'recommended',
          evidence: 'Inventaire des composants et de leurs dates de fin de support.',
          verification: 'audit',
          referentialPage: 'monter-de-version-du-starter-kit',
        },
      ],
    },
    {
      code: 'SEC',
      title: 'Sécurité et CNIL',
      reviewer: 'operationsDirectorate',
      requirements: [
        {
          code: 'SEC-01',
          text: 'Le traitement est inscrit au registre des traitements et ses durées de conservation sont appliquées.',
          tracks: both,
          level: 'mandatory',
          evidence: 'Fiche du registre des traitements et description de la purge.',
          verification: 'document',
        },
        {
          code: 'SEC-02',
          text: 'Un audit de sécurité de la version en production a été mené et ses constats bloquants sont corrigés.',
          tracks: labelling,
          level: 'mandatory',
          evidence: "Rapport d'audit et suivi des corrections.",
          verification: 'audit',
        },
        {
          code: 'SEC-03',
          text: 'Les comptes et les droits des agents sont cloisonnés par organisme.',
          tracks: homologation,
          level: 'mandatory',
          evidence: 'Résultats des tests de cloisonnement.',
          verification: 'test',
        },
      ],
    },
    {
      code: 'REC',
      title: 'Passage en recette',
      reviewer: 'nationalAccountant',
      requirements: [
        {
          code: 'REC-01',
          text: 'Un plan de tests selon la Démarche Nationale de Recette est prêt pour la version présentée.',
          tracks: both,
          level: 'mandatory',
          evidence: 'Plan de tests (XLSX) rattachant chaque cas aux exigences.',
          verification: 'document',
          referentialPage: 'methode-de-recette',
        },
      ],
    },
  ],
  profile: SEED_PROFILE,
  rules: SEED_RULES,
};
