-- Undoes 0013_project_files_withdrawal_reason.sql (statements in reverse order).
DROP INDEX "project_attachments_project_idx";
--> statement-breakpoint
ALTER TABLE "project_attachments" DROP CONSTRAINT "project_attachments_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "project_attachments" DROP CONSTRAINT "project_attachments_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "sponsorship_requests" DROP COLUMN "withdrawal_reason";
--> statement-breakpoint
DROP TABLE "project_attachments";
