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
  | 'tooManyRequests';

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
  503: 'Service indisponible',
};

export const notFound = (what: string) => new AppError('notFound', `${what} introuvable.`);
export const forbidden = (detail = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new AppError('forbidden', detail);
export const staleVersion = () =>
  new AppError(
    'staleVersion',
    "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. Rechargez-la pour voir les changements, puis recommencez.",
  );
