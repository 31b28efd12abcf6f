import type { FastifyRequest } from 'fastify';
import { withoutAccents } from '../../common/text.ts';
import { AppError } from './errors.ts';

/** Content-Disposition for any name: an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string) {
  const ascii =
    withoutAccents(fileName)
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'fichier';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const badForm = (detail: string, field = 'file') =>
  new AppError('badRequest', detail, { errors: [{ field, message: detail }] });

/**
 * Bidirectional and invisible format controls (U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2069,
 * U+FEFF): « facture\u202Egnp.exe » shows as « factureexe.png ». Removed from any stored file name.
 */
const FORMAT_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROLS_AND_RESERVED = /[\u0000-\u001f\u007f-\u009f"<>|:*?]/g;

/**
 * A file name safe to store and to send back: no path, no control characters (C0, C1, bidirectional
 * overrides and isolates), 150 characters at most.
 */
export function safeFileName(name: string) {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(FORMAT_CONTROLS, '').replace(CONTROLS_AND_RESERVED, '_').trim();
  return (cleaned || 'fichier').slice(-150);
}

/** What parsing a multipart body can throw, as the French problem the sender can act on. */
function uploadProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return error; // 413, answered by the error handler
  if (code === 'FST_FILES_LIMIT')
    return badForm('Envoyez un seul fichier à la fois, dans le champ « file ».');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return badForm('Le formulaire contient trop de champs.', '(corps)');
  if (statusCode && statusCode >= 500) return error;
  // busboy's own errors: no boundary, a body cut short, a malformed part header…
  return badForm(
    'Le formulaire envoyé est incomplet ou mal formé (multipart/form-data) : renvoyez le fichier.',
    '(corps)',
  );
}

/**
 * The one file of a multipart upload (field « file »), with the text fields sent with it. The whole
 * body is read: a file cut at the size limit is refused (413), never returned truncated.
 */
export async function uploadedFile(request: FastifyRequest, limit: number) {
  if (!request.isMultipart())
    throw badForm('Envoyez le fichier en multipart/form-data, dans le champ « file ».');
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: limit, files: 1 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badForm(`Le fichier est attendu dans le champ « file » (reçu : « ${part.fieldname} »).`);
      }
      const content = await part.toBuffer();
      if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
      file = { name: part.filename, content };
    }
  } catch (error) {
    throw uploadProblem(error);
  }
  if (!file) throw badForm('Le champ « file » est obligatoire.');
  return { ...file, fields };
}
