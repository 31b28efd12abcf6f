import type { Label } from '../lifecycle.ts';
import { RGAA_CRITERIA, type RgaaCriterionId } from './rgaa-criteria.ts';

/**
 * The manual RGAA 4.1 audit of the portal, as data: the pages of the sample, and for each criterion of
 * the themes tools cannot check the verdict seen on each page. The statement page reads its rate and its
 * non-compliant content from here; docs/accessibility/audit-2026.md is generated from it
 * (`npx tsx common/accessibility/audit-markdown.ts --write`) and a test fails when they disagree.
 * How it was done: docs/accessibility/README.md.
 */

export interface AuditPage {
  id: string;
  /** The address, with `:application`, `:project`, `:request`, `:campaign` for the first one seen. */
  path: string;
  title: Label;
  /** Why this page is in the sample. */
  why: Label;
}

/** One criterion's verdicts: conforming on every page but those named (not conforming, not applicable). */
export interface CriterionResult {
  criterion: RgaaCriterionId;
  /** Pages where it is not conforming. */
  notConforming?: readonly string[];
  /** Pages where it does not apply; every page → the criterion is not applicable to the sample. */
  notApplicable?: readonly string[];
  /** What was seen (and fixed, when the verdict follows a fix made during the audit). */
  note: Label;
}

export type Verdict = 'conforming' | 'notConforming' | 'notApplicable';

export const AUDIT_DATE = '2026-11-30';
export const AUDIT_AUDITOR: Label = {
  fr: "l'équipe de développement de Mutualis (audit interne)",
  en: 'the Mutualis development team (internal audit)',
};
/** The criteria of the RGAA 4.1: an audit that checks fewer is partial. */
export const RGAA_CRITERIA_TOTAL = 106;
export const AUDIT_TOOLS: readonly Label[] = [
  {
    fr: 'Chromium 156 (Debian 12) piloté par playwright-core',
    en: 'Chromium 156 (Debian 12) driven by playwright-core',
  },
  { fr: 'axe-core 4.13 (règles WCAG 2.1 A et AA)', en: 'axe-core 4.13 (WCAG 2.1 A and AA rules)' },
  {
    fr: 'Clavier seul (tabulation enregistrée, focus visible vérifié)',
    en: 'Keyboard only (recorded tab order, visible focus checked)',
  },
  {
    fr: 'Zoom 200 % (fenêtre de 640 px), reflow à 320 px, espacement du texte WCAG 1.4.12, mouvement réduit',
    en: '200 % zoom (640 px window), reflow at 320 px, WCAG 1.4.12 text spacing, reduced motion',
  },
];
export const AUDIT_ENVIRONMENT: Label = {
  fr: 'Chromium sous Debian 12, écrans de 1280, 640 (zoom 200 %) et 320 pixels de large',
  en: 'Chromium on Debian 12, screens 1280, 640 (200 % zoom) and 320 pixels wide',
};

