import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { pino } from 'pino';
import { driverError } from './database-errors.ts';

/*
 * What reaches the log. Never a request's body or query string, never a database query or its
 * parameters: an argon2 hash and an e-mail address once reached it through a database error that
 * carried its parameters. Decided:
 * - requests are logged by method and path; the query string is left out, because searches and
 *   filters carry what people typed (names, e-mail addresses in the users' search, free text);
 * - a database error is logged by its SQLSTATE, constraint, table, column and routine, with the stack
 *   frames only: its message and `detail` may quote values, and Drizzle's wrapper quotes the query and
 *   every parameter;
 * - any other error by its type, message, code, status and stack (allow-list: no other property).
 */

/** The stack frames of an error, without the message lines above them (which may quote values). */
const framesOf = (stack: string | undefined) =>
  (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'not an error', stack: '' };
  const driver = driverError(error);
  if (driver) {
    return {
      type: error.constructor.name,
      message: `database error ${driver.code}`,
      sqlState: driver.code,
      constraint: driver.constraint,
      table: driver.table,
      column: driver.column,
      routine: driver.routine,
      stack: framesOf(error.stack),
    };
  }
  const standard = pino.stdSerializers.err(error);
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: standard.type,
    message: standard.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    stack: standard.stack,
  };
}

export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: request.url.split('?')[0],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger options with the serializers above (a logger given as an instance keeps its own). */
export function safeLoggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (typeof logger !== 'object' || logger === null) return logger;
  return { ...logger, serializers: { ...logger.serializers, err: serializeError, req: serializeRequest } };
}
