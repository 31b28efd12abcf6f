import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appErrorFromDatabase, driverError } from '../lib/database-errors.ts';
import { AppError, type FieldError, STATUS_BY_CODE, TITLE_BY_STATUS } from '../lib/errors.ts';

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

/** One error a field, the first found (a malformed date is not also told it is out of range). */
function fieldErrorsFrom(validation: ValidationItem[]): FieldError[] {
  const errors = validation.map((item) => {
    const issuePath = item.params?.issue?.path;
    const field =
      issuePath && issuePath.length > 0
        ? issuePath.map(String).join('.')
        : (item.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    return {
      field: field || '(corps)',
      message: item.params?.issue?.message ?? item.message ?? 'Valeur invalide',
    };
  });
  return errors.filter((error, index) => errors.findIndex((e) => e.field === error.field) === index);
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: TITLE_BY_STATUS[status] ?? 'Erreur',
      status,
      detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...extra,
    });
}

/** Fastify's and its plugins' own refusals (parsing, routing, limits), said in French. */
const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "Le corps de la requête n'est pas un JSON valide.",
  FST_ERR_CTP_EMPTY_JSON_BODY:
    'Le corps de la requête est vide alors que son type est JSON : envoyez un objet JSON, ou aucun en-tête Content-Type.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH:
    'La longueur annoncée (Content-Length) ne correspond pas au contenu envoyé.',
  FST_ERR_CTP_INVALID_TYPE: "L'en-tête Content-Type n'est pas valide.",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "Ce type de contenu n'est pas accepté : envoyez du JSON.",
  FST_ERR_CTP_BODY_TOO_LARGE: 'Le contenu envoyé est trop volumineux.',
  FST_ERR_BAD_URL: "L'adresse demandée est mal formée (un caractère encodé en % n'est pas valide).",
  FST_ERR_MAX_PARAM_LENGTH: "Un élément de l'adresse est trop long : vérifiez le lien suivi.",
  FST_ERR_ASYNC_CONSTRAINT: "La requête n'a pas pu être orientée : réessayez.",
};

/** A French detail for a refusal of the HTTP layer that names no known code. */
export const DETAIL_BY_STATUS: Record<number, string> = {
  400: 'La requête est invalide.',
  404: 'Aucune ressource ne correspond à cette adresse.',
  405: "Cette méthode n'est pas acceptée à cette adresse.",
  406: "Le contenu envoyé n'est pas du type attendu par cette adresse.",
  408: "La requête n'est pas arrivée à temps : réessayez.",
  413: 'Le contenu envoyé est trop volumineux.',
  414: "L'adresse demandée est trop longue.",
  415: "Ce type de contenu n'est pas accepté : envoyez du JSON.",
  431: 'Les en-têtes de la requête sont trop volumineux (cookies trop nombreux ?).',
};

export function frameworkDetail(error: { code?: string; statusCode?: number }, status: number): string {
  return (
    (error.code ? FRAMEWORK_DETAILS[error.code] : undefined) ??
    (error instanceof SyntaxError ? FRAMEWORK_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY : undefined) ??
    DETAIL_BY_STATUS[status] ??
    'La requête est invalide.'
  );
}

function sendAppError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (error.extra.retryAfterSeconds) reply.header('Retry-After', String(error.extra.retryAfterSeconds));
  return sendProblem(reply, request, STATUS_BY_CODE[error.code], error.detail, {
    code: error.code,
    ...(error.extra.errors ? { errors: error.extra.errors } : {}),
    ...(error.extra.refusal ? { refusal: error.extra.refusal } : {}),
  });
}

/** Every error leaves as RFC 9457 problem+json with a French detail; nothing internal leaks. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendAppError(reply, request, error);
    if (Array.isArray(error.validation) && error.validation.length > 0) {
      const errors = fieldErrorsFrom(error.validation as ValidationItem[]);
      const names = errors.map((e) => `« ${e.field} »`).join(', ');
      return sendProblem(
        reply,
        request,
        400,
        `Certains champs sont invalides : ${names}. ${errors[0]?.message ?? ''}`.trim(),
        { code: 'validation', errors },
      );
    }
    const fromDatabase = appErrorFromDatabase(error);
    if (fromDatabase) {
      // Logged by its code and constraint only: the query's parameters and the row's values stay out.
      const driver = driverError(error);
      request.log.warn(
        { sqlState: driver?.code, constraint: driver?.constraint, table: driver?.table },
        'request refused by the database',
      );
      return sendAppError(reply, request, fromDatabase);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, request, status, frameworkDetail(error, status));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      request,
      500,
      `Une erreur inattendue est survenue. Si elle persiste, transmettez au support l'identifiant ${request.id}.`,
    );
  });
}