export const AUDIT_PAGES: readonly AuditPage[] = [
  {
    id: 'home',
    path: '/',
    title: { fr: 'Accueil', en: 'Home' },
    why: { fr: 'Première page de chaque visite', en: 'First page of every visit' },
  },
  {
    id: 'catalogue',
    path: '/catalogue',
    title: { fr: 'Catalogue des applications', en: 'Application catalogue' },
    why: {
      fr: 'Recherche des applications du réseau : le premier usage du portail',
      en: "Searching the network's applications: the portal's first use",
    },
  },
  {
    id: 'application',
    path: '/catalogue/:application',
    title: { fr: "Fiche d'une application", en: 'Application sheet' },
    why: { fr: 'Où mène chaque recherche du catalogue', en: 'Where every catalogue search leads' },
  },
  {
    id: 'projects',
    path: '/projets',
    title: { fr: 'Projets en cours', en: 'Projects in progress' },
    why: {
      fr: 'Suivi des projets du réseau par les développeurs et les directeurs',
      en: "Following the network's projects, for developers and directors",
    },
  },
  {
    id: 'project',
    path: '/projets/:project',
    title: { fr: "Fiche d'un projet", en: 'Project page' },
    why: { fr: 'Commentaires, contributions, cycle de vie', en: 'Comments, contributions, lifecycle' },
  },
  {
    id: 'store',
    path: '/store',
    title: { fr: 'Store', en: 'Store' },
    why: {
      fr: 'Mise à disposition des applications hébergées : usage des organismes',
      en: 'Hosted applications made available: used by every office',
    },
  },
  {
    id: 'request',
    path: '/store/demandes/:request',
    title: { fr: 'Demande de mise à disposition', en: 'Deployment request' },
    why: { fr: 'Formulaire et suivi les plus longs du Store', en: "The Store's longest form and follow-up" },
  },
  {
    id: 'acceptance',
    path: '/recettes/:campaign',
    title: { fr: 'Campagne de recette', en: 'Acceptance campaign' },
    why: {
      fr: 'Grille de recette remplie par les testeurs : tableaux et formulaires',
      en: 'Acceptance grid filled by testers: tables and forms',
    },
  },
  {
    id: 'support',
    path: '/support',
    title: { fr: 'Support', en: 'Support' },
    why: {
      fr: "Demande d'aide : doit rester utilisable par tous",
      en: 'Asking for help: must work for everyone',
    },
  },
  {
    id: 'profile',
    path: '/profil',
    title: { fr: 'Mon profil', en: 'My profile' },
    why: { fr: 'Compte, mot de passe, préférences', en: 'Account, password, preferences' },
  },
];

const pageIds = () => AUDIT_PAGES.map((p) => p.id);
const everyPage = pageIds;

/** Recorded from the evidence collected on AUDIT_DATE (e2e/audit/collect-evidence.ts) and what was seen. */
const NO_TABLE = ['catalogue', 'projects', 'store'];
const NO_FORM = ['home', 'application', 'request', 'acceptance'];

