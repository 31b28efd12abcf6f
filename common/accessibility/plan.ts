import type { Label } from '../lifecycle.ts';

/**
 * The multi-year accessibility plan of the portal (« schéma pluriannuel de mise en accessibilité »,
 * 2026–2028), shown at /accessibilite/schema-pluriannuel: who is in charge, then each year's actions with
 * who carries them and when. The yearly action plan is this page's year section.
 */
export interface PlanAction {
  action: Label;
  who: Label;
  when: Label;
}

export const PLAN_PERIOD = { from: 2026, to: 2028 } as const;

export const PLAN_ORGANISATION: readonly Label[] = [
  {
    fr: "Un référent accessibilité numérique, au sein de l'équipe produit de Mutualis, pilote ce schéma, tient la déclaration d'accessibilité à jour et répond aux signalements reçus par le formulaire de la déclaration.",
    en: "A digital accessibility lead, in the Mutualis product team, steers this plan, keeps the accessibility statement up to date and answers the reports sent through the statement's form.",
  },
  {
    fr: "Les administrateurs de la plateforme traitent les signalements dans la file « Accessibilité » de l'administration : prise en charge sous 5 jours ouvrés, réponse motivée sous 15 jours ouvrés.",
    en: "The platform's administrators handle the reports in the administration's “Accessibility” queue: taken in hand within 5 working days, a reasoned answer within 15 working days.",
  },
  {
    fr: "L'accessibilité fait partie de la définition de « terminé » de toute évolution : contrôle axe sans violation dans les tests de navigateur, parcours au clavier, affichage à 320 px.",
    en: 'Accessibility is part of the definition of done of every change: axe checks without violation in the browser tests, keyboard walk, display at 320 px.',
  },
];

export const PLAN_YEARS: readonly { year: number; actions: readonly PlanAction[] }[] = [
  {
    year: 2026,
    actions: [
      {
        action: {
          fr: 'Audit interne des dix pages les plus utilisées sur les critères RGAA 4.1 non vérifiables automatiquement ; publication de la déclaration',
          en: 'Internal audit of the ten most used pages on the RGAA 4.1 criteria tools cannot check; statement published',
        },
        who: { fr: 'Équipe de développement', en: 'Development team' },
        when: { fr: 'Novembre 2026 (fait)', en: 'November 2026 (done)' },
      },
      {
        action: {
          fr: 'Formulaire de signalement et file de traitement des administrateurs',
          en: "Report form and the administrators' queue",
        },
        who: { fr: 'Équipe de développement', en: 'Development team' },
        when: { fr: 'Novembre 2026 (fait)', en: 'November 2026 (done)' },
      },
      {
        action: {
          fr: 'Correction des non-conformités relevées par l’audit (contenus non accessibles de la déclaration)',
          en: 'Fixing the non-compliances found by the audit (the statement’s non-accessible content)',
        },
        who: { fr: 'Équipe de développement', en: 'Development team' },
        when: { fr: 'Décembre 2026 – mars 2027', en: 'December 2026 – March 2027' },
      },
    ],
  },
  {
    year: 2027,
    actions: [
      {
        action: {
          fr: 'Audit complet des 106 critères par un auditeur externe, avec lecteurs d’écran (NVDA avec Firefox, VoiceOver avec Safari) ; mise à jour de la déclaration',
          en: 'Full audit of the 106 criteria by an external auditor, with screen readers (NVDA with Firefox, VoiceOver with Safari); statement updated',
        },
        who: {
          fr: 'Cnam, direction du numérique ; prestataire d’audit',
          en: 'Cnam digital directorate; audit contractor',
        },
        when: { fr: 'Premier semestre 2027', en: 'First half of 2027' },
      },
      {
        action: {
          fr: 'Formation des développeurs du réseau à l’accessibilité (RGAA, composants accessibles du starter kit) : deux sessions par an',
          en: 'Accessibility training of the network’s developers (RGAA, accessible starter-kit components): two sessions a year',
        },
        who: { fr: 'Référents starter kit régionaux', en: 'Regional starter-kit referents' },
        when: { fr: 'Mars et octobre 2027', en: 'March and October 2027' },
      },
      {
        action: {
          fr: 'Formation des contributeurs (rédaction des fiches, pièces jointes accessibles, alternatives des images)',
          en: 'Training of editors (writing sheets, accessible attachments, image alternatives)',
        },
        who: { fr: 'Référent accessibilité numérique', en: 'Digital accessibility lead' },
        when: { fr: 'Deuxième trimestre 2027', en: 'Second quarter of 2027' },
      },
      {
        action: {
          fr: 'Critères d’accessibilité dans les grilles de recette des applications partagées dans le réseau (contrôle axe, clavier, zoom, formulaires)',
          en: 'Accessibility criteria in the acceptance grids of the applications shared in the network (axe, keyboard, zoom, forms)',
        },
        who: {
          fr: 'DDSI, avec les testeurs des campagnes de recette',
          en: 'IT directorate, with the acceptance testers',
        },
        when: { fr: 'Nouvelle version de grille : juin 2027', en: 'New grid version: June 2027' },
      },
    ],
  },
  {
    year: 2028,
    actions: [
      {
        action: {
          fr: 'Audit de suivi (échantillon révisé) et mise à jour de la déclaration ; bilan du schéma',
          en: 'Follow-up audit (revised sample) and statement updated; review of the plan',
        },
        who: {
          fr: 'Référent accessibilité numérique ; prestataire d’audit',
          en: 'Digital accessibility lead; audit contractor',
        },
        when: { fr: 'Premier trimestre 2028', en: 'First quarter of 2028' },
      },
      {
        action: {
          fr: 'Accessibilité exigée pour le label : une application ne reçoit le label du réseau qu’avec une déclaration d’accessibilité à jour',
          en: 'Accessibility required for the label: an application gets the network label only with an up-to-date accessibility statement',
        },
        who: { fr: 'Instance de gouvernance', en: 'Governance board' },
        when: { fr: 'Décision en 2028', en: 'Decision in 2028' },
      },
      {
        action: {
          fr: 'Formation continue des développeurs et contributeurs ; schéma suivant (2029–2031)',
          en: 'Continued training of developers and editors; next plan (2029–2031)',
        },
        who: { fr: 'Référent accessibilité numérique', en: 'Digital accessibility lead' },
        when: { fr: 'Tout au long de 2028', en: 'Throughout 2028' },
      },
    ],
  },
];
