-- Undoes 0015_evaluation_grids.sql (statements in reverse order).
DROP TRIGGER evaluation_grid_versions_frozen ON "evaluation_grid_versions";
--> statement-breakpoint
DROP FUNCTION evaluation_grid_versions_frozen();
--> statement-breakpoint
DROP INDEX "evaluations_grid_version_idx";
--> statement-breakpoint
DROP INDEX "evaluation_grid_versions_one_published_key";
--> statement-breakpoint
DROP INDEX "evaluation_grid_versions_one_draft_key";
--> statement-breakpoint
DROP INDEX "evaluation_grid_versions_number_key";
--> statement-breakpoint
DROP INDEX "evaluation_evidence_files_answer_idx";
--> statement-breakpoint
DROP INDEX "evaluation_answers_requirement_key";
--> statement-breakpoint
ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_grid_version_id_evaluation_grid_versions_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_grid_versions" DROP CONSTRAINT "evaluation_grid_versions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_grid_versions" DROP CONSTRAINT "evaluation_grid_versions_grid_id_evaluation_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_evidence_files" DROP CONSTRAINT "evaluation_evidence_files_uploaded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_evidence_files" DROP CONSTRAINT "evaluation_evidence_files_answer_id_evaluation_answers_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_answers" DROP CONSTRAINT "evaluation_answers_reviewed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_answers" DROP CONSTRAINT "evaluation_answers_answered_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_answers" DROP CONSTRAINT "evaluation_answers_evaluation_id_evaluations_id_fk";
--> statement-breakpoint
DROP TABLE "evaluations";
--> statement-breakpoint
DROP TABLE "evaluation_grids";
--> statement-breakpoint
DROP TABLE "evaluation_grid_versions";
--> statement-breakpoint
DROP TABLE "evaluation_evidence_files";
--> statement-breakpoint
DROP TABLE "evaluation_answers";