export const AUDIT_RESULTS: readonly CriterionResult[] = [
  {
    criterion: '1.1',
    notApplicable: ['home', 'catalogue', 'projects', 'store', 'request', 'acceptance', 'support', 'profile'],
    note: {
      fr: 'Seul graphique porteur d\'information : l\'activité de la Forge (commits par semaine), en SVG role="img" avec une alternative qui donne les douze valeurs.',
      en: 'The one informative graphic, the Forge activity (commits a week), is an SVG with role="img" and an alternative giving the twelve values.',
    },
  },
  {
    criterion: '1.2',
    note: {
      fr: "Corrigé pendant l'audit : le chevron des listes déroulantes (SVG de Mantine) était restitué ; il est désormais aria-hidden. Les autres icônes sont dans des boutons nommés ou masquées.",
      en: 'Fixed during the audit: the chevron of drop-down lists (Mantine SVG) was exposed; it is now aria-hidden. Other icons sit in named buttons or are hidden.',
    },
  },
  {
    criterion: '1.3',
    notApplicable: ['home', 'catalogue', 'projects', 'store', 'request', 'acceptance', 'support', 'profile'],
    note: {
      fr: "L'alternative du graphique d'activité donne les valeurs qu'il montre, dans l'ordre des semaines.",
      en: "The activity graphic's alternative gives the values it shows, week by week.",
    },
  },
  {
    criterion: '3.1',
    note: {
      fr: 'États, filières et étapes du cycle de vie portent un texte (badge, « État actuel », « atteint le… ») ; la couleur ne porte aucune information seule.',
      en: 'States, tracks and lifecycle steps carry text (badge, "Current state", "reached on…"); colour never carries information alone.',
    },
  },
  {
    criterion: '3.3',
    note: {
      fr: "Corrigé pendant l'audit : le contour gris des champs de saisie et des cases à cocher (1,5:1 sur blanc) passe à 3,3:1 ; focus bleu et erreurs rouges au-dessus de 3:1.",
      en: 'Fixed during the audit: the grey outline of input fields and checkboxes (1.5:1 on white) is now 3.3:1; blue focus and red errors are above 3:1.',
    },
  },
  {
    criterion: '5.1',
    notApplicable: everyPage(),
    note: {
      fr: 'Aucun tableau complexe : les tableaux ont leurs en-têtes sur la première ligne ou la première colonne.',
      en: 'No complex table: the tables have their headers in the first row or the first column.',
    },
  },
  {
    criterion: '5.4',
    notApplicable: NO_TABLE,
    note: {
      fr: 'Les tableaux de liste ont un titre en <caption> ; les tableaux de faits (nom : valeur) sont sous le titre de leur section.',
      en: 'List tables have a <caption> title; fact tables (name: value) sit under their section heading.',
    },
  },
  {
    criterion: '5.6',
    notApplicable: NO_TABLE,
    note: {
      fr: 'En-têtes de colonne en <th scope="col">, en-têtes de ligne des tableaux de faits en <th scope="row">.',
      en: 'Column headers are <th scope="col">, the row headers of fact tables <th scope="row">.',
    },
  },
  {
    criterion: '5.7',
    notApplicable: NO_TABLE,
    note: {
      fr: "Chaque en-tête porte l'attribut scope ; aucun tableau n'exige headers/id.",
      en: 'Every header has a scope attribute; no table needs headers/id.',
    },
  },
  {
    criterion: '6.1',
    note: {
      fr: 'Intitulés explicites ou explicités par leur contexte (nom de l’application, du projet, du ticket ; adresse de la Forge sous son libellé).',
      en: 'Link texts are explicit, or made so by their context (name of the application, project, ticket; Forge address under its label).',
    },
  },
  {
    criterion: '6.2',
    note: {
      fr: 'Aucun lien sans intitulé sur les dix pages (relevé de tous les liens visibles).',
      en: 'No link without a name on the ten pages (every visible link listed).',
    },
  },
  {
    criterion: '7.1',
    note: {
      fr: 'Composants à rôle, nom et état ARIA (listes déroulantes, onglets, dialogues, étapes), axe sans violation. Restitution par lecteur d’écran non testée : prévue à l’audit complet de 2027.',
      en: 'Components with ARIA role, name and state (drop-downs, tabs, dialogs, steps), no axe violation. Rendering by a screen reader not tested: planned in the full audit of 2027.',
    },
  },
  {
    criterion: '7.3',
    note: {
      fr: 'Parcours à la tabulation (45 arrêts par page) : chaque commande est atteinte et s’active au clavier (filtres, « autres actions », menus).',
      en: 'Tab walk (45 stops a page): every control is reached and works with the keyboard (filters, "other actions", menus).',
    },
  },
  {
    criterion: '7.5',
    notApplicable: ['home', 'application', 'request', 'acceptance'],
    note: {
      fr: 'Nombre de résultats des listes en aria-live="polite" ; résultats des actions (ticket ouvert, mot de passe changé, transition) en role="status" ou "alert".',
      en: 'Result counts of the lists are aria-live="polite"; results of actions (ticket opened, password changed, transition) are role="status" or "alert".',
    },
  },
  {
    criterion: '8.3',
    note: {
      fr: 'lang="fr" (ou "en" selon la langue choisie) sur chaque page.',
      en: 'lang="fr" (or "en" as chosen) on every page.',
    },
  },
  {
    criterion: '8.5',
    note: { fr: 'Chaque page a un titre « … — Mutualis ».', en: 'Every page has a title "… — Mutualis".' },
  },
  {
    criterion: '8.6',
    note: {
      fr: "Corrigé pendant l'audit : l'accueil s'intitulait « Bonjour <nom> — Mutualis », sans dire quelle page c'est ; il s'intitule « Accueil — Mutualis ». Les autres titres reprennent le titre de la page.",
      en: 'Fixed during the audit: the home page was titled "Bonjour <name> — Mutualis", not saying which page it is; it is now "Accueil — Mutualis". Other titles repeat the page heading.',
    },
  },
  {
    criterion: '9.1',
    note: {
      fr: 'Un titre h1 par page, puis h2 et h3 sans saut de niveau ; les sections et les cartes de résultat ont leur titre (les faits d’une demande sont sous son h1).',
      en: 'One h1 a page, then h2 and h3 without skipping a level; sections and result cards have their heading (the facts of a request sit under its h1).',
    },
  },
  {
    criterion: '9.2',
    note: {
      fr: 'Régions header, nav (« Navigation principale »), main et footer sur chaque page.',
      en: 'header, nav ("Main navigation"), main and footer landmarks on every page.',
    },
  },
  {
    criterion: '9.3',
    note: {
      fr: 'Listes en ul/ol/li (navigation, résultats, étapes, historique) ; aucune liste mal formée.',
      en: 'Lists are ul/ol/li (navigation, results, steps, history); no malformed list.',
    },
  },
  {
    criterion: '10.4',
    note: {
      fr: 'Zoom 200 % (fenêtre de 640 px) : texte entier et lisible, aucun défilement horizontal.',
      en: '200 % zoom (640 px window): text whole and readable, no horizontal scrolling.',
    },
  },
  {
    criterion: '10.7',
    note: {
      fr: 'Liens et boutons : contour de focus ; champs : bordure bleue (plus de 3:1). Vérifié sur chaque arrêt du parcours clavier.',
      en: 'Links and buttons: focus outline; fields: blue border (over 3:1). Checked at every stop of the keyboard walk.',
    },
  },
  {
    criterion: '10.11',
    note: {
      fr: "Corrigé pendant l'audit : à 320 px, l'en-tête coupait « Se déconnecter » ; le choix de la langue passe dans le menu sous 360 px. Aucun défilement horizontal à 320 px.",
      en: 'Fixed during the audit: at 320 px the header cut "Se déconnecter"; the language choice moves into the menu below 360 px. No horizontal scrolling at 320 px.',
    },
  },
  {
    criterion: '10.12',
    note: {
      fr: 'Espacements WCAG 1.4.12 appliqués : aucun texte visible coupé (seuls les textes masqués pour les lecteurs d’écran débordent, comme attendu).',
      en: 'WCAG 1.4.12 spacing applied: no visible text cut (only texts hidden for screen readers overflow, as intended).',
    },
  },
  {
    criterion: '10.13',
    notApplicable: everyPage(),
    note: {
      fr: "Aucun contenu n'apparaît au survol ou au focus (le panneau des notifications s'ouvre au clic).",
      en: 'No content appears on hover or focus (the notifications panel opens on click).',
    },
  },
  {
    criterion: '11.1',
    notApplicable: NO_FORM,
    note: {
      fr: 'Chaque champ a une étiquette visible liée (label for, ou aria-labelledby pour les listes).',
      en: 'Each field has a visible, linked label (label for, or aria-labelledby for lists).',
    },
  },
  {
    criterion: '11.2',
    notApplicable: NO_FORM,
    note: {
      fr: 'Étiquettes pertinentes (« Rechercher une application », « Objet », « Mot de passe actuel »…), complétées d’une aide quand le format compte.',
      en: 'Relevant labels ("Rechercher une application", "Objet", "Mot de passe actuel"…), with help where the format matters.',
    },
  },
  {
    criterion: '11.10',
    notApplicable: NO_FORM,
    note: {
      fr: 'Champs obligatoires indiqués par « * » expliqué en tête de formulaire et par required ; erreurs sous le champ et dans un résumé qui prend le focus.',
      en: 'Required fields marked "*" (explained at the top of the form) and required; errors under the field and in a summary that takes the focus.',
    },
  },
  {
    criterion: '11.11',
    notApplicable: NO_FORM,
    note: {
      fr: 'Chaque erreur dit quoi corriger (format attendu, longueur, exemple), en français.',
      en: 'Each error says what to correct (expected format, length, example), in French.',
    },
  },
  {
    criterion: '11.13',
    notApplicable: [
      'home',
      'catalogue',
      'application',
      'projects',
      'project',
      'store',
      'request',
      'acceptance',
      'support',
    ],
    note: {
      fr: 'Mots de passe avec autocomplete current-password et new-password ; aucune autre donnée personnelle saisie sur l’échantillon.',
      en: 'Passwords with autocomplete current-password and new-password; no other personal data typed on the sample.',
    },
  },
  {
    criterion: '12.6',
    note: {
      fr: 'Régions nommées, lien d’évitement vers le contenu ; la recherche du catalogue a son lien « Aller aux résultats ».',
      en: 'Named landmarks, a skip link to the content; the catalogue search has its "Aller aux résultats" link.',
    },
  },
  {
    criterion: '12.7',
    note: {
      fr: '« Aller au contenu », premier arrêt de tabulation de chaque page, mène à la région main.',
      en: '"Aller au contenu", the first tab stop of every page, leads to the main landmark.',
    },
  },
  {
    criterion: '12.8',
    note: {
      fr: 'Ordre : évitement, en-tête, navigation, contenu dans l’ordre de lecture (colonne par colonne), pied de page.',
      en: 'Order: skip link, header, navigation, content in reading order (column by column), footer.',
    },
  },
  {
    criterion: '12.9',
    note: {
      fr: 'Aucun piège : la tabulation traverse chaque page et revient au début ; les dialogues se ferment avec Échap.',
      en: 'No trap: tabbing crosses each page and returns to the start; dialogs close with Escape.',
    },
  },
  {
    criterion: '13.8',
    notApplicable: everyPage(),
    note: {
      fr: "Aucun contenu en mouvement ni clignotant ; les transitions s'effacent quand le système demande moins de mouvement.",
      en: 'No moving or blinking content; transitions are dropped when the system asks for reduced motion.',
    },
  },
  {
    criterion: '13.9',
    note: {
      fr: 'Aucune orientation imposée : les pages se lisent en portrait (320 et 390 px) comme en paysage.',
      en: 'No orientation is forced: pages read in portrait (320 and 390 px) as in landscape.',
    },
  },
];

