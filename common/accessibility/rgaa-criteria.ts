import type { Label } from '../lifecycle.ts';

/**
 * The RGAA 4.1 criteria of the manual audit (common/accessibility/audit.ts): those of the themes that
 * tools cannot decide — text alternatives, colours as information, tables, links, scripts and status
 * messages, mandatory elements, structure (headings, landmarks, lists), presentation (zoom, focus,
 * reflow, text spacing), forms, navigation (skip links, tab order, traps), and motion. Numbers and
 * French titles as the RGAA 4.1 publishes them (DINUM, accessibilite.numerique.gouv.fr).
 */
export const RGAA_THEMES = {
  1: { fr: 'Images', en: 'Images' },
  3: { fr: 'Couleurs', en: 'Colours' },
  5: { fr: 'Tableaux', en: 'Tables' },
  6: { fr: 'Liens', en: 'Links' },
  7: { fr: 'Scripts', en: 'Scripts' },
  8: { fr: 'Éléments obligatoires', en: 'Mandatory elements' },
  9: { fr: "Structuration de l'information", en: 'Structure of information' },
  10: { fr: "Présentation de l'information", en: 'Presentation of information' },
  11: { fr: 'Formulaires', en: 'Forms' },
  12: { fr: 'Navigation', en: 'Navigation' },
  13: { fr: 'Consultation', en: 'Consultation' },
} as const satisfies Record<number, Label>;

const criterion = (title: string, en: string) => ({ title: { fr: title, en } });

