/**
 * The inventory layout of CSV and XLSX imports and exports: French headers, one row per application.
 * The stable key is "Identifiant": importing a file again updates the applications it names, never
 * duplicates.
 * Lists inside a cell are separated by ";" ; enumerated values accept the French label or the code.
 */
export interface InventoryColumn {
  header: string;
  key: string;
  required: boolean;
  help: string;
  example: string;
}

export const LIST_SEPARATOR = ';';

/**
 * The example row of the templates: plainly fictitious, and refused by the import (by its code or its
 * name), so that a template sent back as it is never creates nor overwrites a sheet.
 */
export const TEMPLATE_EXAMPLE = { code: 'EXEMPLE-A-SUPPRIMER', name: 'Exemple — ligne à supprimer' };

export const INVENTORY_COLUMNS: InventoryColumn[] = [
  {
    header: 'Identifiant',
    key: 'code',
    required: true,
    help: "Clé stable de l'application : 2 à 40 caractères, majuscules, chiffres, tirets. Un nouvel import met à jour la fiche qui porte cet identifiant.",
    example: TEMPLATE_EXAMPLE.code,
  },
  {
    header: 'Nom',
    key: 'name',
    required: true,
    help: "Nom usuel de l'application.",
    example: TEMPLATE_EXAMPLE.name,
  },
  {
    header: 'Description courte',
    key: 'summary',
    required: true,
    help: '10 à 200 caractères.',
    example: "Ligne d'exemple : remplacez-la par vos applications, une par ligne.",
  },
  {
    header: 'Description',
    key: 'description',
    required: false,
    help: 'Texte libre, Markdown accepté.',
    example: 'Exemple : circuit de validation à deux niveaux.',
  },
  {
    header: 'Domaine métier',
    key: 'domainCode',
    required: true,
    help: 'Libellé ou code du référentiel des domaines métier.',
    example: 'Ressources humaines',
  },
  {
    header: 'Organisme concepteur',
    key: 'designer',
    required: true,
    help: "Code de l'organisme (voir l'annuaire).",
    example: 'CPAM-69',
  },
  {
    header: 'Organismes contributeurs',
    key: 'contributors',
    required: false,
    help: 'Codes séparés par « ; ».',
    example: 'CPAM-38;CPAM-42',
  },
  {
    header: 'Filière',
    key: 'track',
    required: true,
    help: 'Labellisation, Homologation, Hors standard, Participation nationale ou Non déclarée.',
    example: 'Homologation',
  },
  {
    header: 'Certification',
    key: 'certificationStatus',
    required: false,
    help: "Laissez vide : la certification est décidée par l'agent comptable national ou la DDSI, seuls à pouvoir la reprendre d'un inventaire (Aucune certification, Certification en cours, Labellisée, Homologuée, Certification retirée).",
    example: '',
  },
  {
    header: 'Cycle de vie',
    key: 'lifecycleStage',
    required: true,
    help: 'En développement, En production, En fin de vie ou Retirée.',
    example: 'En production',
  },
  {
    header: 'Niveau de maturité',
    key: 'maturityLevel',
    required: false,
    help: 'Nombre de 1 à 5.',
    example: '3',
  },
  {
    header: 'Criticité',
    key: 'criticalityClass',
    required: false,
    help: 'Faible, Modérée, Élevée ou Critique.',
    example: 'Modérée',
  },
  { header: 'Version PHP', key: 'php', required: false, help: '', example: '8.2' },
  { header: 'Version Symfony', key: 'symfony', required: false, help: '', example: '6.4' },
  { header: 'Version Starter Kit', key: 'starterKit', required: false, help: '', example: '3.1' },
  { header: 'Version normes PSRAM', key: 'psram', required: false, help: '', example: '2.0' },
  { header: 'Base de données', key: 'database', required: false, help: '', example: 'PostgreSQL' },
  {
    header: 'Autres technologies',
    key: 'otherTechnologies',
    required: false,
    help: 'Séparées par « ; ».',
    example: 'Vue.js;Redis',
  },
  {
    header: 'Hébergement',
    key: 'hosting',
    required: true,
    help: "AM Cloud, Serveur de l'organisme ou Autre hébergement.",
    example: 'AM Cloud',
  },
  {
    header: 'Données personnelles',
    key: 'personalData',
    required: false,
    help: 'oui ou non (non par défaut).',
    example: 'oui',
  },
  {
    header: 'Catégories de données personnelles',
    key: 'personalDataCategories',
    required: false,
    help: 'Libellés ou codes séparés par « ; ».',
    example: 'Coordonnées;Vie professionnelle',
  },
  {
    header: 'Référence registre CNIL',
    key: 'cnilReference',
    required: false,
    help: '',
    example: 'RT-2024-017',
  },
  {
    header: 'Connecteurs nationaux',
    key: 'connectors',
    required: false,
    help: 'Séparés par « ; ».',
    example: 'PROGRES;SNGI',
  },
  {
    header: 'URL forge',
    key: 'forgeUrl',
    required: false,
    help: 'Adresse http(s).',
    example: 'https://forge.exemple.fr/organisme/exemple',
  },
  {
    header: 'URL documentation',
    key: 'documentationUrl',
    required: false,
    help: 'Adresse http(s).',
    example: '',
  },
  {
    header: 'Licence',
    key: 'licence',
    required: false,
    help: 'Identifiant SPDX de préférence.',
    example: 'EUPL-1.2',
  },
  { header: 'Mainteneur', key: 'maintainerName', required: false, help: '', example: 'Prénom Nom (exemple)' },
  {
    header: 'E-mail mainteneur',
    key: 'maintainerEmail',
    required: false,
    help: '',
    example: 'prenom.nom@exemple.fr',
  },
  {
    header: 'Téléphone mainteneur',
    key: 'maintainerPhone',
    required: false,
    help: '30 caractères au plus.',
    example: '',
  },
  {
    header: 'Support niveau 2',
    key: 'supportName',
    required: false,
    help: 'Équipe ou personne.',
    example: 'Équipe support (exemple)',
  },
  { header: 'E-mail support niveau 2', key: 'supportEmail', required: false, help: '', example: '' },
  {
    header: 'Téléphone support niveau 2',
    key: 'supportPhone',
    required: false,
    help: '30 caractères au plus.',
    example: '',
  },
  {
    header: 'Versions',
    key: 'versions',
    required: false,
    help: 'Numéro et date (AAAA-MM-JJ) entre parenthèses, séparés par « ; ».',
    example: '3.0.0 (2025-03-01);3.1.0 (2026-02-10)',
  },
];