// ——— Computing the rate the RGAA way ———

/** The verdict of one criterion on one page. */
export function verdictOn(result: CriterionResult, pageId: string): Verdict {
  if (result.notConforming?.includes(pageId)) return 'notConforming';
  if (result.notApplicable?.includes(pageId)) return 'notApplicable';
  return 'conforming';
}

/**
 * A criterion's verdict on the sample (RGAA method): not conforming if it is on one page at least;
 * not applicable if it is on every page; conforming otherwise.
 */
export function verdictOf(result: CriterionResult): Verdict {
  const verdicts = pageIds().map((id) => verdictOn(result, id));
  if (verdicts.includes('notConforming')) return 'notConforming';
  if (verdicts.every((v) => v === 'notApplicable')) return 'notApplicable';
  return 'conforming';
}

export type ConformanceStatus = 'full' | 'partial' | 'none';

export const CONFORMANCE_STATUS_LABELS: Record<ConformanceStatus, Label> = {
  full: { fr: 'totalement conforme', en: 'fully compliant' },
  partial: { fr: 'partiellement conforme', en: 'partially compliant' },
  none: { fr: 'non conforme', en: 'non-compliant' },
};

/**
 * The rate of compliance: criteria conforming over applicable criteria (conforming + not conforming),
 * and the status by the official rule — totally at 100 %, partially from 50 %, not below 50 %. Only a
 * complete audit (every criterion of the RGAA) may say « totalement conforme »: the criteria a partial
 * audit did not check are not known to be met, so it says « partiellement conforme » at best.
 */
