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

const fileRequired = (detail: string) =>
  new AppError('badRequest', detail, { errors: [{ field: 'file', message: detail }] });

/** The one file of a multipart upload (field « file »), with the text fields sent before it. */
export async function uploadedFile(request: FastifyRequest, limit: number) {
  if (!request.isMultipart())
    throw fileRequired('Envoyez le fichier en multipart/form-data, dans le champ « file ».');
  const part = await request.file({ limits: { fileSize: limit, files: 1 } });
  if (part?.fieldname !== 'file') throw fileRequired('Le champ « file » est obligatoire.');
  const content = await part.toBuffer();
  const fields = Object.fromEntries(
    Object.entries(part.fields).flatMap(([key, field]) =>
      field && !Array.isArray(field) && field.type === 'field' ? [[key, String(field.value)]] : [],
    ),
  );
  return { name: part.filename, content, fields };
}
