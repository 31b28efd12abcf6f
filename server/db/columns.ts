import { customType, integer, text, timestamp, type uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';

/** Column types and groups several schema files share. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** What every table of attached files holds about a file (its bytes are on disk, lib/attachment-files.ts). */
export const attachmentFileColumns = (uploader: () => ReturnType<typeof uuid>) => ({
  kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uploader(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