export function auditSummary(
  results: readonly CriterionResult[] = AUDIT_RESULTS,
  options: { complete?: boolean } = {},
) {
  const complete = options.complete ?? results.length >= RGAA_CRITERIA_TOTAL;
  const verdicts = results.map(verdictOf);
  const conforming = verdicts.filter((v) => v === 'conforming').length;
  const notConforming = verdicts.filter((v) => v === 'notConforming').length;
  const notApplicable = verdicts.filter((v) => v === 'notApplicable').length;
  const applicable = conforming + notConforming;
  const rate = applicable === 0 ? 100 : Math.round((conforming / applicable) * 1000) / 10;
  const status: ConformanceStatus =
    complete && notConforming === 0 && applicable > 0 ? 'full' : rate >= 50 ? 'partial' : 'none';
  return { conforming, notConforming, notApplicable, applicable, rate, status, complete };
}

/** The non-compliant content: each criterion not conforming, with its pages and what was seen. */
export function nonCompliantContent(results: readonly CriterionResult[] = AUDIT_RESULTS) {
  return results
    .filter((r) => verdictOf(r) === 'notConforming')
    .map((r) => ({
      ...RGAA_CRITERIA[r.criterion],
      id: r.criterion,
      pages: AUDIT_PAGES.filter((p) => r.notConforming?.includes(p.id)),
      note: r.note,
    }));
}
