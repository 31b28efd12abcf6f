import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { checkViolationField, sqlState } from '../db/checks.ts';
import { AppError, type FieldError, STATUS_BY_CODE, TITLE_BY_STATUS } from '../lib/errors.ts';

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

function fieldErrorsFrom(validation: ValidationItem[]): FieldError[] {
  return validation.map((item) => {
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

/** Every error leaves as RFC 9457 problem+json with a French detail; nothing internal leaks. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.extra.retryAfterSeconds) reply.header('Retry-After', String(error.extra.retryAfterSeconds));
      return sendProblem(reply, request, STATUS_BY_CODE[error.code], error.detail, {
        code: error.code,
        ...(error.extra.errors ? { errors: error.extra.errors } : {}),
        ...(error.extra.refusal ? { refusal: error.extra.refusal } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
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
    const state = sqlState(error);
    if (state === '40P01' || state === '40001') {
      // Two changes crossed (deadlock or serialisation failure): the database undid this one entirely.
      request.log.warn({ err: error }, 'concurrent change refused by the database');
      return sendProblem(
        reply,
        request,
        409,
        "Une autre modification est intervenue au même moment : rien n'a été enregistré. Rechargez la page, puis recommencez.",
        { code: 'conflict' },
      );
    }
    const refusedField = checkViolationField(error);
    if (refusedField) {
      // The database holds the code lists too: a value the schemas let through is refused there, not stored.
      request.log.warn({ err: error }, 'value refused by a database check');
      const message = 'Cette valeur ne fait pas partie de la liste autorisée.';
      return sendProblem(
        reply,
        request,
        422,
        `La valeur de « ${refusedField} » n'est pas reconnue. ${message}`,
        {
          code: 'unprocessable',
          errors: [{ field: refusedField, message }],
        },
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, request, 413, 'Le contenu envoyé est trop volumineux.');
    if (status === 415)
      return sendProblem(reply, request, 415, "Ce type de contenu n'est pas accepté : envoyez du JSON.");
    if (status >= 400 && status < 500) {
      const detail =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? "Le corps de la requête n'est pas un JSON valide."
          : 'La requête est invalide.';
      return sendProblem(reply, request, status, detail);
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