export const RGAA_CRITERIA = {
  '1.1': criterion(
    "Chaque image porteuse d'information a-t-elle une alternative textuelle ?",
    'Does each informative image have a text alternative?',
  ),
  '1.2': criterion(
    "Chaque image de décoration est-elle correctement ignorée par les technologies d'assistance ?",
    'Is each decorative image correctly ignored by assistive technologies?',
  ),
  '1.3': criterion(
    "Pour chaque image porteuse d'information ayant une alternative textuelle, cette alternative est-elle pertinente (hors cas particuliers) ?",
    'For each informative image with a text alternative, is the alternative relevant?',
  ),
  '3.1': criterion(
    "Dans chaque page web, l'information ne doit pas être donnée uniquement par la couleur. Cette règle est-elle respectée ?",
    'On each page, information must not be conveyed by colour alone. Is this rule met?',
  ),
  '3.3': criterion(
    "Dans chaque page web, les couleurs utilisées dans les composants d'interface ou les éléments graphiques porteurs d'informations sont-elles suffisamment contrastées (hors cas particuliers) ?",
    'On each page, are the colours of interface components and informative graphics contrasted enough?',
  ),
  '5.1': criterion(
    'Chaque tableau de données complexe a-t-il un résumé ?',
    'Does each complex data table have a summary?',
  ),
  '5.4': criterion(
    'Pour chaque tableau de données ayant un titre, le titre est-il correctement associé au tableau de données ?',
    'For each data table with a title, is the title correctly associated with the table?',
  ),
  '5.6': criterion(
    'Pour chaque tableau de données, chaque en-tête de colonne et chaque en-tête de ligne sont-ils correctement déclarés ?',
    'For each data table, is each column and row header correctly declared?',
  ),
  '5.7': criterion(
    'Pour chaque tableau de données, la technique appropriée permettant d’associer chaque cellule avec ses en-têtes est-elle utilisée (hors cas particuliers) ?',
    'For each data table, is the right technique used to associate each cell with its headers?',
  ),
  '6.1': criterion('Chaque lien est-il explicite (hors cas particuliers) ?', 'Is each link explicit?'),
  '6.2': criterion(
    'Dans chaque page web, chaque lien a-t-il un intitulé ?',
    'On each page, does each link have a name?',
  ),
  '7.1': criterion(
    "Chaque script est-il, si nécessaire, compatible avec les technologies d'assistance ?",
    'Is each script, where needed, compatible with assistive technologies?',
  ),
  '7.3': criterion(
    'Chaque script est-il contrôlable par le clavier et par tout dispositif de pointage (hors cas particuliers) ?',
    'Can each script be operated with the keyboard and any pointing device?',
  ),
  '7.5': criterion(
    "Dans chaque page web, les messages de statut sont-ils correctement restitués par les technologies d'assistance ?",
    'On each page, are status messages correctly rendered by assistive technologies?',
  ),
  '8.3': criterion(
    'Dans chaque page web, la langue par défaut est-elle présente ?',
    'On each page, is the default language given?',
  ),
  '8.5': criterion('Chaque page web a-t-elle un titre de page ?', 'Does each page have a page title?'),
  '8.6': criterion(
    'Pour chaque page web ayant un titre de page, ce titre est-il pertinent ?',
    'For each page with a title, is the title relevant?',
  ),
  '9.1': criterion(
    "Dans chaque page web, l'information est-elle structurée par l'utilisation appropriée de titres ?",
    'On each page, is information structured with appropriate headings?',
  ),
  '9.2': criterion(
    'Dans chaque page web, la structure du document est-elle cohérente (hors cas particuliers) ?',
    "On each page, is the document's structure consistent (landmarks)?",
  ),
  '9.3': criterion(
    'Dans chaque page web, chaque liste est-elle correctement structurée ?',
    'On each page, is each list correctly structured?',
  ),
  '10.4': criterion(
    "Dans chaque page web, le texte reste-t-il lisible lorsque la taille des caractères est augmentée jusqu'à 200 %, au moins (hors cas particuliers) ?",
    'On each page, does text stay readable when enlarged to 200 %?',
  ),
  '10.7': criterion(
    'Dans chaque page web, pour chaque élément recevant le focus, la prise de focus est-elle visible ?',
    'On each page, is the focus of each focusable element visible?',
  ),
  '10.11': criterion(
    'Pour chaque page web, les contenus peuvent-ils être présentés sans avoir recours à la fois à un défilement vertical pour une fenêtre ayant une hauteur de 256 px ou à un défilement horizontal pour une fenêtre ayant une largeur de 320 px (hors cas particuliers) ?',
    'Can content be shown without scrolling in two directions in a window 320 px wide (reflow)?',
  ),
  '10.12': criterion(
    "Dans chaque page web, les propriétés d'espacement du texte peuvent-elles être redéfinies par l'utilisateur sans perte de contenu ou de fonctionnalité (hors cas particuliers) ?",
    'On each page, can text spacing be redefined by the user without loss of content or function?',
  ),
  '10.13': criterion(
    "Dans chaque page web, les contenus additionnels apparaissant à la prise de focus ou au survol d'un composant d'interface sont-ils contrôlables par l'utilisateur (hors cas particuliers) ?",
    'On each page, can content appearing on focus or hover be controlled by the user?',
  ),
  '11.1': criterion(
    'Chaque champ de formulaire a-t-il une étiquette ?',
    'Does each form field have a label?',
  ),
  '11.2': criterion(
    'Chaque étiquette associée à un champ de formulaire est-elle pertinente (hors cas particuliers) ?',
    "Is each field's label relevant?",
  ),
  '11.10': criterion(
    'Dans chaque formulaire, le contrôle de saisie est-il utilisé de manière pertinente (hors cas particuliers) ?',
    'In each form, is input checking used relevantly (required fields, formats)?',
  ),
  '11.11': criterion(
    'Dans chaque formulaire, le contrôle de saisie est-il accompagné, si nécessaire, de suggestions facilitant la correction des erreurs de saisie ?',
    'In each form, does input checking come with suggestions to correct errors?',
  ),
  '11.13': criterion(
    "La finalité d'un champ de saisie peut-elle être déduite pour faciliter le remplissage automatique des champs avec les données de l'utilisateur ?",
    "Can a field's purpose be determined for autofill of the user's data?",
  ),
  '12.6': criterion(
    "Les zones de regroupement de contenus présentes dans plusieurs pages web (zones d'en-tête, de navigation principale, de contenu principal, de pied de page et de moteur de recherche) peuvent-elles être atteintes ou évitées ?",
    'Can the areas shared by several pages (header, main navigation, main content, footer, search) be reached or skipped?',
  ),
  '12.7': criterion(
    "Dans chaque page web, un lien d'évitement ou d'accès rapide à la zone de contenu principal est-il présent (hors cas particuliers) ?",
    'On each page, is there a skip link to the main content?',
  ),
  '12.8': criterion(
    "Dans chaque page web, l'ordre de tabulation est-il cohérent ?",
    'On each page, is the tab order consistent?',
  ),
  '12.9': criterion(
    'Dans chaque page web, la navigation ne doit pas contenir de piège au clavier. Cette règle est-elle respectée ?',
    'On each page, navigation must not contain a keyboard trap. Is this rule met?',
  ),
  '13.8': criterion(
    'Dans chaque page web, chaque contenu en mouvement ou clignotant est-il contrôlable par l’utilisateur ?',
    'On each page, can the user control each moving or blinking content?',
  ),
  '13.9': criterion(
    "Dans chaque page web, le contenu proposé est-il consultable quelle que soit l'orientation de l'écran (portrait ou paysage) (hors cas particuliers) ?",
    'On each page, can content be read in any screen orientation?',
  ),
} as const satisfies Record<string, { title: Label }>;

export type RgaaCriterionId = keyof typeof RGAA_CRITERIA;

/** The theme number of a criterion ("10.11" → 10). */
export const themeOf = (id: RgaaCriterionId) => Number(id.split('.')[0]) as keyof typeof RGAA_THEMES;
