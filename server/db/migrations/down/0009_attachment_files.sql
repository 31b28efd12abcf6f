-- Undoes 0009_attachment_files.sql (statements in reverse order).
ALTER TABLE "application_attachments" ALTER COLUMN "content" SET NOT NULL;
