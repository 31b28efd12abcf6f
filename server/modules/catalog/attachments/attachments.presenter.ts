import type { AttachmentDto } from '../../../../common/schemas/application.ts';
import type { AttachmentSummaryRow } from './attachments.queries.ts';

export function presentAttachment(a: AttachmentSummaryRow): AttachmentDto {
  return {
    id: a.id,
    kind: a.kind as AttachmentDto['kind'],
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    createdAt: (a.createdAt instanceof Date ? a.createdAt : new Date(a.createdAt)).toISOString(),
  };
}
