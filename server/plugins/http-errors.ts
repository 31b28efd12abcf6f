import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { TITLE_BY_STATUS } from '../lib/errors.ts';
import { DETAIL_BY_STATUS, frameworkDetail, sendProblem } from './errors.ts';

/**
 * Refusals that happen before a route is found: a URL whose %-encoding is broken (400), a path
 * parameter longer than `maxParamLength` (414). Fastify passes them here instead of its English JSON.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return sendProblem(reply, request, status, frameworkDetail(error, status));
}

/** A request line longer than this, with the headers unread, is a URL too long rather than headers. */
const LONGEST_REQUEST_LINE = 8 * 1024;

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers too large, a URL too long,
 * a request that is not HTTP): written on the socket as problem+json, then the connection closes.
 * Not logged: nothing in it is the server's fault, and its headers may carry a session cookie.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const raw: unknown = error.rawPacket;
  const endOfRequestLine = Buffer.isBuffer(raw) ? raw.indexOf('\r\n') : -1;
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 408
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? endOfRequestLine === -1 || endOfRequestLine > LONGEST_REQUEST_LINE
          ? 414
          : 431
        : 400;
  if (socket.writable) {
    const body = JSON.stringify({
      type: 'about:blank',
      title: TITLE_BY_STATUS[status] ?? 'Erreur',
      status,
      detail:
        status === 400
          ? "La requête n'est pas une requête HTTP valide."
          : (DETAIL_BY_STATUS[status] as string),
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
