-- Undoes 0021_execution_evidence_files.sql (statements in reverse order).
DROP INDEX "acceptance_execution_files_execution_idx";
--> statement-breakpoint
ALTER TABLE "acceptance_execution_files" DROP CONSTRAINT "acceptance_execution_files_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "acceptance_execution_files" DROP CONSTRAINT "acceptance_execution_files_execution_id_acceptance_executions_id_fk";
--> statement-breakpoint
DROP TABLE "acceptance_execution_files";
