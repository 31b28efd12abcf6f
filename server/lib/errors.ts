/** One error type for the whole server; its code maps to an HTTP status in one place (plugins/errors.ts). */
export type ErrorCode =
  | 'badRequest'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'staleVersion'
  | 'unprocessable'
  | 'notAcceptable'
  | 'unsupportedMediaType'
  | 'tooManyRequests'
  | 'badGateway'
  | 'serviceUnavailable';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** French, written for the person who can act on it. */
    readonly detail: string,
    readonly extra: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** A lifecycle refusal: its code and parameters, which the web translates. */
      refusal?: { code: string; params: Record<string, string | number> };
    } = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  badRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  staleVersion: 409,
  unprocessable: 422,
  notAcceptable: 406,
  unsupportedMediaType: 415,
  tooManyRequests: 429,
  badGateway: 502,
  serviceUnavailable: 503,
};

export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Ressource introuvable',
  405: 'Méthode non autorisée',
  406: 'Contenu non acceptable',
  408: 'Délai dépassé',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  414: 'Adresse trop longue',
  415: 'Type de contenu non pris en charge',
  422: 'Action impossible',
  429: 'Trop de requêtes',
  431: 'En-têtes trop volumineux',
  500: 'Erreur interne',
  502: 'Erreur du système distant',
  503: 'Service indisponible',
};

export const notFound = (what: string) => new AppError('notFound', `${what} introuvable.`);
export const forbidden = (detail = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new AppError('forbidden', detail);
/** What was changed meanwhile, as the 409 names it, and whether French writes it in the feminine. */
const STALE_SUBJECTS = {
  application: ['Cette fiche', true],
  project: ['Ce projet', false],
  sponsorship: ['Cette demande de parrainage', true],
  offer: ['Cette proposition', true],
  user: ['Ce compte', false],
  campaign: ['Cette campagne de recette', true],
  anomaly: ['Cette anomalie', true],
  evaluation: ['Cette évaluation', true],
  answer: ['Cette réponse', true],
  grid: ['Cette version de grille', true],
  record: ['Cet élément', false],
  review: ['Cet avis', false],
  deploymentRequest: ['Cette demande de mise à disposition', true],
  developerProfile: ['Ce profil', false],
  referentApplication: ['Cette candidature', true],
  trainingSession: ['Cette session de formation', true],
  call: ['Cet appel à projets', false],
  question: ['Cette question', true],
  proposal: ['Cette proposition', true],
  meeting: ['Cette séance', true],
  boardItem: ["Ce point soumis à l'instance", false],
  supportTicket: ['Ce ticket', false],
  referentialProposal: ['Cette proposition au référentiel', true],
  accessibilityReport: ['Ce signalement d’accessibilité', false],
  agreement: ['Cette convention', true],
  statement: ['Ce relevé', false],
  hostingBudget: ['Ce budget', false],
  clubWish: ['Cette évolution', true],
  clubMeeting: ['Cette réunion', true],
  siteSettings: ['Le paramétrage du site', false],
} as const;
export type StaleSubject = keyof typeof STALE_SUBJECTS;

export const staleVersion = (subject: StaleSubject) => {
  const [what, feminine] = STALE_SUBJECTS[subject];
  const [e, it] = feminine ? ['e', 'la'] : ['', 'le'];
  return new AppError(
    'staleVersion',
    `${what} a été modifié${e} par quelqu'un d'autre depuis que vous l'avez ouvert${e}. Rechargez-${it} pour voir les changements, puis recommencez.`,
  );
};
