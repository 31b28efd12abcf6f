-- Undoes 0029_compensation.sql (statements in reverse order).
DROP INDEX "effort_entries_corrects_idx";
--> statement-breakpoint
DROP INDEX "effort_entries_office_month_idx";
--> statement-breakpoint
DROP INDEX "agreements_state_idx";
--> statement-breakpoint
DROP INDEX "agreements_office_idx";
--> statement-breakpoint
DROP INDEX "agreement_comments_agreement_idx";
--> statement-breakpoint
ALTER TABLE "effort_entries" DROP CONSTRAINT "effort_entries_recorded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_entries" DROP CONSTRAINT "effort_entries_corrects_id_effort_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_entries" DROP CONSTRAINT "effort_entries_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_entries" DROP CONSTRAINT "effort_entries_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_entries" DROP CONSTRAINT "effort_entries_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_confirmations" DROP CONSTRAINT "effort_confirmations_confirmed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "effort_confirmations" DROP CONSTRAINT "effort_confirmations_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "daily_rate_tables" DROP CONSTRAINT "daily_rate_tables_published_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_amends_id_agreements_id_fk";
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_texts" DROP CONSTRAINT "agreement_texts_author_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_texts" DROP CONSTRAINT "agreement_texts_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_texts" DROP CONSTRAINT "agreement_texts_agreement_id_agreements_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_comments" DROP CONSTRAINT "agreement_comments_author_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_comments" DROP CONSTRAINT "agreement_comments_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "agreement_comments" DROP CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk";
--> statement-breakpoint
DROP TABLE "effort_entries";
--> statement-breakpoint
DROP TABLE "effort_confirmations";
--> statement-breakpoint
DROP TABLE "daily_rate_tables";
--> statement-breakpoint
DROP TABLE "agreements";
--> statement-breakpoint
DROP TABLE "agreement_texts";
--> statement-breakpoint
DROP TABLE "agreement_comments";
